//! A segment tree over the heights of an outline's edges, each node holding the edges that cross
//! its whole slab of height sorted left to right: a test reads `log n` nodes and in each finds
//! its place by binary search, so tests stay fast however tall the edges are and however many
//! of them a level line meets (a comb of 380,000 teeth, a star, a spiral). Used for outlines
//! whose edges are too tall for [`super::bands::Bands`]; the interval tree it replaces met
//! every tall edge at every test, which made a comb quadratic.
//!
//! Edges that cross a slab from bottom to top and do not cross each other keep one left-to-right
//! order across it. An outline that crosses itself breaks that order in some slab; such a slab
//! ("tangled") is read edge by edge, so the answers stay exact either way.

use super::Edge;

/// How close, relative to a slab's coordinates, two edges' positions must be before the
/// sorted order is not trusted and they are tested one by one (rounding in the sums).
const RELATIVE_EPSILON: f64 = 1e-9;

/// One node of the tree: its edges (a range of `Slabs::entries`, sorted by x when the node is
/// not tangled), and the largest coordinate among them (to scale the rounding margin).
#[derive(Clone, Copy, Debug, Default)]
struct Node {
    start: u32,
    end: u32,
    tangled: bool,
    scale: f64,
}

/// The level edges at one height, sorted by their left ends, with the edge reaching furthest
/// right so far at each place: the one nearest a position is found by binary search.
#[derive(Debug)]
struct Row {
    y: f64,
    edges: Vec<Edge>,
    reach: Vec<usize>,
}

#[derive(Debug, Default)]
pub(super) struct Slabs {
    edges: Vec<Edge>,
    /// The distinct heights at which edges begin or end, in order.
    ys: Vec<f64>,
    /// Heap-ordered nodes (the root is 1) over the slabs between consecutive `ys`.
    nodes: Vec<Node>,
    /// Indexes into `edges`, node after node.
    entries: Vec<u32>,
    /// The level edges (they never cross a level ray; they count only for distances).
    rows: Vec<Row>,
}

/// Where edge `e` is at height `y` (its own end where `y` is one of its ends).
fn x_at(e: &Edge, y: f64) -> f64 {
    if y == e.a.1 {
        e.a.0
    } else if y == e.b.1 {
        e.b.0
    } else {
        e.a.0 + (e.b.0 - e.a.0) * ((y - e.a.1) / (e.b.1 - e.a.1))
    }
}

impl Slabs {
    pub(super) fn new(all: Vec<Edge>) -> Self {
        let (level, edges): (Vec<Edge>, Vec<Edge>) =
            all.into_iter().partition(|e| e.y_min == e.y_max);
        let mut ys: Vec<f64> = edges.iter().flat_map(|e| [e.y_min, e.y_max]).collect();
        ys.sort_by(f64::total_cmp);
        ys.dedup();
        let slabs = ys.len().saturating_sub(1);
        let mut index = Self {
            edges,
            ys,
            nodes: vec![Node::default(); 4 * slabs.max(1)],
            entries: Vec::new(),
            rows: rows(level),
        };
        if slabs == 0 {
            return index;
        }
        // Each edge's slabs, then the nodes that cover them: counted, then listed.
        let spans: Vec<(usize, usize)> = index
            .edges
            .iter()
            .map(|e| (index.slab_of(e.y_min), index.slab_of(e.y_max)))
            .collect();
        let mut lists: Vec<Vec<u32>> = vec![Vec::new(); index.nodes.len()];
        for (i, &(lo, hi)) in spans.iter().enumerate() {
            // Indexes fit: an outline has far fewer than 2^32 edges (files are at most 8 MiB).
            #[allow(clippy::cast_possible_truncation)]
            cover(&mut lists, 1, 0, slabs, lo, hi, i as u32);
        }
        for (n, list) in lists.iter_mut().enumerate() {
            let (bottom, top) = index.node_heights(n, slabs);
            index.sort_node(n, list, bottom, top);
        }
        index
    }

    /// The index of the slab beginning at height `y`, which is one of `ys`.
    fn slab_of(&self, y: f64) -> usize {
        self.ys.partition_point(|&v| v < y)
    }

