//! Whether a figure is a close-up (a hand, a foot) or a whole body, from its own proportions:
//! framing a point on a close-up shows the whole figure, and a handout adds a close-up for a
//! hand or foot point that would be a speck on a whole body.

use super::Figure;

/// A figure less tall than this, in cun, is a close-up.
pub const CLOSE_UP_CUN: f32 = 25.0;

impl Figure {
    /// The figure's height in cun, measured on its own spans (the median span's scale);
    /// `None` when it has no span to measure by.
    pub fn height_in_cun(&self) -> Option<f32> {
        let mut per_cun: Vec<f32> = self
            .spans
            .iter()
            .filter(|s| s.cun > 0.0)
            .filter_map(|s| {
                let a = self.landmark(&s.from)?.at;
                let b = self.landmark(&s.to)?.at;
                Some(a.distance(b) / s.cun)
            })
            .filter(|u| u.is_finite() && *u > 0.0)
            .collect();
        per_cun.sort_by(f32::total_cmp);
        per_cun.get(per_cun.len() / 2).map(|u| self.size.1 / u)
    }

    /// Whether the figure is a close-up of a hand or foot: under [`CLOSE_UP_CUN`] tall. A
    /// figure with no span to measure by counts as a close-up, so it is shown whole.
    pub fn is_close_up(&self) -> bool {
        self.height_in_cun().is_none_or(|h| h < CLOSE_UP_CUN)
    }
}

impl Figure {
    /// The smallest box holding the figure's outlines (mirrored copies included), as its two
    /// corners; `None` for a figure with no outline.
    pub fn outline_bounds(&self) -> Option<(super::FigurePos, super::FigurePos)> {
        let mut points = self
            .shapes
            .iter()
            .filter(|s| s.kind == super::ShapeKind::Outline)
            .flat_map(|s| {
                let mirrored = s.mirrored.then(|| s.points.iter().map(|p| self.mirror(*p)));
                s.points
                    .iter()
                    .copied()
                    .chain(mirrored.into_iter().flatten())
            })
            .filter(|p| p.is_finite());
        let first = points.next()?;
        let (min, max) = points.fold((first, first), |(lo, hi), p| {
            (
                super::FigurePos::new(lo.x.min(p.x), lo.y.min(p.y)),
                super::FigurePos::new(hi.x.max(p.x), hi.y.max(p.y)),
            )
        });
        Some((min, max))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use crate::load::load_builtin;
    use crate::model::FigureId;

    #[test]
    fn hands_and_feet_are_close_ups_and_whole_bodies_are_not() {
        let atlas = load_builtin().unwrap();
        let close = |id: &str| atlas.figure(&FigureId::new(id)).unwrap().is_close_up();
        for id in ["hand_dorsum", "hand_ulnar", "foot_lateral", "foot_medial"] {
            assert!(close(id), "{id} is a close-up");
        }
        for id in ["posterior", "anterior", "profile", "side"] {
            assert!(!close(id), "{id} is a whole body");
        }
    }
}
