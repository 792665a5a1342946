//! What the canvas shows besides the body: a mechanism's diagram at one of its steps, and a
//! banner with a lesson step's title, its text for the room, and (only when asked) the
//! presenter's note.

use crate::model::MechanismId;

/// A mechanism's diagram at one step, drawn on the canvas instead of the body.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiagramView {
    pub mechanism: MechanismId,
    /// The step shown, counted from 0.
    pub step: usize,
}

/// A heading across the top of the canvas.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Banner {
    /// Large: the lesson step's title.
    pub title: String,
    /// Smaller, under it: the step's words for the room (may be empty).
    pub text: String,
    /// Where we are, such as `Acupuncture for chronic back pain · 3 / 16`.
    pub counter: String,
    /// The presenter's note, on the canvas only when the presenter asks for it.
    pub note: Option<String>,
}
