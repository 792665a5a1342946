//! Maps figure coordinates to screen points and back: the figure fitted to the canvas, then
//! the pan and zoom kept per figure, or a [`Framing`] that says which part must be in view.

use crate::model::{Figure, FigurePos};
use crate::scene::Framing;
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

/// Margin kept around a fitted figure, in points.
const MARGIN: f32 = 12.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projector {
    origin: Pos2,
    scale: f32,
    /// The scale relative to the whole figure fitted in the canvas.
    zoom: f32,
}

/// Screen points per figure unit when the whole figure fits `rect`.
fn fit_scale(rect: Rect, figure: &Figure) -> f32 {
    let (w, h) = figure.size;
    let avail = rect.shrink(MARGIN);
    (avail.width() / w.max(1e-6))
        .min(avail.height() / h.max(1e-6))
        .max(1e-3)
}

impl Projector {
    /// Fits the figure's frame into `rect` with a margin, then applies pan and zoom.
    pub fn fit(rect: Rect, figure: &Figure, view: PanZoom) -> Self {
        let (w, h) = figure.size;
        let avail = rect.shrink(MARGIN);
        let scale = fit_scale(rect, figure) * view.zoom;
        let size = Vec2::new(w * scale, h * scale);
        let origin = avail.center() - size / 2.0 + view.pan;
        Self {
            origin,
            scale,
            zoom: view.zoom,
        }
    }

    /// Shows `framing` in `rect`: its centre in the middle, all of it in view.
    pub fn framed(rect: Rect, figure: &Figure, framing: Framing) -> Self {
        let scale = (rect.width() / (2.0 * framing.half_width).max(1e-9))
            .min(rect.height() / (2.0 * framing.half_height).max(1e-9))
            .max(1e-6);
        let origin = rect.center() - Vec2::new(framing.center.x, framing.center.y) * scale;
        Self {
            origin,
            scale,
            zoom: scale / fit_scale(rect, figure),
        }
    }

    /// The part of the figure this projection shows in `rect`.
    pub fn framing(&self, rect: Rect) -> Framing {
        let min = self.figure_from_screen(rect.min);
        let max = self.figure_from_screen(rect.max);
        Framing {
            center: FigurePos::new(f32::midpoint(min.x, max.x), f32::midpoint(min.y, max.y)),
            half_width: (max.x - min.x) / 2.0,
            half_height: (max.y - min.y) / 2.0,
        }
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

    /// The scale relative to the whole figure fitted in the canvas.
    pub fn zoom(&self) -> f32 {
        self.zoom
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

/// Zooms so that `radius` figure units around `at` fill the shorter side of `rect` (never
/// zooming out past the whole figure), with `at` in the middle when zoomed in.
pub fn frame(view: &mut PanZoom, rect: Rect, figure: &Figure, at: FigurePos, radius: f32) {
    let want = rect.size().min_elem() / (2.0 * radius.max(1e-9));
    let zoom = (want / fit_scale(rect, figure)).clamp(1.0, MAX_ZOOM);
    view.zoom = zoom;
    view.pan = Vec2::ZERO;
    if zoom > 1.0 {
        let proj = Projector::fit(rect, figure, *view);
        view.pan = rect.center() - proj.screen_from_figure(at);
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::FigureId;

    #[test]
    fn a_framing_taken_from_one_canvas_shows_the_same_part_on_a_larger_one() {
        let atlas = load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("posterior")).unwrap();
        let small = Rect::from_min_size(Pos2::new(30.0, 40.0), Vec2::new(600.0, 500.0));
        let view = PanZoom {
            zoom: 2.5,
            pan: Vec2::new(40.0, -80.0),
        };
        let proj = Projector::fit(small, figure, view);
        let framing = proj.framing(small);
        let large = Rect::from_min_size(Pos2::ZERO, Vec2::new(1200.0, 1000.0));
        let again = Projector::framed(large, figure, framing);
        let p = FigurePos::new(0.45, 0.4);
        let on_small = (proj.screen_from_figure(p) - small.min) / small.width();
        let on_large = (again.screen_from_figure(p) - large.min) / large.width();
        assert!(
            (on_small - on_large).length() < 1e-4,
            "{on_small:?} {on_large:?}"
        );
        assert!((again.zoom() / proj.zoom() - 1.0).abs() < 0.05);
    }

    #[test]
    fn framing_never_zooms_out_past_the_whole_figure() {
        let atlas = load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("hand_dorsum")).unwrap();
        let rect = Rect::from_min_size(Pos2::ZERO, Vec2::new(800.0, 600.0));
        let mut view = PanZoom::default();
        frame(&mut view, rect, figure, FigurePos::new(0.5, 0.5), 100.0);
        assert_eq!(view, PanZoom::default());
    }
}
