//! "See a doctor first": the warning signs that need a doctor before any acupuncture, drawn as
//! one framed block in the Guidance tab's section and above the plan in Patient mode, where
//! one click folds the signs once they have been gone through.

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
            // Shown whole at the start; once gone through with the patient, one click folds
            // it so the plan's cards come into view on a small screen.
            let id = ui.make_persistent_id("red flags folded");
            let folded = ui.data(|d| d.get_temp::<bool>(id)).unwrap_or(false);
            if !folded {
                ui.label(RichText::new(&item.text).size(text_size));
                signs_ui(ui, &item.list, text_size);
            }
            let toggle = if folded {
                "Show the warning signs"
            } else {
                "Fold the warning signs"
            };
            if ui.small_button(toggle).clicked() {
                ui.data_mut(|d| d.insert_temp(id, !folded));
            }
        });
}

/// The list lines of a guidance item, one bullet each.
pub fn signs_ui(ui: &mut egui::Ui, list: &[crate::model::Prose], text_size: f32) {
    for sign in list {
        ui.label(RichText::new(format!("• {sign}")).size(text_size));
    }
}
