//! Whether a position lies inside a figure's closed outlines, fast for outlines of any size.
//!
//! The even-odd rule counts the outline edges a ray from the position crosses. Testing every
//! edge costs the outline's size for each position: a 200,000-point outline and 100,000 points
//! took 41 s to check. [`PolygonIndex`] sorts the edges by height, so a test looks only at the
//! edges level with the position: in bands of equal height (`bands.rs`) for a drawn outline,
//! or in a tree of slabs, each sorted left to right (`slabs.rs`), when its edges are too tall or
//! too crowded for bands. Both give exactly
//! the answer of testing every edge. Arithmetic is in `f64`, so figures drawn at any scale
//! (×0.001 to ×1e30) are tested alike. The same index answers which edges pass near a
//! position (the loader's test that channels and structures stay on the body, within a
//! tolerance).

mod bands;
mod slabs;

use super::curve::segment_distance_f64;
use crate::model::{Figure, FigurePos, ShapeKind};

/// The most slabs one test of nearness reads (see [`PolygonIndex::near_edge`]).
const NEAR_BUDGET: usize = 1 << 14;

/// One edge of an outline, with its lower and upper height. A level edge is kept for distances;
/// it never crosses a level ray.
#[derive(Clone, Copy, Debug)]
struct Edge {
    a: (f64, f64),
    b: (f64, f64),
    y_min: f64,
    y_max: f64,
    /// How far x moves per unit of y along the edge (not a number for a level edge, which no
    /// crossing test reads): a test multiplies rather than divides.
    x_per_y: f64,
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
            x_per_y: (b.0 - a.0) / (b.1 - a.1),
        })
    }

    /// Whether the edge spans the height `y` (its lower end counts, its upper end does not).
    #[allow(
        clippy::needless_bitwise_bool,
        reason = "both compares without a branch: which edges are level is hard to predict"
    )]
    fn level_with(&self, y: f64) -> bool {
        (self.y_min <= y) & (y < self.y_max)
    }

    /// Whether the edge passes within `tolerance` of `p` (edges whose box, grown by the
    /// tolerance, misses `p` are passed over without measuring).
    fn within(&self, p: (f64, f64), tolerance: f64) -> bool {
        let (x_min, x_max) = (self.a.0.min(self.b.0), self.a.0.max(self.b.0));
        p.1 >= self.y_min - tolerance
            && p.1 <= self.y_max + tolerance
            && p.0 >= x_min - tolerance
            && p.0 <= x_max + tolerance
            && segment_distance_f64(self.a, self.b, p) <= tolerance
    }

    /// Whether a ray from `p` toward +x crosses this edge (edge level with `p.1` assumed).
    fn crossed_by(&self, p: (f64, f64)) -> bool {
        p.0 < self.x_per_y * (p.1 - self.a.1) + self.a.0
    }
}

/// The edges of one closed outline, for fast even-odd tests.
#[derive(Debug)]
pub struct PolygonIndex {
    sorted: Sorted,
}

/// How the edges are sorted by height.
#[derive(Debug)]
enum Sorted {
    Bands(bands::Bands),
    Slabs(slabs::Slabs),
}

impl PolygonIndex {
    pub fn new(points: &[FigurePos]) -> Self {
        let edges: Vec<Edge> = points
            .iter()
            .zip(points.iter().cycle().skip(1))
            .filter_map(|(a, b)| Edge::new(*a, *b))
            .collect();
        let sorted = match bands::Bands::new(edges) {
            Ok(bands) => Sorted::Bands(bands),
            Err(edges) => Sorted::Slabs(slabs::Slabs::new(edges)),
        };
        Self { sorted }
    }

    /// Whether `p` lies inside the outline (even-odd rule).
    pub fn contains(&self, p: FigurePos) -> bool {
        let p = (f64::from(p.x), f64::from(p.y));
        match &self.sorted {
            Sorted::Bands(bands) => bands.contains(p),
            Sorted::Slabs(slabs) => slabs.contains(p),
        }
    }

