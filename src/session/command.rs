//! Everything a user can ask for, as one enum, and how each changes the session. Panels and
//! shortcuts push commands during a frame; the window applies them at its end, so no panel
//! changes state another is drawing. What a command asks of the window beyond the session
//! (a theme to install, the canvas to reframe, an export to start) comes back as [`Effect`]s.

use super::effect::Effect;
use super::layer_command::{LayerCommand, apply_layer};
use super::lesson;
use super::mode::{Mode, Tab};
use super::state::{Answer, Session};
use crate::model::{
    Atlas, ConditionId, FigureId, FigurePos, LessonId, MechanismId, PointCode, RegionId,
};
use crate::scene::Theme;
use crate::study;
use std::collections::BTreeSet;

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
    SetTheme(Theme),
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
    /// Changes presentation's text and dot scale by this much (kept between 1 and 3).
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
    /// Puts the panels back to their default sizes.
    ResetLayout,
    /// The practitioner's name printed on handouts.
    SetPractitioner(String),
    /// Channels, bones, nerves, the direction of flow, and the landmark steps.
    Layer(LayerCommand),
    /// Opens a lesson in Present mode at its first step (`None` closes it).
    OpenLesson(Option<LessonId>),
    /// Fills Present mode's canvas with a mechanism's diagram (`None` goes back to the body).
    PresentDiagram(Option<MechanismId>),
    /// Moves a mechanism's diagram by this many steps (the Mechanisms tab's Previous and Next).
    StepDiagram(MechanismId, i32),
    /// Shows the presenter's note on the canvas too, or only beside the step controls.
    ToggleNoteOnCanvas,
    /// What the window's exports write (PDF or PNG) and on which paper; remembered.
    SetExportChoice(crate::store::ExportFormat, crate::store::PaperChoice),
}

/// Applies a command to the session. `now_s` is the clock for study scheduling.
pub fn apply(session: &mut Session, atlas: &Atlas, command: Command, now_s: u64) -> Vec<Effect> {
    let mut effects = Vec::new();
    let fx = &mut effects;
    let kept = &mut session.kept;
    match command {
        Command::SelectPoint(code) => select(session, atlas, code, fx),
        Command::Escape => escape(session),
        Command::ClearSelection => clear_selection(session),
        Command::SetFigure(id) => {
            if atlas.figure(&id).is_some() {
                kept.figure = Some(id);
            }
        }
        Command::SetCondition(id) => set_condition(session, atlas, id, now_s, fx),
        Command::ToggleRegion(id) => toggle(&mut session.hidden_regions, id),
        Command::SelectMechanism(id) => session.mechanism = id,
        Command::Step(delta) => step_selection(session, atlas, delta, fx),
        Command::SetTab(tab) => session.tab = tab,
        Command::SetTheme(theme) => set_theme(session, theme, fx),
        Command::CycleTheme => set_theme(session, session.kept.theme.next(), fx),
        Command::TogglePinyinLabels => kept.pinyin_labels = !kept.pinyin_labels,
        Command::FitView => fx.push(Effect::FitView),
        Command::SetMode(mode) => set_mode(session, atlas, mode, now_s, fx),
        Command::AddToPlan(code) => add_to_plan(&mut kept.plan, atlas, code),
        Command::RemoveFromPlan(code) => kept.plan.retain(|c| c != &code),
        Command::TogglePlanSelected => toggle_plan_selected(session, atlas),
        Command::MovePlan(code, delta) => move_in_plan(&mut kept.plan, &code, delta),
        Command::ClearPlan => kept.plan.clear(),
        Command::TogglePatientCodes => session.patient_codes = !session.patient_codes,
        Command::OpenSearch => open_search(session, fx),
        Command::CloseSearch => session.search.open = false,
        Command::ToggleHelp => session.help_open = !session.help_open,
        Command::ToggleFullscreen => fx.push(Effect::ToggleFullscreen),
        Command::ScaleText(delta) => set_scale(session, session.kept.text_scale + delta),
        Command::SetTextScale(scale) => set_scale(session, scale),
        Command::ToggleRecall => toggle_recall(session),
        Command::ToggleSpotlight => session.present.spotlight = !session.present.spotlight,
        Command::SetStudyRegion(region) => {
            session.study.region = region;
            next_question(session, atlas, now_s, fx);
        }
        Command::NextQuestion => next_question(session, atlas, now_s, fx),
        Command::AnswerChoice(index) => answer_choice(session, atlas, index, now_s, fx),
        Command::AnswerLocate(at) => answer_locate(session, atlas, at, now_s, fx),
        Command::ExportView => fx.push(Effect::ExportView),
        Command::ExportHandout => fx.push(Effect::ExportHandout),
        Command::ToggleCalibration => session.calibration = !session.calibration,
        Command::ResetLayout => fx.push(Effect::ResetLayout),
        Command::SetPractitioner(name) => kept.practitioner = one_line(&name),
        Command::Layer(c) => apply_layer(session, atlas, c, fx),
        Command::OpenLesson(id) => lesson::open_lesson(session, atlas, id, fx),
        Command::PresentDiagram(id) => lesson::present_diagram(session, atlas, id, fx),
        Command::StepDiagram(id, delta) => lesson::step_diagram(session, atlas, &id, delta),
        Command::ToggleNoteOnCanvas => {
            session.present.note_on_canvas = !session.present.note_on_canvas;
        }
        Command::SetExportChoice(format, paper) => {
            kept.export_format = format;
            kept.paper = paper;
        }
    }
    effects
}

