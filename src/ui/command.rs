//! Everything a user can ask for, as one enum, and how each changes the view. Panels and
//! shortcuts push commands during the frame; the app applies them at its end, so no panel
//! changes state another is drawing. The table of actions with their shortcuts is `actions`.

use super::theme::ThemeKind;
use super::view::{Answer, Mode, Tab, ViewState};
use crate::model::{Atlas, ConditionId, FigureId, FigurePos, MechanismId, PointCode, RegionId};
use crate::study;

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SelectPoint(PointCode),
    /// Closes an open overlay, else clears the selection.
    Escape,
    ClearSelection,
    SetFigure(FigureId),
    SetCondition(Option<ConditionId>),
    ToggleRegion(RegionId),
    SelectMechanism(Option<MechanismId>),
    /// Move to the next (or previous) point of the condition, plan or presentation.
    Step(i32),
    SetTab(Tab),
    SetTheme(ThemeKind),
    CycleTheme,
    TogglePinyinLabels,
    FitView,
    SetMode(Mode),
    AddToPlan(PointCode),
    RemoveFromPlan(PointCode),
    /// Adds the selected point to today's plan, or removes it.
    TogglePlanSelected,
    MovePlan(PointCode, i32),
    ClearPlan,
    TogglePatientCodes,
    OpenSearch,
    CloseSearch,
    ToggleHelp,
    ToggleFullscreen,
    /// Changes the text and dot scale by this much (kept between 1 and 3).
    ScaleText(f32),
    SetTextScale(f32),
    ToggleRecall,
    ToggleSpotlight,
    SetStudyRegion(Option<RegionId>),
    NextQuestion,
    AnswerChoice(usize),
    AnswerLocate(FigurePos),
    ExportView,
    ExportHandout,
    /// Shows every landmark and span of the figure with its name (for atlas authors).
    ToggleCalibration,
}

/// What applying a command asks of the window beyond the view state.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent requests, each read by name"
)]
pub struct Effects {
    pub theme_changed: bool,
    pub fit_view: bool,
    /// Bring the selected point into view on the canvas (and frame it, when presenting).
    pub reveal_selection: bool,
    pub toggle_fullscreen: bool,
    pub scale_changed: bool,
    pub export_view: bool,
    pub export_handout: bool,
    pub focus_search: bool,
}

/// Applies a command to the view state. `now_s` is the clock for study scheduling.
#[allow(
    clippy::too_many_lines,
    reason = "a flat dispatch: one short arm per command"
)]
pub fn apply(view: &mut ViewState, atlas: &Atlas, command: Command, now_s: u64) -> Effects {
    let mut effects = Effects::default();
    match command {
        Command::SelectPoint(code) => select(view, atlas, code, &mut effects),
        Command::Escape => {
            if view.search.open {
                view.search.open = false;
            } else if view.help_open {
                view.help_open = false;
            } else {
                view.selected = None;
                view.mechanism = None;
            }
        }
        Command::ClearSelection => {
            view.selected = None;
            view.mechanism = None;
        }
        Command::SetFigure(id) => view.figure = Some(id),
        Command::SetCondition(id) => {
            view.condition = id;
            view.study.question = None;
            view.study.answer = None;
        }
        Command::ToggleRegion(id) => {
            if !view.hidden_regions.remove(&id) {
                view.hidden_regions.insert(id);
            }
        }
        Command::SelectMechanism(id) => view.mechanism = id,
        Command::Step(delta) => {
            let visible: Vec<PointCode> = view
                .visible_points(atlas)
                .into_iter()
                .map(|p| p.code.clone())
                .collect();
            if let Some(code) = step(&visible, view.selected.as_ref(), delta) {
                if view.mode == Mode::Present {
                    view.present.revealed.insert(code.clone());
                }
                select(view, atlas, code, &mut effects);
            }
        }
        Command::SetTab(tab) => view.tab = tab,
        Command::SetTheme(kind) => {
            view.theme = kind;
            effects.theme_changed = true;
        }
        Command::CycleTheme => {
            view.theme = match view.theme {
                ThemeKind::Light => ThemeKind::Dark,
                ThemeKind::Dark => ThemeKind::HighContrast,
                ThemeKind::HighContrast => ThemeKind::Light,
            };
            effects.theme_changed = true;
        }
        Command::TogglePinyinLabels => view.pinyin_labels = !view.pinyin_labels,
        Command::FitView => effects.fit_view = true,
        Command::SetMode(mode) => set_mode(view, atlas, mode, now_s, &mut effects),
        Command::AddToPlan(code) => {
            if atlas.point(&code).is_some() && !view.in_plan(&code) {
                view.plan.push(code);
            }
        }
        Command::RemoveFromPlan(code) => view.plan.retain(|c| c != &code),
        Command::TogglePlanSelected => {
            if let Some(code) = view.selected.clone() {
                let command = if view.in_plan(&code) {
                    Command::RemoveFromPlan(code)
                } else {
                    Command::AddToPlan(code)
                };
                return apply(view, atlas, command, now_s);
            }
        }
        Command::MovePlan(code, delta) => move_in_plan(&mut view.plan, &code, delta),
        Command::ClearPlan => view.plan.clear(),
        Command::TogglePatientCodes => view.patient_codes = !view.patient_codes,
        Command::OpenSearch => {
            view.search.open = true;
            view.search.cursor = 0;
            effects.focus_search = true;
        }
        Command::CloseSearch => view.search.open = false,
        Command::ToggleHelp => view.help_open = !view.help_open,
        Command::ToggleFullscreen => effects.toggle_fullscreen = true,
        Command::ScaleText(delta) => {
            view.text_scale = (view.text_scale + delta).clamp(1.0, 3.0);
            effects.scale_changed = true;
        }
        Command::SetTextScale(scale) => {
            view.text_scale = scale.clamp(1.0, 3.0);
            effects.scale_changed = true;
        }
        Command::ToggleRecall => {
            view.present.recall = !view.present.recall;
            view.present.revealed.clear();
        }
        Command::ToggleSpotlight => view.present.spotlight = !view.present.spotlight,
        Command::SetStudyRegion(region) => {
            view.study.region = region;
            next_question(view, atlas, now_s);
        }
        Command::NextQuestion => next_question(view, atlas, now_s),
        Command::AnswerChoice(index) => answer_choice(view, index, now_s),
        Command::AnswerLocate(at) => answer_locate(view, atlas, at, now_s),
        Command::ExportView => effects.export_view = true,
        Command::ExportHandout => effects.export_handout = true,
        Command::ToggleCalibration => view.calibration = !view.calibration,
    }
    effects
}

