//! Maps figure coordinates to screen points and back: the figure fitted to the canvas, then
//! the pan and zoom kept per figure, or a [`Framing`] that says which part must be in view.

use super::segments::distance_sq_to_segment;
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

/// How far, in points, a polyline drawn on screen may stray from the points it leaves out: a
/// quarter of a pixel at 1x, under the line's own anti-aliased edge.
pub const POLYLINE_TOLERANCE: f32 = 0.25;

/// The most points one straight chord of a screen polyline may stand for.
const MAX_SKIPPED: usize = 32;

const TOLERANCE_SQ: f32 = POLYLINE_TOLERANCE * POLYLINE_TOLERANCE;

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

    /// A polyline on screen with the points left out that the eye cannot miss: a point is
    /// kept only where the straight chord past it would stray more than [`POLYLINE_TOLERANCE`]
    /// from a point it skips (the first and last are always kept). A smooth curve sampled
    /// finely enough for the largest zoom has far more points than a fitted figure shows, and
    /// each costs the tessellator four vertices and the frame fresh memory: the outline of the
    /// back figure drops from about 3,700 points to a few hundred at 1080p.
    pub fn screen_polyline(&self, points: &[FigurePos]) -> Vec<Pos2> {
        let mut out: Vec<Pos2> = Vec::with_capacity(points.len().min(1024));
        // The points skipped since the last one kept, bounded so a frame stays linear.
        let mut skipped: Vec<Pos2> = Vec::with_capacity(MAX_SKIPPED);
        let mut prev: Option<Pos2> = None;
        for p in points {
            let at = self.screen_from_figure(*p);
            let (Some(&from), Some(candidate)) = (out.last(), prev) else {
                if out.is_empty() {
                    out.push(at);
                } else {
                    prev = Some(at);
                }
                continue;
            };
            skipped.push(candidate);
            let fits = skipped.len() < MAX_SKIPPED
                && skipped
                    .iter()
                    .all(|q| distance_sq_to_segment(*q, from, at) <= TOLERANCE_SQ);
            if !fits {
                out.push(candidate);
                skipped.clear();
            }
            prev = Some(at);
        }
        if let Some(last) = prev {
            out.push(last);
        }
        out
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

/// Zooms to `zoom` with `at` shown `offset` points from the centre of `rect`.
pub fn frame_at_zoom(
    view: &mut PanZoom,
    rect: Rect,
    figure: &Figure,
    at: FigurePos,
    zoom: f32,
    offset: Vec2,
) {
    view.zoom = zoom.clamp(MIN_ZOOM, MAX_ZOOM);
    view.pan = Vec2::ZERO;
    let proj = Projector::fit(rect, figure, *view);
    view.pan = rect.center() + offset - proj.screen_from_figure(at);
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::FigureId;

    fn unit_projector() -> Projector {
        Projector {
            origin: Pos2::ZERO,
            scale: 1.0,
            zoom: 1.0,
        }
    }

    #[test]
    fn a_straight_run_on_screen_keeps_only_its_ends() {
        let pts: Vec<FigurePos> = (0..=100).map(|i| FigurePos::new(i as f32, 0.5)).collect();
        let line = unit_projector().screen_polyline(&pts);
        assert!(line.len() <= 5, "{}", line.len());
        assert_eq!(line.first(), Some(&Pos2::new(0.0, 0.5)));
        assert_eq!(line.last(), Some(&Pos2::new(100.0, 0.5)));
        assert_eq!(unit_projector().screen_polyline(&[]), []);
        let one = [FigurePos::new(3.0, 4.0)];
        assert_eq!(
            unit_projector().screen_polyline(&one),
            [Pos2::new(3.0, 4.0)]
        );
    }

    #[test]
    fn a_curve_on_screen_drops_points_but_never_strays_from_them() {
        // A circle of radius 40 sampled every tenth of a degree, and a hairpin.
        let mut pts: Vec<FigurePos> = (0..=3600)
            .map(|i| {
                let a = (i as f32 / 10.0).to_radians();
                FigurePos::new(50.0 + 40.0 * a.cos(), 50.0 + 40.0 * a.sin())
            })
            .collect();
        pts.extend((0..50).map(|i| FigurePos::new(90.0 - i as f32, 50.0)));
        pts.extend((0..50).map(|i| FigurePos::new(40.0 + i as f32, 50.2)));
        let line = unit_projector().screen_polyline(&pts);
        assert!(
            line.len() < pts.len() / 10,
            "{} of {}",
            line.len(),
            pts.len()
        );
        let stray = pts
            .iter()
            .map(|p| {
                let p = Pos2::new(p.x, p.y);
                line.windows(2)
                    .map(|w| distance_sq_to_segment(p, w[0], w[1]).sqrt())
                    .fold(f32::INFINITY, f32::min)
            })
            .fold(0.0, f32::max);
        assert!(stray <= POLYLINE_TOLERANCE + 1e-4, "{stray}");
        // The hairpin's turn is kept: the line still reaches back to its tip near x = 40.
        let tip = line
            .iter()
            .filter(|p| (p.y - 50.1).abs() < 0.2)
            .map(|p| p.x)
            .fold(f32::INFINITY, f32::min);
        assert!(tip <= 41.0 + POLYLINE_TOLERANCE, "{line:?}");
    }

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