    /// The lowest and highest height of node `n`'s slabs (found by walking down to it).
    fn node_heights(&self, n: usize, slabs: usize) -> (f64, f64) {
        let (mut node, mut l, mut r) = (1, 0, slabs);
        // The path from the root to `n`: the bits of `n` after the leading one.
        let depth = usize::BITS - 1 - n.max(1).leading_zeros();
        for bit in (0..depth).rev() {
            let mid = usize::midpoint(l, r);
            if (n >> bit) & 1 == 0 {
                r = mid;
                node *= 2;
            } else {
                l = mid;
                node = node * 2 + 1;
            }
        }
        let at = |i: usize| self.ys.get(i).copied().unwrap_or(0.0);
        (at(l), at(r))
    }

    /// Sorts node `n`'s edges left to right at the middle of its slab, marks it tangled if the
    /// order is not the same at its bottom and top, and appends it to `entries`.
    fn sort_node(&mut self, n: usize, list: &mut [u32], bottom: f64, top: f64) {
        let mid = bottom + (top - bottom) / 2.0;
        let edge = |i: &u32| self.edges.get(*i as usize);
        list.sort_by(|a, b| match (edge(a), edge(b)) {
            (Some(a), Some(b)) => x_at(a, mid)
                .total_cmp(&x_at(b, mid))
                .then(x_at(a, bottom).total_cmp(&x_at(b, bottom))),
            _ => std::cmp::Ordering::Equal,
        });
        let ordered = |y: f64| {
            let xs: Vec<f64> = list.iter().filter_map(edge).map(|e| x_at(e, y)).collect();
            xs.windows(2).all(|w| matches!(w, [a, b] if a <= b))
        };
        let tangled = !(ordered(bottom) && ordered(top));
        let scale = list
            .iter()
            .filter_map(edge)
            .map(|e| e.a.0.abs().max(e.b.0.abs()))
            .fold(0.0, f64::max);
        // Counts fit in u32, as the indexes do.
        #[allow(clippy::cast_possible_truncation)]
        let start = self.entries.len() as u32;
        self.entries.extend_from_slice(list);
        #[allow(clippy::cast_possible_truncation)]
        let end = self.entries.len() as u32;
        if let Some(node) = self.nodes.get_mut(n) {
            *node = Node {
                start,
                end,
                tangled,
                scale,
            };
        }
    }

