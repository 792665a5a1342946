//! Applying commands to a session: worked examples, one command kind at a time.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::load::load_builtin;
use crate::store::Settings;

fn codes(list: &[&str]) -> Vec<PointCode> {
    list.iter().map(|c| PointCode::new(*c)).collect()
}

fn session(atlas: &Atlas) -> Session {
    Session::resume(atlas, Settings::default())
}

fn run(s: &mut Session, atlas: &Atlas, c: Command) -> Vec<Effect> {
    apply(s, atlas, c, 1_000)
}

#[test]
fn stepping_wraps_around_the_list_in_both_directions() {
    let list = codes(&["BL23", "BL40", "KI3"]);
    assert_eq!(step(&list, Some(&list[2]), 1), Some(list[0].clone()));
    assert_eq!(step(&list, Some(&list[0]), -1), Some(list[2].clone()));
    assert_eq!(step(&list, None, 1), Some(list[0].clone()));
    assert_eq!(step(&list, None, -1), Some(list[2].clone()));
    assert_eq!(step(&[], None, 1), None);
}

#[test]
fn plan_entries_move_up_and_down_within_bounds() {
    let mut plan = codes(&["A", "B", "C"]);
    move_in_plan(&mut plan, &PointCode::new("C"), -1);
    assert_eq!(plan, codes(&["A", "C", "B"]));
    move_in_plan(&mut plan, &PointCode::new("A"), -1);
    assert_eq!(plan, codes(&["A", "C", "B"]));
    move_in_plan(&mut plan, &PointCode::new("B"), 1);
    assert_eq!(plan, codes(&["A", "C", "B"]));
}

#[test]
fn selecting_a_point_off_the_current_view_switches_to_a_view_that_shows_it() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    s.kept.figure = Some(FigureId::new("posterior"));
    let effects = run(&mut s, &atlas, Command::SelectPoint(PointCode::new("LI4")));
    assert_eq!(s.kept.selected, Some(PointCode::new("LI4")));
    let figure = s.kept.figure.clone().unwrap();
    assert!(
        atlas
            .sites_on(&PointCode::new("LI4"), &figure)
            .next()
            .is_some()
    );
    assert_eq!(effects, [Effect::FrameSelectionApart]);
}

#[test]
fn a_present_step_with_recall_frames_the_point_and_reveals_its_label_on_the_next_press() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    run(&mut s, &atlas, Command::SetMode(Mode::Present));
    run(&mut s, &atlas, Command::ToggleRecall);
    let effects = run(&mut s, &atlas, Command::Step(1));
    let first = s.kept.selected.clone().unwrap();
    assert_eq!(effects, [Effect::FrameSelection]);
    assert!(s.present.asking && !s.present.revealed.contains(&first));
    run(&mut s, &atlas, Command::Step(1));
    assert_eq!(s.kept.selected.as_ref(), Some(&first), "the same point");
    assert!(!s.present.asking && s.present.revealed.contains(&first));
}

#[test]
fn escape_closes_the_top_overlay_before_it_clears_the_selection() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    run(&mut s, &atlas, Command::SelectPoint(PointCode::new("BL40")));
    run(&mut s, &atlas, Command::OpenSearch);
    run(&mut s, &atlas, Command::Escape);
    assert!(!s.search.open);
    assert!(s.kept.selected.is_some());
    run(&mut s, &atlas, Command::Escape);
    assert_eq!(s.kept.selected, None);
}

#[test]
fn the_plan_takes_each_point_once_and_toggles_the_selected_one() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    run(&mut s, &atlas, Command::AddToPlan(PointCode::new("BL23")));
    run(&mut s, &atlas, Command::AddToPlan(PointCode::new("BL23")));
    run(&mut s, &atlas, Command::AddToPlan(PointCode::new("NOPE1")));
    assert_eq!(s.kept.plan, codes(&["BL23"]));
    run(&mut s, &atlas, Command::SelectPoint(PointCode::new("BL23")));
    run(&mut s, &atlas, Command::TogglePlanSelected);
    assert!(s.kept.plan.is_empty());
}

#[test]
fn the_presentation_scale_stays_between_one_and_three() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    run(&mut s, &atlas, Command::ScaleText(5.0));
    assert_eq!(s.kept.text_scale, 3.0);
    run(&mut s, &atlas, Command::SetTextScale(f32::NAN));
    assert_eq!(s.kept.text_scale, 3.0);
    run(&mut s, &atlas, Command::SetTextScale(0.2));
    assert_eq!(s.kept.text_scale, 1.0);
}

#[test]
fn theme_commands_ask_the_window_to_install_the_theme() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    let effects = run(&mut s, &atlas, Command::CycleTheme);
    assert_eq!(s.kept.theme, Theme::Dark);
    assert_eq!(effects, [Effect::ThemeChanged]);
}

#[test]
fn an_unknown_figure_or_condition_is_ignored() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    let before = s.kept.figure.clone();
    run(&mut s, &atlas, Command::SetFigure(FigureId::new("../x")));
    assert_eq!(s.kept.figure, before);
    run(
        &mut s,
        &atlas,
        Command::SetCondition(Some(ConditionId::new("gout"))),
    );
    assert_eq!(
        s.kept.condition, None,
        "an unknown condition shows all points"
    );
}

#[test]
fn a_study_answer_selects_the_point_so_the_figure_can_show_it() {
    let atlas = load_builtin().unwrap();
    let mut s = session(&atlas);
    run(&mut s, &atlas, Command::SetMode(Mode::Study));
    for _ in 0..40 {
        if matches!(
            s.study.question.as_ref().map(|q| &q.kind),
            Some(study::QuestionKind::Choose { .. })
        ) {
            break;
        }
        run(&mut s, &atlas, Command::NextQuestion);
    }
    let code = s.study.question.as_ref().unwrap().code.clone();
    let effects = run(&mut s, &atlas, Command::AnswerChoice(0));
    assert!(s.study.answer.is_some());
    assert_eq!(s.kept.selected, Some(code.clone()));
    assert_eq!(effects, [Effect::FrameSelection]);
    assert_eq!(s.study.asked, 1);
    let figure = s.kept.figure.clone().unwrap();
    assert!(
        atlas.sites_on(&code, &figure).next().is_some(),
        "the figure shows the answer"
    );
}
