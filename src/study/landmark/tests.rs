//! Landmark questions over the whole built-in atlas: each is right on the landmark itself and
//! wrong a cun away, and the bones the review clicked on count.
#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::load::load_builtin;
use crate::model::{PointCode, StructureId};
use crate::study::schedule::Grade;

/// Every landmark question the atlas can ask: one per point and figure that shows it.
fn every_question(atlas: &Atlas) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    for point in atlas.points() {
        for site in atlas.sites(&point.code) {
            if let Some(q) = landmark_question(atlas, point, Some(&site.figure))
                && !out.contains(&q)
            {
                out.push(q);
            }
        }
    }
    out
}

fn parts(q: &Question) -> (&FigureId, &LandmarkId, &LandmarkTarget) {
    let QuestionKind::Landmark {
        figure,
        landmark,
        target,
    } = &q.kind
    else {
        panic!("{q:?}")
    };
    (figure, landmark, target)
}

#[test]
fn every_landmark_question_is_right_on_its_landmark_and_wrong_a_cun_away() {
    let atlas = load_builtin().unwrap();
    let questions = every_question(&atlas);
    assert!(questions.len() > 40, "{}", questions.len());
    for q in &questions {
        let (figure, landmark, target) = parts(q);
        let fig = atlas.figure(figure).unwrap();
        let place = fig.landmark(landmark).unwrap().at;
        let r = score_landmark(&atlas, &q.code, figure, landmark, target, place).unwrap();
        assert_eq!(r.grade, Grade::Right, "{}: {r:?}", q.prompt);
        // Figure units per cun, as the scoring measures them.
        let probe = FigurePos::new(place.x, place.y + 0.01);
        let off = score_landmark(&atlas, &q.code, figure, landmark, target, probe).unwrap();
        let unit = if target.spot && off.error_cun > 0.0 {
            0.01 / off.error_cun
        } else {
            let atlas_point = atlas.point(&q.code).unwrap();
            if let Some(r) = crate::placement::ruler_for(atlas_point, fig) {
                r.from.distance(r.to) / r.cun
            } else {
                let region = crate::placement::region_spans(&atlas, atlas_point);
                landmark_span(fig, place, &region).unwrap().0
            }
        };
        let mut wrong_somewhere = false;
        for i in 0..16 {
            let angle = i as f32 * std::f32::consts::TAU / 16.0;
            let (dx, dy) = (angle.cos() * unit, angle.sin() * unit);
            // Walk out until the click is a cun from everything that counts.
            for step in 10..80 {
                let t = step as f32 / 10.0;
                let at = FigurePos::new(place.x + dx * t, place.y + dy * t);
                let r = score_landmark(&atlas, &q.code, figure, landmark, target, at).unwrap();
                if r.error_cun >= 1.0 {
                    assert_ne!(r.grade, Grade::Right, "{}: {r:?}", q.prompt);
                    wrong_somewhere = true;
                    if target.spot {
                        assert!(t < 1.15 || fig.mirror(place).distance(at) < unit * 1.5);
                    }
                    break;
                }
            }
        }
        assert!(wrong_somewhere, "{}: nothing a cun away is wrong", q.prompt);
    }
}

#[test]
fn spots_are_asked_by_name_and_bones_by_theirs() {
    let atlas = load_builtin().unwrap();
    let ask = |code: &str, figure: &str| {
        let p = atlas.point(&PointCode::new(code)).unwrap();
        landmark_question(&atlas, p, Some(&FigureId::new(figure)))
            .unwrap()
            .prompt
    };
    assert!(
        ask("GB29", "anterior").starts_with("Click the anterior superior iliac spine (ASIS):"),
        "{}",
        ask("GB29", "anterior")
    );
    assert!(ask("GB41", "foot_lateral").starts_with("Click the junction of the bases"));
    assert!(ask("BL65", "foot_lateral").starts_with("Click the head of the fifth metatarsal"));
    assert!(ask("BL25", "posterior").starts_with("Click the L4 spinous process:"));
    assert!(ask("LI4", "hand_dorsum").starts_with("Click the second metacarpal:"));
}

