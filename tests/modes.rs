//! Each user's path through the window: a plan shown to a patient, a locate question answered
//! by clicking, a presentation stepped with the keys, search, help, and settings that last.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use common::click_at;

use acupoint_atlas::model::{FigurePos, PointCode};
use acupoint_atlas::scene::Theme;
use acupoint_atlas::session::{Answer, Command, Mode};
use acupoint_atlas::store::{Settings, Store};
use acupoint_atlas::study::QuestionKind;
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_with<'a>(store: Option<Store>) -> Harness<'a, AtlasApp> {
    common::app_harness(None, store)
}

/// Asks the next question until a locate question comes up (questions vary by a fixed seed).
fn until_locate_question(h: &mut Harness<'_, AtlasApp>) {
    for _ in 0..40 {
        if matches!(
            h.state().session().study.question.as_ref().map(|q| &q.kind),
            Some(QuestionKind::Locate { .. })
        ) {
            return;
        }
        command(h, Command::NextQuestion);
    }
}

fn harness<'a>() -> Harness<'a, AtlasApp> {
    harness_with(None)
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

fn selected(h: &Harness<'_, AtlasApp>) -> Option<String> {
    h.state()
        .session()
        .kept
        .selected
        .as_ref()
        .map(ToString::to_string)
}

#[test]
fn a_plan_built_in_explore_mode_is_shown_alone_and_in_plain_words_in_patient_mode() {
    let mut h = harness();
    h.run();
    h.get_by_label("BL23  Shènshū").click();
    h.run();
    h.get_by_label("Add to today's plan").click();
    h.run();
    command(&mut h, Command::SelectPoint(PointCode::new("BL40")));
    h.key_press(egui::Key::P);
    h.run();
    assert_eq!(
        h.state().session().kept.plan,
        vec![PointCode::new("BL23"), PointCode::new("BL40")]
    );
    h.get_by_label("Patient").click();
    h.run();
    assert_eq!(h.state().session().mode, Mode::Patient);
    let app = h.state();
    let shown: Vec<String> = app
        .session()
        .visible_points(app.atlas())
        .iter()
        .map(|p| p.code.to_string())
        .collect();
    assert_eq!(shown, ["BL23", "BL40"]);
    assert!(
        h.query_all_by_label_contains("2. The crease behind your knee")
            .next()
            .is_some()
    );
    assert!(h.query_by_label_contains("Why here for the back").is_some());
    assert!(
        h.query_by_label_contains("cun").is_none(),
        "no needling depths or cun for patients"
    );
    assert!(h.query_by_label("What you may feel").is_some());
}

#[test]
fn a_locate_question_is_answered_by_clicking_and_scored_in_cun() {
    let mut h = harness();
    h.run();
    h.get_by_label("Study").click();
    h.run();
    until_locate_question(&mut h);
    let (code, figure) = {
        let q = h.state().session().study.question.clone().unwrap();
        let QuestionKind::Locate { figure } = q.kind else {
            panic!("no locate question came up")
        };
        (q.code, figure)
    };
    let site = h
        .state()
        .atlas()
        .sites_on(&code, &figure)
        .next()
        .unwrap()
        .at;
    // Hover first, as a hand does: the layout may settle once the pointer is in the window.
    let at = h.state().figure_on_screen(site).unwrap();
    h.hover_at(at);
    h.run();
    let at = h.state().figure_on_screen(site).unwrap();
    click_at(&mut h, at);
    match &h.state().session().study.answer {
        Some(Answer::Located(r)) => {
            assert!(
                r.error_cun < 0.5,
                "{} {:?} {:?} {}",
                r.error_cun,
                r.clicked,
                site,
                figure
            );
            assert_eq!(r.grade, acupoint_atlas::study::Grade::Right);
        }
        other => panic!("{other:?}"),
    }
    assert!(h.query_by_label_contains("cun away").is_some());
    let progress = &h.state().session().kept.progress;
    assert_eq!(progress.points[code.as_str()].right, 1);
    h.get_by_label("Next question").click();
    h.run();
    assert!(h.state().session().study.answer.is_none());
}

#[test]
fn a_wrong_click_is_scored_far_off_and_the_right_spot_is_shown() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SetMode(Mode::Study));
    until_locate_question(&mut h);
    command(&mut h, Command::AnswerLocate(FigurePos::new(0.02, 0.02)));
    match &h.state().session().study.answer {
        Some(Answer::Located(r)) => assert!(r.error_cun > 1.5),
        other => panic!("{other:?}"),
    }
    assert!(h.query_by_label_contains("Not there").is_some());
}

#[test]
fn a_presentation_steps_with_the_keys_and_recall_hides_labels_until_revealed() {
    let mut h = harness();
    h.run();
    h.get_by_label("Present").click();
    h.run();
    h.key_press(egui::Key::PageDown);
    h.run();
    let first = selected(&h).unwrap();
    h.key_press(egui::Key::PageDown);
    h.run();
    let second = selected(&h).unwrap();
    assert_ne!(first, second);
    h.key_press(egui::Key::PageUp);
    h.run();
    assert_eq!(selected(&h).unwrap(), first);
    h.key_press(egui::Key::R);
    h.run();
    assert!(h.state().session().present.recall);
    assert!(h.state().session().present.revealed.is_empty());
    h.key_press(egui::Key::ArrowRight);
    h.run();
    assert_eq!(
        h.state().session().present.revealed.len(),
        1,
        "a step reveals its point"
    );
    command(&mut h, Command::SetTextScale(2.5));
    assert_eq!(h.state().session().kept.text_scale, 2.5);
    assert_eq!(h.ctx.zoom_factor(), 1.0, "the controls keep their size");
    let app = h.state();
    assert_eq!(app.session().scene(app.atlas()).unwrap().scale, 2.5);
}

