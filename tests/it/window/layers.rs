//! The layers in the window: the "Layers" menu and its shortcuts, the landmark steps of the
//! detail panel, and study's "click the landmark" questions, driven by labels, clicks and keys.

use crate::common::click_at;
use acupoint_atlas::model::{LandmarkId, PointCode};
use acupoint_atlas::scene::StepFocus;
use acupoint_atlas::session::{Answer, Command, Mode};
use acupoint_atlas::study::{Grade, QuestionKind};
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness<'a>() -> Harness<'a, AtlasApp> {
    crate::common::app_harness(None, None)
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

#[test]
fn the_layers_menu_draws_every_channel_and_a_key_draws_the_bones() {
    let mut h = harness();
    h.run();
    h.get_by_label("Layers").click();
    h.run();
    h.get_by_label("All channels").click();
    h.run();
    let app = h.state();
    let scene = app.session().scene(app.atlas()).unwrap();
    assert_eq!(scene.layers.channels.len(), app.atlas().channels().len());
    assert!(!scene.layers.bones);
    h.key_press(egui::Key::Escape);
    h.run();
    h.key_press(egui::Key::O);
    h.run();
    let app = h.state();
    assert!(app.session().scene(app.atlas()).unwrap().layers.bones);
}

#[test]
fn the_landmark_step_lights_up_the_bone_a_point_is_found_from() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SelectPoint(PointCode::new("BL25")));
    h.get_by_label("1. Landmark:").click();
    h.run();
    let app = h.state();
    let scene = app.session().scene(app.atlas()).unwrap();
    assert_eq!(
        scene.layers.step,
        Some(StepFocus::Landmark(LandmarkId::new("l4_spinous_lower")))
    );
    // Clicking the step again hides it.
    h.get_by_label("1. Landmark:").click();
    h.run();
    let app = h.state();
    assert_eq!(app.session().scene(app.atlas()).unwrap().layers.step, None);
}

#[test]
fn a_landmark_question_is_answered_by_clicking_the_bone_and_scored_in_cun() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SetMode(Mode::Study));
    command(
        &mut h,
        Command::Study(acupoint_atlas::session::StudyCommand::Start),
    );
    for _ in 0..80 {
        if matches!(
            h.state().session().study.question.as_ref().map(|q| &q.kind),
            Some(QuestionKind::Landmark { .. })
        ) {
            break;
        }
        command(&mut h, Command::NextQuestion);
    }
    let question = h.state().session().study.question.clone().unwrap();
    let QuestionKind::Landmark {
        figure, landmark, ..
    } = question.kind
    else {
        panic!("no landmark question came up: {question:?}")
    };
    assert!(
        question.prompt.starts_with("Click the "),
        "{}",
        question.prompt
    );
    let at = h
        .state()
        .atlas()
        .figure(&figure)
        .unwrap()
        .landmark(&landmark)
        .unwrap()
        .at;
    let on_screen = h.state().figure_on_screen(at).unwrap();
    h.hover_at(on_screen);
    h.run();
    let on_screen = h.state().figure_on_screen(at).unwrap();
    click_at(&mut h, on_screen);
    match &h.state().session().study.answer {
        Some(Answer::Located(r)) => {
            assert!(r.error_cun < 0.5, "{}", r.error_cun);
            assert_eq!(r.grade, Grade::Right);
        }
        other => panic!("{other:?}"),
    }
    assert!(h.query_by_label_contains("Right: on the").is_some());
}
