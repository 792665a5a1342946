//! "Click the landmark" questions: the bone a point is found from, asked by its name ("Click
//! the L4 spinous process") and scored on the bone as drawn (a click anywhere on it counts), or,
//! where the landmark is one spot on a larger bone, asked and scored on that spot ("Click the
//! anterior superior iliac spine (ASIS)").

use super::question_kind::{LandmarkTarget, Question, QuestionKind, Topic};
use super::score::LocateResult;
use crate::model::{Atlas, Figure, FigureId, FigurePos, LandmarkId, Point, PointCode};
use crate::placement::runs::landmark_of;
use crate::placement::{cun_length, ruler_for};

/// A span whose line passes farther than this (in its own cun) from the landmark is not the
/// landmark's own: the distance is still in the figure's cun, but the words say so.
const NEAR_SPAN_CUN: f32 = 2.0;

/// A question asking for the landmark `point` is found from, on a figure that shows the point
/// and draws a bone the landmark lies on (`preferred` first). `None` when no figure does.
pub fn landmark_question(
    atlas: &Atlas,
    point: &Point,
    preferred: Option<&FigureId>,
) -> Option<Question> {
    let shown = atlas.sites(&point.code).iter().map(|s| &s.figure);
    preferred.into_iter().chain(shown).find_map(|figure_id| {
        let figure = atlas.figure(figure_id)?;
        atlas.sites_on(&point.code, figure_id).next()?;
        let landmark = landmark_of(&point.placement, figure)?;
        // Only where a click can be measured in cun.
        let place = figure.landmark(&landmark)?.at;
        if ruler_for(point, figure).is_none() {
            landmark_span(figure, place, &[])?;
        }
        let structure = atlas
            .structures_marking(&landmark)
            .find(|s| atlas.structure_on(&s.id, figure_id))?;
        let spot = structure.spot(&landmark).map(|s| s.name.to_string());
        let name = spot.clone().unwrap_or_else(|| lower_first(&structure.name));
        Some(Question {
            code: point.code.clone(),
            prompt: format!(
                "Click the {name}: the landmark {} ({}) is found from.",
                point.code, point.pinyin
            ),
            about: Topic::Landmark,
            kind: QuestionKind::Landmark {
                figure: figure_id.clone(),
                landmark: landmark.clone(),
                target: LandmarkTarget {
                    structure: structure.id.clone(),
                    name,
                    spot: spot.is_some(),
                },
            },
        })
    })
}

/// A name as it reads inside a sentence: "Posterior superior iliac spine" becomes "posterior
/// superior iliac spine", while "L4 spinous process" keeps its capital.
fn lower_first(name: &str) -> String {
    let mut chars = name.chars();
    match (chars.next(), chars.next()) {
        (Some(first), Some(second)) if second.is_lowercase() => {
            first.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_owned(),
    }
}

/// Scores a click at `at` on `figure` as an answer for the landmark `landmark` on `target`:
/// the distance in cun to the nearest part of what was asked (zero inside a drawn outline of
/// the bone; to its lines; to the landmark on either side; a spot alone for a spot question),
/// measured on the span the point `code` is measured from the landmark on, else the figure's
/// span nearest to the landmark. `None` when the figure lacks the landmark or any span.
pub fn score_landmark(
    atlas: &Atlas,
    code: &PointCode,
    figure: &FigureId,
    landmark: &LandmarkId,
    target: &LandmarkTarget,
    at: FigurePos,
) -> Option<LocateResult> {
    let fig = atlas.figure(figure)?;
    let place = fig.landmark(landmark)?.at;
    let ruler = atlas.point(code).and_then(|p| ruler_for(p, fig));
    let (unit, span_name, span_near) = match ruler {
        Some(r) if r.cun > 0.0 && r.from.distance(r.to) > 0.0 => {
            (r.from.distance(r.to) / r.cun, r.name, true)
        }
        _ => {
            let region = atlas
                .point(code)
                .map(|p| crate::placement::region_spans(atlas, p))
                .unwrap_or_default();
            landmark_span(fig, place, &region)?
        }
    };
    let mut nearest = nearer(place, fig.mirror(place), at);
    if !target.spot {
        for path in atlas.structure_paths(&target.structure, figure) {
            let on_path = nearest_on_path(&path.points, path.closed, at);
            if let Some(on_path) = on_path {
                nearest = nearer(nearest, on_path, at);
            }
        }
    }
    let mut result = LocateResult::graded(nearest, at, unit, span_name);
    result.answer = nearer(place, fig.mirror(place), at);
    result.span_near = span_near;
    Some(result)
}

fn nearer(a: FigurePos, b: FigurePos, to: FigurePos) -> FigurePos {
    if b.distance(to) < a.distance(to) {
        b
    } else {
        a
    }
}

/// The figure's span for distances around a landmark: one that starts or ends there, else the
/// one whose line passes nearest; among the spans of the point's body region (`region`) when
/// the figure measures any, so a sacral landmark is not measured on the thigh. Gives figure
/// units per cun, the span's name, and whether it is near enough to call the landmark's own.
fn landmark_span(
    fig: &Figure,
    place: FigurePos,
    region: &[&crate::model::SpanId],
) -> Option<(f32, String, bool)> {
    let measured = |s: &&crate::model::Span| cun_length(fig, s).is_some();
    let of_region = fig
        .spans
        .iter()
        .filter(measured)
        .any(|s| region.contains(&&s.id));
    fig.spans
        .iter()
        .filter(|s| !of_region || region.contains(&&s.id))
        .filter_map(|s| {
            let a = fig.landmark(&s.from)?.at;
            let b = fig.landmark(&s.to)?.at;
            let unit = cun_length(fig, s)?;
            let off_cun = distance_to_segment(place, a, b) / unit;
            Some((off_cun, unit, s.name.to_string()))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(off, unit, name)| (unit, name, off <= NEAR_SPAN_CUN))
}

/// The nearest position to `at` on a drawn path: `at` itself when it lies inside a closed one.
fn nearest_on_path(points: &[FigurePos], closed: bool, at: FigurePos) -> Option<FigurePos> {
    if closed && inside(points, at) {
        return Some(at);
    }
    let first = *points.first()?;
    let closing = closed.then_some(first);
    points
        .windows(2)
        .filter_map(|w| Some((*w.first()?, *w.get(1)?)))
        .chain(points.last().copied().zip(closing))
        .map(|(a, b)| nearest_on_segment(at, a, b))
        .min_by(|a, b| a.distance(at).total_cmp(&b.distance(at)))
        .or(Some(first))
}

fn nearest_on_segment(p: FigurePos, a: FigurePos, b: FigurePos) -> FigurePos {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= f32::EPSILON {
        return a;
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    a.lerp(b, t)
}

fn distance_to_segment(p: FigurePos, a: FigurePos, b: FigurePos) -> f32 {
    nearest_on_segment(p, a, b).distance(p)
}

/// Whether `at` lies inside the closed polygon `points` (even-odd rule).
fn inside(points: &[FigurePos], at: FigurePos) -> bool {
    let mut inside = false;
    let n = points.len();
    for i in 0..n {
        let (Some(a), Some(b)) = (points.get(i), points.get((i + n - 1) % n)) else {
            continue;
        };
        if (a.y > at.y) != (b.y > at.y) && at.x < (b.x - a.x) * (at.y - a.y) / (b.y - a.y) + a.x {
            inside = !inside;
        }
    }
    inside
}

#[cfg(test)]
mod tests;
