//! Study mode's commands: choosing a plan, starting and ending a session, asking and answering
//! questions, and resetting progress (after a confirmation).

use super::effect::Effect;
use super::mode::Mode;
use super::state::{Answer, Missed, Session, StudyPhase};
use crate::model::{Atlas, FigurePos};
use crate::study::{self, Deck, QuestionKind, SessionRecord, StudyPlan};

/// What study mode's plan, summary and reset controls ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum StudyCommand {
    /// The plan for the next session.
    SetPlan(StudyPlan),
    /// Starts a session on the plan.
    Start,
    /// Ends the session under way and shows its summary.
    End,
    /// Leaves the summary for the plan chooser.
    NewPlan,
    /// Asks to reset every point's progress and the history: waits for `Reset`.
    AskReset,
    Reset,
    CancelReset,
    /// A locate question answered on the patient's photo, scored there in their own cun; the
    /// surface says how the photo is named in the review of misses.
    AnsweredOnPhoto(Box<study::LocateResult>, study::Surface),
}

/// Applies a study command.
pub(super) fn apply_study(
    session: &mut Session,
    atlas: &Atlas,
    command: StudyCommand,
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    match command {
        StudyCommand::SetPlan(plan) => session.study.plan = plan,
        StudyCommand::Start => start(session, atlas, now_s, effects),
        StudyCommand::End => end(session, atlas, now_s, effects),
        StudyCommand::NewPlan => {
            session.study.clear_session();
            session.study.phase = StudyPhase::Plan;
        }
        StudyCommand::AskReset => {
            session.study.confirm_reset = true;
            if session.mode != Mode::Study {
                effects.push(Effect::FitView);
                session.mode = Mode::Study;
            }
        }
        StudyCommand::CancelReset => session.study.confirm_reset = false,
        StudyCommand::AnsweredOnPhoto(r, surface) => {
            answer_located_on_photo(session, atlas, (*r, surface), now_s, effects);
        }
        StudyCommand::Reset => {
            let seed = session.kept.progress.seed;
            session.kept.progress = study::Progress {
                seed,
                ..study::Progress::default()
            };
            session.study.history = study::StudyHistory::default();
            session.study.confirm_reset = false;
            effects.push(Effect::SaveStudyHistory);
        }
    }
}

fn start(session: &mut Session, atlas: &Atlas, now_s: u64, effects: &mut Vec<Effect>) {
    session.study.clear_session();
    session.study.phase = StudyPhase::Asking;
    next_question(session, atlas, now_s, effects);
}

/// Ends the session: its record joins the history (when anything was answered) and the
/// summary is shown.
fn end(session: &mut Session, atlas: &Atlas, now_s: u64, effects: &mut Vec<Effect>) {
    let study = &mut session.study;
    if study.phase != StudyPhase::Asking {
        return;
    }
    if study.asked > 0 {
        let record = SessionRecord {
            ended_s: now_s,
            deck: deck_name(atlas, session.kept.condition.as_ref(), &study.plan.deck),
            asked: study.asked,
            right: study.right,
            seconds: study.seconds_spent(),
            missed: study.missed.iter().map(ToString::to_string).collect(),
        };
        study.history.push(record);
        effects.push(Effect::SaveStudyHistory);
    }
    study.phase = StudyPhase::Summary;
    study.question = None;
    study.answer = None;
}

/// A deck as the history and the plan chooser name it.
pub fn deck_name(
    atlas: &Atlas,
    condition: Option<&crate::model::ConditionId>,
    deck: &Deck,
) -> String {
    match deck {
        Deck::Condition => condition
            .and_then(|c| atlas.condition(c))
            .map_or_else(|| "All points".to_owned(), |c| c.name.to_string()),
        Deck::Region(r) => atlas
            .region(r)
            .map_or_else(|| r.to_string(), |r| r.name.to_string()),
        Deck::Channel(c) => atlas
            .channel(c)
            .map_or_else(|| c.to_string(), |c| c.name.to_string()),
        Deck::Weak => "Weak points".to_owned(),
    }
}

