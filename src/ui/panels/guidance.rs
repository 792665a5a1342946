//! The guidance tab: a table of contents, then safety, the course of treatment, the state of
//! the evidence and the schools of acupuncture, each a section that opens and closes, with its
//! references. Choosing an entry in the contents opens its section and scrolls to it.

use crate::model::Atlas;
use crate::ui::panels::detail::references_ui;
use egui::{FontId, RichText};

/// Where the section to scroll to is kept between the click and the frame that shows it.
fn scroll_key() -> egui::Id {
    egui::Id::unique("guidance_scroll_to")
}

pub fn guidance_ui(ui: &mut egui::Ui, atlas: &Atlas) {
    let sections = atlas.guidance();
    ui.label(RichText::new("Contents").font(FontId::new(16.0, crate::paint::fonts::bold())));
    let ids: Vec<egui::Id> = sections
        .iter()
        .map(|s| ui.make_persistent_id(("guidance", s.title.as_str())))
        .collect();
    for (section, id) in sections.iter().zip(&ids) {
        let entry = ui
            .add(
                egui::Label::new(RichText::new(format!("• {}", section.title)))
                    .sense(egui::Sense::click()),
            )
            .on_hover_text("Open this section");
        if entry.clicked() {
            let mut state = egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                *id,
                false,
            );
            state.set_open(true);
            state.store(ui.ctx());
            ui.data_mut(|d| d.insert_temp(scroll_key(), *id));
        }
    }
    ui.separator();
    let scroll_to: Option<egui::Id> = ui.data(|d| d.get_temp(scroll_key()));
    for (k, (section, id)) in sections.iter().zip(&ids).enumerate() {
        let state =
            egui::collapsing_header::CollapsingState::load_with_default_open(ui.ctx(), *id, k == 0);
        let header = state
            .show_header(ui, |ui| {
                ui.label(
                    RichText::new(&section.title)
                        .font(FontId::new(18.0, crate::paint::fonts::bold())),
                );
            })
            .body(|ui| {
                for item in &section.items {
                    ui.label(RichText::new(&item.heading).strong());
                    ui.label(&item.text);
                    super::red_flags::signs_ui(ui, &item.list, 14.0);
                    references_ui(ui, atlas, &item.references);
                    ui.add_space(6.0);
                }
            });
        if scroll_to == Some(*id) {
            header.0.scroll_to_me(Some(egui::Align::TOP));
            ui.data_mut(|d| d.remove::<egui::Id>(scroll_key()));
        }
    }
}
