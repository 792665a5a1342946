//! Figure art: smooth Catmull-Rom curves through each shape's points, drawn in theme colours.

use super::projector::Projector;
use super::theme::CanvasColors;
use crate::model::{Figure, FigureId, FigurePos, ShapeKind};
use egui::{Pos2, Stroke};
use std::collections::HashMap;
use std::sync::Arc;

/// A figure's smoothed shapes, shared between frames.
pub type Art = Arc<Vec<(ShapeKind, Vec<FigurePos>)>>;

/// Each figure's smoothed art, computed once per figure.
#[derive(Default)]
pub struct ArtCache {
    art: HashMap<FigureId, Art>,
}

impl ArtCache {
    /// The art of a figure, smoothing it the first time.
    pub fn get(&mut self, figure: &Figure) -> Art {
        self.art
            .entry(figure.id.clone())
            .or_insert_with(|| Arc::new(smooth_figure(figure)))
            .clone()
    }

    /// Forgets every figure (after the atlas is reloaded).
    pub fn clear(&mut self) {
        self.art.clear();
    }
}

/// A figure's shapes as smooth polylines in figure coordinates, mirrored copies included.
/// Computed once per figure and kept.
pub fn smooth_figure(figure: &Figure) -> Vec<(ShapeKind, Vec<FigurePos>)> {
    let mut out = Vec::new();
    for shape in &figure.shapes {
        let curve = smooth(&shape.points, shape.closed, 8);
        if shape.mirrored {
            out.push((
                shape.kind,
                curve.iter().map(|p| figure.mirror(*p)).collect(),
            ));
        }
        out.push((shape.kind, curve));
    }
    out
}

/// Draws the smoothed art but the shapes of kind `skip` (the faint bone guides, while the
/// bones layer draws the bones from the landmarks).
pub fn draw_except(
    painter: &egui::Painter,
    art: &Art,
    proj: &Projector,
    colors: &CanvasColors,
    skip: Option<ShapeKind>,
) {
    // Line weights follow zoom a little, so the art stays crisp on a 4K projector.
    let width = (proj.scale() * 0.0022).clamp(1.2, 4.0);
    let on_screen = remembered_screen_art(painter, art, proj);
    for ((kind, _), line) in art.iter().zip(on_screen.iter()) {
        if Some(*kind) == skip {
            continue;
        }
        let stroke = match kind {
            ShapeKind::Outline => Stroke::new(width * 1.25, colors.outline),
            ShapeKind::Contour => Stroke::new(width * 0.75, colors.contour),
            ShapeKind::Bone => Stroke::new(width * 0.8, colors.bone),
        };
        painter.add(egui::Shape::line(line.clone(), stroke));
    }
}

/// The art's curves on screen, kept between frames while the art and the projection stay the
/// same (one memo per layer, so each canvas and export keeps its own): a still figure is
/// projected and thinned once, not on every frame.
fn remembered_screen_art(
    painter: &egui::Painter,
    art: &Art,
    proj: &Projector,
) -> Arc<Vec<Vec<Pos2>>> {
    type Memo = (Art, Projector, Arc<Vec<Vec<Pos2>>>);
    let id = egui::Id::unique(("figure-art-on-screen", painter.layer_id()));
    let kept = painter.ctx().data_mut(|d| {
        d.get_temp::<Memo>(id)
            .filter(|(a, p, _)| Arc::ptr_eq(a, art) && p == proj)
    });
    if let Some((_, _, lines)) = kept {
        return lines;
    }
    let lines: Arc<Vec<Vec<Pos2>>> =
        Arc::new(art.iter().map(|(_, c)| proj.screen_polyline(c)).collect());
    painter
        .ctx()
        .data_mut(|d| d.insert_temp::<Memo>(id, (art.clone(), *proj, lines.clone())));
    lines
}

/// Samples a uniform Catmull-Rom curve through `points`, `per_segment` samples between each
/// pair. Closed paths wrap around; open ones end at their last point.
pub fn smooth(points: &[FigurePos], closed: bool, per_segment: usize) -> Vec<FigurePos> {
    let n = points.len();
    if n < 3 || per_segment < 2 {
        return points.to_vec();
    }
    let get = |i: usize| points.get(i).copied().unwrap_or(FigurePos::new(0.0, 0.0));
    let prev = |i: usize| {
        if closed {
            (i + n - 1) % n
        } else {
            i.saturating_sub(1)
        }
    };
    let next = |i: usize| {
        if closed {
            (i + 1) % n
        } else {
            (i + 1).min(n - 1)
        }
    };
    let segments = if closed { n } else { n - 1 };
    let mut out = Vec::with_capacity(segments * per_segment + 1);
    for i in 0..segments {
        let (p0, p1, p2, p3) = (get(prev(i)), get(i), get(next(i)), get(next(next(i))));
        for k in 0..per_segment {
            let t = k as f32 / per_segment as f32;
            out.push(catmull_rom(p0, p1, p2, p3, t));
        }
    }
    out.push(if closed { get(0) } else { get(n - 1) });
    out
}

fn catmull_rom(p0: FigurePos, p1: FigurePos, p2: FigurePos, p3: FigurePos, t: f32) -> FigurePos {
    let t2 = t * t;
    let t3 = t2 * t;
    let f = |a: f32, b: f32, c: f32, d: f32| {
        0.5 * ((2.0 * b)
            + (-a + c) * t
            + (2.0 * a - 5.0 * b + 4.0 * c - d) * t2
            + (-a + 3.0 * b - 3.0 * c + d) * t3)
    };
    FigurePos::new(f(p0.x, p1.x, p2.x, p3.x), f(p0.y, p1.y, p2.y, p3.y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_curve_passes_through_every_control_point_and_closes() {
        let pts = [
            FigurePos::new(0.0, 0.0),
            FigurePos::new(1.0, 0.0),
            FigurePos::new(1.0, 1.0),
            FigurePos::new(0.0, 1.0),
        ];
        let curve = smooth(&pts, true, 8);
        for (i, p) in pts.iter().enumerate() {
            assert_eq!(curve[i * 8], *p);
        }
        assert_eq!(curve.first(), curve.last());
    }
}
