//! Study sessions without a window: a plan, its length, the summary, the history and reset.
#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::load::load_builtin;
use crate::session::{Command, apply};
use crate::store::Settings;
use crate::study::{Kinds, Length, Topic};

fn study_session(atlas: &Atlas) -> Session {
    let mut s = Session::resume(atlas, Settings::default());
    apply(&mut s, atlas, Command::SetMode(Mode::Study), 0);
    s
}

/// Answers the current question wrong (the first wrong choice, or a click far off).
fn answer_wrong(s: &mut Session, atlas: &Atlas, now: u64) {
    let q = s.study.question.clone().unwrap();
    let c = match q.kind {
        QuestionKind::Choose { answer, .. } => Command::AnswerChoice(usize::from(answer == 0)),
        _ => Command::AnswerLocate(FigurePos::new(0.01, 0.01)),
    };
    apply(s, atlas, c, now);
}

#[test]
fn study_mode_opens_on_the_plan_and_start_asks_the_first_question() {
    let atlas = load_builtin().unwrap();
    let mut s = study_session(&atlas);
    assert_eq!(s.study.phase, StudyPhase::Plan);
    assert!(s.study.question.is_none());
    apply(&mut s, &atlas, Command::Study(StudyCommand::Start), 0);
    assert_eq!(s.study.phase, StudyPhase::Asking);
    assert!(s.study.question.is_some());
}

#[test]
fn a_session_of_ten_ends_on_its_summary_and_joins_the_history() {
    let atlas = load_builtin().unwrap();
    let mut s = study_session(&atlas);
    apply(&mut s, &atlas, Command::Study(StudyCommand::Start), 0);
    let mut saved = false;
    for i in 0..10 {
        answer_wrong(&mut s, &atlas, 100 + i);
        let fx = apply(&mut s, &atlas, Command::NextQuestion, 100 + i);
        saved |= fx.contains(&Effect::SaveStudyHistory);
    }
    assert!(saved);
    assert_eq!(s.study.phase, StudyPhase::Summary);
    assert_eq!(s.study.asked, 10);
    assert_eq!(s.study.misses.len(), 10);
    let record = s.study.history.sessions.last().unwrap();
    assert_eq!((record.asked, record.right), (10, 0));
    assert_eq!(record.deck, "Lower back pain");
    assert!(!s.study.misses[0].right.is_empty());
    assert_ne!(s.study.misses[0].given, s.study.misses[0].right);
    apply(&mut s, &atlas, Command::NextQuestion, 200);
    assert_eq!(s.study.phase, StudyPhase::Plan, "Enter leaves the summary");
}

#[test]
fn only_the_chosen_kinds_are_asked() {
    let atlas = load_builtin().unwrap();
    let mut s = study_session(&atlas);
    let plan = StudyPlan {
        kinds: Kinds {
            locate: false,
            landmark: true,
            names: false,
            region_condition: false,
        },
        length: Length::Open,
        ..StudyPlan::default()
    };
    apply(
        &mut s,
        &atlas,
        Command::Study(StudyCommand::SetPlan(plan)),
        0,
    );
    apply(&mut s, &atlas, Command::Study(StudyCommand::Start), 0);
    for i in 0..15 {
        let q = s.study.question.clone().unwrap();
        assert_eq!(q.about, Topic::Landmark, "{}", q.prompt);
        answer_wrong(&mut s, &atlas, i);
        apply(&mut s, &atlas, Command::NextQuestion, i);
    }
}

#[test]
fn the_condition_chooser_hides_while_a_region_or_condition_question_waits() {
    let atlas = load_builtin().unwrap();
    let mut s = study_session(&atlas);
    let plan = StudyPlan {
        kinds: Kinds {
            locate: false,
            landmark: false,
            names: false,
            region_condition: true,
        },
        ..StudyPlan::default()
    };
    apply(
        &mut s,
        &atlas,
        Command::Study(StudyCommand::SetPlan(plan)),
        0,
    );
    apply(&mut s, &atlas, Command::Study(StudyCommand::Start), 0);
    assert!(s.hides_conditions());
    answer_wrong(&mut s, &atlas, 1);
    assert!(!s.hides_conditions(), "shown again once answered");
}

#[test]
fn reset_waits_for_its_confirmation_and_then_forgets_everything() {
    let atlas = load_builtin().unwrap();
    let mut s = study_session(&atlas);
    apply(&mut s, &atlas, Command::Study(StudyCommand::Start), 0);
    answer_wrong(&mut s, &atlas, 1);
    apply(&mut s, &atlas, Command::Study(StudyCommand::End), 2);
    assert!(!s.kept.progress.points.is_empty());
    assert_eq!(s.study.history.sessions.len(), 1);
    apply(&mut s, &atlas, Command::Study(StudyCommand::AskReset), 3);
    assert!(s.study.confirm_reset && !s.kept.progress.points.is_empty());
    apply(&mut s, &atlas, Command::Study(StudyCommand::CancelReset), 3);
    assert!(!s.study.confirm_reset && !s.kept.progress.points.is_empty());
    apply(&mut s, &atlas, Command::Study(StudyCommand::AskReset), 3);
    let fx = apply(&mut s, &atlas, Command::Study(StudyCommand::Reset), 3);
    assert!(fx.contains(&Effect::SaveStudyHistory));
    assert!(s.kept.progress.points.is_empty() && s.study.history.sessions.is_empty());
}

#[test]
fn a_landmark_answer_rings_the_landmark_not_the_point() {
    let atlas = load_builtin().unwrap();
    let mut s = study_session(&atlas);
    let plan = StudyPlan {
        kinds: Kinds {
            locate: false,
            landmark: true,
            names: false,
            region_condition: false,
        },
        ..StudyPlan::default()
    };
    apply(
        &mut s,
        &atlas,
        Command::Study(StudyCommand::SetPlan(plan)),
        0,
    );
    apply(&mut s, &atlas, Command::Study(StudyCommand::Start), 0);
    let q = s.study.question.clone().unwrap();
    let QuestionKind::Landmark {
        figure, landmark, ..
    } = &q.kind
    else {
        panic!("{q:?}")
    };
    let at = atlas.figure(figure).unwrap().landmark(landmark).unwrap().at;
    apply(&mut s, &atlas, Command::AnswerLocate(at), 1);
    let Some(Answer::Located(r)) = &s.study.answer else {
        panic!()
    };
    assert_eq!(r.grade, study::Grade::Right, "{}", q.prompt);
    let scene = s.scene(&atlas).unwrap();
    assert_eq!(scene.selected, None, "no ring on the point");
    assert!(!scene.ruler);
    let mark = scene.landmark_mark.unwrap();
    assert_eq!(&mark.landmark, landmark);
    assert_eq!(scene.layers.step, None, "no second name beside the point");
}
