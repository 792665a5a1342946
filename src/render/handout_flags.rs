//! The handout's "see a doctor first" box: the atlas's warning signs, fed by the model
//! ([`crate::model::Atlas::red_flags`]) and drawn apart from the rest of the page, so a later
//! page format can take the same item.

use crate::model::GuidanceItem;
use crate::paint::fonts;
use egui::{FontId, RichText};

/// The warning signs in a framed box: the heading, one line of text, then the signs in two
/// columns so the box stays short.
pub fn red_flags_ui(ui: &mut egui::Ui, item: &GuidanceItem) {
    let ink = egui::Color32::from_rgb(0x9A, 0x3A, 0x00);
    egui::Frame::new()
        .stroke(egui::Stroke::new(1.2, ink))
        .corner_radius(4)
        .inner_margin(egui::Margin::symmetric(6, 4))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            // Tight lines: the box must leave the figures their room on a full page.
            ui.spacing_mut().item_spacing.y = 1.0;
            ui.label(
                RichText::new(&item.heading)
                    .font(FontId::new(13.5, fonts::bold()))
                    .color(ink),
            );
            ui.label(RichText::new(&item.text).size(11.0));
            let half = item.list.len().div_ceil(2).max(1);
            ui.columns(2, |cols| {
                for (col, chunk) in cols.iter_mut().zip(item.list.chunks(half)) {
                    for sign in chunk {
                        col.label(RichText::new(format!("• {sign}")).size(11.0));
                    }
                }
            });
        });
    ui.add_space(4.0);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn the_handout_box_shows_the_heading_and_every_warning_sign() {
        let atlas = load_builtin().unwrap();
        let item = atlas.red_flags().unwrap().clone();
        let shown = item.clone();
        let mut fonts_in = false;
        let harness = Harness::builder()
            .with_size(egui::vec2(900.0, 400.0))
            .build_ui(move |ui| {
                if !fonts_in {
                    crate::paint::fonts::install(ui.ctx());
                    fonts_in = true;
                }
                red_flags_ui(ui, &shown);
            });
        harness.get_by_label(&item.heading);
        for sign in &item.list {
            harness.get_by_label(&format!("• {sign}"));
        }
    }
}