/// The middle of a structure's first drawn path on a figure.
fn middle_of(atlas: &Atlas, structure: &str, figure: &FigureId) -> FigurePos {
    let path = atlas
        .structure_paths(&StructureId::new(structure), figure)
        .next()
        .unwrap();
    path.points[path.points.len() / 2]
}

#[test]
fn a_click_on_the_middle_of_the_named_bone_is_right() {
    let atlas = load_builtin().unwrap();
    for (code, figure, structure) in [
        ("LI4", "hand_dorsum", "metacarpal_2"),
        ("SI10", "posterior", "scapular_spine"),
        ("GB30", "posterior", "greater_trochanter"),
    ] {
        let p = atlas.point(&PointCode::new(code)).unwrap();
        let figure = FigureId::new(figure);
        let q = landmark_question(&atlas, p, Some(&figure)).unwrap();
        let (figure, landmark, target) = parts(&q);
        assert!(!target.spot, "{}", q.prompt);
        let at = middle_of(&atlas, structure, figure);
        let r = score_landmark(&atlas, &q.code, figure, landmark, target, at).unwrap();
        assert_eq!(r.grade, Grade::Right, "{}: {r:?}", q.prompt);
        assert!(r.error_cun < 0.01, "on the line is no distance: {r:?}");
    }
}

#[test]
fn the_asis_is_a_spot_so_elsewhere_on_the_crest_is_not_right() {
    let atlas = load_builtin().unwrap();
    let p = atlas.point(&PointCode::new("GB29")).unwrap();
    let figure = FigureId::new("anterior");
    let q = landmark_question(&atlas, p, Some(&figure)).unwrap();
    let (figure, landmark, target) = parts(&q);
    assert!(target.spot);
    let fig = atlas.figure(figure).unwrap();
    let top = fig
        .landmark(&LandmarkId::new("iliac_crest_top"))
        .unwrap()
        .at;
    let r = score_landmark(&atlas, &q.code, figure, landmark, target, top).unwrap();
    assert_ne!(r.grade, Grade::Right, "{r:?}");
}

#[test]
fn a_foot_landmark_says_its_span_is_not_its_own() {
    let atlas = load_builtin().unwrap();
    let p = atlas.point(&PointCode::new("GB41")).unwrap();
    let figure = FigureId::new("foot_lateral");
    let q = landmark_question(&atlas, p, Some(&figure)).unwrap();
    let (figure, landmark, target) = parts(&q);
    let place = atlas.figure(figure).unwrap().landmark(landmark).unwrap().at;
    let r = score_landmark(&atlas, &q.code, figure, landmark, target, place).unwrap();
    assert!(!r.span_near, "{r:?}");
    let p = atlas.point(&PointCode::new("BL25")).unwrap();
    let q = landmark_question(&atlas, p, Some(&FigureId::new("posterior"))).unwrap();
    let (figure, landmark, target) = parts(&q);
    let place = atlas.figure(figure).unwrap().landmark(landmark).unwrap().at;
    let r = score_landmark(&atlas, &q.code, figure, landmark, target, place).unwrap();
    assert!(r.span_near, "{r:?}");
}

#[test]
fn either_side_counts_for_a_paired_landmark() {
    let atlas = load_builtin().unwrap();
    let p = atlas.point(&PointCode::new("GB30")).unwrap();
    let q = landmark_question(&atlas, p, Some(&FigureId::new("posterior"))).unwrap();
    let (figure, landmark, target) = parts(&q);
    let fig = atlas.figure(figure).unwrap();
    let other = fig.mirror(fig.landmark(landmark).unwrap().at);
    let r = score_landmark(&atlas, &q.code, figure, landmark, target, other).unwrap();
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

#[test]
fn a_sacral_landmark_is_measured_in_the_backs_cun_not_the_thighs() {
    let atlas = load_builtin().unwrap();
    let p = atlas.point(&PointCode::new("BL34")).unwrap();
    let q = landmark_question(&atlas, p, Some(&FigureId::new("posterior"))).unwrap();
    let (figure, landmark, target) = parts(&q);
    let place = atlas.figure(figure).unwrap().landmark(landmark).unwrap().at;
    let r = score_landmark(&atlas, &q.code, figure, landmark, target, place).unwrap();
    assert!(!r.span_name.contains("popliteal"), "{r:?}");
    assert!(!r.span_name.contains("elbow"), "{r:?}");
}
