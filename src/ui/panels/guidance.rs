//! The guidance tab: safety, the course of treatment, the state of the evidence and the
//! schools of acupuncture, each with its references.

use crate::model::Atlas;
use crate::ui::panels::detail::references_ui;
use egui::{FontId, RichText};

pub fn guidance_ui(ui: &mut egui::Ui, atlas: &Atlas) {
    for section in atlas.guidance() {
        egui::CollapsingHeader::new(
            RichText::new(&section.title).font(FontId::new(18.0, crate::paint::fonts::bold())),
        )
        .id_salt(&section.title)
        .default_open(true)
        .show(ui, |ui| {
            for item in &section.items {
                ui.label(RichText::new(&item.heading).strong());
                ui.label(&item.text);
                references_ui(ui, atlas, &item.references);
                ui.add_space(6.0);
            }
        });
    }
}