#[test]
fn search_finds_a_point_however_it_is_typed_and_enter_selects_it() {
    let mut h = harness();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    assert!(h.state().session().search.open);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("wěizhōng");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("BL40"));
    assert!(!h.state().session().search.open);
}

#[test]
fn the_help_overlay_lists_every_shortcut() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::ToggleHelp);
    assert!(h.query_all_by_label("Keyboard shortcuts").next().is_some());
    for action in acupoint_atlas::ui::actions() {
        assert!(
            h.query_all_by_label(action.label).next().is_some(),
            "{}",
            action.label
        );
    }
}

#[test]
fn settings_last_between_runs() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = harness_with(Some(Store::new(dir.path())));
        h.run();
        command(&mut h, Command::AddToPlan(PointCode::new("KI3")));
        command(&mut h, Command::SetTheme(Theme::Dark));
        command(&mut h, Command::SelectPoint(PointCode::new("GV3")));
    }
    let stored = Store::new(dir.path()).load().into_settings();
    assert_eq!(stored.plan, vec![PointCode::new("KI3")]);
    assert_eq!(stored.theme, Theme::Dark);
    let mut h = harness_with(Some(Store::new(dir.path())));
    h.run();
    assert_eq!(h.state().session().kept.plan, vec![PointCode::new("KI3")]);
    assert_eq!(h.state().session().kept.theme, Theme::Dark);
    assert_eq!(selected(&h).as_deref(), Some("GV3"));
}

#[test]
fn a_damaged_store_is_set_aside_and_the_window_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("settings.ron"), "(plan: [\"BL23\"").unwrap();
    let mut h = harness_with(Some(Store::new(dir.path())));
    h.run();
    assert!(
        h.state()
            .notices()
            .iter()
            .any(|n| n.contains("could not be read"))
    );
    assert!(h.query_by_label_contains("set aside").is_some());
    assert!(dir.path().join("settings.damaged-1.ron").exists());
    assert_eq!(
        Store::new(dir.path()).load().settings(),
        &Settings::default()
    );
}

#[test]
fn the_menu_offers_every_action_and_runs_it() {
    let mut h = harness();
    h.run();
    h.get_by_label("Menu").click();
    h.run();
    h.get_by_label_contains("Study mode").click();
    h.run();
    assert_eq!(h.state().session().mode, Mode::Study);
}

#[test]
fn a_point_is_added_to_the_plan_from_the_list_by_its_context_menu() {
    let mut h = harness();
    h.run();
    h.get_by_label("BL25  Dàchángshū").click_secondary();
    h.run();
    h.get_by_label("Add to today's plan").click();
    h.run();
    assert_eq!(h.state().session().kept.plan, vec![PointCode::new("BL25")]);
    assert!(h.query_by_label("BL25  Dàchángshū  (in plan)").is_some());
}

#[test]
fn dragging_the_scale_slider_for_a_hundred_frames_writes_the_settings_at_most_twice() {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicU64, Ordering};
    let dir = tempfile::tempdir().unwrap();
    let millis = Arc::new(AtomicU64::new(0));
    let clock_ms = millis.clone();
    let store = Store::new(dir.path());
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| {
            let clock: acupoint_atlas::ui::Clock =
                Arc::new(move || std::time::Duration::from_millis(clock_ms.load(Ordering::SeqCst)));
            AtlasApp::with_clock(&cc.egui_ctx, None, Some(store), clock)
        });
    h.run();
    command(&mut h, Command::SetMode(Mode::Present));
    let before = h.state().settings_writes();
    let slider = h.get_by_role(egui::accesskit::Role::Slider).rect();
    let start = egui::pos2(slider.min.x + 4.0, slider.center().y);
    h.hover_at(start);
    h.step();
    h.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    let mut seen = std::collections::BTreeSet::new();
    for frame in 0..100_u64 {
        millis.fetch_add(16, Ordering::SeqCst);
        // Back and forth along the slider, so the value changes on most frames.
        let t = ((frame % 40) as f32 / 20.0 - 1.0).abs();
        let at = egui::pos2(slider.min.x + 4.0 + t * (slider.width() - 8.0), start.y);
        h.event(egui::Event::PointerMoved(at));
        h.step();
        #[allow(clippy::cast_possible_truncation, reason = "quarter steps from 1 to 3")]
        seen.insert((h.state().session().kept.text_scale * 4.0) as i32);
    }
    h.event(egui::Event::PointerButton {
        pos: start,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    let during = h.state().settings_writes() - before;
    assert!(
        seen.len() >= 5,
        "the drag moved the slider through {seen:?}"
    );
    assert!(during <= 2, "{during} writes during a 1.6 s drag");
    // After the drag settles, the last value is written once the second has passed.
    millis.fetch_add(1_500, Ordering::SeqCst);
    h.step();
    let scale = h.state().session().kept.text_scale;
    h.state_mut().flush_settings();
    let stored = Store::new(dir.path()).load().into_settings();
    assert_eq!(stored.text_scale, scale, "the final value is kept");
}
