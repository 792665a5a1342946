//! An interval tree over the edges' heights: a test looks only at the edges level with the
//! position (`log n` plus those edges), however tall the edges are. Used for outlines whose
//! edges are too tall for [`super::bands::Bands`] (a star of long spikes).

use super::Edge;

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

/// The edges of one closed outline in an interval tree.
#[derive(Debug, Default)]
pub(super) struct Tree {
    nodes: Vec<Node>,
    root: Option<usize>,
}

impl Tree {
    pub(super) fn new(edges: Vec<Edge>) -> Self {
        let mut tree = Self::default();
        tree.root = tree.build(edges);
        tree
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
    pub(super) fn contains(&self, p: (f64, f64)) -> bool {
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
    pub(super) fn near_edge(&self, p: (f64, f64), tolerance: f64) -> bool {
        let (lo, hi) = (p.1 - tolerance, p.1 + tolerance);
        let near = |e: &Edge| e.within(p, tolerance);
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
