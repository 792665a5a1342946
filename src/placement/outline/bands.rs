//! The edges of an outline sorted into horizontal bands of equal height: a test reads only the
//! edges of the band (or bands) it falls in, which for a drawn outline are a handful. Building
//! takes two passes over the edges and two allocations, where the slab tree
//! ([`super::slabs::Slabs`]) allocates at every node; a test reads one short run of memory.
//!
//! An edge is listed in every band its height range touches. Outlines whose edges are tall
//! compared with a band (a star of long spikes, a comb) would be listed many times over, and
//! outlines whose edges crowd into a few bands (or have no height at all) would be read edge by
//! edge: for those [`Bands::new`] declines and the slab tree is used instead.

use super::Edge;

/// The most band entries per edge before the bands give way to the slab tree.
const MAX_ENTRIES_PER_EDGE: usize = 8;

/// Edges per band, on average, that the number of bands aims at.
const EDGES_PER_BAND: usize = 4;

/// The most bands an outline gets.
const MAX_BANDS: usize = 1 << 16;

/// The most edges one band may list before the bands give way to the slab tree (a test reads
/// every edge of its band).
const MAX_PER_BAND: usize = 2048;

#[derive(Debug)]
pub(super) struct Bands {
    edges: Vec<Edge>,
    /// The lowest edge height, and the number of bands per unit of height.
    y0: f64,
    per_unit: f64,
    /// Where each band's entries start in `entries` (one more than there are bands).
    starts: Vec<u32>,
    /// Indexes into `edges`, band after band.
    entries: Vec<u32>,
}

impl Bands {
    /// The bands for `edges`, or the edges back when bands would list them too many times over
    /// (or there are more than an index can count).
    pub(super) fn new(edges: Vec<Edge>) -> Result<Self, Vec<Edge>> {
        let n = edges.len();
        if u32::try_from(n.saturating_mul(MAX_ENTRIES_PER_EDGE)).is_err() {
            return Err(edges);
        }
        let y0 = edges.iter().map(|e| e.y_min).fold(f64::INFINITY, f64::min);
        let y1 = edges
            .iter()
            .map(|e| e.y_max)
            .fold(f64::NEG_INFINITY, f64::max);
        let count = (n / EDGES_PER_BAND).clamp(1, MAX_BANDS);
        let height = y1 - y0;
        // Every edge in one band when the outline has no height (or none that divides).
        #[allow(clippy::cast_precision_loss)]
        let per_unit = if height.is_finite() && height > 0.0 {
            count as f64 / height
        } else if n > MAX_PER_BAND {
            // No height to divide: every edge would share one band.
            return Err(edges);
        } else {
            0.0
        };
        let mut bands = Self {
            edges,
            y0,
            per_unit,
            starts: vec![0; count + 1],
            entries: Vec::new(),
        };
        // First the number of entries (refusing too many before listing any), then each
        // band's count, then the entries.
        let total: usize = bands
            .edges
            .iter()
            .map(|e| bands.band(e.y_max) - bands.band(e.y_min) + 1)
            .sum();
        if total > n * MAX_ENTRIES_PER_EDGE {
            return Err(bands.edges);
        }
        for e in &bands.edges {
            for b in bands.band(e.y_min)..=bands.band(e.y_max) {
                if let Some(s) = bands.starts.get_mut(b + 1) {
                    *s += 1;
                }
            }
        }
        let crowded = bands.starts.iter().any(|&s| s as usize > MAX_PER_BAND);
        if crowded {
            return Err(bands.edges);
        }
        for b in 0..count {
            let before = bands.starts.get(b).copied().unwrap_or(0);
            if let Some(s) = bands.starts.get_mut(b + 1) {
                *s += before;
            }
        }
        let mut next: Vec<u32> = bands.starts.clone();
        bands.entries = vec![0; total];
        for (i, e) in bands.edges.iter().enumerate() {
            let (lo, hi) = (bands.band(e.y_min), bands.band(e.y_max));
            for b in lo..=hi {
                if let Some(at) = next.get_mut(b) {
                    if let Some(slot) = bands.entries.get_mut(*at as usize) {
                        // `n` fits in u32 (checked above).
                        #[allow(clippy::cast_possible_truncation)]
                        {
                            *slot = i as u32;
                        }
                    }
                    *at += 1;
                }
            }
        }
        Ok(bands)
    }

    /// The band holding height `y` (the nearest band for heights outside the outline). The
    /// mapping never decreases as `y` grows, so an edge spanning `y` is listed in `y`'s band.
    fn band(&self, y: f64) -> usize {
        let last = self.starts.len().saturating_sub(2);
        // A float-to-int cast saturates (NaN gives 0), and truncating a non-negative number
        // rounds it down; the result is clamped to a real band.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let b = ((y - self.y0) * self.per_unit).max(0.0) as usize;
        b.min(last)
    }

    /// The edges listed in bands `lo` to `hi`.
    fn listed(&self, lo: usize, hi: usize) -> impl Iterator<Item = &Edge> {
        let from = self.starts.get(lo).copied().unwrap_or(0) as usize;
        let to = self.starts.get(hi + 1).copied().unwrap_or(0) as usize;
        self.entries
            .get(from..to)
            .unwrap_or_default()
            .iter()
            .filter_map(|&i| self.edges.get(i as usize))
    }

    /// Whether `p` lies inside the outline (even-odd rule): every edge level with `p` is listed
    /// in `p`'s band.
    pub(super) fn contains(&self, p: (f64, f64)) -> bool {
        let b = self.band(p.1);
        self.listed(b, b).fold(false, |inside, e| {
            // Both tests without a branch between them (which edges are level is hard to
            // predict): for an edge not level with `p` the crossing test's answer is dropped
            // (for a flat edge it divides by zero, harmlessly).
            inside ^ (e.level_with(p.1) & e.crossed_by(p))
        })
    }

    /// Whether some edge passes within `tolerance` of `p`: such an edge has a point within the
    /// heights `p.y ± tolerance`, so it is listed in their bands (one more band each way
    /// covers rounding in the sums).
    pub(super) fn near_edge(&self, p: (f64, f64), tolerance: f64) -> bool {
        let lo = self.band(p.1 - tolerance).saturating_sub(1);
        let hi = self.band(p.1 + tolerance) + 1;
        self.listed(lo, hi.min(self.starts.len().saturating_sub(2)))
            .any(|e| e.within(p, tolerance))
    }
}
