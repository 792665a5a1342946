//! The strokes the layers are drawn with: paths projected to the screen, dashed and closed
//! lines, chevrons for the direction of flow, diamonds and viewfinder brackets.

use super::projector::Projector;
use crate::model::PlacedPath;
use egui::{Color32, Pos2, Stroke, vec2};

/// Screen distance between arrows of the direction of flow, in points.
const FLOW_SPACING: f32 = 90.0;

/// Small chevrons along a line, pointing the way it runs.
pub(super) fn flow_arrows(painter: &egui::Painter, pts: &[Pos2], stroke: Stroke) {
    let size = 3.0 + stroke.width * 1.5;
    let mut next = FLOW_SPACING * 0.5;
    let mut walked = 0.0;
    for w in pts.windows(2) {
        let [a, b] = w else { continue };
        let len = a.distance(*b);
        while len > 0.0 && walked + len >= next {
            let t = (next - walked) / len;
            let at = *a + (*b - *a) * t;
            let dir = (*b - *a) / len;
            let normal = vec2(-dir.y, dir.x);
            let back = at - dir * size;
            painter.line_segment([back + normal * size * 0.7, at], stroke);
            painter.line_segment([back - normal * size * 0.7, at], stroke);
            next += FLOW_SPACING;
        }
        walked += len;
    }
}

/// A path on screen. The atlas samples its curves just finely enough for straight segments
/// (a straight run has no samples between its stations), so a frame only projects them,
/// leaving out samples closer together than the screen can show.
pub fn screen(proj: &Projector, path: &PlacedPath) -> Vec<Pos2> {
    proj.screen_polyline(&path.points)
}

/// A dashed line (closed when `closed`), dashes `dash` long with gaps one unit shorter.
pub(super) fn dashed(
    painter: &egui::Painter,
    pts: Vec<Pos2>,
    closed: bool,
    stroke: Stroke,
    dash: f32,
) {
    let pts = closed_copy(pts, closed);
    painter.extend(egui::Shape::dashed_line(&pts, stroke, dash, dash - 1.0));
}

pub(super) fn closed_copy(mut pts: Vec<Pos2>, closed: bool) -> Vec<Pos2> {
    if closed
        && let Some(first) = pts.first().copied()
        && pts.last() != Some(&first)
    {
        pts.push(first);
    }
    pts
}

pub(super) fn line(pts: Vec<Pos2>, stroke: Stroke, closed: bool) -> egui::Shape {
    if closed {
        egui::Shape::closed_line(pts, stroke)
    } else {
        egui::Shape::line(pts, stroke)
    }
}

/// Left edge, right edge and middle height of some screen points.
pub(super) fn extent(pts: &[Pos2]) -> (f32, f32, f32) {
    let min_x = pts.iter().map(|p| p.x).fold(f32::INFINITY, f32::min);
    let max_x = pts.iter().map(|p| p.x).fold(f32::NEG_INFINITY, f32::max);
    let min_y = pts.iter().map(|p| p.y).fold(f32::INFINITY, f32::min);
    let max_y = pts.iter().map(|p| p.y).fold(f32::NEG_INFINITY, f32::max);
    (min_x, max_x, (min_y + max_y) * 0.5)
}

pub(super) fn diamond(painter: &egui::Painter, at: Pos2, r: f32, ink: Color32) {
    let pts = vec![
        at + vec2(0.0, -r),
        at + vec2(r, 0.0),
        at + vec2(0.0, r),
        at + vec2(-r, 0.0),
    ];
    painter.add(egui::Shape::convex_polygon(pts, ink, Stroke::NONE));
}

/// Four corner brackets around a spot, like a viewfinder.
pub(super) fn brackets(painter: &egui::Painter, at: Pos2, half: f32, ink: Color32) {
    let stroke = Stroke::new(2.5, ink);
    let arm = half * 0.45;
    for (sx, sy) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
        let corner = at + vec2(sx * half, sy * half);
        painter.line_segment([corner, corner - vec2(sx * arm, 0.0)], stroke);
        painter.line_segment([corner, corner - vec2(0.0, sy * arm)], stroke);
    }
}