    /// Whether some edge passes within `tolerance` of `p`. A position with more than
    /// [`NEAR_BUDGET`] of the outline's vertex heights within the tolerance of its own is in a
    /// thicket of edges: it counts as near one, rather than reading them all (a test of every
    /// sample of a curve against an outline of a million vertices level with it once ran for
    /// minutes).
    pub fn near_edge(&self, p: FigurePos, tolerance: f64) -> bool {
        let mut budget = NEAR_BUDGET;
        self.near_edge_within(p, tolerance, &mut budget)
            .unwrap_or(true)
    }

    /// [`Self::near_edge`] within a budget of slabs read; `None` when it runs out first.
    fn near_edge_within(&self, p: FigurePos, tolerance: f64, budget: &mut usize) -> Option<bool> {
        let p = (f64::from(p.x), f64::from(p.y));
        match &self.sorted {
            Sorted::Bands(bands) => Some(bands.near_edge(p, tolerance)),
            Sorted::Slabs(slabs) => slabs.near_edge(p, tolerance, budget),
        }
    }
}

/// The closed outlines of a figure, indexed once for many tests.
#[derive(Debug, Default)]
pub struct OutlineIndex {
    /// Each closed outline, and whether it is also drawn mirrored about the midline.
    outlines: Vec<(PolygonIndex, bool)>,
    /// Whether the outlines are their own mirror image about the figure's midline.
    symmetric: bool,
}

impl OutlineIndex {
    pub fn new(figure: &Figure) -> Self {
        let mut index = Self {
            outlines: figure
                .shapes
                .iter()
                .filter(|s| s.kind == ShapeKind::Outline && s.closed && s.points.len() >= 3)
                .map(|s| (PolygonIndex::new(&s.points), s.mirrored))
                .collect(),
            symmetric: false,
        };
        index.symmetric = index.mirror_symmetric(figure);
        index
    }

    /// Whether the figure's closed outlines are their own mirror image about its midline
    /// (every vertex mirrored lies on an edge): then a curve inside them is inside mirrored
    /// too. Only a shortcut (without it the mirrored curve is tested too), so its work is kept
    /// in proportion to the outline's size: past that, the answer is no.
    fn mirror_symmetric(&self, figure: &Figure) -> bool {
        if figure.midline_x.is_none() || self.is_empty() {
            return false;
        }
        let tolerance = f64::from(1e-4 * figure.size.0.max(figure.size.1));
        let vertices = figure.shapes.iter().map(|s| s.points.len()).sum::<usize>();
        let mut budget = vertices.saturating_mul(8).saturating_add(4096);
        figure
            .shapes
            .iter()
            .filter(|s| s.kind == ShapeKind::Outline && s.closed)
            .flat_map(|s| &s.points)
            .all(|p| {
                let m = figure.mirror(*p);
                self.outlines.iter().any(|(polygon, mirrored)| {
                    polygon.near_edge_within(m, tolerance, &mut budget) == Some(true)
                        || (*mirrored
                            && polygon.near_edge_within(figure.mirror(m), tolerance, &mut budget)
                                == Some(true))
                })
            })
    }

