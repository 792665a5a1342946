//! A coarse grid over an outline that answers most inside tests at once. A cell that no edge
//! touches lies wholly inside or wholly outside, so its state is worked out once, at its
//! centre; only a position in a cell an edge touches needs the edges. Channels and structures
//! are tested every half percent of the figure along their curves, nearly all of it well
//! inside the body.
//!
//! The answers are exactly those of testing every edge: a cell counts as untouched only when
//! no edge comes within a small margin of it (far more than rounding could move a position),
//! and its centre's state comes from the same crossing test.

use super::Edge;

/// The most cells along the longer side of the outline's box.
const MOST_ALONG: usize = 64;

/// The fewest cells along the longer side.
const FEWEST_ALONG: usize = 8;

/// The margin by which an edge's box is grown when marking the cells it touches, as a share of
/// a cell: far more than rounding can move a position, far less than a cell.
const MARGIN: f64 = 1e-6;

/// What is known of a cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum State {
    Outside,
    Inside,
    /// An edge passes through or near the cell: test the edges.
    Edge,
}

#[derive(Debug)]
pub(super) struct Cells {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
    /// The side of a cell, and cells per unit.
    size: f64,
    per_unit: f64,
    cols: usize,
    rows: usize,
    /// Row after row.
    states: Vec<State>,
}

impl Cells {
    /// The grid over `edges`, or `None` when their box has no usable size.
    pub(super) fn new(edges: &[Edge]) -> Option<Self> {
        let (mut x0, mut y0) = (f64::INFINITY, f64::INFINITY);
        let (mut x1, mut y1) = (f64::NEG_INFINITY, f64::NEG_INFINITY);
        for e in edges {
            x0 = x0.min(e.a.0).min(e.b.0);
            x1 = x1.max(e.a.0).max(e.b.0);
            y0 = y0.min(e.y_min);
            y1 = y1.max(e.y_max);
        }
        let extent = (x1 - x0).max(y1 - y0);
        // About eight cells per edge on a square box, fewer on a tall one: enough that most
        // cells of a drawn outline are untouched, few enough to fill quickly.
        let along = ((edges.len() * 8).isqrt()).clamp(FEWEST_ALONG, MOST_ALONG);
        #[allow(clippy::cast_precision_loss)]
        let size = extent / along as f64;
        let per_unit = 1.0 / size;
        if !(size.is_finite() && size > 0.0 && per_unit.is_finite() && per_unit > 0.0) {
            return None;
        }
        // Both counts are at most `along` + 1.
        let count = |length: f64| whole(length * per_unit).min(along) + 1;
        let (cols, rows) = (count(x1 - x0), count(y1 - y0));
        let mut cells = Self {
            x0,
            y0,
            x1,
            y1,
            size,
            per_unit,
            cols,
            rows,
            states: vec![State::Outside; cols * rows],
        };
        for e in edges {
            cells.mark(e);
        }
        cells.fill(edges);
        Some(cells)
    }

    /// The column holding `x` (clamped to the grid).
    fn col(&self, x: f64) -> usize {
        whole((x - self.x0) * self.per_unit).min(self.cols - 1)
    }

    /// The row holding `y` (clamped to the grid).
    fn row(&self, y: f64) -> usize {
        whole((y - self.y0) * self.per_unit).min(self.rows - 1)
    }

