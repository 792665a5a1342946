//! Study mode through the window: the plan chooser, a session to its summary and charts, the
//! history kept across a restart, "Reset my progress" from the Menu, and a landmark question
//! answered by a click on the bone.

use crate::common::click_at;
use acupoint_atlas::model::StructureId;
use acupoint_atlas::session::{Answer, Command, Mode, StudyCommand, StudyPhase};
use acupoint_atlas::store::Store;
use acupoint_atlas::study::{Grade, Kinds, QuestionKind, StudyPlan};
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

/// Answers the current question (the first choice, or a click near the top left corner).
fn answer(h: &mut Harness<'_, AtlasApp>) {
    let q = h.state().session().study.question.clone().unwrap();
    let c = match q.kind {
        QuestionKind::Choose { .. } => Command::AnswerChoice(0),
        _ => Command::AnswerLocate(acupoint_atlas::model::FigurePos::new(0.01, 0.01)),
    };
    command(h, c);
}

#[test]
fn a_session_runs_from_the_plan_to_its_summary_and_charts() {
    let mut h = crate::common::app_harness(None, None);
    h.run();
    h.get_by_label("Study").click();
    h.run();
    h.get_by_label("Plan a study session");
    h.get_by_label("20 questions").click();
    h.run();
    h.get_by_label("Start").click();
    h.run();
    assert_eq!(h.state().session().study.phase, StudyPhase::Asking);
    h.get_by_label("Question 1 of 20");
    for _ in 0..3 {
        answer(&mut h);
        command(&mut h, Command::NextQuestion);
    }
    h.get_by_label("End session").click();
    h.run();
    assert_eq!(h.state().session().study.phase, StudyPhase::Summary);
    h.get_by_label("Session summary");
    h.get_by_label_contains("of 3 right (");
    h.get_by_label("Last sessions (% right)");
    h.get_by_label("Points in each box");
    h.get_by_label("New plan").click();
    h.run();
    h.get_by_label("Plan a study session");
}

#[test]
fn the_history_survives_a_restart() {
    let dir = tempfile::tempdir().unwrap();
    {
        let mut h = crate::common::app_harness(None, Some(Store::new(dir.path())));
        h.run();
        command(&mut h, Command::SetMode(Mode::Study));
        command(&mut h, Command::Study(StudyCommand::Start));
        answer(&mut h);
        command(&mut h, Command::Study(StudyCommand::End));
        h.state_mut().flush_settings();
    }
    assert!(dir.path().join("study-history.ron").is_file());
    let mut h = crate::common::app_harness(None, Some(Store::new(dir.path())));
    h.run();
    let history = &h.state().session().study.history;
    assert_eq!(history.sessions.len(), 1);
    assert_eq!(history.sessions[0].asked, 1);
    command(&mut h, Command::SetMode(Mode::Study));
    assert!(h.query_by_label("No finished sessions yet.").is_none());
}

#[test]
fn a_bad_history_file_is_named_at_its_line_and_column_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("study-history.ron"),
        "(\n  sessions: [\n    (asked: \"ten\"),\n  ],\n)\n",
    )
    .unwrap();
    let mut h = crate::common::app_harness(None, Some(Store::new(dir.path())));
    h.run();
    let notices = h.state().notices().join("\n");
    assert!(notices.contains("study-history.ron:3:"), "{notices}");
    assert!(h.state().session().study.history.sessions.is_empty());
}

#[test]
fn reset_my_progress_from_the_menu_asks_first() {
    let mut h = crate::common::app_harness(None, None);
    h.run();
    command(&mut h, Command::SetMode(Mode::Study));
    command(&mut h, Command::Study(StudyCommand::Start));
    answer(&mut h);
    command(&mut h, Command::Study(StudyCommand::End));
    assert!(!h.state().session().kept.progress.points.is_empty());
    // From another mode: the Menu's entry brings Study mode and its confirmation.
    command(&mut h, Command::SetMode(Mode::Explore));
    h.get_by_label("Menu").click();
    h.run();
    // The Study submenu (the entry below the top bar, not the mode button).
    h.query_all_by_label("Study")
        .filter(|n| n.rect().min.y > 36.0)
        .min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .expect("the Menu's Study entry")
        .hover();
    h.run();
    h.run();
    h.get_by_label_contains("Reset my progress").click();
    h.run();
    assert_eq!(h.state().session().mode, Mode::Study);
    h.get_by_label_contains("This cannot be undone");
    assert!(!h.state().session().kept.progress.points.is_empty());
    h.get_by_label("Reset my progress").click();
    h.run();
    assert!(h.state().session().kept.progress.points.is_empty());
    assert!(h.state().session().study.history.sessions.is_empty());
}

#[test]
fn a_click_on_the_bone_answers_a_landmark_question_right() {
    let mut h = crate::common::app_harness(None, None);
    h.run();
    command(&mut h, Command::SetMode(Mode::Study));
    let plan = StudyPlan {
        kinds: Kinds {
            locate: false,
            landmark: true,
            names: false,
            region_condition: false,
        },
        ..StudyPlan::default()
    };
    command(&mut h, Command::Study(StudyCommand::SetPlan(plan)));
    command(&mut h, Command::Study(StudyCommand::Start));
    let mut found = None;
    for _ in 0..10 {
        let q = h.state().session().study.question.clone().unwrap();
        if let QuestionKind::Landmark { figure, target, .. } = &q.kind
            && !target.spot
        {
            found = Some((figure.clone(), target.structure.clone()));
            break;
        }
        answer(&mut h);
        command(&mut h, Command::NextQuestion);
    }
    let (figure, structure): (_, StructureId) = found.expect("a question on a whole bone");
    let on_bone = {
        let atlas = h.state().atlas();
        let path = atlas.structure_paths(&structure, &figure).next().unwrap();
        path.points[path.points.len() / 2]
    };
    let at = h.state().figure_on_screen(on_bone).unwrap();
    h.hover_at(at);
    h.run();
    let at = h.state().figure_on_screen(on_bone).unwrap();
    click_at(&mut h, at);
    match &h.state().session().study.answer {
        Some(Answer::Located(r)) => assert_eq!(r.grade, Grade::Right, "{r:?}"),
        other => panic!("{other:?}"),
    }
    h.get_by_label_contains("Right: on the");
}
