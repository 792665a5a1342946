//! Present mode's habits from the classroom: a clicker's black or white screen, the pen on the
//! audience canvas, recall as two presses (the question, then the answer), Esc that never
//! clears a step, and a lesson that hands back the place it was opened from. No egui.

use super::effect::Effect;
use super::state::{Blank, ReturnTo, Session};
use crate::model::{Atlas, FigurePos};

/// Points a single pen stroke keeps at most (a long scribble stops growing, it never panics).
const MAX_STROKE_POINTS: usize = 4000;

/// Strokes kept at most on one step.
const MAX_STROKES: usize = 200;

/// Blanks the audience screen with `which`; pressing the same key again brings it back.
pub(super) fn blank(session: &mut Session, which: Blank) {
    let present = &mut session.present;
    present.blank = if present.blank == Some(which) {
        None
    } else {
        Some(which)
    };
}

/// Extends the last pen stroke to `at`, or starts a new one there.
pub(super) fn pen_to(session: &mut Session, at: FigurePos, start: bool) {
    let pen = &mut session.present.pen;
    if start || pen.is_empty() {
        if pen.len() >= MAX_STROKES {
            pen.remove(0);
        }
        pen.push(vec![at]);
        return;
    }
    if let Some(stroke) = pen.last_mut()
        && stroke.len() < MAX_STROKE_POINTS
    {
        stroke.push(at);
    }
}

/// What Esc does in Present mode: brings a blanked screen back, else leaves full screen. It
/// never clears the step or the point shown (a clicker's start/stop key sends Esc).
pub(super) fn escape_in_present(session: &mut Session, effects: &mut Vec<Effect>) {
    if session.present.blank.is_some() {
        session.present.blank = None;
    } else {
        effects.push(Effect::LeaveFullscreen);
    }
}

/// What a new step or point starts with: a clean canvas, and for recall the question first.
pub(super) fn arrive(session: &mut Session, ask: bool) {
    session.present.pen.clear();
    session.present.asking = ask;
}

/// The second press of a recall step: shows what the first press asked about. Returns whether
/// there was a question waiting.
pub(super) fn answer(session: &mut Session) -> bool {
    if !session.present.asking {
        return false;
    }
    session.present.asking = false;
    if let Some(code) = session.kept.selected.clone() {
        session.present.revealed.insert(code);
    }
    true
}

/// Notes where Present mode is before a lesson opens over it (once: a second lesson opened
/// over the first returns to the same place).
pub(super) fn remember_place(session: &mut Session, effects: &mut Vec<Effect>) {
    if session.present.lesson.is_some() || session.present.before_lesson.is_some() {
        return;
    }
    session.present.before_lesson = Some(ReturnTo {
        selected: session.kept.selected.clone(),
        figure: session.kept.figure.clone(),
    });
    effects.push(Effect::RememberView);
}

/// Closes the open lesson, keeping the step it was on (opening it again resumes there), and
/// goes back to the point, figure and view shown before it opened.
pub(super) fn close_lesson(session: &mut Session, atlas: &Atlas, effects: &mut Vec<Effect>) {
    if let Some(play) = session.present.lesson.take() {
        session.present.lesson_steps.insert(play.id, play.step);
    }
    arrive(session, false);
    match session.present.before_lesson.take() {
        Some(back) => {
            session.kept.selected = back.selected.filter(|c| atlas.point(c).is_some());
            if let Some(figure) = back.figure.filter(|f| atlas.figure(f).is_some()) {
                session.kept.figure = Some(figure);
            }
            effects.push(Effect::RestoreView);
        }
        None => effects.push(Effect::FitView),
    }
}