/// Asks the next question of the plan, or ends the session once its length is reached.
pub(super) fn next_question(
    session: &mut Session,
    atlas: &Atlas,
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    match session.study.phase {
        StudyPhase::Plan => return start(session, atlas, now_s, effects),
        StudyPhase::Summary => {
            session.study.clear_session();
            session.study.phase = StudyPhase::Plan;
            return;
        }
        StudyPhase::Asking if session.study.finished() => {
            return end(session, atlas, now_s, effects);
        }
        StudyPhase::Asking => {}
    }
    let condition = session.kept.condition.as_ref();
    let pool = study::deck_pool(
        atlas,
        &session.study.plan.deck,
        condition,
        &session.kept.progress,
    );
    let asking = study::Asking {
        pool: &pool,
        kinds: session.study.plan.kinds,
        locate_on: session.kept.figure.as_ref(),
        condition,
    };
    session.study.seq += 1;
    session.study.question = study::next_question(
        atlas,
        &asking,
        &session.kept.progress,
        now_s,
        session.study.seq,
    );
    session.study.answer = None;
    if let Some(q) = &session.study.question
        && let Some(figure) = q.kind.figure()
    {
        session.kept.figure = Some(figure.clone());
        effects.push(Effect::FrameQuestion(q.code.clone()));
    }
}

pub(super) fn answer_choice(
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
    let QuestionKind::Choose { options, answer } = &q.kind else {
        return;
    };
    let Some(given) = options.get(index) else {
        return;
    };
    let right = index == *answer;
    let grade = if right {
        study::Grade::Right
    } else {
        study::Grade::Wrong
    };
    let code = q.code.clone();
    if !right {
        session.study.misses.push(Missed {
            code: code.clone(),
            prompt: q.prompt.clone(),
            given: given.clone(),
            right: options.get(*answer).cloned().unwrap_or_default(),
        });
    }
    session.kept.progress.record(code.as_str(), grade, now_s);
    session.study.note_answer(&code, right, now_s);
    session.study.answer = Some(Answer::Chose { index, right });
    session.show_on_figure(atlas, &code);
    session.kept.selected = Some(code);
    effects.push(Effect::FrameSelection);
}

pub(super) fn answer_locate(
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
    let (scored, target) = match &q.kind {
        QuestionKind::Locate { figure } => (
            study::score_locate(atlas, &q.code, figure, at),
            format!("on {}", q.code),
        ),
        QuestionKind::Landmark {
            figure,
            landmark,
            target,
        } => (
            study::score_landmark(atlas, &q.code, figure, landmark, target, at),
            format!("on the {}", target.name),
        ),
        QuestionKind::Choose { .. } => (None, String::new()),
    };
    let Some(result) = scored else {
        return;
    };
    let prompt = q.prompt.clone();
    record_located(session, result, (&target, prompt), now_s, effects);
}

/// A locate question answered on the patient's photo (scored there by the window, which
/// holds the photo).
fn answer_located_on_photo(
    session: &mut Session,
    atlas: &Atlas,
    (result, surface): (study::LocateResult, study::Surface),
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    let Some(q) = &session.study.question else {
        return;
    };
    if session.study.answer.is_some() || !matches!(q.kind, QuestionKind::Locate { .. }) {
        return;
    }
    let target = format!("on {}, {}", q.code, surface.on());
    // The review of misses quotes the question as it was asked: on the photo.
    let prompt = q.prompt_on(atlas, surface);
    record_located(session, result, (&target, prompt), now_s, effects);
}

/// Records a scored click: the progress, the miss (if one, with `target` the right answer's
/// place and `prompt` the question as asked), and the answer shown.
fn record_located(
    session: &mut Session,
    result: study::LocateResult,
    (target, prompt): (&str, String),
    now_s: u64,
    effects: &mut Vec<Effect>,
) {
    let Some(q) = &session.study.question else {
        return;
    };
    let code = q.code.clone();
    let right = result.grade == study::Grade::Right;
    if !right {
        session.study.misses.push(Missed {
            code: code.clone(),
            prompt,
            given: format!("a click {:.1} cun away", result.error_cun),
            right: format!("a click {target}"),
        });
    }
    let progress = &mut session.kept.progress;
    progress.record(code.as_str(), result.grade, now_s);
    if let Some(p) = progress.points.get_mut(code.as_str()) {
        p.last_error_cun = Some(result.error_cun);
    }
    session.study.note_answer(&code, right, now_s);
    session.kept.selected = Some(code);
    session.study.answer = Some(Answer::Located(result));
    effects.push(Effect::RevealSelection);
}

impl Session {
    /// Whether the window hides the condition chooser: while a "which region" or "which
    /// condition" question waits for its answer, the chooser on the same screen would give it.
    pub fn hides_conditions(&self) -> bool {
        self.mode == Mode::Study
            && self.study.answer.is_none()
            && self
                .study
                .question
                .as_ref()
                .is_some_and(|q| matches!(q.about, study::Topic::Region | study::Topic::Condition))
    }
}

#[cfg(test)]
mod tests;
