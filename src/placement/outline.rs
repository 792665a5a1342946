//! Whether a position lies inside a figure's closed outlines, fast for outlines of any size.
//!
//! The even-odd rule counts the outline edges a ray from the position crosses. Testing every
//! edge costs the outline's size for each position: a 200,000-point outline and 100,000 points
//! took 41 s to check. [`OutlineIndex`] keeps the edges in an interval tree over their height,
//! so a test looks only at the edges level with the position (`log n` plus those edges).
//! Arithmetic is in `f64`, so figures drawn at any scale (×0.001 to ×1e30) are tested alike.
//! The same tree answers which edges pass near a position (the loader's test that channels and
//! structures stay on the body, within a tolerance).

use super::curve::segment_distance_f64;
use crate::model::{Figure, FigurePos, ShapeKind};

/// One edge of an outline, with its lower and upper height. A level edge is kept for distances;
/// it never crosses a level ray.
#[derive(Clone, Copy, Debug)]
struct Edge {
    a: (f64, f64),
    b: (f64, f64),
    y_min: f64,
    y_max: f64,
}

impl Edge {
    fn new(a: FigurePos, b: FigurePos) -> Option<Self> {
        let a = (f64::from(a.x), f64::from(a.y));
        let b = (f64::from(b.x), f64::from(b.y));
        let finite = [a.0, a.1, b.0, b.1].iter().all(|v| v.is_finite());
        (finite && a != b).then(|| Edge {
            a,
            b,
            y_min: a.1.min(b.1),
            y_max: a.1.max(b.1),
        })
    }

    /// Whether the edge spans the height `y` (its lower end counts, its upper end does not).
    fn level_with(&self, y: f64) -> bool {
        self.y_min <= y && y < self.y_max
    }

    /// Whether a ray from `p` toward +x crosses this edge (edge level with `p.1` assumed).
    fn crossed_by(&self, p: (f64, f64)) -> bool {
        let (a, b) = (self.a, self.b);
        p.0 < (b.0 - a.0) * (p.1 - a.1) / (b.1 - a.1) + a.0
    }
}

/// One node of the interval tree: the edges spanning `centre`, sorted both ways, and the
/// subtrees of the edges wholly below and wholly above it.
#[derive(Debug)]
struct Node {
    centre: f64,
    by_min: Vec<Edge>,
    by_max: Vec<Edge>,
    below: Option<usize>,
    above: Option<usize>,
}

/// The edges of one closed outline, for fast even-odd tests.
#[derive(Debug, Default)]
pub struct PolygonIndex {
    nodes: Vec<Node>,
    root: Option<usize>,
}

impl PolygonIndex {
    pub fn new(points: &[FigurePos]) -> Self {
        let edges: Vec<Edge> = points
            .iter()
            .zip(points.iter().cycle().skip(1))
            .filter_map(|(a, b)| Edge::new(*a, *b))
            .collect();
        let mut index = Self::default();
        index.root = index.build(edges);
        index
    }

    fn build(&mut self, edges: Vec<Edge>) -> Option<usize> {
        if edges.is_empty() {
            return None;
        }
        // The median of the edges' mid-heights: the median edge spans it, so every level
        // holds at least one edge, and at most half of the edges lie wholly on either side.
        let mut mids: Vec<f64> = edges
            .iter()
            .map(|e| e.y_min + (e.y_max - e.y_min) / 2.0)
            .collect();
        let mid = mids.len() / 2;
        let (_, centre, _) = mids.select_nth_unstable_by(mid, f64::total_cmp);
        let centre = *centre;
        let total = edges.len();
        let (mut here, mut below, mut above) = (Vec::new(), Vec::new(), Vec::new());
        for e in edges {
            if e.y_max <= centre {
                below.push(e);
            } else if e.y_min > centre {
                above.push(e);
            } else {
                here.push(e);
            }
        }
        if below.len() == total || above.len() == total {
            // Rounding left no edge at the centre: keep them all here rather than loop.
            here.append(&mut below);
            here.append(&mut above);
        }
        let mut by_min = here.clone();
        by_min.sort_by(|a, b| a.y_min.total_cmp(&b.y_min));
        let mut by_max = here;
        by_max.sort_by(|a, b| b.y_max.total_cmp(&a.y_max));
        let below = self.build(below);
        let above = self.build(above);
        self.nodes.push(Node {
            centre,
            by_min,
            by_max,
            below,
            above,
        });
        Some(self.nodes.len() - 1)
    }