fn select(view: &mut ViewState, atlas: &Atlas, code: PointCode, effects: &mut Effects) {
    if atlas.point(&code).is_none() {
        return;
    }
    let on_figure = view
        .figure
        .as_ref()
        .is_some_and(|f| atlas.sites_on(&code, f).next().is_some());
    if !on_figure {
        // Switch to the first figure that shows the point.
        if let Some(site) = atlas.sites(&code).first() {
            view.figure = Some(site.figure.clone());
        }
    }
    view.selected = Some(code);
    view.tab = Tab::Point;
    effects.reveal_selection = true;
}

fn set_mode(view: &mut ViewState, atlas: &Atlas, mode: Mode, now_s: u64, effects: &mut Effects) {
    view.mode = mode;
    match mode {
        Mode::Study => {
            if view.study.question.is_none() {
                next_question(view, atlas, now_s);
            }
        }
        Mode::Present => {
            view.present.revealed.clear();
            effects.fit_view = true;
        }
        Mode::Patient => {
            if view
                .selected
                .as_ref()
                .is_some_and(|c| !view.plan.contains(c))
            {
                view.selected = None;
            }
        }
        Mode::Explore => {}
    }
}

fn move_in_plan(plan: &mut [PointCode], code: &PointCode, delta: i32) {
    let Some(i) = plan.iter().position(|c| c == code) else {
        return;
    };
    let j = if delta < 0 {
        i.checked_sub(1)
    } else {
        Some(i + 1)
    };
    if let Some(j) = j.filter(|j| *j < plan.len()) {
        plan.swap(i, j);
    }
}

fn next_question(view: &mut ViewState, atlas: &Atlas, now_s: u64) {
    let pool = study::pool(atlas, view.condition.as_ref(), view.study.region.as_ref());
    view.study.seq += 1;
    view.study.question = study::next_question(
        atlas,
        &pool,
        &view.study.progress,
        now_s,
        view.study.seq,
        view.figure.as_ref(),
    );
    view.study.answer = None;
    if let Some(q) = &view.study.question
        && let study::QuestionKind::Locate { figure } = &q.kind
    {
        view.figure = Some(figure.clone());
    }
}

fn answer_choice(view: &mut ViewState, index: usize, now_s: u64) {
    let Some(q) = &view.study.question else {
        return;
    };
    if view.study.answer.is_some() {
        return;
    }
    let study::QuestionKind::Choose { answer, .. } = &q.kind else {
        return;
    };
    let right = index == *answer;
    let grade = if right {
        study::Grade::Right
    } else {
        study::Grade::Wrong
    };
    view.study.progress.record(q.code.as_str(), grade, now_s);
    view.study.asked += 1;
    view.study.right += u32::from(right);
    view.study.answer = Some(Answer::Chose { index, right });
}

fn answer_locate(view: &mut ViewState, atlas: &Atlas, at: FigurePos, now_s: u64) {
    let Some(q) = &view.study.question else {
        return;
    };
    if view.study.answer.is_some() {
        return;
    }
    let study::QuestionKind::Locate { figure } = &q.kind else {
        return;
    };
    let Some(result) = study::score_locate(atlas, &q.code, figure, at) else {
        return;
    };
    view.study
        .progress
        .record(q.code.as_str(), result.grade, now_s);
    if let Some(p) = view.study.progress.points.get_mut(q.code.as_str()) {
        p.last_error_cun = Some(result.error_cun);
    }
    view.study.asked += 1;
    view.study.right += u32::from(result.grade == study::Grade::Right);
    view.selected = Some(q.code.clone());
    view.study.answer = Some(Answer::Located(result));
}

/// The point `delta` places after `current` in `list`, wrapping around; the first (or last)
/// when nothing is selected.
fn step(list: &[PointCode], current: Option<&PointCode>, delta: i32) -> Option<PointCode> {
    let n = i64::try_from(list.len()).ok()?;
    if n == 0 {
        return None;
    }
    let index = match current.and_then(|c| list.iter().position(|x| x == c)) {
        Some(i) => i64::try_from(i).ok()? + i64::from(delta),
        None if delta >= 0 => 0,
        None => n - 1,
    };
    let wrapped = usize::try_from(index.rem_euclid(n)).ok()?;
    list.get(wrapped).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<PointCode> {
        list.iter().map(|c| PointCode::new(*c)).collect()
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
}
