//! Locate questions on a patient's marked photo: a click scored in the patient's own cun, the
//! span the point is measured on as the photo's marks place it, with the same tolerance as on
//! the drawn figures. No egui.

use super::score::LocateResult;
use crate::model::{Atlas, FigurePos, PointCode};
use crate::placement::{PhotoFigure, PhotoPlacement};

/// Scores a click at `at` (the photo's pixels) as an answer for `code`: the distance to the
/// nearest site the marks place, in the cun of the span it is measured on as the photo's
/// marks place it (for a point at a landmark, a marked span of its own region). `None` when
/// the marks do not place the point or measure no span (then the question is asked on the
/// figure).
pub fn score_on_photo(
    atlas: &Atlas,
    figure: &PhotoFigure,
    placement: &PhotoPlacement,
    code: &PointCode,
    at: FigurePos,
) -> Option<LocateResult> {
    let point = atlas.point(code)?;
    let site = placement
        .placed
        .iter()
        .filter(|p| &p.code == code)
        .min_by(|a, b| a.site.at.distance(at).total_cmp(&b.site.at.distance(at)))?;
    // The point's own span; for a point at a landmark, a span of its region (as on the
    // figures).
    let span = figure.measuring_span(atlas, point, site.site.at, site.site.side)?;
    if span.unit <= 1e-3 {
        return None;
    }
    let mut result = LocateResult::graded(site.site.at, at, span.unit, span.name);
    result.span_near = span.own;
    Some(result)
}

/// Whether a locate question on `code` can be asked on the photo: the marks place it and
/// measure it.
pub fn askable_on_photo(
    atlas: &Atlas,
    figure: &PhotoFigure,
    placement: &PhotoPlacement,
    code: &PointCode,
) -> bool {
    placement
        .placed
        .iter()
        .find(|p| &p.code == code)
        .and_then(|p| score_on_photo(atlas, figure, placement, code, p.site.at))
        .is_some()
}
