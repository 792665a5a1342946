//! "See a doctor first": the warning signs that need a doctor before any acupuncture, drawn as
//! one framed block in the Guidance tab's section and above the plan in Patient mode.

use crate::model::Atlas;
use egui::{FontId, RichText};

/// The atlas's red-flag item in a frame: heading, a line of text and the signs as a list.
/// Draws nothing when the atlas has no red-flag section.
pub fn red_flags_ui(ui: &mut egui::Ui, atlas: &Atlas, text_size: f32) {
    let Some(item) = atlas.red_flags() else {
        return;
    };
    let warn = ui.visuals().warn_fg_color;
    egui::Frame::new()
        .stroke(egui::Stroke::new(2.0, warn))
        .corner_radius(6)
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(&item.heading)
                    .font(FontId::new(text_size + 3.0, crate::paint::fonts::bold()))
                    .color(warn),
            );
            ui.label(RichText::new(&item.text).size(text_size));
            signs_ui(ui, &item.list, text_size);
        });
}

/// The list lines of a guidance item, one bullet each.
pub fn signs_ui(ui: &mut egui::Ui, list: &[crate::model::Prose], text_size: f32) {
    for sign in list {
        ui.label(RichText::new(format!("• {sign}")).size(text_size));
    }
}
