//! Presentation mode: a slim step bar above the canvas (Previous, where we are, Next, the scale
//! of text and dots, recall, spotlight, full screen) and the current point's card, its text
//! scaled with the dots so the back row can read it.

use crate::model::{Atlas, Reader, capitalise};
use crate::session::{Command, Session};
use crate::ui::widgets::{action_button, action_checkbox};
use egui::{FontId, RichText};

/// The step bar. In full screen (`bare`) only the stepping controls and a way out remain.
pub fn step_bar_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    bare: bool,
    commands: &mut Vec<Command>,
) {
    if super::lesson::lesson_bar_ui(ui, atlas, session, bare, commands) {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let points = session.visible_points(atlas);
        let at = session
            .kept
            .selected
            .as_ref()
            .and_then(|c| points.iter().position(|p| &p.code == c))
            .map_or(0, |i| i + 1);
        action_button(ui, "Previous", &Command::Step(-1), commands);
        ui.label(RichText::new(format!("{at} / {}", points.len())).strong());
        action_button(ui, "Next", &Command::Step(1), commands);
        if bare {
            ui.separator();
            action_button(ui, "Exit full screen", &Command::ToggleFullscreen, commands);
        }
        // With the presenter view open, its controls are there: this bar stays slim.
        if bare || session.present.presenter {
            return;
        }
        ui.separator();
        super::lesson::scale_ui(
            ui,
            session,
            commands,
            "Text and dots",
            "Scale the labels, dots and card for the back row (Ctrl+Plus, Ctrl+Minus)",
        );
        ui.separator();
        action_checkbox(
            ui,
            session.present.recall,
            "Recall",
            &Command::ToggleRecall,
            commands,
        );
        action_checkbox(
            ui,
            session.present.spotlight,
            "Spotlight",
            &Command::ToggleSpotlight,
            commands,
        );
        action_checkbox(
            ui,
            session.present.presenter,
            "Presenter view",
            &Command::TogglePresenter,
            commands,
        );
        action_button(ui, "Full screen", &Command::ToggleFullscreen, commands);
        super::lesson::choosers_ui(ui, atlas, session, commands);
    });
}

/// The current point's card, large, scaled with the dots.
pub fn card_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session) {
    let k = session.kept.text_scale.clamp(1.0, 3.0);
    if session.present.asking {
        // Recall's first press: the question only; the next press shows the card.
        ui.label(
            RichText::new("What is this point?")
                .font(FontId::new(34.0 * k, crate::paint::fonts::bold())),
        );
        ui.label(RichText::new("Name it, then find it on yourself.").size(20.0 * k));
        return;
    }
    let Some(point) = session.kept.selected.as_ref().and_then(|c| atlas.point(c)) else {
        ui.label(
            RichText::new("Press the Right arrow or PageDown to step through the points.")
                .size(20.0 * k),
        );
        return;
    };
    ui.label(
        RichText::new(format!("{}  {}", point.code, point.hanzi))
            .font(FontId::new(34.0 * k, crate::paint::fonts::bold())),
    );
    ui.label(RichText::new(&point.pinyin).size(24.0 * k));
    ui.label(RichText::new(&point.english).size(20.0 * k).italics());
    let condition = session.kept.condition.as_ref();
    if let Some(why) = atlas
        .why_here(&point.code, condition, Reader::Trainee)
        .filter(|w| Some(&w.condition.id) == condition)
    {
        ui.add_space(8.0 * k);
        ui.label(
            RichText::new(format!("{} point", capitalise(why.role.id())))
                .size(19.0 * k)
                .strong(),
        );
        ui.label(RichText::new(why.reason).size(18.0 * k));
        if let Some(caveat) = why.caveat {
            ui.label(RichText::new(caveat).size(16.0 * k).italics());
        }
    }
    ui.add_space(8.0 * k);
    for text in [
        &point.location.landmark,
        &point.location.measure,
        &point.location.palpate,
    ] {
        ui.label(RichText::new(text).size(17.0 * k));
        ui.add_space(4.0 * k);
    }
}
