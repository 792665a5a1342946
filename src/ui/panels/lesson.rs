//! Present mode's lessons and diagrams: choosers for a lesson or a diagram to present, and the
//! step bar while one plays. The presenter's note is for the presenter view alone: it reaches
//! this window only on the canvas, and only when the presenter asks ("Note on screen").

use crate::model::Atlas;
use crate::session::{Command, Session};
use crate::ui::widgets::{action_button, action_checkbox};
use egui::RichText;

/// The step bar while a lesson or a presented diagram plays; returns `false` (drawing nothing)
/// when neither does.
pub fn lesson_bar_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    bare: bool,
    commands: &mut Vec<Command>,
) -> bool {
    let (what, at, total, close, has_note) =
        if let Some((lesson, index)) = session.lesson_play(atlas) {
            (
                format!("Lesson: {}", lesson.title),
                index,
                lesson.steps.len(),
                ("Close lesson", Command::OpenLesson(None)),
                lesson.step(index).is_some_and(|s| !s.note.is_empty()),
            )
        } else if let Some(view) = session.presented_diagram(atlas) {
            let Some(diagram) = atlas.diagram(&view.mechanism) else {
                return false;
            };
            let title = atlas
                .mechanism(&view.mechanism)
                .map_or("", |m| m.title.as_str());
            (
                format!("Diagram: {title}"),
                view.step,
                diagram.steps.len(),
                ("Back to the points", Command::PresentDiagram(None)),
                false,
            )
        } else {
            return false;
        };
    ui.horizontal_wrapped(|ui| {
        action_button(ui, "Previous", &Command::Step(-1), commands);
        ui.label(RichText::new(format!("{} / {total}", at + 1)).strong());
        action_button(ui, "Next", &Command::Step(1), commands);
        ui.separator();
        ui.label(RichText::new(what).strong());
        if bare {
            ui.separator();
            action_button(ui, "Exit full screen", &Command::ToggleFullscreen, commands);
        }
        // With the presenter view open, its controls are there: this bar stays slim.
        if bare || session.present.presenter {
            return;
        }
        if ui.button(close.0).clicked() {
            commands.push(close.1.clone());
        }
        ui.separator();
        scale_ui(
            ui,
            session,
            commands,
            "Text",
            "Scale the text for the back row (Ctrl+Plus, Ctrl+Minus)",
        );
        action_checkbox(
            ui,
            session.present.presenter,
            "Presenter view",
            &Command::TogglePresenter,
            commands,
        );
        if has_note {
            action_checkbox(
                ui,
                session.present.note_on_canvas,
                "Note on screen",
                &Command::ToggleNoteOnCanvas,
                commands,
            );
        }
        action_button(ui, "Full screen", &Command::ToggleFullscreen, commands);
    });
    true
}

/// The scale slider shared by the point steps and the lesson steps: `what` names what it
/// scales, `hover` says so at more length.
pub fn scale_ui(
    ui: &mut egui::Ui,
    session: &Session,
    commands: &mut Vec<Command>,
    what: &str,
    hover: &str,
) {
    let mut scale = session.kept.text_scale;
    if ui
        .add(
            egui::Slider::new(&mut scale, 1.0..=3.0)
                .step_by(0.25)
                .suffix("×")
                .text(what),
        )
        .on_hover_text(hover)
        .changed()
    {
        commands.push(Command::SetTextScale(scale));
    }
}

/// Choosers for a lesson or a mechanism's diagram to present.
pub fn choosers_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    if !atlas.lessons().is_empty() {
        ui.menu_button("Lesson…", |ui| {
            for lesson in atlas.lessons() {
                let open = session.present.lesson.as_ref().map(|p| &p.id) == Some(&lesson.id);
                let text = format!("{} ({} steps)", lesson.title, lesson.steps.len());
                if ui.selectable_label(open, text).clicked() {
                    commands.push(Command::OpenLesson(Some(lesson.id.clone())));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text(
            "Play a lesson: each step sets the canvas; the arrow keys and a clicker step it",
        );
    }
    if !atlas.diagrams().is_empty() {
        ui.menu_button("Diagram…", |ui| {
            for mechanism in atlas.mechanisms() {
                if atlas.diagram(&mechanism.id).is_some()
                    && ui.selectable_label(false, &mechanism.title).clicked()
                {
                    commands.push(Command::PresentDiagram(Some(mechanism.id.clone())));
                    ui.close();
                }
            }
        })
        .response
        .on_hover_text("Fill the canvas with a mechanism's diagram, stepped with the arrow keys");
    }
}