    /// Whether the outlines are their own mirror image about the figure's midline.
    pub fn symmetric(&self) -> bool {
        self.symmetric
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

    /// Whether some edge passes within `tolerance` of `p`, testing every edge.
    fn brute_near(poly: &[FigurePos], p: FigurePos, tolerance: f64) -> bool {
        let p = (f64::from(p.x), f64::from(p.y));
        poly.iter()
            .zip(poly.iter().cycle().skip(1))
            .filter_map(|(a, b)| Edge::new(*a, *b))
            .any(|e| e.within(p, tolerance))
    }

    /// Compares the index with testing every edge over a grid of positions (some exactly on
    /// vertices' heights), inside, near the edges and outside.
    fn agrees_with_every_edge(poly: &[FigurePos], index: &PolygonIndex) {
        for gx in 0..41 {
            for gy in 0..41 {
                let p = FigurePos::new(gx as f32 / 40.0, gy as f32 / 40.0);
                assert_eq!(index.contains(p), brute(poly, p), "{p:?}");
                for tolerance in [0.001, 0.01, 0.05] {
                    assert_eq!(
                        index.near_edge(p, tolerance),
                        brute_near(poly, p, tolerance),
                        "{p:?} within {tolerance}"
                    );
                }
            }
        }
        for v in poly {
            assert_eq!(index.contains(*v), brute(poly, *v), "vertex {v:?}");
            assert!(index.near_edge(*v, 0.0), "vertex {v:?}");
        }
        // Positions a hair either side of every edge's middle and a hair from every vertex.
        for (a, b) in poly.iter().zip(poly.iter().cycle().skip(1)) {
            let mid = a.lerp(*b, 0.5);
            for (dx, dy) in [
                (1e-6, 0.0),
                (-1e-6, 0.0),
                (0.0, 1e-6),
                (0.0, -1e-6),
                (1e-6, 1e-6),
            ] {
                for p in [mid, *a] {
                    let p = FigurePos::new(p.x + dx, p.y + dy);
                    assert_eq!(index.contains(p), brute(poly, p), "{p:?}");
                }
            }
        }
    }

    /// A star with `spikes` spikes between radii `inner` and `outer`.
    fn star(spikes: usize, inner: f32, outer: f32) -> Vec<FigurePos> {
        let n = spikes * 2;
        (0..n)
            .map(|i| {
                let a = i as f32 / n as f32 * std::f32::consts::TAU;
                let r = if i % 2 == 0 { outer } else { inner };
                FigurePos::new(0.5 + r * a.cos(), 0.5 + r * a.sin())
            })
            .collect()
    }

    #[test]
    fn the_slabs_take_an_outline_of_tall_edges_and_agrees_with_testing_every_edge() {
        // 400 long spikes: each edge spans dozens of bands.
        let poly = star(400, 0.2, 0.45);
        let index = PolygonIndex::new(&poly);
        assert!(matches!(index.sorted, Sorted::Slabs(_)));
        agrees_with_every_edge(&poly, &index);
    }

    /// A comb: a zig-zag of `teeth` edges each spanning the whole height, closed along the
    /// bottom.
    fn comb(teeth: usize) -> Vec<FigurePos> {
        let mut poly: Vec<FigurePos> = (0..=teeth)
            .map(|i| {
                let x = 0.1 + 0.8 * i as f32 / teeth as f32;
                FigurePos::new(x, if i % 2 == 0 { 0.1 } else { 0.9 })
            })
            .collect();
        poly.push(FigurePos::new(0.9, 0.05));
        poly.push(FigurePos::new(0.1, 0.05));
        poly
    }

    /// A square spiral of `turns` turns, its path widened into a closed strip.
    fn spiral(turns: usize) -> Vec<FigurePos> {
        let step = 0.4 / turns as f32;
        let mut path = Vec::new();
        for t in 0..turns {
            let r = 0.45 - step * t as f32;
            for (dx, dy) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
                path.push(FigurePos::new(0.5 + dx * r, 0.5 + dy * (r - step / 2.0)));
            }
        }
        let inner: Vec<FigurePos> = path
            .iter()
            .rev()
            .map(|p| FigurePos::new(0.5 + (p.x - 0.5) * 0.97, 0.5 + (p.y - 0.5) * 0.97))
            .collect();
        path.extend(inner);
        path
    }