/// Closes an open overlay (search, then help), else clears the selection.
fn escape(session: &mut Session) {
    if session.search.open {
        session.search.open = false;
    } else if session.help_open {
        session.help_open = false;
    } else {
        clear_selection(session);
    }
}

fn clear_selection(session: &mut Session) {
    session.kept.selected = None;
    session.mechanism = None;
}

/// A new condition (or none) asks a new question in study mode.
fn set_condition(
    session: &mut Session,
    atlas: &Atlas,
    id: Option<ConditionId>,
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    session.kept.condition = id.filter(|c| atlas.condition(c).is_some());
    session.study.question = None;
    session.study.answer = None;
    if session.mode == Mode::Study {
        next_question(session, atlas, now_s, effects);
    }
}

/// Removes `item` from `set` if it is there, else adds it.
fn toggle<T: Ord>(set: &mut BTreeSet<T>, item: T) {
    if !set.remove(&item) {
        set.insert(item);
    }
}

/// Moves through a lesson's steps in Present mode, else to the next (or previous) visible
/// point; a point stepped to in Present mode is revealed.
fn step_selection(session: &mut Session, atlas: &Atlas, delta: i32, effects: &mut Vec<Effect>) {
    if session.mode == Mode::Present && lesson::step_present(session, atlas, delta, effects) {
        return;
    }
    let visible: Vec<PointCode> = session
        .visible_points(atlas)
        .into_iter()
        .map(|p| p.code.clone())
        .collect();
    if let Some(code) = step(&visible, session.kept.selected.as_ref(), delta) {
        if session.mode == Mode::Present {
            session.present.revealed.insert(code.clone());
        }
        select(session, atlas, code, effects);
    }
}

fn set_theme(session: &mut Session, theme: Theme, effects: &mut Vec<Effect>) {
    session.kept.theme = theme;
    effects.push(Effect::ThemeChanged);
}

fn add_to_plan(plan: &mut Vec<PointCode>, atlas: &Atlas, code: PointCode) {
    if atlas.point(&code).is_some() && !plan.contains(&code) {
        plan.push(code);
    }
}

/// Adds the selected point to today's plan, or removes it.
fn toggle_plan_selected(session: &mut Session, atlas: &Atlas) {
    let kept = &mut session.kept;
    if let Some(code) = kept.selected.clone() {
        if kept.plan.contains(&code) {
            kept.plan.retain(|c| c != &code);
        } else {
            add_to_plan(&mut kept.plan, atlas, code);
        }
    }
}

fn open_search(session: &mut Session, effects: &mut Vec<Effect>) {
    session.search.open = true;
    session.search.cursor = 0;
    effects.push(Effect::FocusSearch);
}

/// Recall hides every label again.
fn toggle_recall(session: &mut Session) {
    session.present.recall = !session.present.recall;
    session.present.revealed.clear();
}

/// A name, not a document: one line, of a sensible length.
fn one_line(name: &str) -> String {
    name.lines().next().unwrap_or("").chars().take(80).collect()
}

