//! Each user's path through the window: a plan shown to a patient, a locate question answered
//! by clicking, a presentation stepped with the keys, search, help, and settings that last.

use crate::common::{click_at, selected};

use acupoint_atlas::model::{FigurePos, PointCode};
use acupoint_atlas::scene::Theme;
use acupoint_atlas::session::{Answer, Command, Mode};
use acupoint_atlas::store::{Settings, Store};
use acupoint_atlas::study::QuestionKind;
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness_with<'a>(store: Option<Store>) -> Harness<'a, AtlasApp> {
    crate::common::app_harness(None, store)
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
        h.query_all_by_label_contains("2. The middle of the crease behind your knee")
            .next()
            .is_some()
    );
    assert!(h.query_all_by_label_contains("Why here").next().is_some());
    assert!(
        h.query_by_label_contains("cun").is_none(),
        "no needling depths or cun for patients"
    );
    assert!(h.query_by_label("What you may feel").is_some());
}

#[test]
fn patient_mode_shows_the_warning_signs_above_the_plans_cards() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SelectPoint(PointCode::new("BL23")));
    h.key_press(egui::Key::P);
    h.run();
    command(&mut h, Command::SetMode(Mode::Patient));
    let (heading, first_sign) = {
        let flags = h.state().atlas().red_flags().unwrap();
        (flags.heading.clone(), flags.list[0].clone())
    };
    let warning = h.get_by_label(&heading).rect();
    h.get_by_label(&format!("• {first_sign}"));
    // The cards panel is the rightmost one; the plan list on the left numbers points too.
    let card = h
        .query_all_by_label_contains("1. ")
        .map(|n| n.rect())
        .max_by(|a, b| a.min.x.total_cmp(&b.min.x))
        .unwrap();
    assert!(
        (warning.min.x - card.min.x).abs() < 40.0,
        "the warning ({warning:?}) is in the cards' panel ({card:?})"
    );
    assert!(
        warning.max.y <= card.min.y,
        "the warning ({warning:?}) comes before the first card ({card:?})"
    );
    // Once gone through, the signs fold away and the first card moves up; the heading stays.
    h.get_by_label("Fold the warning signs").click();
    h.run();
    assert!(h.query_by_label(&format!("• {first_sign}")).is_none());
    let folded_card = h
        .query_all_by_label_contains("1. ")
        .map(|n| n.rect())
        .max_by(|a, b| a.min.x.total_cmp(&b.min.x))
        .unwrap();
    assert!(folded_card.min.y < card.min.y, "the first card moved up");
    h.get_by_label(&heading);
    h.get_by_label("Show the warning signs").click();
    h.run();
    h.get_by_label(&format!("• {first_sign}"));
}

#[test]
fn a_locate_question_is_answered_by_clicking_and_scored_in_cun() {
    let mut h = harness();
    h.run();
    h.get_by_label("Study").click();
    h.run();
    h.get_by_label("Start").click();
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
    command(
        &mut h,
        Command::Study(acupoint_atlas::session::StudyCommand::Start),
    );
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
    h.get_by_label("Modes").hover();
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

/// Asks the next question until a choice question comes up.
fn until_choice_question(h: &mut Harness<'_, AtlasApp>) {
    for _ in 0..40 {
        if matches!(
            h.state().session().study.question.as_ref().map(|q| &q.kind),
            Some(QuestionKind::Choose { .. })
        ) {
            return;
        }
        command(h, Command::NextQuestion);
    }
    panic!("no choice question came up");
}

#[test]
fn study_is_answered_with_the_number_keys_and_enter_asks_the_next_question() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SetMode(Mode::Study));
    command(
        &mut h,
        Command::Study(acupoint_atlas::session::StudyCommand::Start),
    );
    until_choice_question(&mut h);
    let first = h.state().session().study.question.clone().unwrap();
    h.key_press(egui::Key::Num2);
    h.run();
    match &h.state().session().study.answer {
        Some(Answer::Chose { index, .. }) => assert_eq!(*index, 1),
        other => panic!("{other:?}"),
    }
    assert!(
        h.query_by_label_contains("Right.").is_some()
            || h.query_by_label_contains("Not this time.").is_some(),
        "the verdict is said in words"
    );
    assert_eq!(h.state().session().study.asked, 1);
    h.key_press(egui::Key::Enter);
    h.run();
    let session = h.state().session();
    assert!(
        session.study.answer.is_none(),
        "Enter asked the next question"
    );
    assert!(session.study.question.as_ref() != Some(&first) || session.study.seq > 1);
}

