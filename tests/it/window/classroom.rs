//! Present mode as a classroom uses it: recall in two presses, a clicker's black and white
//! screens and any key back, Esc that never clears the step, a lesson that returns to where it
//! was opened, the pen cleared at the next step, and the presenter view with the note, the
//! next step and the step list (embedded in the test's one window, a window of its own in the
//! real program).

use acupoint_atlas::model::{LessonId, PointCode};
use acupoint_atlas::session::{Blank, Command, Mode};
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const LESSON: &str = "chronic-back-pain";

fn harness<'a>() -> Harness<'a, AtlasApp> {
    let mut h = crate::common::app_harness(None, None);
    h.run();
    h
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

fn press(h: &mut Harness<'_, AtlasApp>, key: egui::Key) {
    h.key_press(key);
    h.run();
}

fn lesson_step(h: &Harness<'_, AtlasApp>) -> Option<usize> {
    let app = h.state();
    app.session().lesson_play(app.atlas()).map(|(_, i)| i)
}

/// The index of the lesson's first recall step that rings a point.
fn ringed_recall_step(h: &Harness<'_, AtlasApp>) -> (usize, PointCode) {
    let lesson = h.state().atlas().lesson(&LessonId::new(LESSON)).unwrap();
    lesson
        .steps
        .iter()
        .enumerate()
        .find_map(|(i, s)| s.select.clone().filter(|_| s.recall).map(|c| (i, c)))
        .unwrap()
}

#[test]
fn a_recall_step_asks_first_and_shows_the_answer_on_the_second_press() {
    let mut h = harness();
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    let (index, code) = ringed_recall_step(&h);
    command(&mut h, Command::GoToStep(index - 1));
    press(&mut h, egui::Key::PageDown);
    assert_eq!(lesson_step(&h), Some(index));
    let scene = h.state().view_export().unwrap().scene;
    assert_eq!(scene.selected.as_ref(), Some(&code), "the dot is ringed");
    assert!(!scene.labels_point(&code), "without its label");
    assert!(h.query_by_label("What is this point?").is_some());
    let card = format!("{code}  ");
    assert!(
        h.query_by_label_contains(&card).is_none(),
        "the card waits for the answer"
    );
    press(&mut h, egui::Key::PageDown);
    assert_eq!(lesson_step(&h), Some(index), "the second press answers");
    let scene = h.state().view_export().unwrap().scene;
    assert!(scene.labels_point(&code), "the label is shown");
    assert!(h.query_by_label_contains(&card).is_some(), "and the card");
    press(&mut h, egui::Key::PageDown);
    assert_eq!(lesson_step(&h), Some(index + 1), "the third press moves on");
}

#[test]
fn recall_outside_a_lesson_rings_each_point_before_naming_it() {
    let mut h = harness();
    command(&mut h, Command::SetMode(Mode::Present));
    press(&mut h, egui::Key::R);
    press(&mut h, egui::Key::ArrowRight);
    let code = h.state().session().selected().cloned().unwrap();
    assert!(h.state().session().present.asking);
    assert!(h.query_by_label("What is this point?").is_some());
    assert!(!h.state().view_export().unwrap().scene.labels_point(&code));
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().session().selected(), Some(&code), "same point");
    assert!(h.state().view_export().unwrap().scene.labels_point(&code));
    assert!(h.query_by_label("What is this point?").is_none());
}

#[test]
fn b_and_the_full_stop_black_the_screen_w_whitens_it_and_any_key_brings_it_back() {
    let mut h = harness();
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    command(&mut h, Command::Step(1));
    let layers = h.state().session().layers.clone();
    for (key, blank) in [
        (egui::Key::B, Blank::Black),
        (egui::Key::Period, Blank::Black),
        (egui::Key::W, Blank::White),
    ] {
        press(&mut h, key);
        assert_eq!(h.state().session().present.blank, Some(blank), "{key:?}");
        assert!(h.query_by_label("Blank screen").is_some());
        // Any key brings the screen back and does nothing else: the step stays.
        press(&mut h, egui::Key::ArrowRight);
        assert_eq!(h.state().session().present.blank, None);
        assert!(h.query_by_label("Blank screen").is_none());
        assert_eq!(lesson_step(&h), Some(1));
    }
    assert_eq!(
        h.state().session().layers,
        layers,
        "B no longer toggles the bones"
    );
    press(&mut h, egui::Key::O);
    assert_ne!(h.state().session().layers, layers, "the bones moved to O");
}

