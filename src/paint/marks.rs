//! What the parts of a drawn picture are, for a reader that cannot see it: the drawing code
//! marks a rectangle as a heading, a paragraph, a figure (with words saying what it shows) or
//! decoration, in reading order. Only a picture being written as a tagged PDF records them;
//! in the window marking costs one look-up and keeps nothing.

use egui::{Context, Id, Rect};
use std::sync::{Arc, Mutex};

/// What a marked part of the picture is.
#[derive(Clone, Debug, PartialEq)]
pub enum Role {
    /// A heading of this level (1 the picture's title, 2 a section's).
    Heading(u8),
    /// Body text.
    Paragraph,
    /// One item of a list (items in a row make one list).
    ListItem,
    /// A picture, said in words: everything drawn inside it is read as these words.
    Figure(String),
    /// Drawn for the look only (a rule, a frame, a page number): not read.
    Decoration,
}

/// One marked part: where it is (in the picture's points) and what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub rect: Rect,
    pub role: Role,
}

/// The marks of the picture being drawn, in reading order.
type Recording = Arc<Mutex<Vec<Mark>>>;

fn key() -> Id {
    Id::unique("acupoint-atlas-marks")
}

/// Starts recording marks on `ctx` (dropping any from an earlier pass).
pub fn record(ctx: &Context) {
    ctx.data_mut(|d| d.insert_temp(key(), Recording::default()));
}

/// Stops recording and returns the marks, in the order they were made.
pub fn take(ctx: &Context) -> Vec<Mark> {
    let recording = ctx.data_mut(|d| d.remove_temp::<Recording>(key()));
    recording
        .and_then(|r| r.lock().ok().map(|mut marks| std::mem::take(&mut *marks)))
        .unwrap_or_default()
}

/// Whether marks are being recorded (so words for a figure are worth making).
pub fn recording(ctx: &Context) -> bool {
    ctx.data(|d| d.get_temp::<Recording>(key()).is_some())
}

/// Marks `rect` as `role`, when a recording is under way.
pub fn mark(ctx: &Context, rect: Rect, role: Role) {
    let recording = ctx.data(|d| d.get_temp::<Recording>(key()));
    if let Some(recording) = recording
        && let Ok(mut marks) = recording.lock()
    {
        marks.push(Mark { rect, role });
    }
}

/// Paints `galley` at `at` (as `Painter::galley` does) and marks it as `role`.
pub fn galley(
    painter: &egui::Painter,
    at: egui::Pos2,
    galley: std::sync::Arc<egui::Galley>,
    color: egui::Color32,
    role: Role,
) {
    mark(painter.ctx(), galley.rect.translate(at.to_vec2()), role);
    painter.galley(at, galley, color);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_kept_only_while_recording_and_in_the_order_made() {
        let ctx = Context::default();
        let r = Rect::from_min_size(egui::pos2(1.0, 2.0), egui::vec2(3.0, 4.0));
        mark(&ctx, r, Role::Paragraph);
        assert!(!recording(&ctx));
        record(&ctx);
        mark(&ctx, r, Role::Heading(1));
        mark(&ctx, r, Role::Paragraph);
        let marks = take(&ctx);
        let roles: Vec<Role> = marks.into_iter().map(|m| m.role).collect();
        assert_eq!(roles, [Role::Heading(1), Role::Paragraph]);
        assert!(take(&ctx).is_empty());
    }
}
