//! Lessons and diagrams in the window: the built-in lesson chosen in Present mode and stepped
//! with the arrow keys and a clicker's Page Up and Page Down, the presenter's note kept out of
//! the audience's window, a diagram stepped in the Mechanisms tab and presented on the
//! whole canvas, and a point's "How might this work?" link.

use crate::common::fixture::AtlasCopy;
use acupoint_atlas::model::{LessonId, MechanismId, PointCode};
use acupoint_atlas::session::{Command, Mode, Tab};
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

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

fn lesson_step(h: &Harness<'_, AtlasApp>) -> Option<usize> {
    let app = h.state();
    app.session().lesson_play(app.atlas()).map(|(_, i)| i)
}

fn press(h: &mut Harness<'_, AtlasApp>, key: egui::Key) {
    h.key_press(key);
    h.run();
}

#[test]
fn the_built_in_lesson_plays_in_present_mode_with_the_arrow_keys_and_a_clicker() {
    let mut h = harness();
    h.get_by_label("Present").click();
    h.run();
    h.get_by_label("Lesson…").click();
    h.run();
    h.get_by_label_contains("Acupuncture for chronic back pain")
        .click();
    h.run();
    assert_eq!(h.state().session().mode, Mode::Present);
    assert_eq!(lesson_step(&h), Some(0));
    press(&mut h, egui::Key::ArrowRight);
    press(&mut h, egui::Key::PageDown);
    assert_eq!(lesson_step(&h), Some(2));
    press(&mut h, egui::Key::PageUp);
    assert_eq!(lesson_step(&h), Some(1));
    let lesson = h
        .state()
        .atlas()
        .lesson(&LessonId::new("chronic-back-pain"))
        .unwrap()
        .clone();
    // The presenter's note is for the presenter view only: neither the bar nor the canvas.
    let note = &lesson.steps[1].note;
    assert!(
        h.query_by_label(note).is_none(),
        "the audience's window shows no note: {note}"
    );
    let scene = h.state().view_export().unwrap().scene;
    assert_eq!(scene.banner.as_ref().unwrap().title, lesson.steps[1].title);
    assert_eq!(scene.banner.unwrap().note, None, "no note on the canvas");
    // Every step draws, diagrams included, to the last, where Next stays.
    for _ in 0..lesson.steps.len() {
        press(&mut h, egui::Key::PageDown);
    }
    assert_eq!(lesson_step(&h), Some(lesson.steps.len() - 1));
    let diagram_step = lesson
        .steps
        .iter()
        .position(|s| s.mechanism.is_some())
        .unwrap();
    for _ in diagram_step..lesson.steps.len() - 1 {
        press(&mut h, egui::Key::ArrowLeft);
    }
    assert_eq!(lesson_step(&h), Some(diagram_step));
    assert!(
        h.query_by_label_contains("Diagram: ").is_some(),
        "the canvas shows the step's diagram"
    );
    assert_eq!(h.state().layout().right, None, "a diagram fills the window");
    h.get_by_label("Close lesson").click();
    h.run();
    assert_eq!(lesson_step(&h), None);
}

#[test]
fn the_note_reaches_the_canvas_only_when_the_presenter_asks() {
    let mut h = harness();
    command(
        &mut h,
        Command::OpenLesson(Some(LessonId::new("chronic-back-pain"))),
    );
    h.get_by_label("Note on screen").click();
    h.run();
    let scene = h.state().view_export().unwrap().scene;
    assert!(scene.banner.unwrap().note.is_some());
}

#[test]
fn the_mechanisms_tab_steps_each_diagram_with_its_own_previous_and_next() {
    let mut h = harness();
    h.get_by_label("Mechanisms").click();
    h.run();
    let first = h.state().atlas().mechanisms()[0].id.clone();
    assert!(
        h.query_all_by_label_contains("Diagram of ")
            .next()
            .is_some(),
        "a diagram above the card's text"
    );
    h.get_all_by_label("Next step").next().unwrap().click();
    h.run();
    assert_eq!(h.state().session().diagram_step(&first), 1);
    h.get_all_by_label("Previous step").next().unwrap().click();
    h.run();
    assert_eq!(h.state().session().diagram_step(&first), 0);
    let second = h.state().atlas().mechanisms()[1].id.clone();
    assert_eq!(h.state().session().diagram_step(&second), 0);
}

#[test]
fn a_diagram_presented_from_its_card_fills_the_canvas_and_steps_with_the_keys() {
    let mut h = harness();
    h.get_by_label("Mechanisms").click();
    h.run();
    let first = h.state().atlas().mechanisms()[0].id.clone();
    h.get_all_by_label("Present").nth(1).unwrap().click();
    h.run();
    assert_eq!(h.state().session().mode, Mode::Present);
    assert_eq!(h.state().session().present.diagram, Some(first.clone()));
    assert_eq!(h.state().layout().right, None);
    press(&mut h, egui::Key::ArrowRight);
    assert_eq!(h.state().session().diagram_step(&first), 1);
    h.get_by_label("Back to the points").click();
    h.run();
    assert_eq!(h.state().session().present.diagram, None);
}

#[test]
fn a_points_detail_links_to_how_its_mechanisms_might_work() {
    // Tall enough that the detail's mechanism links are on screen without scrolling.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 2400.0))
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
    h.run();
    command(&mut h, Command::SelectPoint(PointCode::new("SI3")));
    h.get_all_by_label("How might this work?")
        .next()
        .unwrap()
        .click();
    h.run();
    let s = h.state().session();
    assert_eq!(s.tab, Tab::Mechanisms);
    let chosen = s.mechanism.clone().unwrap();
    assert!(h.state().atlas().diagram(&chosen).is_some());
    assert_ne!(chosen, MechanismId::new(""));
}

/// Steps the app until `done` holds, for at most ten seconds of real time.
fn wait_for(h: &mut Harness<'_, AtlasApp>, done: impl Fn(&AtlasApp) -> bool) -> bool {
    let start = std::time::Instant::now();
    while start.elapsed() < std::time::Duration::from_secs(10) {
        std::thread::sleep(std::time::Duration::from_millis(40));
        h.step();
        if done(h.state()) {
            return true;
        }
    }
    false
}

#[test]
fn a_lesson_saved_while_it_plays_reloads_and_a_broken_one_is_reported_at_its_place() {
    let copy = AtlasCopy::builtin();
    let dir = &copy.dir;
    let mut h = crate::common::app_harness(Some(dir.path().to_owned()), None);
    h.run();
    assert!(wait_for(&mut h, |app| !app.loading()), "the folder loaded");
    command(
        &mut h,
        Command::OpenLesson(Some(LessonId::new("chronic-back-pain"))),
    );
    command(&mut h, Command::Step(1));
    let file = dir.path().join("lessons/chronic-back-pain.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Lower back pain: the regions", "Where the points are"),
    )
    .unwrap();
    let title = |app: &AtlasApp| {
        app.view_export()
            .and_then(|v| v.scene.banner)
            .map(|b| b.title)
    };
    assert!(
        wait_for(&mut h, |app| title(app).as_deref()
            == Some("Where the points are")),
        "the playing step shows the saved title"
    );
    assert_eq!(lesson_step(&h), Some(1), "the lesson stays at its step");
    std::fs::write(&file, text.replace("\"BL24\"", "\"XX99\"")).unwrap();
    assert!(
        wait_for(&mut h, |app| !app.problems().is_empty()),
        "problems listed"
    );
    let problems = h.state().problems().join("\n");
    assert!(
        problems.contains("chronic-back-pain.ron:") && problems.contains("unknown point `XX99`"),
        "{problems}"
    );
}