#[test]
fn esc_in_present_mode_keeps_the_step_and_the_point() {
    let mut h = harness();
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    let (index, code) = ringed_recall_step(&h);
    command(&mut h, Command::GoToStep(index + 1));
    let selected = h.state().session().selected().cloned();
    press(&mut h, egui::Key::Escape);
    assert_eq!(lesson_step(&h), Some(index + 1));
    assert_eq!(h.state().session().selected().cloned(), selected);
    assert!(selected.is_some() && selected != Some(code));
    command(&mut h, Command::OpenLesson(None));
    command(&mut h, Command::SelectPoint(PointCode::new("BL40")));
    press(&mut h, egui::Key::Escape);
    assert_eq!(
        h.state().session().selected(),
        Some(&PointCode::new("BL40")),
        "nor the point stepped to outside a lesson"
    );
}

#[test]
fn closing_a_lesson_returns_to_the_point_and_reopening_it_to_its_step() {
    let mut h = harness();
    command(&mut h, Command::SetMode(Mode::Present));
    command(&mut h, Command::SelectPoint(PointCode::new("BL40")));
    let before = crate::common::selected(&h);
    let framing = h.state().view_export().unwrap().framing;
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    command(&mut h, Command::GoToStep(6));
    h.get_by_label("Close lesson").click();
    h.run();
    assert_eq!(lesson_step(&h), None);
    assert_eq!(crate::common::selected(&h), before, "the point it was on");
    assert_eq!(
        h.state().view_export().unwrap().framing,
        framing,
        "and the view"
    );
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    assert_eq!(lesson_step(&h), Some(6), "the lesson resumes at its step");
}

/// Drags with the right button across the middle of the canvas.
fn right_drag(h: &mut Harness<'_, AtlasApp>) {
    let canvas = h.state().layout().canvas.unwrap();
    let from = canvas.center();
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    for i in 1..=6 {
        h.hover_at(from + egui::vec2(12.0 * i as f32, 8.0 * i as f32));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: from + egui::vec2(72.0, 48.0),
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
}

#[test]
fn the_pen_draws_with_a_right_drag_and_is_wiped_by_e_and_by_the_next_step() {
    let mut h = harness();
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    let framing = h.state().view_export().unwrap().framing;
    right_drag(&mut h);
    let pen = &h.state().session().present.pen;
    assert_eq!(pen.len(), 1, "one stroke");
    assert!(pen[0].len() > 2, "along the drag: {pen:?}");
    assert_eq!(
        h.state().view_export().unwrap().framing,
        framing,
        "drawing does not pan"
    );
    press(&mut h, egui::Key::E);
    assert!(h.state().session().present.pen.is_empty(), "E wipes it");
    right_drag(&mut h);
    assert!(!h.state().session().present.pen.is_empty());
    press(&mut h, egui::Key::PageDown);
    assert!(
        h.state().session().present.pen.is_empty(),
        "the next step starts clean"
    );
}

#[test]
fn the_presenter_view_shows_the_note_the_next_step_and_jumps_from_its_list() {
    let mut h = harness();
    command(&mut h, Command::OpenLesson(Some(LessonId::new(LESSON))));
    let lesson = h
        .state()
        .atlas()
        .lesson(&LessonId::new(LESSON))
        .unwrap()
        .clone();
    assert!(h.query_by_label(&lesson.steps[0].note).is_none());
    press(&mut h, egui::Key::F5);
    assert!(h.state().session().present.presenter);
    assert!(
        h.query_by_label_contains("Presenter view — Acupuncture for chronic back pain")
            .is_some(),
        "the window is named for the lesson"
    );
    assert!(
        h.query_by_label(&lesson.steps[0].note).is_some(),
        "the note"
    );
    let next = format!("Next: {}", lesson.steps[1].title);
    assert!(h.query_by_label(&next).is_some(), "{next}");
    assert!(h.query_by_label("Next step").is_some(), "its picture");
    assert!(h.query_by_label_contains("Elapsed ").is_some());
    let fourth = format!(" 4. {}", lesson.steps[3].title);
    h.get_by_label(&fourth).click();
    h.run();
    assert_eq!(lesson_step(&h), Some(3));
    assert!(h.query_by_label(&lesson.steps[3].note).is_some());
}