    #[test]
    fn combs_spirals_and_outlines_that_cross_themselves_agree_with_testing_every_edge() {
        for poly in [comb(101), spiral(40)] {
            let index = PolygonIndex::new(&poly);
            assert!(matches!(index.sorted, Sorted::Slabs(_)));
            agrees_with_every_edge(&poly, &index);
        }
        agrees_with_every_edge(&comb(2), &PolygonIndex::new(&comb(2)));
        // A star polygon whose every edge crosses many others: each slab is read edge by edge.
        let crossing: Vec<FigurePos> = (0..97)
            .map(|i| {
                let a = (i * 41 % 97) as f32 / 97.0 * std::f32::consts::TAU;
                FigurePos::new(0.5 + 0.45 * a.cos(), 0.5 + 0.45 * a.sin())
            })
            .collect();
        agrees_with_every_edge(&crossing, &PolygonIndex::new(&crossing));
        // A flat outline (no height), and one whose edges crowd into one band.
        let flat: Vec<FigurePos> = (0..200)
            .map(|i| FigurePos::new(0.1 + 0.8 * ((i * 37) % 200) as f32 / 200.0, 0.5))
            .collect();
        agrees_with_every_edge(&flat, &PolygonIndex::new(&flat));
        let mut crowded = comb(3000);
        for p in crowded.iter_mut().take(3001) {
            p.y = 0.5 + (p.y - 0.5) * 1e-3;
        }
        let index = PolygonIndex::new(&crowded);
        assert!(matches!(index.sorted, Sorted::Slabs(_)));
        for i in 0..400 {
            let p = FigurePos::new(0.1003 + 0.002 * i as f32, 0.5 + 1e-6 * (i % 7) as f32);
            assert_eq!(index.contains(p), brute(&crowded, p), "{p:?}");
        }
    }

    #[test]
    fn a_comb_of_many_teeth_is_tested_in_few_steps() {
        // 380,000 teeth: each test meets every tooth's height, yet reads a few slabs.
        let poly = comb(380_000);
        let index = PolygonIndex::new(&poly);
        let Sorted::Slabs(slabs) = &index.sorted else {
            panic!("a comb is too tall for bands");
        };
        let mut budget = 64;
        assert_eq!(slabs.near_edge((0.5, 0.5), 1e-4, &mut budget), Some(true));
        assert!(budget > 50, "{budget} of 64 left");
        // Positions at no fixed phase to the teeth: about half fall inside.
        let inside = (0..1000)
            .filter(|i| index.contains(FigurePos::new(0.1003 + 0.000_791_3 * *i as f32, 0.5)))
            .count();
        assert!(inside > 300 && inside < 700, "{inside}");
    }

    #[test]
    fn the_bands_take_a_drawn_outline_and_agree_with_testing_every_edge() {
        // A ring of 3,000 short edges that wobbles in and out, like a drawn body outline.
        let poly = star(1500, 0.445, 0.45);
        let index = PolygonIndex::new(&poly);
        assert!(matches!(index.sorted, Sorted::Bands(_)));
        agrees_with_every_edge(&poly, &index);
        // A square (four edges, one band) and a sliver with no height.
        let square =
            [(0.2, 0.2), (0.8, 0.2), (0.8, 0.8), (0.2, 0.8)].map(|(x, y)| FigurePos::new(x, y));
        let index = PolygonIndex::new(&square);
        assert!(matches!(index.sorted, Sorted::Bands(_)));
        agrees_with_every_edge(&square, &index);
        let flat = [(0.2, 0.5), (0.8, 0.5), (0.5, 0.5)].map(|(x, y)| FigurePos::new(x, y));
        agrees_with_every_edge(&flat, &PolygonIndex::new(&flat));
    }

    #[test]
    fn a_position_that_is_not_a_number_is_outside_and_near_nothing() {
        let index = PolygonIndex::new(&star(1500, 0.445, 0.45));
        let nan = FigurePos::new(f32::NAN, f32::NAN);
        assert!(!index.contains(nan));
        assert!(!index.near_edge(nan, 0.1));
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
