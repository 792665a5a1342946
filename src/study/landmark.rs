//! "Click the landmark" questions: the bony landmark a point is found from, named by the
//! structure it lies on ("Click the L4 spinous process"), scored in cun like a locate question.

use super::question_kind::{Question, QuestionKind};
use super::score::LocateResult;
use crate::model::{Atlas, FigureId, FigurePos, LandmarkId, Point};
use crate::placement::cun_length;
use crate::placement::runs::landmark_of;

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
        let structure = atlas
            .structures_marking(&landmark)
            .find(|s| atlas.structure_on(&s.id, figure_id))?;
        Some(Question {
            code: point.code.clone(),
            prompt: format!(
                "Click the {}: the landmark {} ({}) is found from.",
                lower_first(&structure.name),
                point.code,
                point.pinyin
            ),
            kind: QuestionKind::Landmark {
                figure: figure_id.clone(),
                landmark,
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

/// Scores a click at `at` on `figure` as an answer for `landmark`: the distance to the nearer
/// side's landmark in cun, measured on the figure's span nearest to it. `None` when the figure
/// lacks the landmark or any span to measure with.
pub fn score_landmark(
    atlas: &Atlas,
    figure: &FigureId,
    landmark: &LandmarkId,
    at: FigurePos,
) -> Option<LocateResult> {
    let fig = atlas.figure(figure)?;
    let place = fig.landmark(landmark)?.at;
    let answer = [place, fig.mirror(place)]
        .into_iter()
        .min_by(|a, b| a.distance(at).total_cmp(&b.distance(at)))?;
    let (unit, span_name) = fig
        .spans
        .iter()
        .filter_map(|s| {
            let a = fig.landmark(&s.from)?.at;
            let b = fig.landmark(&s.to)?.at;
            let near = a
                .distance(place)
                .min(b.distance(place))
                .min(a.lerp(b, 0.5).distance(place));
            Some((near, cun_length(fig, s)?, s.name.to_string()))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, unit, name)| (unit, name))?;
    Some(LocateResult::graded(answer, at, unit, span_name))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::PointCode;
    use crate::study::schedule::Grade;
    use crate::study::score::RIGHT_CUN;

    #[test]
    fn bl25_asks_for_the_l4_spinous_process_on_the_back() {
        let atlas = load_builtin().unwrap();
        let point = atlas.point(&PointCode::new("BL25")).unwrap();
        let q = landmark_question(&atlas, point, None).unwrap();
        assert!(
            q.prompt.starts_with("Click the L4 spinous process"),
            "{}",
            q.prompt
        );
        let QuestionKind::Landmark { figure, landmark } = q.kind else {
            panic!("{q:?}")
        };
        assert_eq!(figure.as_str(), "posterior");
        assert_eq!(landmark.as_str(), "l4_spinous_lower");
    }

    #[test]
    fn a_click_on_the_landmark_is_right_and_one_a_level_off_is_not() {
        let atlas = load_builtin().unwrap();
        let figure = FigureId::new("posterior");
        let fig = atlas.figure(&figure).unwrap();
        let l4 = LandmarkId::new("l4_spinous_lower");
        let at = fig.landmark(&l4).unwrap().at;
        let r = score_landmark(&atlas, &figure, &l4, at).unwrap();
        assert_eq!(r.grade, Grade::Right);
        assert!(r.error_cun < 1e-4);
        let l2 = fig
            .landmark(&LandmarkId::new("l2_spinous_lower"))
            .unwrap()
            .at;
        let r = score_landmark(&atlas, &figure, &l4, l2).unwrap();
        assert!(r.error_cun > RIGHT_CUN, "{}", r.error_cun);
        assert_ne!(r.grade, Grade::Right);
    }

    #[test]
    fn either_side_counts_for_a_paired_landmark() {
        let atlas = load_builtin().unwrap();
        let figure = FigureId::new("posterior");
        let fig = atlas.figure(&figure).unwrap();
        let psis = LandmarkId::new("psis");
        let right = fig.mirror(fig.landmark(&psis).unwrap().at);
        let r = score_landmark(&atlas, &figure, &psis, right).unwrap();
        assert_eq!(r.grade, Grade::Right);
    }

    #[test]
    fn names_read_inside_a_sentence() {
        assert_eq!(
            lower_first("Posterior superior iliac spine"),
            "posterior superior iliac spine"
        );
        assert_eq!(lower_first("L4 spinous process"), "L4 spinous process");
    }
}
