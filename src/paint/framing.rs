//! Framing: the pan and zoom that show a point with a few cun of body around it, and those
//! that show everything a lesson step names. The window's canvas frames a step the same way
//! its exported slide is framed, so the slide is what the room saw.

use super::dots::{EMPHASIS, dot_radius};
use super::projector::{self, PanZoom, Projector};
use super::ruler::ruler_places;
use crate::model::{Atlas, ConditionId, Figure, FigurePos, PointCode};
use crate::placement::ruler_for;
use crate::scene::Scene;
use egui::{Rect, Vec2};

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

/// The least shown around a lesson step's points when it rings none, as a share of the
/// figure's height on each side (at scale 1; less as the scale rises).
pub const STEP_CONTEXT_SHARE: f32 = 0.1;
/// Dot centres of a step's points are kept this many (enlarged) dot radii apart, when the
/// frame can hold them all that far apart.
const DOT_SPACING: f32 = 2.6;
/// Room kept around a step's outermost points for their labels, in points at scale 1.
const LABEL_ROOM: f32 = 40.0;

/// The pan and zoom that show what a lesson step names in `rect`: every site of its points,
/// its ringed point's ruler whole, and the structures its words use, with room for their
/// labels. As the scene's scale grows the camera zooms in, so enlarged dots keep apart, as
/// far as everything named still fits. The window's Present mode and `lesson export` both
/// frame a step with this. The whole figure when the step names nothing on it.
pub fn frame_scene(atlas: &Atlas, scene: &Scene, figure: &Figure, rect: Rect) -> PanZoom {
    let whole = PanZoom::default();
    let dots = step_sites(atlas, scene, figure);
    let mut shown = dots.clone();
    if scene.ruler
        && let Some(point) = scene.selected.as_ref().and_then(|c| atlas.point(c))
    {
        shown.extend(ruler_places(point, figure));
    }
    for id in &scene.layers.named {
        for path in atlas.structure_paths(id, &figure.id) {
            shown.extend(path.points.iter().copied());
        }
    }
    let Some(bounds) = figure_bounds(&shown) else {
        return whole;
    };
    if figure.is_close_up() || rect.width() < 1.0 || rect.height() < 1.0 {
        return whole;
    }
    let scale = scene.scale.max(1.0);
    let fitted = Projector::fit(rect, figure, whole).scale();
    // The body around the named places that a room needs to recognise the part, less of it
    // as the dots grow.
    let context = match &scene.selected {
        Some(code) => {
            let radius = frame_radius(atlas, code, figure);
            if radius >= figure.size.1 * FRAME_WHOLE_SHARE {
                return whole;
            }
            radius
        }
        None => figure.size.1 * STEP_CONTEXT_SHARE,
    } / scale.sqrt();
    let half = bounds.size() / 2.0;
    let per_unit_context = (rect.width() / (2.0 * half.x.max(context)))
        .min(rect.height() / (2.0 * half.y.max(context)));
    // Everything named, with room for labels beyond the outermost ones.
    let room = (LABEL_ROOM * scale).min(rect.size().min_elem() * 0.12);
    let per_unit_fit = ((rect.width() - 2.0 * room) / (2.0 * half.x).max(1e-6))
        .min((rect.height() - 2.0 * room) / (2.0 * half.y).max(1e-6))
        .max(fitted);
    let guess = per_unit_context.min(per_unit_fit) / fitted;
    let radius = dot_radius(rect, guess, scale) * EMPHASIS;
    let per_unit_apart = nearest_apart(&dots).map_or(0.0, |d| DOT_SPACING * 2.0 * radius / d);
    let per_unit = per_unit_context.max(per_unit_apart).min(per_unit_fit);
    let zoom = per_unit / fitted;
    if zoom <= 1.05 {
        return whole;
    }
    let mut view = whole;
    let centre = bounds.center();
    projector::frame_at_zoom(
        &mut view,
        rect,
        figure,
        FigurePos::new(centre.x, centre.y),
        zoom,
        Vec2::ZERO,
    );
    view
}

/// Every site on `figure` of the points a scene emphasises or rings.
pub fn step_sites(atlas: &Atlas, scene: &Scene, figure: &Figure) -> Vec<FigurePos> {
    scene
        .highlighted
        .iter()
        .chain(&scene.selected)
        .flat_map(|code| atlas.sites_for(code, &figure.id, scene.condition.as_ref()))
        .map(|site| site.at)
        .collect()
}

/// The smallest rectangle (in figure units) holding every place, if there is one.
fn figure_bounds(places: &[FigurePos]) -> Option<Rect> {
    let mut it = places.iter().filter(|p| p.x.is_finite() && p.y.is_finite());
    let first = it.next()?;
    let start = Rect::from_min_max(egui::pos2(first.x, first.y), egui::pos2(first.x, first.y));
    Some(it.fold(start, |r, p| {
        r.union(Rect::from_min_max(
            egui::pos2(p.x, p.y),
            egui::pos2(p.x, p.y),
        ))
    }))
}

/// The least distance between two different places (figure units), if two differ.
fn nearest_apart(places: &[FigurePos]) -> Option<f32> {
    let mut best: Option<f32> = None;
    for (i, a) in places.iter().enumerate() {
        for b in places.iter().skip(i + 1) {
            let d = a.distance(*b);
            if d > 1e-6 && best.is_none_or(|m| d < m) {
                best = Some(d);
            }
        }
    }
    best
}
