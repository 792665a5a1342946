//! The presenter view, the presenter's own window: the step's note in large type, the next
//! step with a small picture of it, the time since the lesson began and the clock, the step
//! list (click to jump) and the controls. Nothing here reaches the audience's window.

use crate::model::{Atlas, Lesson};
use crate::paint::ArtCache;
use crate::scene::lesson_scene;
use crate::session::{Blank, Command, Session};
use crate::ui::thumbnail::thumbnail_ui;
use crate::ui::widgets::{action_button, action_checkbox};
use egui::{FontId, RichText};
use std::time::Duration;

/// The note's type size, large enough to read at a glance from a step away.
const NOTE_SIZE: f32 = 26.0;

/// The times the presenter view shows.
pub struct Times {
    /// Since the lesson (or the presentation) began.
    pub elapsed: Duration,
    /// The time of day, such as "14:05".
    pub clock: String,
}

/// The presenter view's window title for what is being presented.
pub fn title(atlas: &Atlas, session: &Session) -> String {
    match session.lesson_play(atlas) {
        Some((lesson, _)) => format!("Presenter view — {}", lesson.title),
        None => "Presenter view — Present mode".to_owned(),
    }
}

/// The whole presenter view.
pub fn presenter_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    art: &mut ArtCache,
    times: &Times,
    commands: &mut Vec<Command>,
) {
    header_ui(ui, atlas, session, times, commands);
    ui.separator();
    controls_ui(ui, atlas, session, commands);
    ui.separator();
    let lesson = session.lesson_play(atlas);
    let side = (ui.available_width() * 0.38).clamp(220.0, 520.0);
    ui.horizontal_top(|ui| {
        let height = ui.available_height();
        ui.allocate_ui(
            egui::vec2(ui.available_width() - side - 12.0, height),
            |ui| {
                ui.vertical(|ui| now_ui(ui, atlas, session));
            },
        );
        ui.separator();
        ui.allocate_ui(egui::vec2(side, height), |ui| {
            ui.vertical(|ui| match lesson {
                Some((lesson, index)) => {
                    next_step_ui(ui, atlas, session, art, lesson, index, side);
                    step_list_ui(ui, lesson, index, commands);
                }
                None => next_point_ui(ui, atlas, session, art, side),
            });
        });
    });
}

/// Where we are, the times, and Previous and Next.
fn header_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    times: &Times,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        action_button(ui, "Previous", &Command::Step(-1), commands);
        let at = if let Some((lesson, index)) = session.lesson_play(atlas) {
            format!("Step {} / {}", index + 1, lesson.steps.len())
        } else {
            let points = session.visible_points(atlas);
            let at = session
                .selected()
                .and_then(|c| points.iter().position(|p| &p.code == c))
                .map_or(0, |i| i + 1);
            format!("Point {at} / {}", points.len())
        };
        ui.label(RichText::new(at).size(20.0).strong());
        action_button(ui, "Next", &Command::Step(1), commands);
        ui.separator();
        let secs = times.elapsed.as_secs();
        ui.label(
            RichText::new(format!("Elapsed {:02}:{:02}", secs / 60, secs % 60))
                .size(20.0)
                .monospace(),
        );
        ui.separator();
        ui.label(
            RichText::new(format!("Clock {}", times.clock))
                .size(20.0)
                .monospace(),
        );
    });
    if let Some(blank) = session.present.blank {
        let what = match blank {
            Blank::Black => "black",
            Blank::White => "white",
        };
        ui.colored_label(
            ui.visuals().warn_fg_color,
            format!("The audience's screen is {what}: any key brings it back."),
        );
    }
}

/// The step (or point) on the audience's screen: its title and the presenter's note, large.
fn now_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session) {
    if session.present.asking {
        ui.colored_label(
            ui.visuals().warn_fg_color,
            RichText::new("Recall: the room sees the question. Next shows the answer.").size(18.0),
        );
    }
    let Some((lesson, index)) = session.lesson_play(atlas) else {
        let name = session.selected().and_then(|c| atlas.point(c)).map_or_else(
            || "No point yet: Next steps to the first.".to_owned(),
            |p| format!("{}  {}  {}", p.code, p.pinyin, p.english),
        );
        ui.label(RichText::new(name).size(22.0).strong());
        ui.label("No lesson is open: the presenter's notes come with a lesson (Lesson… below).");
        return;
    };
    let Some(step) = lesson.step(index) else {
        return;
    };
    ui.label(
        RichText::new(step.title.as_str()).font(FontId::new(22.0, crate::paint::fonts::bold())),
    );
    ui.add_space(8.0);
    egui::ScrollArea::vertical()
        .id_salt("presenter_note")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if step.note.is_empty() {
                ui.label(
                    RichText::new("(No note for this step.)")
                        .size(NOTE_SIZE)
                        .weak(),
                );
            } else {
                ui.label(RichText::new(step.note.as_str()).size(NOTE_SIZE));
            }
            if !step.text.is_empty() {
                ui.add_space(12.0);
                ui.label(RichText::new("On the slide:").strong().weak());
                ui.label(RichText::new(step.text.as_str()).size(16.0).weak());
            }
        });
}

