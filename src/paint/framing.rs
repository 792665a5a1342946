//! Framing a point: the pan and zoom that show it with a few cun of body around it. The
//! window's canvas frames a selected point this way when presenting, and a slide whose step
//! rings a point is framed the same, so the slide is what the room saw.

use super::projector::{self, PanZoom};
use crate::model::{Atlas, ConditionId, Figure, FigurePos, PointCode};
use crate::placement::ruler_for;
use egui::Rect;

/// Cun shown on each side of a framed point: enough to recognise the body part around it.
pub const FRAME_RADIUS_CUN: f32 = 6.0;
/// The least shown on each side of a framed point, as a share of the figure's height (a hand
/// on a whole-body figure needs its forearm around it to be recognised).
pub const FRAME_RADIUS_SHARE: f32 = 0.16;
/// Beyond this share of the figure's height the framing shows the whole figure.
pub const FRAME_WHOLE_SHARE: f32 = 0.3;

/// Figure units to show on each side of a framed point: [`FRAME_RADIUS_CUN`] measured on the
/// span the point is placed by, and at least [`FRAME_RADIUS_SHARE`] of the figure.
pub fn frame_radius(atlas: &Atlas, code: &PointCode, figure: &Figure) -> f32 {
    let by_cun = atlas
        .point(code)
        .and_then(|p| ruler_for(p, figure))
        .filter(|r| r.cun > 0.0)
        .map_or(0.0, |r| r.from.distance(r.to) / r.cun * FRAME_RADIUS_CUN);
    by_cun.max(figure.size.1 * FRAME_RADIUS_SHARE)
}

/// The pan and zoom that frame a point in `rect`: the whole figure for a close-up or when the
/// framing would show most of it anyway, and when the figure does not show the point.
pub fn frame_point(atlas: &Atlas, code: &PointCode, figure: &Figure, rect: Rect) -> PanZoom {
    let mut view = PanZoom::default();
    if let Some(site) = atlas.sites_on(code, &figure.id).next() {
        let radius = frame_radius(atlas, code, figure);
        if !figure.is_close_up() && radius < figure.size.1 * FRAME_WHOLE_SHARE {
            projector::frame(&mut view, rect, figure, site.at, radius);
        }
    }
    view
}

/// The pan and zoom that frame a group of points (a condition's local and adjacent points, at
/// the levels the condition uses) in `rect`: their sites with a margin around them, or the whole figure when they spread over
/// most of it or it shows none of them.
pub fn frame_points(
    atlas: &Atlas,
    codes: &[PointCode],
    condition: Option<&ConditionId>,
    figure: &Figure,
    rect: Rect,
) -> PanZoom {
    let mut view = PanZoom::default();
    let sites: Vec<FigurePos> = codes
        .iter()
        .flat_map(|c| atlas.sites_for(c, &figure.id, condition))
        .map(|s| s.at)
        .collect();
    let Some(first) = sites.first() else {
        return view;
    };
    let (mut min, mut max) = ((first.x, first.y), (first.x, first.y));
    for p in &sites {
        min = (min.0.min(p.x), min.1.min(p.y));
        max = (max.0.max(p.x), max.1.max(p.y));
    }
    let half = ((max.0 - min.0) * 0.5).max((max.1 - min.1) * 0.5);
    let radius = (half * 1.2).max(figure.size.1 * FRAME_RADIUS_SHARE);
    if !figure.is_close_up() && radius < figure.size.1 * FRAME_WHOLE_SHARE {
        let centre = FigurePos::new((min.0 + max.0) * 0.5, (min.1 + max.1) * 0.5);
        projector::frame(&mut view, rect, figure, centre, radius);
    }
    view
}
