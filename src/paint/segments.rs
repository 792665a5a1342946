//! Screen geometry of segments: leader lines, distances from a point to a segment, and whether
//! segments cross each other, a circle or a rectangle.

use egui::{Pos2, Rect, pos2};

/// A leader line from a dot's edge to a label.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Leader {
    pub from: Pos2,
    pub to: Pos2,
}

pub fn circle_hits_rect(c: Pos2, r: f32, rect: Rect) -> bool {
    let nearest = pos2(
        c.x.clamp(rect.min.x, rect.max.x),
        c.y.clamp(rect.min.y, rect.max.y),
    );
    nearest.distance_sq(c) < r * r
}

pub fn distance_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    distance_sq_to_segment(p, a, b).sqrt()
}

/// The square of [`distance_to_segment`] (no square root: the layout asks this very often).
pub fn distance_sq_to_segment(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let len_sq = ab.length_sq();
    if len_sq <= f32::EPSILON {
        return p.distance_sq(a);
    }
    let t = ((p - a).dot(ab) / len_sq).clamp(0.0, 1.0);
    p.distance_sq(a + ab * t)
}

/// Whether two leaders cross (sharing an end point is not crossing).
pub fn segments_cross(a: Leader, b: Leader) -> bool {
    let shares_end = [a.from, a.to]
        .iter()
        .any(|p| [b.from, b.to].iter().any(|q| p.distance_sq(*q) < 0.25));
    if shares_end {
        return false;
    }
    let orient = |p: Pos2, q: Pos2, r: Pos2| (q - p).x * (r - p).y - (q - p).y * (r - p).x;
    let (d1, d2) = (orient(b.from, b.to, a.from), orient(b.from, b.to, a.to));
    let (d3, d4) = (orient(a.from, a.to, b.from), orient(a.from, a.to, b.to));
    (d1 * d2 < 0.0) && (d3 * d4 < 0.0)
}

/// Whether a segment passes through a rectangle.
pub fn segment_hits_rect(a: Pos2, b: Pos2, rect: Rect) -> bool {
    if rect.contains(a) || rect.contains(b) {
        return true;
    }
    let corners = [
        rect.left_top(),
        rect.right_top(),
        rect.right_bottom(),
        rect.left_bottom(),
    ];
    let me = Leader { from: a, to: b };
    (0..4).any(|i| {
        let edge = Leader {
            from: corners[i],
            to: corners[(i + 1) % 4],
        };
        let orient = |p: Pos2, q: Pos2, r: Pos2| (q - p).x * (r - p).y - (q - p).y * (r - p).x;
        let (d1, d2) = (
            orient(edge.from, edge.to, me.from),
            orient(edge.from, edge.to, me.to),
        );
        let (d3, d4) = (
            orient(me.from, me.to, edge.from),
            orient(me.from, me.to, edge.to),
        );
        (d1 * d2 < 0.0) && (d3 * d4 < 0.0)
    })
}