#[test]
fn a_locate_question_frames_a_cun_of_at_least_twenty_points_and_gives_nothing_away() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SetMode(Mode::Study));
    command(
        &mut h,
        Command::Study(acupoint_atlas::session::StudyCommand::Start),
    );
    until_locate_question(&mut h);
    h.run();
    let (code, figure) = {
        let q = h.state().session().study.question.clone().unwrap();
        let QuestionKind::Locate { figure } = q.kind else {
            panic!("no locate question")
        };
        (q.code, figure)
    };
    let app = h.state();
    let scene = app.session().scene(app.atlas()).unwrap();
    assert!(!scene.show_dots && !scene.ruler && scene.selected.is_none());
    let fig = app.atlas().figure(&figure).unwrap();
    let site = app.atlas().sites_on(&code, &figure).next().unwrap().at;
    let (unit, _) = acupoint_atlas::study::cun_unit(app.atlas(), &code, &fig.id, site).unwrap();
    let a = app.figure_on_screen(site).unwrap();
    let b = app
        .figure_on_screen(acupoint_atlas::model::FigurePos::new(site.x + unit, site.y))
        .unwrap();
    let per_cun = a.distance(b);
    assert!(per_cun >= 19.5, "{code}: a cun is {per_cun} points");
    let before = app.figure_on_screen(site).unwrap();
    let canvas = app.layout().canvas.unwrap();
    assert!(canvas.contains(before), "the point is in view");
    assert!(
        before.distance(canvas.center()) > 20.0,
        "but not at the centre"
    );
    command(
        &mut h,
        Command::AnswerLocate(acupoint_atlas::model::FigurePos::new(0.01, 0.01)),
    );
    h.run();
    let after = h.state().figure_on_screen(site).unwrap();
    assert!(
        before.distance(after) < 0.5,
        "the view stays put for the feedback: {before:?} -> {after:?}, canvas {canvas:?} -> {:?}",
        h.state().layout().canvas
    );
}

#[test]
fn reopening_search_selects_the_old_query_so_typing_replaces_it() {
    let mut h = harness();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("bl40");
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("kidney");
    h.run();
    assert_eq!(h.state().session().search.query, "kidney");
}

#[test]
fn choosing_a_plan_item_brings_its_card_into_view_and_frames_its_dot() {
    let mut h = harness();
    h.run();
    let plan: Vec<PointCode> = {
        let app = h.state();
        app.atlas()
            .condition_points(app.session().kept.condition.as_ref())
            .iter()
            .take(12)
            .map(|p| p.code.clone())
            .collect()
    };
    for code in &plan {
        command(&mut h, Command::AddToPlan(code.clone()));
    }
    command(&mut h, Command::SetMode(Mode::Patient));
    let last = plan.last().unwrap().clone();
    let item = {
        let app = h.state();
        let point = app.atlas().point(&last).unwrap();
        let condition = app
            .atlas()
            .plan_condition(
                &app.session().kept.plan,
                app.session().kept.condition.as_ref(),
            )
            .map(|c| c.id.clone());
        format!("12. {}", app.atlas().place_name(point, condition.as_ref()))
    };
    let left = h.state().layout().left.unwrap();
    let in_plan = |h: &Harness<'_, AtlasApp>| {
        h.get_all_by_label(&item)
            .find(|n| n.rect().max.x <= left.max.x + 1.0)
            .unwrap()
            .rect()
    };
    h.get_all_by_label(&item)
        .find(|n| n.rect().max.x <= left.max.x + 1.0)
        .unwrap()
        .scroll_to_me();
    h.run();
    let at = in_plan(&h).center();
    click_at(&mut h, at);
    assert_eq!(h.state().session().kept.selected, Some(last.clone()));
    let right = h.state().layout().right.unwrap();
    let card = h
        .get_all_by_label(&item)
        .map(|n| n.rect())
        .find(|r| r.min.x >= right.min.x)
        .unwrap();
    assert!(
        right.contains(card.center()),
        "the card {card:?} is in view in {right:?}"
    );
    let canvas = h.state().layout().canvas.unwrap();
    let dot = h.state().point_on_screen(&last).unwrap();
    assert!(canvas.contains(dot), "its dot is framed on the canvas");
}
