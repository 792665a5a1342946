//! The mechanisms tab: a card per proposed mechanism with its evidence grade; selecting a card
//! highlights the points it bears on.

use crate::model::Atlas;
use crate::paint::theme;
use crate::session::Command;
use crate::session::Session;
use crate::ui::panels::detail::references_ui;
use crate::ui::widgets::badge_ui;
use egui::{FontId, RichText};

pub fn mechanisms_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    ui.label(
        RichText::new(
            "How acupuncture might work. These are proposals; each carries the grade of the evidence behind it.",
        )
        .weak(),
    );
    ui.add_space(4.0);
    for mechanism in atlas.mechanisms() {
        let selected = session.mechanism.as_ref() == Some(&mechanism.id);
        let stroke = if selected {
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color)
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        egui::Frame::group(ui.style())
            .stroke(stroke)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(&mechanism.title)
                        .font(FontId::new(16.0, crate::paint::fonts::bold())),
                );
                let (fill, ink) = theme::grade_colors(mechanism.grade);
                badge_ui(ui, mechanism.grade.label(), fill, ink);
                ui.label(&mechanism.summary);
                egui::CollapsingHeader::new("Explanation and references")
                    .id_salt(mechanism.id.as_str())
                    .show(ui, |ui| {
                        ui.label(&mechanism.explanation);
                        references_ui(ui, atlas, &mechanism.references);
                    });
                let label = if selected {
                    "Stop highlighting"
                } else {
                    "Highlight its points"
                };
                if ui
                    .button(label)
                    .on_hover_text(format!(
                        "Highlight the points \"{}\" bears on",
                        mechanism.title
                    ))
                    .clicked()
                {
                    let next = (!selected).then(|| mechanism.id.clone());
                    commands.push(Command::SelectMechanism(next));
                }
            });
        ui.add_space(4.0);
    }
}
