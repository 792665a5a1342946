//! What the steps of locating a point light on a figure, worked out once for the canvas and
//! for the tests that hold each step to its words: the landmarks of "1. Landmark" (on both
//! sides of a bilateral point, both ends of a line) and the line of "2. Measure" (the cun
//! ruler, or the line between two landmarks in the parts its fraction counts, such as GB30's
//! thirds). No egui.

use super::{effective_rule, ruler, ruler_for};
use crate::model::{Atlas, Figure, FigurePos, LandmarkId, Laterality, PlacementRule, Point};

/// A line to measure along: a cun ruler with a tick at every cun, or a line between two
/// landmarks with a mark at every part (thirds for a fraction of one third).
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureLine {
    pub from: FigurePos,
    pub to: FigurePos,
    /// Ticks along the line, both ends included where they fall on a whole count.
    pub marks: Vec<FigurePos>,
}

/// A landmark the Landmark step lights, at one of its places on the figure.
#[derive(Clone, Debug, PartialEq)]
pub struct LandmarkSpot {
    pub landmark: LandmarkId,
    pub at: FigurePos,
}

/// How close to the midline a position counts as on it, in figure units.
const ON_MIDLINE: f32 = 1e-3;

/// The lines of the Measure step of `point` on `figure`: one, and its mirror image too for a
/// bilateral point on a figure with a midline. Empty when the point's rule measures nothing.
pub fn measure_lines(point: &Point, figure: &Figure) -> Vec<MeasureLine> {
    let line = ruler_for(point, figure)
        .map(|r| MeasureLine {
            from: r.from,
            to: r.to,
            marks: r.ticks,
        })
        .or_else(|| parts_line(point, figure))
        .or_else(|| {
            let span = figure.span(point.location.ruler.as_ref()?)?;
            let r = ruler(figure, span)?;
            Some(MeasureLine {
                from: r.from,
                to: r.to,
                marks: r.ticks,
            })
        });
    let Some(line) = line else {
        return Vec::new();
    };
    let mirrored = mirror_line(&line, figure);
    let mut lines = vec![line];
    if point.laterality == Laterality::Bilateral
        && let Some(m) = mirrored.filter(|m| *m != lines[0])
    {
        lines.push(m);
    }
    lines
}

/// The spots of the Landmark step: the landmark the rule starts from, and the other end of a
/// `Between` rule; each also mirrored for a bilateral point (once for a spot on the midline).
pub fn landmark_spots(point: &Point, figure: &Figure) -> Vec<LandmarkSpot> {
    let rule = point
        .placement
        .iter()
        .find_map(|r| effective_rule(r, figure));
    let ids: Vec<&LandmarkId> = match rule {
        Some(PlacementRule::At(id) | PlacementRule::Offset { from: id, .. }) => vec![id],
        Some(PlacementRule::Between { from, to, .. }) => vec![from, to],
        Some(PlacementRule::OneOf(_)) | None => Vec::new(),
    };
    let mut spots = Vec::new();
    for id in ids {
        let Some(l) = figure.landmark(id) else {
            continue;
        };
        spots.push(LandmarkSpot {
            landmark: id.clone(),
            at: l.at,
        });
        let other = figure.mirror(l.at);
        if point.laterality == Laterality::Bilateral && other.distance(l.at) > ON_MIDLINE {
            spots.push(LandmarkSpot {
                landmark: id.clone(),
                at: other,
            });
        }
    }
    spots
}

/// Every position the Landmark step lights: its spots and the outlines of the structures that
/// mark its landmarks (bones, muscles, with their mirror images where the atlas draws them).
pub fn landmark_lit(atlas: &Atlas, point: &Point, figure: &Figure) -> Vec<FigurePos> {
    let spots = landmark_spots(point, figure);
    let mut lit: Vec<FigurePos> = spots.iter().map(|s| s.at).collect();
    for spot in &spots {
        for s in atlas.structures_marking(&spot.landmark) {
            for path in atlas.structure_paths(&s.id, &figure.id) {
                lit.extend(path.points.iter().copied());
            }
        }
    }
    lit
}

/// The line joining a `Between` rule's landmarks, marked in the parts its fraction counts
/// (thirds for 1/3, halves for 1/2), where the figure has no cun span between them.
fn parts_line(point: &Point, figure: &Figure) -> Option<MeasureLine> {
    let rule = point
        .placement
        .iter()
        .find_map(|r| effective_rule(r, figure))?;
    let PlacementRule::Between { from, to, fraction } = rule else {
        return None;
    };
    let a = figure.landmark(from)?.at;
    let b = figure.landmark(to)?.at;
    let parts = (2..=12_u8).find(|n| {
        let counted = fraction * f32::from(*n);
        (counted - counted.round()).abs() < 0.02
    });
    let marks = match parts {
        Some(n) => (0..=n)
            .map(|k| a.lerp(b, f32::from(k) / f32::from(n)))
            .collect(),
        None => vec![a, a.lerp(b, *fraction), b],
    };
    Some(MeasureLine {
        from: a,
        to: b,
        marks,
    })
}

/// The mirror image of a line about the figure's midline, if it has one.
fn mirror_line(line: &MeasureLine, figure: &Figure) -> Option<MeasureLine> {
    figure.midline_x?;
    Some(MeasureLine {
        from: figure.mirror(line.from),
        to: figure.mirror(line.to),
        marks: line.marks.iter().map(|p| figure.mirror(*p)).collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;
    use crate::model::{FigureId, PointCode};

    #[test]
    fn gb30_measures_the_trochanter_to_hiatus_line_in_thirds_on_both_sides() {
        let atlas = load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("posterior")).unwrap();
        let gb30 = atlas.point(&PointCode::new("GB30")).unwrap();
        let lines = measure_lines(gb30, figure);
        assert_eq!(lines.len(), 2);
        assert_eq!(
            lines[0].marks.len(),
            4,
            "both ends and the two thirds between"
        );
        let spots = landmark_spots(gb30, figure);
        let names: Vec<&str> = spots.iter().map(|s| s.landmark.as_str()).collect();
        assert_eq!(
            names,
            ["greater_trochanter", "greater_trochanter", "sacral_hiatus"],
            "the trochanter on both sides, the hiatus once on the midline"
        );
    }
}
