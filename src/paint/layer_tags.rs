//! Small text tags of the layers (a bone's level, a channel's abbreviation), placed clear of
//! the dots and of each other, and drawn over every line of the layers. A tag that must be
//! read wherever it lands (a spinal level among the dense lumbar points) may go over dots; it
//! is then drawn after them, above them.

use super::dots::Dot;
use egui::{Color32, FontId, Pos2, Rect, vec2};

/// Small text tags placed clear of the dots and of each other.
pub(super) struct Tags<'d> {
    dots: &'d [Dot<'d>],
    /// How much larger than at scale 1 the tags' text is (the scene's scale, as for the point
    /// labels, so a projected Present view can read its level and channel tags).
    pub(super) text: f32,
    pub(super) taken: Vec<Rect>,
    /// Tags placed but not yet drawn: they go on top of every line of the layers.
    pending: Vec<PlacedTag>,
    /// Tags placed over dots, drawn after the dots.
    over_dots: Vec<PlacedTag>,
}

/// A tag placed: where, its text, and the fill behind it.
pub(super) type PlacedTag = (Rect, std::sync::Arc<egui::Galley>, Color32);

/// Draws placed tags (those over the dots, after the dots are drawn).
pub(super) fn draw_tags(painter: &egui::Painter, tags: &[PlacedTag]) {
    for (rect, galley, fill) in tags {
        painter.rect_filled(*rect, 2.0, *fill);
        painter.galley(
            rect.min + vec2(2.0, 0.0),
            galley.clone(),
            Color32::PLACEHOLDER,
        );
    }
}

impl<'d> Tags<'d> {
    pub(super) fn new(dots: &'d [Dot<'d>], text: f32) -> Self {
        Self {
            dots,
            text,
            taken: Vec::new(),
            pending: Vec::new(),
            over_dots: Vec::new(),
        }
    }

    fn free(&self, rect: Rect) -> bool {
        !self.taken.iter().any(|t| t.intersects(rect))
            && !self.dots.iter().any(|d| {
                let near = rect.expand(d.radius + 1.0);
                near.contains(d.at)
            })
    }

    /// Places `text` to the left of `at`, if it is free there.
    pub(super) fn place_left(
        &mut self,
        painter: &egui::Painter,
        at: Pos2,
        text: &str,
        font: FontId,
        ink: Color32,
        fill: Color32,
    ) -> bool {
        let galley = painter.layout_no_wrap(text.to_owned(), font, ink);
        let size = galley.size() + vec2(4.0, 0.0);
        let rect = Rect::from_min_size(at + vec2(-size.x - 3.0, -size.y * 0.5), size);
        self.put_first(painter, &[rect], galley, fill)
    }

    /// Puts the tag in the first of `candidates` where it can be read whole: free, and not cut
    /// by the canvas's edge. Whether it found a place.
    fn put_first(
        &mut self,
        painter: &egui::Painter,
        candidates: &[Rect],
        galley: std::sync::Arc<egui::Galley>,
        fill: Color32,
    ) -> bool {
        let Some(&rect) = candidates
            .iter()
            .find(|r| self.free(**r) && painter.clip_rect().contains_rect(**r))
        else {
            return false;
        };
        self.put(rect, galley, fill);
        true
    }

    /// Places `text` beside `at` (at least `gap` away), trying the four sides in turn.
    #[allow(
        clippy::too_many_arguments,
        reason = "the text, its look and its place"
    )]
    pub(super) fn place(
        &mut self,
        painter: &egui::Painter,
        at: Pos2,
        gap: f32,
        text: &str,
        font: FontId,
        ink: Color32,
        fill: Color32,
    ) -> bool {
        let galley = painter.layout_no_wrap(text.to_owned(), font, ink);
        let size = galley.size() + vec2(4.0, 0.0);
        let candidates = [
            Rect::from_min_size(at + vec2(gap, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(-gap - size.x, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(-size.x * 0.5, -gap - size.y), size),
            Rect::from_min_size(at + vec2(-size.x * 0.5, gap), size),
        ];
        self.put_first(painter, &candidates, galley, fill)
    }

    /// Places `text` to the left of `at`, or else on another side, clear of the other tags
    /// but not of the dots: drawn above the dots, after them. Gives up only where tags crowd.
    pub(super) fn place_over_dots(
        &mut self,
        painter: &egui::Painter,
        at: Pos2,
        text: &str,
        font: FontId,
        fill: (Color32, Color32),
    ) -> bool {
        let (ink, fill) = fill;
        let galley = painter.layout_no_wrap(text.to_owned(), font, ink);
        let size = galley.size() + vec2(4.0, 0.0);
        let candidates = [
            Rect::from_min_size(at + vec2(-size.x - 3.0, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(3.0, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(-size.x * 0.5, -size.y - 3.0), size),
        ];
        let Some(rect) = candidates
            .into_iter()
            .find(|r| !self.taken.iter().any(|t| t.intersects(*r)))
        else {
            return false;
        };
        self.over_dots.push((rect, galley, fill));
        self.taken.push(rect.expand(1.0));
        true
    }

    /// The tags placed over dots, for drawing once the dots are down.
    pub(super) fn take_over_dots(&mut self) -> Vec<PlacedTag> {
        std::mem::take(&mut self.over_dots)
    }

    /// Places `text` level with `at`, `gap` to its left or else to its right (a level's tag
    /// must stay at its level), if it is free there.
    #[allow(
        clippy::too_many_arguments,
        reason = "the text, its look and its place"
    )]
    pub(super) fn place_level(
        &mut self,
        painter: &egui::Painter,
        at: Pos2,
        gap: f32,
        text: &str,
        font: FontId,
        ink: Color32,
        fill: Color32,
    ) -> bool {
        let galley = painter.layout_no_wrap(text.to_owned(), font, ink);
        let size = galley.size() + vec2(4.0, 0.0);
        let candidates = [
            Rect::from_min_size(at + vec2(-gap - size.x, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(gap, -size.y * 0.5), size),
        ];
        self.put_first(painter, &candidates, galley, fill)
    }

    fn put(&mut self, rect: Rect, galley: std::sync::Arc<egui::Galley>, fill: Color32) {
        self.pending.push((rect, galley, fill));
        self.taken.push(rect.expand(1.0));
    }

    /// Draws the tags placed so far, over the lines drawn before.
    pub(super) fn flush(&mut self, painter: &egui::Painter) {
        draw_tags(painter, &self.pending);
        self.pending.clear();
    }
}
