//! Scoring a locate answer: the distance from the click to the point, in cun measured on the
//! span the point is located by.

use super::schedule::Grade;
use crate::model::{Atlas, FigureId, FigurePos, PointCode};
use crate::placement::{MeasuringSpan, measuring_span};

/// Within this many cun counts as right; within `CLOSE_CUN` as close.
pub const RIGHT_CUN: f32 = 0.5;
pub const CLOSE_CUN: f32 = 1.5;

#[derive(Clone, Debug, PartialEq)]
pub struct LocateResult {
    pub error_cun: f32,
    pub grade: Grade,
    /// The nearest site of the point to the click.
    pub answer: FigurePos,
    /// The span the distance was measured on.
    pub span_name: String,
    /// Where the click was.
    pub clicked: FigurePos,
    /// Whether the span lies by the spot asked for (false: the body part has no span of its
    /// own and the figure's nearest one gives the cun).
    pub span_near: bool,
}

/// Figure units in one cun for a point on a figure, and the span's name: the point's own
/// span, or for a point placed at a landmark a span of its own body region near `near` (the
/// point's site), as [`measuring_span`] chooses.
pub fn cun_unit(
    atlas: &Atlas,
    code: &PointCode,
    figure: &FigureId,
    near: FigurePos,
) -> Option<(f32, String)> {
    measuring(atlas, code, figure, near).map(|m| (m.unit, m.name))
}

fn measuring(
    atlas: &Atlas,
    code: &PointCode,
    figure: &FigureId,
    near: FigurePos,
) -> Option<MeasuringSpan> {
    measuring_span(atlas, atlas.point(code)?, atlas.figure(figure)?, near)
}

/// Scores a click at `at` on `figure` as an answer for `code`. `None` if the point is not on the
/// figure or the figure has no span to measure with.
pub fn score_locate(
    atlas: &Atlas,
    code: &PointCode,
    figure: &FigureId,
    at: FigurePos,
) -> Option<LocateResult> {
    let answer = atlas
        .sites_on(code, figure)
        .map(|s| s.at)
        .min_by(|a, b| a.distance(at).total_cmp(&b.distance(at)))?;
    let span = measuring(atlas, code, figure, answer)?;
    let mut result = LocateResult::graded(answer, at, span.unit, span.name);
    result.span_near = span.own;
    Some(result)
}

impl LocateResult {
    /// A click at `clicked` for the spot `answer`, its distance measured in cun (`unit` figure
    /// units to the cun, on the span named `span_name`) and graded.
    pub fn graded(answer: FigurePos, clicked: FigurePos, unit: f32, span_name: String) -> Self {
        let error_cun = answer.distance(clicked) / unit;
        let grade = if error_cun <= RIGHT_CUN {
            Grade::Right
        } else if error_cun <= CLOSE_CUN {
            Grade::Close
        } else {
            Grade::Wrong
        };
        Self {
            error_cun,
            grade,
            answer,
            span_name,
            clicked,
            span_near: true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;
    use crate::placement::cun_length;

    #[test]
    fn a_click_two_cun_below_bl57_scores_two_cun_on_the_leg_span() {
        let atlas = load_builtin().unwrap();
        let figure = FigureId::new("posterior");
        let fig = atlas.figure(&figure).unwrap();
        let span = fig
            .spans
            .iter()
            .find(|s| s.id.as_str() == "popliteal_to_ankle_back")
            .unwrap();
        let unit = cun_length(fig, span).unwrap();
        let code = PointCode::new("BL57");
        let site = atlas.sites_on(&code, &figure).next().unwrap().at;
        let click = FigurePos::new(site.x, site.y + 2.0 * unit);
        let r = score_locate(&atlas, &code, &figure, click).unwrap();
        assert!((r.error_cun - 2.0).abs() < 1e-3, "{}", r.error_cun);
        assert_eq!(r.grade, Grade::Wrong);
        let near = FigurePos::new(site.x + 0.3 * unit, site.y);
        let r = score_locate(&atlas, &code, &figure, near).unwrap();
        assert_eq!(r.grade, Grade::Right);
    }

    #[test]
    fn the_nearest_side_counts_for_a_bilateral_point() {
        let atlas = load_builtin().unwrap();
        let figure = FigureId::new("posterior");
        let code = PointCode::new("BL23");
        let sites: Vec<_> = atlas.sites_on(&code, &figure).map(|s| s.at).collect();
        for site in sites {
            let r = score_locate(&atlas, &code, &figure, site).unwrap();
            assert!(r.error_cun < 1e-4);
        }
    }
}
