//! Present mode's lessons and diagrams: opening a lesson and stepping through it, a mechanism's
//! diagram filling the canvas and stepped with the same keys as the points, and each diagram's
//! own step kept for the Mechanisms tab. No egui.

use super::classroom::{self, close_lesson, remember_place};
use super::effect::Effect;
use super::mode::Mode;
use super::state::LessonPlay;
use super::state::Session;
use crate::model::{Atlas, Lesson, LessonId, MechanismId};
use crate::scene::{DiagramView, LabelStyle, Scene, lesson_scene};

impl Session {
    /// The lesson being played and its step, when it is in the atlas.
    pub fn lesson_play<'a>(&self, atlas: &'a Atlas) -> Option<(&'a Lesson, usize)> {
        let play = self.present.lesson.as_ref()?;
        let lesson = atlas.lesson(&play.id)?;
        Some((lesson, play.step.min(lesson.steps.len().saturating_sub(1))))
    }

    /// The step a mechanism's diagram shows in the Mechanisms tab and in Present mode (from 0).
    pub fn diagram_step(&self, id: &MechanismId) -> usize {
        self.diagram_steps.get(id).copied().unwrap_or(0)
    }

    /// The diagram filling Present mode's canvas, if one does: the lesson step's, else the one
    /// chosen to present.
    pub fn presented_diagram(&self, atlas: &Atlas) -> Option<DiagramView> {
        if let Some((lesson, index)) = self.lesson_play(atlas) {
            let step = lesson.step(index)?;
            return step.mechanism.as_ref().map(|m| DiagramView {
                mechanism: m.clone(),
                step: step.diagram_index(),
            });
        }
        let id = self.present.diagram.as_ref()?;
        atlas.diagram(id).map(|_| DiagramView {
            mechanism: id.clone(),
            step: self.diagram_step(id),
        })
    }

    /// Whether a lesson or a diagram sets Present mode's canvas (so the views are not chosen).
    pub fn present_sets_canvas(&self, atlas: &Atlas) -> bool {
        self.mode == Mode::Present
            && (self.lesson_play(atlas).is_some() || self.presented_diagram(atlas).is_some())
    }

    /// Whether Present mode shows the point card beside the canvas: always for points; in a
    /// lesson only for a step that rings a point; never beside a diagram, which fills the
    /// window.
    pub fn present_card_shown(&self, atlas: &Atlas) -> bool {
        if self.presented_diagram(atlas).is_some() {
            return false;
        }
        match self.lesson_play(atlas) {
            Some((lesson, index)) => lesson.step(index).is_some_and(|s| s.select.is_some()),
            None => true,
        }
    }

    /// Present mode's canvas when a lesson or a diagram is shown (called by `scene`).
    pub(super) fn present_extras(&self, atlas: &Atlas, scene: &mut Scene) {
        if let Some((lesson, index)) = self.lesson_play(atlas)
            && let Some(mut lesson_canvas) = lesson_scene(atlas, lesson, index)
        {
            lesson_canvas.theme = scene.theme;
            lesson_canvas.scale = scene.scale;
            lesson_canvas.spotlight = scene.spotlight;
            // A recall step hides the labels only until its second press.
            lesson_canvas.label_only = self.present.asking.then(Default::default);
            if self.kept.pinyin_labels && lesson_canvas.labels == LabelStyle::Code {
                lesson_canvas.labels = LabelStyle::Full;
            }
            if self.present.note_on_canvas
                && let (Some(banner), Some(step)) = (&mut lesson_canvas.banner, lesson.step(index))
            {
                banner.note = Some(step.note.to_string());
            }
            *scene = lesson_canvas;
            return;
        }
        scene.diagram = self.presented_diagram(atlas);
    }

    /// Drops a lesson or diagram the atlas no longer has (after a reload).
    pub(super) fn retain_valid_lessons(&mut self, atlas: &Atlas) {
        if self
            .present
            .lesson
            .as_ref()
            .is_some_and(|p| atlas.lesson(&p.id).is_none())
        {
            self.present.lesson = None;
        }
        if let Some(play) = &mut self.present.lesson
            && let Some(lesson) = atlas.lesson(&play.id)
        {
            play.step = play.step.min(lesson.steps.len().saturating_sub(1));
        }
        if self
            .present
            .diagram
            .as_ref()
            .is_some_and(|m| atlas.diagram(m).is_none())
        {
            self.present.diagram = None;
        }
        self.diagram_steps.retain(|m, step| {
            atlas.diagram(m).is_some_and(|d| {
                *step = (*step).min(d.steps.len().saturating_sub(1));
                true
            })
        });
    }
}

