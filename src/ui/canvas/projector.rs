//! Maps figure coordinates to screen points and back, with the pan and zoom kept per figure.

use crate::model::{Figure, FigurePos};
use egui::{Pos2, Rect, Vec2};

/// Pan and zoom of one figure, kept between frames.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanZoom {
    pub zoom: f32,
    pub pan: Vec2,
}

impl Default for PanZoom {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

pub const MIN_ZOOM: f32 = 0.5;
pub const MAX_ZOOM: f32 = 16.0;

#[derive(Clone, Copy, Debug)]
pub struct Projector {
    origin: Pos2,
    scale: f32,
}

impl Projector {
    /// Fits the figure's frame into `rect` with a margin, then applies pan and zoom.
    pub fn fit(rect: Rect, figure: &Figure, view: PanZoom) -> Self {
        let (w, h) = figure.size;
        let avail = rect.shrink(12.0);
        let base = (avail.width() / w.max(1e-6)).min(avail.height() / h.max(1e-6));
        let scale = base.max(1e-3) * view.zoom;
        let size = Vec2::new(w * scale, h * scale);
        let origin = avail.center() - size / 2.0 + view.pan;
        Self { origin, scale }
    }

    pub fn screen_from_figure(&self, p: FigurePos) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.scale
    }

    pub fn figure_from_screen(&self, p: Pos2) -> FigurePos {
        let v = (p - self.origin) / self.scale;
        FigurePos::new(v.x, v.y)
    }

    /// Screen points per figure unit.
    pub fn scale(&self) -> f32 {
        self.scale
    }
}

/// Zooms by `factor` keeping the figure point under `anchor` where it is.
pub fn zoom_about(view: &mut PanZoom, rect: Rect, figure: &Figure, anchor: Pos2, factor: f32) {
    let before = Projector::fit(rect, figure, *view);
    let fixed = before.figure_from_screen(anchor);
    view.zoom = (view.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
    let after = Projector::fit(rect, figure, *view);
    view.pan += anchor - after.screen_from_figure(fixed);
}

/// Pans so that `at` is inside `rect` (with a margin), when it is not already.
pub fn reveal(view: &mut PanZoom, rect: Rect, figure: &Figure, at: FigurePos) {
    let proj = Projector::fit(rect, figure, *view);
    let screen = proj.screen_from_figure(at);
    let inner = rect.shrink(rect.size().min_elem() * 0.15);
    if !inner.contains(screen) {
        view.pan += rect.center() - screen;
    }
}

/// Zooms to `zoom` with `at` at the centre of `rect`.
pub fn frame(view: &mut PanZoom, rect: Rect, figure: &Figure, at: FigurePos, zoom: f32) {
    view.zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    view.pan = Vec2::ZERO;
    let proj = Projector::fit(rect, figure, *view);
    view.pan = rect.center() - proj.screen_from_figure(at);
}
