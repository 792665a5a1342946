//! Framing a point selected in Explore (by a click, the list, search or the arrow keys): zoom
//! until it and its nearest shown neighbours lie far enough apart on screen for their dots and
//! labels to read apart, centred on it; a view that already shows it so is left alone.
//! Present's and Patient's framing (a fixed few cun around the point) is in `framing`.

use super::point_labels::LABEL_SIZE;
use super::projector::{self, PanZoom, Projector};
use crate::model::{Atlas, ConditionId, Figure, FigurePos, PointCode};
use crate::placement::{cun_length, ruler_for};
use egui::{Rect, Vec2};

/// The least distance on screen between the selected dot and its nearest neighbour, in label
/// heights: room for both dots and a label between or above them.
pub const APART_LABELS: f32 = 2.6;
/// The least body shown on each side of the point, in cun, however close its neighbours: the
/// part of the body around it must stay recognisable.
pub const LEAST_RADIUS_CUN: f32 = 3.0;

/// What a selection is framed among: the points the canvas shows, and the condition whose
/// levels place them.
pub struct Shown<'a> {
    pub points: &'a [PointCode],
    pub condition: Option<&'a ConditionId>,
    /// The scene's text scale (labels grow with it, so dots must lie further apart).
    pub scale: f32,
}

/// The pan and zoom that show `code` apart from its neighbours in `rect`, starting from
/// `current`: unchanged when it is already in view at enough zoom, panned when only out of
/// view, else zoomed in and centred on it.
pub fn frame_apart(
    atlas: &Atlas,
    shown: &Shown<'_>,
    code: &PointCode,
    figure: &Figure,
    rect: Rect,
    current: PanZoom,
) -> PanZoom {
    let Some(at) = atlas.sites_on(code, &figure.id).next().map(|s| s.at) else {
        return current;
    };
    let zoom = zoom_apart(atlas, shown, code, figure, rect, at);
    let mut view = current;
    if current.zoom >= zoom * 0.98 {
        projector::reveal(&mut view, rect, figure, at);
    } else if zoom <= 1.0 {
        view = PanZoom::default();
    } else {
        projector::frame_at_zoom(&mut view, rect, figure, at, zoom, Vec2::ZERO);
    }
    view
}

/// The zoom at which the point at `at` lies [`APART_LABELS`] label heights from its nearest
/// shown neighbour, at most the zoom that still shows [`LEAST_RADIUS_CUN`] around it, and
/// never less than the whole figure.
pub fn zoom_apart(
    atlas: &Atlas,
    shown: &Shown<'_>,
    code: &PointCode,
    figure: &Figure,
    rect: Rect,
    at: FigurePos,
) -> f32 {
    let nearest = nearest_neighbour(atlas, shown, code, figure, at);
    let fitted = Projector::fit(rect, figure, PanZoom::default()).scale();
    if !(nearest.is_finite() && nearest > 0.0 && fitted > 0.0) {
        return 1.0;
    }
    let want = APART_LABELS * LABEL_SIZE * shown.scale.max(1.0);
    let apart = want / (nearest * fitted);
    let most = cun_unit(atlas, code, figure, at).map_or(projector::MAX_ZOOM, |per_cun| {
        rect.size().min_elem() / (2.0 * LEAST_RADIUS_CUN * per_cun * fitted)
    });
    apart.min(most).clamp(1.0, projector::MAX_ZOOM)
}

/// Figure units in one cun near a point: on the span it is measured on, else on the figure's
/// span whose middle is nearest (as a locate question measures).
fn cun_unit(atlas: &Atlas, code: &PointCode, figure: &Figure, at: FigurePos) -> Option<f32> {
    if let Some(r) = atlas.point(code).and_then(|p| ruler_for(p, figure)) {
        return (r.cun > 0.0).then(|| r.from.distance(r.to) / r.cun);
    }
    figure
        .spans
        .iter()
        .filter_map(|s| {
            let mid = figure
                .landmark(&s.from)?
                .at
                .lerp(figure.landmark(&s.to)?.at, 0.5);
            Some((mid.distance(at), cun_length(figure, s)?))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, unit)| unit)
}

/// The figure distance from `at` to the nearest site of another shown point.
fn nearest_neighbour(
    atlas: &Atlas,
    shown: &Shown<'_>,
    code: &PointCode,
    figure: &Figure,
    at: FigurePos,
) -> f32 {
    shown
        .points
        .iter()
        .filter(|c| *c != code)
        .flat_map(|c| atlas.sites_for(c, &figure.id, shown.condition))
        .map(|s| s.at.distance(at))
        .fold(f32::INFINITY, f32::min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;
    use crate::model::FigureId;

    #[test]
    fn a_lumbar_point_is_zoomed_until_its_neighbours_read_apart() {
        let atlas = load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("posterior")).unwrap();
        let points: Vec<PointCode> = atlas.points().iter().map(|p| p.code.clone()).collect();
        let shown = Shown {
            points: &points,
            condition: None,
            scale: 1.0,
        };
        let bl23 = PointCode::new("BL23");
        let rect = Rect::from_min_size(egui::pos2(0.0, 0.0), egui::vec2(700.0, 700.0));
        let view = frame_apart(&atlas, &shown, &bl23, figure, rect, PanZoom::default());
        assert!(view.zoom > 1.5, "zoom {}", view.zoom);
        let proj = Projector::fit(rect, figure, view);
        let at = atlas.sites_on(&bl23, &figure.id).next().unwrap().at;
        let screen = proj.screen_from_figure(at);
        assert!(rect.shrink(100.0).contains(screen), "{screen:?}");
        let nearest = nearest_neighbour(&atlas, &shown, &bl23, figure, at);
        let cun = cun_unit(&atlas, &bl23, figure, at).unwrap();
        let on_screen = nearest * proj.scale();
        let room = rect.size().min_elem() / (2.0 * LEAST_RADIUS_CUN * cun * proj.scale());
        assert!(
            on_screen >= APART_LABELS * LABEL_SIZE - 0.5 || room <= 1.01,
            "{on_screen} points apart"
        );
        let again = frame_apart(&atlas, &shown, &bl23, figure, rect, view);
        assert_eq!(again, view, "a view that already frames it is kept");
    }
}