/// Opens a lesson in Present mode (at the step it was last closed on, else its first), or
/// closes the one open and goes back to where Present mode was before it.
pub(super) fn open_lesson(
    session: &mut Session,
    atlas: &Atlas,
    id: Option<LessonId>,
    effects: &mut Vec<Effect>,
) {
    let Some(id) = id.filter(|l| atlas.lesson(l).is_some()) else {
        close_lesson(session, atlas, effects);
        return;
    };
    enter_present(session, effects);
    remember_place(session, effects);
    if let Some(open) = session.present.lesson.take() {
        session.present.lesson_steps.insert(open.id, open.step);
    }
    session.present.diagram = None;
    let step = session.present.lesson_steps.get(&id).copied().unwrap_or(0);
    session.present.lesson = Some(LessonPlay { id, step });
    go_to_step(session, atlas, step, true, effects);
}

/// Jumps to step `index` of the open lesson (from the presenter's step list).
pub(super) fn jump_to_step(
    session: &mut Session,
    atlas: &Atlas,
    index: usize,
    effects: &mut Vec<Effect>,
) {
    if let Some((lesson, _)) = session.lesson_play(atlas)
        && index < lesson.steps.len()
    {
        go_to_step(session, atlas, index, true, effects);
    }
}

/// Shows a mechanism's diagram on Present mode's whole canvas, or stops showing it.
pub(super) fn present_diagram(
    session: &mut Session,
    atlas: &Atlas,
    id: Option<MechanismId>,
    effects: &mut Vec<Effect>,
) {
    match id.filter(|m| atlas.diagram(m).is_some()) {
        Some(id) => {
            enter_present(session, effects);
            session.present.lesson = None;
            session.present.diagram = Some(id);
        }
        None => session.present.diagram = None,
    }
    effects.push(Effect::FitView);
}

/// Moves a diagram's own step by `delta`, staying within its steps.
pub(super) fn step_diagram(session: &mut Session, atlas: &Atlas, id: &MechanismId, delta: i32) {
    let Some(diagram) = atlas.diagram(id) else {
        return;
    };
    let next = moved(session.diagram_step(id), delta, diagram.steps.len());
    session.diagram_steps.insert(id.clone(), next);
}

/// Steps the lesson or the diagram shown in Present mode; `false` when neither is shown (the
/// points are stepped instead).
pub(super) fn step_present(
    session: &mut Session,
    atlas: &Atlas,
    delta: i32,
    effects: &mut Vec<Effect>,
) -> bool {
    if let Some((lesson, index)) = session.lesson_play(atlas) {
        // A recall step's second press shows the answer before moving on.
        if delta > 0 && classroom::answer(session) {
            return true;
        }
        let next = moved(index, delta, lesson.steps.len());
        if next != index {
            go_to_step(session, atlas, next, delta > 0, effects);
        }
        return true;
    }
    if let Some(id) = session.present.diagram.clone()
        && atlas.diagram(&id).is_some()
    {
        step_diagram(session, atlas, &id, delta);
        return true;
    }
    false
}

/// Shows step `index` of the open lesson: its ringed point becomes the selection (so the card
/// shows it) and is framed, as on its slide. Arriving forward (`ask`) at a recall step asks
/// first; stepping back shows the answer at once.
fn go_to_step(
    session: &mut Session,
    atlas: &Atlas,
    index: usize,
    ask: bool,
    effects: &mut Vec<Effect>,
) {
    let Some(play) = &mut session.present.lesson else {
        return;
    };
    play.step = index;
    let step = atlas.lesson(&play.id).and_then(|l| l.step(index));
    let select = step.and_then(|s| s.select.clone());
    let recall = step.is_some_and(|s| {
        (s.recall || session.present.recall) && (s.select.is_some() || !s.points.is_empty())
    });
    classroom::arrive(session, ask && recall);
    // A ringed point is framed with some body around it; other steps show the whole figure.
    if let Some(code) = select {
        session.kept.selected = Some(code);
        effects.push(Effect::FrameSelection);
    } else {
        effects.push(Effect::FitView);
    }
}

fn enter_present(session: &mut Session, effects: &mut Vec<Effect>) {
    if session.mode != Mode::Present {
        session.mode = Mode::Present;
        session.present.revealed.clear();
        effects.push(Effect::FitView);
    }
}

/// `index` moved by `delta` within `0..len`, stopping at the ends (a talk does not wrap).
fn moved(index: usize, delta: i32, len: usize) -> usize {
    let last = len.saturating_sub(1);
    let step = usize::try_from(delta.unsigned_abs()).unwrap_or(usize::MAX);
    if delta < 0 {
        index.saturating_sub(step)
    } else {
        index.saturating_add(step).min(last)
    }
}

#[cfg(test)]
mod tests;
