//! Locate questions on a patient's marked photo: a click scored in the patient's own cun, the
//! span the point is measured on as the photo's marks place it, with the same tolerance as on
//! the drawn figures. No egui.

use super::score::LocateResult;
use crate::model::{Atlas, FigurePos, PointCode};
use crate::placement::{PhotoFigure, PhotoPlacement};

/// Scores a click at `at` (the photo's pixels) as an answer for `code`: the distance to the
/// nearest site the marks place, in the cun of that site's ruler on the photo (or the nearest
/// marked span's). `None` when the marks do not place the point or measure no span (then the
/// question is asked on the figure).
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
    // The point's own span; for a point at a landmark, the nearest marked span (as on the
    // figures).
    let (unit, name) = match figure.ruler(point, site.site.side) {
        Some(r) => (r.from.distance(r.to) / r.cun.max(1e-6), r.name),
        None => figure.cun_near(site.site.at, site.site.side)?,
    };
    if unit <= 1e-3 {
        return None;
    }
    Some(LocateResult::graded(site.site.at, at, unit, name))
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