    /// Whether `p` lies inside the outline (even-odd rule).
    pub fn contains(&self, p: FigurePos) -> bool {
        let p = (f64::from(p.x), f64::from(p.y));
        let mut inside = false;
        let mut next = self.root;
        while let Some(node) = next.and_then(|i| self.nodes.get(i)) {
            // An edge is level with `p` when y_min <= p.y < y_max.
            if p.1 < node.centre {
                for e in node.by_min.iter().take_while(|e| e.y_min <= p.1) {
                    inside ^= e.level_with(p.1) && e.crossed_by(p);
                }
                next = node.below;
            } else {
                for e in node.by_max.iter().take_while(|e| e.y_max > p.1) {
                    inside ^= e.level_with(p.1) && e.crossed_by(p);
                }
                next = node.above;
            }
        }
        inside
    }

    /// Whether some edge passes within `tolerance` of `p`.
    pub fn near_edge(&self, p: FigurePos, tolerance: f64) -> bool {
        let p = (f64::from(p.x), f64::from(p.y));
        let (lo, hi) = (p.1 - tolerance, p.1 + tolerance);
        let near = |e: &Edge| segment_distance_f64(e.a, e.b, p) <= tolerance;
        let mut todo: Vec<usize> = self.root.into_iter().collect();
        while let Some(node) = todo.pop().and_then(|i| self.nodes.get(i)) {
            // The node's edges all span its centre: those reaching into [lo, hi] are the ones
            // starting below hi (when the band is under the centre) or ending above lo (over it).
            if hi < node.centre {
                if node.by_min.iter().take_while(|e| e.y_min <= hi).any(near) {
                    return true;
                }
                todo.extend(node.below);
            } else if lo > node.centre {
                if node.by_max.iter().take_while(|e| e.y_max >= lo).any(near) {
                    return true;
                }
                todo.extend(node.above);
            } else {
                if node.by_min.iter().any(near) {
                    return true;
                }
                todo.extend(node.below);
                todo.extend(node.above);
            }
        }
        false
    }
}

/// The closed outlines of a figure, indexed once for many tests.
#[derive(Debug, Default)]
pub struct OutlineIndex {
    /// Each closed outline, and whether it is also drawn mirrored about the midline.
    outlines: Vec<(PolygonIndex, bool)>,
}

impl OutlineIndex {
    pub fn new(figure: &Figure) -> Self {
        Self {
            outlines: figure
                .shapes
                .iter()
                .filter(|s| s.kind == ShapeKind::Outline && s.closed && s.points.len() >= 3)
                .map(|s| (PolygonIndex::new(&s.points), s.mirrored))
                .collect(),
        }
    }

    /// Whether `at` lies inside any closed outline of `figure` (mirrored copies count), or the
    /// figure has no closed outline. `figure` is the one the index was built from.
    pub fn contains(&self, figure: &Figure, at: FigurePos) -> bool {
        self.outlines.is_empty()
            || self.outlines.iter().any(|(polygon, mirrored)| {
                polygon.contains(at) || (*mirrored && polygon.contains(figure.mirror(at)))
            })
    }