/// The next step's title and a small picture of it.
fn next_step_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    art: &mut ArtCache,
    lesson: &Lesson,
    index: usize,
    width: f32,
) {
    let Some(next) = lesson.step(index + 1) else {
        ui.label(
            RichText::new("Next: the end of the lesson")
                .size(18.0)
                .strong(),
        );
        return;
    };
    ui.label(
        RichText::new(format!("Next: {}", next.title))
            .size(18.0)
            .strong(),
    );
    if let Some(mut scene) = lesson_scene(atlas, lesson, index + 1) {
        scene.theme = session.kept.theme;
        // The key of region colours would crowd a picture this small.
        scene.region_key = false;
        let size = egui::vec2(width, width * 0.75);
        thumbnail_ui(ui, art, atlas, &scene, size, "Next step");
    }
}

/// The lesson's steps; a click jumps to one.
fn step_list_ui(ui: &mut egui::Ui, lesson: &Lesson, index: usize, commands: &mut Vec<Command>) {
    ui.add_space(6.0);
    ui.label(RichText::new("Steps").strong());
    egui::ScrollArea::vertical()
        .id_salt("presenter_steps")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            for (i, step) in lesson.steps.iter().enumerate() {
                let response =
                    ui.selectable_label(i == index, format!("{:>2}. {}", i + 1, step.title));
                if i == index {
                    response.scroll_to_me(None);
                }
                if response.clicked() && i != index {
                    commands.push(Command::GoToStep(i));
                }
            }
        });
}

/// Outside a lesson: the next point of the presentation and a small picture of it.
fn next_point_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    art: &mut ArtCache,
    width: f32,
) {
    let points = session.visible_points(atlas);
    let next = session
        .selected()
        .and_then(|c| points.iter().position(|p| &p.code == c))
        .map_or(0, |i| (i + 1) % points.len().max(1));
    let Some(point) = points.get(next) else {
        return;
    };
    ui.label(
        RichText::new(format!("Next: {}  {}", point.code, point.pinyin))
            .size(18.0)
            .strong(),
    );
    let mut preview = session.clone();
    preview.kept.selected = Some(point.code.clone());
    preview.present.spotlight = false;
    if let Some(mut scene) = preview.scene(atlas) {
        scene.frame_step = true;
        scene.region_key = false;
        let size = egui::vec2(width, width * 0.75);
        thumbnail_ui(ui, art, atlas, &scene, size, "Next point");
    }
}

/// The presenter's switches: scale, spotlight, recall, pen, note on screen, the blank screens,
/// the audience's full screen, and the lesson.
fn controls_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    let present = &session.present;
    ui.horizontal_wrapped(|ui| {
        super::lesson::scale_ui(
            ui,
            session,
            commands,
            "Scale",
            "Scale text and dots for the room",
        );
        action_checkbox(
            ui,
            present.spotlight,
            "Spotlight",
            &Command::ToggleSpotlight,
            commands,
        );
        action_checkbox(
            ui,
            present.recall,
            "Recall",
            &Command::ToggleRecall,
            commands,
        );
        let pen_hover = "A left drag draws on the audience's canvas (a right drag always does)";
        if ui
            .selectable_label(present.pen_tool, "Pen")
            .on_hover_text(pen_hover)
            .clicked()
        {
            commands.push(Command::TogglePen);
        }
        action_button(ui, "Erase pen", &Command::ClearPen, commands);
        if session.lesson_play(atlas).is_some() {
            action_checkbox(
                ui,
                present.note_on_canvas,
                "Note on screen",
                &Command::ToggleNoteOnCanvas,
                commands,
            );
        }
        action_button(ui, "Black", &Command::Blank(Blank::Black), commands);
        action_button(ui, "White", &Command::Blank(Blank::White), commands);
        action_button(
            ui,
            "Audience full screen",
            &Command::ToggleFullscreen,
            commands,
        );
        super::lesson::choosers_ui(ui, atlas, session, commands);
        if session.lesson_play(atlas).is_some() && ui.button("Close lesson").clicked() {
            commands.push(Command::OpenLesson(None));
        }
    });
}