    /// The edges of a node, in its order.
    fn listed(&self, node: &Node) -> impl Iterator<Item = &Edge> + Clone {
        self.entries
            .get(node.start as usize..node.end as usize)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.edges.get(i as usize))
    }

    /// A node's edges whose x at height `y` is within the rounding margin of `x` (and, with
    /// `beside`, one more on each side), and how many lie wholly to its right.
    fn around(
        &self,
        node: &Node,
        x: f64,
        y: f64,
        beside: bool,
    ) -> (impl Iterator<Item = &Edge>, usize) {
        let list = self
            .entries
            .get(node.start as usize..node.end as usize)
            .unwrap_or_default();
        let at = |i: &u32| self.edges.get(*i as usize).map_or(f64::NAN, |e| x_at(e, y));
        let margin = RELATIVE_EPSILON * (node.scale.max(x.abs()) + f64::MIN_POSITIVE);
        let mut lo = list.partition_point(|i| at(i) < x - margin);
        let mut hi = list.partition_point(|i| at(i) <= x + margin);
        if beside {
            lo = lo.saturating_sub(1);
            hi = (hi + 1).min(list.len());
        }
        let near = list
            .get(lo..hi)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.edges.get(i as usize));
        (near, list.len().saturating_sub(hi))
    }

    /// Whether `p` lies inside the outline (even-odd rule): the nodes on the path to `p`'s slab
    /// hold exactly the edges level with it.
    pub(super) fn contains(&self, p: (f64, f64)) -> bool {
        let slabs = self.ys.len().saturating_sub(1);
        let (Some(&first), Some(&last)) = (self.ys.first(), self.ys.last()) else {
            return false;
        };
        if !(first <= p.1 && p.1 < last) {
            return false;
        }
        let slab = self.ys.partition_point(|&v| v <= p.1).saturating_sub(1);
        let (mut n, mut l, mut r) = (1, 0, slabs);
        let mut inside = false;
        while let Some(node) = self.nodes.get(n) {
            if node.tangled {
                for e in self.listed(node) {
                    inside ^= e.crossed_by(p);
                }
            } else {
                let (close, right) = self.around(node, p.0, p.1, false);
                inside ^= right % 2 == 1;
                for e in close {
                    inside ^= e.crossed_by(p);
                }
            }
            if r - l <= 1 {
                break;
            }
            let mid = usize::midpoint(l, r);
            if slab < mid {
                (n, r) = (2 * n, mid);
            } else {
                (n, l) = (2 * n + 1, mid);
            }
        }
        inside
    }

    /// Whether some edge passes within `tolerance` of `p`. In each slab within the tolerance's
    /// heights, a position straight above or below `p` inside the slab is found among the
    /// slab's edges: if any edge of the slab comes within reach, so does one of the two beside
    /// that position (they lie between it and the other, and the reach is convex). Each slab
    /// read takes one from `budget`; `None` when it runs out before an answer.
    pub(super) fn near_edge(
        &self,
        p: (f64, f64),
        tolerance: f64,
        budget: &mut usize,
    ) -> Option<bool> {
        let margin = RELATIVE_EPSILON * (p.1.abs() + tolerance.abs());
        let (lo, hi) = (p.1 - tolerance - margin, p.1 + tolerance + margin);
        if self.near_level(p, tolerance, lo, hi) {
            return Some(true);
        }
        let slabs = self.ys.len().saturating_sub(1);
        if slabs == 0 || lo.partial_cmp(&hi).is_none_or(std::cmp::Ordering::is_gt) {
            return Some(false);
        }
        let mut todo = vec![(1, 0, slabs)];
        while let Some((n, l, r)) = todo.pop() {
            if *budget == 0 {
                return None;
            }
            *budget -= 1;
            let (Some(node), Some(&bottom), Some(&top)) =
                (self.nodes.get(n), self.ys.get(l), self.ys.get(r))
            else {
                continue;
            };
            if top < lo || bottom > hi {
                continue;
            }
            let found = if node.tangled {
                self.listed(node).any(|e| e.within(p, tolerance))
            } else {
                let y = p.1.clamp(bottom, top);
                let (mut close, _) = self.around(node, p.0, y, true);
                close.any(|e| e.within(p, tolerance))
            };
            if found {
                return Some(true);
            }
            if r - l > 1 {
                let mid = usize::midpoint(l, r);
                todo.push((2 * n, l, mid));
                todo.push((2 * n + 1, mid, r));
            }
        }
        Some(false)
    }

    /// Whether a level edge at a height between `lo` and `hi` passes within `tolerance` of `p`.
    fn near_level(&self, p: (f64, f64), tolerance: f64, lo: f64, hi: f64) -> bool {
        let from = self.rows.partition_point(|r| r.y < lo);
        self.rows
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|r| r.y <= hi)
            .any(|row| {
                // Of the edges starting left of `p`, the one reaching furthest right; and the
                // first starting right of it: the nearest of the row is one of the two.
                let k = row.edges.partition_point(|e| e.a.0.min(e.b.0) <= p.0);
                let left = k
                    .checked_sub(1)
                    .and_then(|i| row.reach.get(i))
                    .and_then(|&i| row.edges.get(i));
                left.into_iter()
                    .chain(row.edges.get(k))
                    .any(|e| e.within(p, tolerance))
            })
    }
}

/// The level edges in rows by height.
fn rows(mut level: Vec<Edge>) -> Vec<Row> {
    level.sort_by(|a, b| {
        a.y_min
            .total_cmp(&b.y_min)
            .then(a.a.0.min(a.b.0).total_cmp(&b.a.0.min(b.b.0)))
    });
    let right = |e: &Edge| e.a.0.max(e.b.0);
    let mut rows: Vec<Row> = Vec::new();
    for e in level {
        match rows.last_mut() {
            Some(row) if row.y == e.y_min => {
                let best = row.reach.last().copied().unwrap_or(0);
                let further = row.edges.get(best).is_none_or(|b| right(&e) > right(b));
                row.reach.push(if further { row.edges.len() } else { best });
                row.edges.push(e);
            }
            _ => rows.push(Row {
                y: e.y_min,
                edges: vec![e],
                reach: vec![0],
            }),
        }
    }
    rows
}

/// Lists edge `edge`, covering slabs `lo` to `hi` (exclusive), in the nodes of the tree under
/// `node` (which covers slabs `l` to `r`) that it crosses wholly.
fn cover(lists: &mut [Vec<u32>], node: usize, l: usize, r: usize, lo: usize, hi: usize, edge: u32) {
    if hi <= l || r <= lo {
        return;
    }
    if lo <= l && r <= hi {
        if let Some(list) = lists.get_mut(node) {
            list.push(edge);
        }
        return;
    }
    let mid = usize::midpoint(l, r);
    cover(lists, 2 * node, l, mid, lo, hi, edge);
    cover(lists, 2 * node + 1, mid, r, lo, hi, edge);
}