    /// Whether `at` lies inside the outlines (as [`Self::contains`] says) or within `tolerance`
    /// of one of their edges (mirrored copies count).
    pub fn contains_within(&self, figure: &Figure, at: FigurePos, tolerance: f32) -> bool {
        let tolerance = f64::from(tolerance);
        self.contains(figure, at)
            || self.outlines.iter().any(|(polygon, mirrored)| {
                polygon.near_edge(at, tolerance)
                    || (*mirrored && polygon.near_edge(figure.mirror(at), tolerance))
            })
    }

    /// Whether `at` lies within `tolerance` of an edge of the outlines (mirrored copies count).
    pub fn near_edge(&self, figure: &Figure, at: FigurePos, tolerance: f32) -> bool {
        let tolerance = f64::from(tolerance);
        self.outlines.iter().any(|(polygon, mirrored)| {
            polygon.near_edge(at, tolerance)
                || (*mirrored && polygon.near_edge(figure.mirror(at), tolerance))
        })
    }

    /// Whether the figure has no closed outline (then everything counts as inside).
    pub fn is_empty(&self) -> bool {
        self.outlines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain even-odd test over every edge, to compare the index with.
    fn brute(poly: &[FigurePos], p: FigurePos) -> bool {
        let mut inside = false;
        for (a, b) in poly.iter().zip(poly.iter().cycle().skip(1)) {
            if let Some(e) = Edge::new(*a, *b)
                && e.level_with(f64::from(p.y))
            {
                inside ^= e.crossed_by((f64::from(p.x), f64::from(p.y)));
            }
        }
        inside
    }

    #[test]
    fn the_index_agrees_with_testing_every_edge_on_a_jagged_outline() {
        // A star with 400 spikes, and a grid of positions over it.
        let n = 800;
        let poly: Vec<FigurePos> = (0..n)
            .map(|i| {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                let r = if i % 2 == 0 { 0.45 } else { 0.2 };
                FigurePos::new(0.5 + r * a.cos(), 0.5 + r * a.sin())
            })
            .collect();
        let index = PolygonIndex::new(&poly);
        for gx in 0..60 {
            for gy in 0..60 {
                let p = FigurePos::new(gx as f32 / 59.0, gy as f32 / 59.0);
                assert_eq!(index.contains(p), brute(&poly, p), "{p:?}");
            }
        }
    }

    #[test]
    fn a_position_just_outside_counts_only_within_the_tolerance_at_every_scale() {
        for s in [1e-3_f32, 1.0, 1e6, 1e30] {
            let square = [(0.2, 0.2), (0.8, 0.2), (0.8, 0.8), (0.2, 0.8)]
                .map(|(x, y)| FigurePos::new(x * s, y * s));
            let index = PolygonIndex::new(&square);
            // Just above the top edge, and just beyond a corner.
            let above = FigurePos::new(0.5 * s, 0.197 * s);
            let corner = FigurePos::new(0.802 * s, 0.802 * s);
            assert!(!index.contains(above), "x{s}");
            assert!(index.near_edge(above, f64::from(0.004 * s)), "x{s}");
            assert!(!index.near_edge(FigurePos::new(0.5 * s, 0.1 * s), f64::from(0.004 * s)));
            assert!(index.near_edge(corner, f64::from(0.004 * s)), "x{s}");
            assert!(!index.near_edge(corner, f64::from(0.002 * s)), "x{s}");
            // A position deep inside is far from every edge.
            assert!(!index.near_edge(FigurePos::new(0.5 * s, 0.5 * s), f64::from(0.1 * s)));
        }
    }

    #[test]
    fn a_square_at_a_huge_scale_still_contains_its_centre() {
        let s = 1e30_f32;
        let square = [(0.2, 0.2), (0.8, 0.2), (0.8, 0.8), (0.2, 0.8)]
            .map(|(x, y)| FigurePos::new(x * s, y * s));
        let index = PolygonIndex::new(&square);
        assert!(index.contains(FigurePos::new(0.5 * s, 0.5 * s)));
        assert!(!index.contains(FigurePos::new(0.9 * s, 0.5 * s)));
    }
}