fn set_scale(session: &mut Session, scale: f32) {
    if scale.is_finite() {
        session.kept.text_scale = scale.clamp(1.0, 3.0);
    }
}

fn select(session: &mut Session, atlas: &Atlas, code: PointCode, effects: &mut Vec<Effect>) {
    if atlas.point(&code).is_none() {
        return;
    }
    show_on_figure(session, atlas, &code);
    session.tab = Tab::Point;
    match session.mode {
        Mode::Present => effects.push(Effect::FrameSelection),
        Mode::Patient => {
            effects.push(Effect::FrameSelection);
            effects.push(Effect::ShowCard(code.clone()));
        }
        Mode::Explore | Mode::Study => effects.push(Effect::RevealSelection),
    }
    session.kept.selected = Some(code);
}

fn set_mode(
    session: &mut Session,
    atlas: &Atlas,
    mode: Mode,
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    if session.mode != mode {
        // A new mode starts from the whole figure (a presentation's zoom is not a patient's).
        effects.push(Effect::FitView);
    }
    session.mode = mode;
    match mode {
        Mode::Study => {
            if session.study.question.is_none() {
                next_question(session, atlas, now_s, effects);
            }
        }
        Mode::Present => session.present.revealed.clear(),
        Mode::Patient => {
            let kept = &mut session.kept;
            if kept
                .selected
                .as_ref()
                .is_some_and(|c| !kept.plan.contains(c))
            {
                kept.selected = None;
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

fn next_question(session: &mut Session, atlas: &Atlas, now_s: u64, effects: &mut Vec<Effect>) {
    let pool = study::pool(
        atlas,
        session.kept.condition.as_ref(),
        session.study.region.as_ref(),
    );
    session.study.seq += 1;
    session.study.question = study::next_question(
        atlas,
        &pool,
        &session.kept.progress,
        now_s,
        session.study.seq,
        session.kept.figure.as_ref(),
        session.kept.condition.as_ref(),
    );
    session.study.answer = None;
    if let Some(q) = &session.study.question
        && let Some(figure) = q.kind.figure()
    {
        session.kept.figure = Some(figure.clone());
        effects.push(Effect::FrameQuestion(q.code.clone()));
    }
}

fn answer_choice(
    session: &mut Session,
    atlas: &Atlas,
    index: usize,
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    let Some(q) = &session.study.question else {
        return;
    };
    if session.study.answer.is_some() {
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
    let code = q.code.clone();
    session.kept.progress.record(code.as_str(), grade, now_s);
    session.study.note_answer(&code, right, now_s);
    session.study.answer = Some(Answer::Chose { index, right });
    show_on_figure(session, atlas, &code);
    session.kept.selected = Some(code);
    effects.push(Effect::FrameSelection);
}

/// Switches to the first figure that shows the point, unless the current one does.
fn show_on_figure(session: &mut Session, atlas: &Atlas, code: &PointCode) {
    let condition = session.kept.condition.as_ref();
    let on_figure = session
        .kept
        .figure
        .as_ref()
        .is_some_and(|f| !atlas.sites_for(code, f, condition).is_empty());
    if !on_figure && let Some(site) = atlas.sites(code).first() {
        session.kept.figure = Some(site.figure.clone());
    }
}

fn answer_locate(
    session: &mut Session,
    atlas: &Atlas,
    at: FigurePos,
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    let Some(q) = &session.study.question else {
        return;
    };
    if session.study.answer.is_some() {
        return;
    }
    let scored = match &q.kind {
        study::QuestionKind::Locate { figure } => study::score_locate(atlas, &q.code, figure, at),
        study::QuestionKind::Landmark { figure, landmark } => {
            study::score_landmark(atlas, figure, landmark, at)
        }
        study::QuestionKind::Choose { .. } => None,
    };
    let Some(result) = scored else {
        return;
    };
    let code = q.code.clone();
    let progress = &mut session.kept.progress;
    progress.record(code.as_str(), result.grade, now_s);
    if let Some(p) = progress.points.get_mut(code.as_str()) {
        p.last_error_cun = Some(result.error_cun);
    }
    session
        .study
        .note_answer(&code, result.grade == study::Grade::Right, now_s);
    session.kept.selected = Some(code);
    session.study.answer = Some(Answer::Located(result));
    effects.push(Effect::RevealSelection);
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
mod tests;
