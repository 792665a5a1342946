//! The mechanisms tab: a card per proposed mechanism with its evidence grade and, above its
//! text, its diagram stepped with its own Previous and Next; selecting a card highlights the
//! points it bears on (and scrolls it into view when chosen elsewhere, such as from a point's
//! "How might this work?").

use crate::model::Atlas;
use crate::paint::theme;
use crate::session::Command;
use crate::session::Session;
use crate::ui::panels::detail::references_ui;
use crate::ui::panels::diagram::diagram_ui;
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
    // Scroll a card into view once, when it becomes the selected one.
    let seen_id = ui
        .scope_id()
        .with_salt(egui::IdSalt::new("mechanisms_tab_scrolled_to"));
    let scrolled_to: Option<crate::model::MechanismId> = ui.data(|d| d.get_temp(seen_id));
    let scroll_now = session.mechanism.is_some() && session.mechanism != scrolled_to;
    ui.data_mut(|d| d.insert_temp(seen_id, session.mechanism.clone()));
    for mechanism in atlas.mechanisms() {
        let selected = session.mechanism.as_ref() == Some(&mechanism.id);
        let stroke = if selected {
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color)
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        let card = egui::Frame::group(ui.style())
            .stroke(stroke)
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.label(
                    RichText::new(&mechanism.title)
                        .font(FontId::new(16.0, crate::paint::fonts::bold())),
                );
                ui.horizontal_wrapped(|ui| {
                    let (fill, ink) = theme::grade_colors(mechanism.grade);
                    badge_ui(ui, &mechanism.badge(), fill, ink);
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
                diagram_ui(ui, atlas, session, mechanism, commands);
                ui.label(&mechanism.summary);
                egui::CollapsingHeader::new("Explanation and references")
                    .id_salt(mechanism.id.as_str())
                    .show(ui, |ui| {
                        ui.label(&mechanism.explanation);
                        references_ui(ui, atlas, &mechanism.references);
                    });
            });
        if selected && scroll_now {
            ui.scroll_to_rect(card.response.rect, Some(egui::Align::TOP));
        }
        ui.add_space(4.0);
    }
}
