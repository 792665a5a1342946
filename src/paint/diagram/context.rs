//! What every part of a diagram's drawing shares: the style asked for, the fit of the
//! schematic in its rectangle, and the painter, schematic and colours of one drawing.

use crate::model::{FigurePos, Schematic};
use crate::paint::theme::DiagramColors;
use crate::scene::Theme;
use egui::{Pos2, Rect, Vec2};

/// How a diagram is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiagramStyle {
    pub theme: Theme,
    /// Presentation's scale of text (1 normally).
    pub scale: f32,
    /// Whether the step's words, grade and key are drawn beside the schematic.
    pub caption: bool,
}

/// Maps schematic units to screen points: the schematic fitted in a rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    origin: Pos2,
    /// Screen points per schematic unit.
    pub k: f32,
}

impl Fit {
    pub(super) fn new(rect: Rect, size: (f32, f32)) -> Self {
        let (w, h) = (size.0.max(1e-3), size.1.max(1e-3));
        let k = (rect.width() / w).min(rect.height() / h).max(1e-3);
        let origin = rect.center() - Vec2::new(w, h) * k / 2.0;
        Self { origin, k }
    }

    pub fn screen(&self, p: FigurePos) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.k
    }

    /// A length in schematic units on screen, at least `min` points.
    pub(super) fn len(&self, units: f32, min: f32) -> f32 {
        (units * self.k).max(min)
    }
}

/// Everything one drawing needs.
pub(super) struct Ctx<'a> {
    pub(super) painter: &'a egui::Painter,
    pub(super) schematic: &'a Schematic,
    pub(super) fit: Fit,
    pub(super) colors: DiagramColors,
    /// Text size multiplier for names and tags.
    pub(super) text: f32,
}