    /// Marks every cell the edge comes near: the boxes of pieces no wider or taller than a
    /// cell, each grown by the margin.
    fn mark(&mut self, e: &Edge) {
        let (dx, dy) = (e.b.0 - e.a.0, e.b.1 - e.a.1);
        // Pieces no wider or taller than a cell (an edge lies within the grid).
        let pieces = (whole(dx.abs().max(dy.abs()) * self.per_unit) + 1).min(MOST_ALONG + 1);
        let margin = self.size * MARGIN;
        #[allow(clippy::cast_precision_loss)]
        let at = |k: usize| {
            let t = k as f64 / pieces as f64;
            (e.a.0 + dx * t, e.a.1 + dy * t)
        };
        for k in 0..pieces {
            let (p, q) = (at(k), at(k + 1));
            let (c0, c1) = (
                self.col(p.0.min(q.0) - margin),
                self.col(p.0.max(q.0) + margin),
            );
            let (r0, r1) = (
                self.row(p.1.min(q.1) - margin),
                self.row(p.1.max(q.1) + margin),
            );
            for r in r0..=r1 {
                for c in c0..=c1 {
                    if let Some(s) = self.states.get_mut(r * self.cols + c) {
                        *s = State::Edge;
                    }
                }
            }
        }
    }

    /// The centre of a cell's row or column.
    #[allow(clippy::cast_precision_loss)]
    fn centre(start: f64, size: f64, i: usize) -> f64 {
        start + (i as f64 + 0.5) * size
    }

    /// Works out each untouched cell's state at its centre: the edges a ray from there toward
    /// +x crosses, from the crossings of each row's centre line, found edge by edge.
    fn fill(&mut self, edges: &[Edge]) {
        let mut crossings: Vec<(usize, f64)> = Vec::new();
        for e in edges {
            // The rows whose centre line the edge may span, one more each way for rounding;
            // the test itself is the exact one.
            let (lo, hi) = (
                self.row(e.y_min).saturating_sub(1),
                (self.row(e.y_max) + 1).min(self.rows - 1),
            );
            for r in lo..=hi {
                let y = Self::centre(self.y0, self.size, r);
                if e.level_with(y) {
                    let (a, b) = (e.a, e.b);
                    crossings.push((r, (b.0 - a.0) * (y - a.1) / (b.1 - a.1) + a.0));
                }
            }
        }
        crossings.sort_by(|p, q| p.0.cmp(&q.0).then(p.1.total_cmp(&q.1)));
        let mut from = 0;
        let centres: Vec<f64> = (0..self.cols)
            .map(|c| Self::centre(self.x0, self.size, c))
            .collect();
        for r in 0..self.rows {
            let count = crossings
                .get(from..)
                .unwrap_or_default()
                .iter()
                .take_while(|(row, _)| *row == r)
                .count();
            let row = crossings.get(from..from + count).unwrap_or_default();
            from += count;
            // Crossings at or left of the centre so far; those right of it decide the state.
            let mut passed = 0;
            let states = self
                .states
                .get_mut(r * self.cols..(r + 1) * self.cols)
                .unwrap_or_default();
            for (s, &x) in states.iter_mut().zip(&centres) {
                while row.get(passed).is_some_and(|(_, cross)| *cross <= x) {
                    passed += 1;
                }
                if *s != State::Edge {
                    *s = if (row.len() - passed) % 2 == 1 {
                        State::Inside
                    } else {
                        State::Outside
                    };
                }
            }
        }
    }

    /// Whether `p` is inside, when its cell says so without the edges. A position beyond the
    /// outline's box is outside (a level ray from it crosses every edge level with it or none,
    /// an even number either way).
    pub(super) fn inside(&self, p: (f64, f64)) -> Option<bool> {
        if !(p.0 >= self.x0 && p.0 <= self.x1 && p.1 >= self.y0 && p.1 <= self.y1) {
            return Some(false);
        }
        match self.states.get(self.row(p.1) * self.cols + self.col(p.0)) {
            Some(State::Inside) => Some(true),
            Some(State::Outside) => Some(false),
            Some(State::Edge) | None => None,
        }
    }
}

/// The whole number of cells in `v` cells' worth (`v` rounded down; 0 for a negative `v` or one
/// that is not a number, the most a `usize` holds for a huge one). Truncating a non-negative
/// number rounds it down, without a call to `floor`; it never decreases as `v` grows.
#[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
fn whole(v: f64) -> usize {
    v.max(0.0) as usize
}
