//! A figure's closed outlines indexed in horizontal bands, so that testing thousands of curve
//! samples against an outline of hundreds of edges stays cheap (the loader tests every sample
//! of every channel and structure).

use super::curve::segment_distance;
use crate::model::{Figure, FigurePos, ShapeKind};

/// Bands the figure's height is cut into.
const BANDS: usize = 256;

/// The closed outlines of one figure (mirrored copies included), edges grouped by band.
pub struct OutlineBands {
    edges: Vec<(FigurePos, FigurePos)>,
    /// Which polygon each edge belongs to.
    polygon_of: Vec<usize>,
    /// For each band, the edges whose vertical extent overlaps it.
    bands: Vec<Vec<usize>>,
    top: f32,
    band_height: f32,
}

impl OutlineBands {
    pub fn new(figure: &Figure) -> Self {
        let mut edges = Vec::new();
        let mut polygon_of = Vec::new();
        let mut polygons = 0;
        for shape in &figure.shapes {
            if shape.kind != ShapeKind::Outline || !shape.closed || shape.points.len() < 3 {
                continue;
            }
            let mut copies = vec![shape.points.clone()];
            if shape.mirrored && figure.midline_x.is_some() {
                copies.push(shape.points.iter().map(|p| figure.mirror(*p)).collect());
            }
            for poly in copies {
                let n = poly.len();
                for (i, a) in poly.iter().enumerate() {
                    if let Some(b) = poly.get((i + 1) % n) {
                        edges.push((*a, *b));
                        polygon_of.push(polygons);
                    }
                }
                polygons += 1;
            }
        }
        let top = edges
            .iter()
            .map(|(a, b)| a.y.min(b.y))
            .fold(f32::INFINITY, f32::min);
        let bottom = edges
            .iter()
            .map(|(a, b)| a.y.max(b.y))
            .fold(f32::NEG_INFINITY, f32::max);
        let band_height = ((bottom - top) / BANDS as f32).max(1e-6);
        let mut index = Self {
            edges,
            polygon_of,
            bands: vec![Vec::new(); BANDS],
            top,
            band_height,
        };
        for (i, (a, b)) in index.edges.iter().enumerate() {
            let (lo, hi) = (index.band(a.y.min(b.y)), index.band(a.y.max(b.y)));
            for band in index.bands.iter_mut().take(hi + 1).skip(lo) {
                band.push(i);
            }
        }
        index
    }

    /// Whether the figure has any closed outline (without one, everything counts as inside).
    pub fn is_empty(&self) -> bool {
        self.edges.is_empty()
    }

    fn band(&self, y: f32) -> usize {
        if !y.is_finite() || y <= self.top {
            return 0;
        }
        // Clamped to the band count first, so the cast cannot truncate.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let b = ((y - self.top) / self.band_height).min(BANDS as f32 - 1.0) as usize;
        b
    }

    /// Whether `p` lies inside any of the outlines (as `inside_outline` says), or within
    /// `tolerance` of an edge.
    pub fn contains(&self, p: FigurePos, tolerance: f32) -> bool {
        if self.edges.is_empty() {
            return true;
        }
        // One bit per polygon (a figure has a handful); more than 64 share bits.
        let mut parity: u64 = 0;
        for &i in self.bands.get(self.band(p.y)).into_iter().flatten() {
            let (Some((a, b)), Some(&poly)) = (self.edges.get(i), self.polygon_of.get(i)) else {
                continue;
            };
            if (a.y > p.y) != (b.y > p.y) && p.x < (b.x - a.x) * (p.y - a.y) / (b.y - a.y) + a.x {
                parity ^= 1u64 << (poly % 64);
            }
        }
        let inside = parity != 0;
        if inside || tolerance <= 0.0 {
            return inside;
        }
        self.near_edge(p, tolerance)
    }

    /// Whether `p` lies within `tolerance` of an edge of the outlines.
    pub fn near_edge(&self, p: FigurePos, tolerance: f32) -> bool {
        let (lo, hi) = (self.band(p.y - tolerance), self.band(p.y + tolerance));
        self.bands
            .iter()
            .take(hi + 1)
            .skip(lo)
            .flatten()
            .filter_map(|&i| self.edges.get(i))
            .any(|(a, b)| segment_distance(*a, *b, p) <= tolerance)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::FigureId;
    use crate::placement::inside_outline;

    #[test]
    fn the_index_agrees_with_the_plain_test_across_the_back_figure() {
        let atlas = load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("posterior")).unwrap();
        let index = OutlineBands::new(figure);
        for i in 0..120 {
            for j in 0..120 {
                let p = FigurePos::new(i as f32 / 120.0 + 0.0013, j as f32 / 120.0 + 0.0021);
                assert_eq!(index.contains(p, 0.0), inside_outline(figure, p), "{p:?}");
            }
        }
    }

    #[test]
    fn a_point_just_outside_counts_only_within_the_tolerance() {
        let atlas = load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("posterior")).unwrap();
        let index = OutlineBands::new(figure);
        // Just above the vertex (0.5, 0.03).
        let above = FigurePos::new(0.5, 0.027);
        assert!(!index.contains(above, 0.0));
        assert!(index.contains(above, 0.004));
        assert!(!index.contains(FigurePos::new(0.5, 0.01), 0.004));
    }
}
