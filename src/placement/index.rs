//! Finding a figure's landmarks and spans by id. A bare [`Figure`] is searched in order, which
//! is fine for one point; [`FigureIndex`] hashes them (and indexes the outline) once, so placing
//! and checking 100,000 points on a figure with 100,000 landmarks stays linear.

use super::outline::OutlineIndex;
use crate::model::{Figure, FigurePos, LandmarkId, Span, SpanId};
use rustc_hash::FxHashMap as HashMap;

/// Where a figure's landmarks are and what its spans are, by id.
pub trait Lookup {
    fn figure(&self) -> &Figure;
    fn landmark_at(&self, id: &LandmarkId) -> Option<FigurePos>;
    fn span(&self, id: &SpanId) -> Option<&Span>;
}

impl Lookup for Figure {
    fn figure(&self) -> &Figure {
        self
    }

    fn landmark_at(&self, id: &LandmarkId) -> Option<FigurePos> {
        self.landmark(id).map(|l| l.at)
    }

    fn span(&self, id: &SpanId) -> Option<&Span> {
        Figure::span(self, id)
    }
}

/// A figure with its landmarks, spans and outlines indexed, for placing many points on it.
/// Where an id is defined twice the first definition counts, as on the bare figure.
#[derive(Debug)]
pub struct FigureIndex<'a> {
    figure: &'a Figure,
    landmarks: HashMap<&'a str, FigurePos>,
    spans: HashMap<&'a str, &'a Span>,
    outline: OutlineIndex,
}

impl<'a> FigureIndex<'a> {
    /// The index of a figure; `outline` must be `OutlineIndex::new(figure)` (the loader builds
    /// it on the thread that parsed the figure).
    pub fn with_outline(figure: &'a Figure, outline: OutlineIndex) -> Self {
        let mut landmarks =
            HashMap::with_capacity_and_hasher(figure.landmarks.len(), rustc_hash::FxBuildHasher);
        for l in &figure.landmarks {
            landmarks.entry(l.id.as_str()).or_insert(l.at);
        }
        let mut spans =
            HashMap::with_capacity_and_hasher(figure.spans.len(), rustc_hash::FxBuildHasher);
        for s in &figure.spans {
            spans.entry(s.id.as_str()).or_insert(s);
        }
        Self {
            figure,
            landmarks,
            spans,
            outline,
        }
    }

    /// Whether a position lies inside any closed outline of the figure (mirrored copies
    /// count), or the figure has none.
    pub fn inside_outline(&self, at: FigurePos) -> bool {
        self.outline.contains(self.figure, at)
    }

    /// The figure's closed outlines, indexed.
    pub fn outline(&self) -> &OutlineIndex {
        &self.outline
    }
}

impl Lookup for FigureIndex<'_> {
    fn figure(&self) -> &Figure {
        self.figure
    }

    fn landmark_at(&self, id: &LandmarkId) -> Option<FigurePos> {
        self.landmarks.get(id.as_str()).copied()
    }

    fn span(&self, id: &SpanId) -> Option<&Span> {
        self.spans.get(id.as_str()).copied()
    }
}
