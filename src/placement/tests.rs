//! Worked examples of placement by proportional cun.

use super::*;
use crate::model::{Figure, Point};

/// A small posterior figure: back scale 3 cun = 0.06 units (0.02 a cun), a slanted lower leg
/// whose 16 cun run from (0.45, 0.70) to (0.43, 0.90), a medial leg of 13 cun over 0.26.
fn posterior() -> Figure {
    ron::from_str(
        r#"Figure(
            id: "posterior", title: "Back", facing: Posterior, size: (1.0, 1.0),
            midline_x: Some(0.5),
            shapes: [(kind: Outline, closed: true, points: [(0.2, 0.0), (0.8, 0.0), (0.8, 1.0), (0.2, 1.0)])],
            landmarks: [
                (id: "t3_spinous_lower", name: "T3", at: (0.5, 0.25)),
                (id: "scapula_medial_border_t3", name: "Scapula", at: (0.44, 0.25)),
                (id: "l2_spinous_lower", name: "L2", at: (0.5, 0.46)),
                (id: "c7_spinous_lower", name: "C7", at: (0.5, 0.18)),
                (id: "acromion_lateral", name: "Acromion", at: (0.38, 0.20)),
                (id: "popliteal_crease_centre", name: "Popliteal crease", at: (0.45, 0.70)),
                (id: "lateral_malleolus", name: "Lateral malleolus", at: (0.43, 0.90)),
                (id: "tibial_condyle_medial_lower", name: "SP9 level", at: (0.46, 0.66)),
                (id: "medial_malleolus", name: "Medial malleolus", at: (0.46, 0.92)),
            ],
            spans: [
                (id: "back_scale", name: "Midline to scapula", from: "t3_spinous_lower", to: "scapula_medial_border_t3", cun: 3.0),
                (id: "popliteal_to_lateral_malleolus", name: "Knee to ankle", from: "popliteal_crease_centre", to: "lateral_malleolus", cun: 16.0),
                (id: "knee_to_medial_malleolus", name: "Medial leg", from: "tibial_condyle_medial_lower", to: "medial_malleolus", cun: 13.0),
            ],
        )"#,
    )
    .unwrap()
}

fn point(code: &str, laterality: &str, rule: &str) -> Point {
    ron::from_str(&format!(
        r#"Point(code: "{code}", pinyin: "p", hanzi: "h", hanzi_traditional: "h", english: "e",
            meridian: BL, regions: [], laterality: {laterality}, placement: [{rule}],
            location: (landmark: "", measure: "", palpate: ""),
            needling: (angle: Perpendicular, note: ""), safety: [], patient_note: "", sources: [])"#
    ))
    .unwrap()
}

fn close(a: FigurePos, x: f32, y: f32) -> bool {
    (a.x - x).abs() < 1e-5 && (a.y - y).abs() < 1e-5
}

#[test]
fn bl23_sits_one_and_a_half_cun_lateral_to_the_lower_border_of_l2_on_both_sides() {
    let fig = posterior();
    let bl23 = point(
        "BL23",
        "Bilateral",
        r#"Offset(from: "l2_spinous_lower", scale: "back_scale", across: 1.5)"#,
    );
    let sites = place_point(&bl23, &fig);
    assert_eq!(sites.len(), 2);
    // 1.5 cun of 0.02 = 0.03 from the midline, level with L2.
    assert!(close(sites[0].at, 0.47, 0.46), "{:?}", sites[0].at);
    assert_eq!(
        sites[0].side,
        Side::Left,
        "viewer's left is the patient's left from behind"
    );
    assert!(close(sites[1].at, 0.53, 0.46), "{:?}", sites[1].at);
    assert_eq!(sites[1].side, Side::Right);
}

#[test]
fn bl52_is_three_cun_lateral_on_the_same_level_twice_as_far_out_as_bl23() {
    let fig = posterior();
    let bl52 = point(
        "BL52",
        "Bilateral",
        r#"Offset(from: "l2_spinous_lower", scale: "back_scale", across: 3.0)"#,
    );
    let sites = place_point(&bl52, &fig);
    assert!(close(sites[0].at, 0.44, 0.46), "{:?}", sites[0].at);
    assert!(close(sites[1].at, 0.56, 0.46), "{:?}", sites[1].at);
}

#[test]
fn bl57_is_eight_cun_below_bl40_on_the_sixteen_cun_leg_span_so_halfway_down_it() {
    let fig = posterior();
    let bl57 = point(
        "BL57",
        "Bilateral",
        r#"Offset(from: "popliteal_crease_centre", scale: "popliteal_to_lateral_malleolus", along: 8.0)"#,
    );
    let sites = place_point(&bl57, &fig);
    // The leg slants: eight of sixteen cun down the span is its midpoint.
    assert!(close(sites[0].at, 0.44, 0.80), "{:?}", sites[0].at);
}

#[test]
fn sp6_is_three_cun_above_the_medial_malleolus() {
    let fig = posterior();
    let sp6 = point(
        "SP6",
        "Bilateral",
        r#"Offset(from: "medial_malleolus", scale: "knee_to_medial_malleolus", along: -3.0)"#,
    );
    let sites = place_point(&sp6, &fig);
    // 13 cun over 0.26 gives 0.02 a cun; three cun up from 0.92 is 0.86.
    assert!(close(sites[0].at, 0.46, 0.86), "{:?}", sites[0].at);
}

#[test]
fn a_between_rule_at_one_half_is_the_midpoint_of_its_two_landmarks() {
    let fig = posterior();
    // GB21's old rule, the chord from C7 to the acromion; GB21 itself now sits on the ridge.
    let gb21 = point(
        "GB21",
        "Bilateral",
        r#"Between(from: "c7_spinous_lower", to: "acromion_lateral", fraction: 0.5)"#,
    );
    let sites = place_point(&gb21, &fig);
    assert!(close(sites[0].at, 0.44, 0.19), "{:?}", sites[0].at);
    assert!(close(sites[1].at, 0.56, 0.19), "{:?}", sites[1].at);
}

#[test]
fn a_midline_point_has_one_site_on_the_midline() {
    let fig = posterior();
    let gv4 = point("GV4", "Midline", r#"At("l2_spinous_lower")"#);
    let sites = place_point(&gv4, &fig);
    assert_eq!(sites.len(), 1);
    assert_eq!(sites[0].side, Side::Midline);
}

#[test]
fn seen_from_the_front_the_viewers_left_is_the_patients_right() {
    let mut fig = posterior();
    fig.facing = Facing::Anterior;
    assert_eq!(side_of(&fig, FigurePos::new(0.4, 0.5)), Side::Right);
    assert_eq!(side_of(&fig, FigurePos::new(0.6, 0.5)), Side::Left);
}

#[test]
fn a_figure_without_the_landmarks_a_rule_needs_shows_no_site() {
    let fig = posterior();
    let st36 = point(
        "ST36",
        "Bilateral",
        r#"Offset(from: "knee_eye_lateral", scale: "knee_eye_to_ankle", along: 3.0)"#,
    );
    assert!(place_point(&st36, &fig).is_empty());
}

#[test]
fn changing_the_figures_proportions_moves_the_point_with_them() {
    let mut fig = posterior();
    // Widen the back: the scapula now sits 0.09 from the midline, so a cun is 0.03.
    fig.landmarks[1].at = FigurePos::new(0.41, 0.25);
    let bl23 = point(
        "BL23",
        "Bilateral",
        r#"Offset(from: "l2_spinous_lower", scale: "back_scale", across: 1.5)"#,
    );
    assert!(close(place_point(&bl23, &fig)[0].at, 0.455, 0.46));
}

#[test]
fn the_ruler_of_an_offset_point_is_its_scale_span_with_a_tick_per_cun() {
    let fig = posterior();
    let bl57 = point(
        "BL57",
        "Bilateral",
        r#"Offset(from: "popliteal_crease_centre", scale: "popliteal_to_lateral_malleolus", along: 8.0)"#,
    );
    let ruler = ruler_for(&bl57, &fig).unwrap();
    assert_eq!(ruler.cun, 16.0);
    assert_eq!(ruler.ticks.len(), 17);
    assert!(close(ruler.ticks[8], 0.44, 0.80));
}

#[test]
fn outline_containment_uses_the_closed_outline() {
    let fig = posterior();
    assert!(inside_outline(&fig, FigurePos::new(0.5, 0.5)));
    assert!(!inside_outline(&fig, FigurePos::new(0.1, 0.5)));
}

#[test]
fn one_of_uses_the_first_rule_the_figure_can_place() {
    let fig = posterior();
    let sp6 = point(
        "SP6",
        "Bilateral",
        r#"OneOf([
            Offset(from: "medial_malleolus", scale: "medial_malleolus_to_sole", along: -3.0),
            Offset(from: "medial_malleolus", scale: "knee_to_medial_malleolus", along: -3.0),
        ])"#,
    );
    let sites = place_point(&sp6, &fig);
    assert_eq!(
        sites.len(),
        2,
        "one site a side, from the rule this figure can place"
    );
    assert!(close(sites[0].at, 0.46, 0.86), "{:?}", sites[0].at);
}

#[test]
fn distance_to_the_outline_is_measured_to_the_nearest_edge() {
    let fig = posterior();
    let d = distance_to_outline(&fig, FigurePos::new(0.5, 0.01)).unwrap();
    assert!((d - 0.01).abs() < 1e-6, "{d}");
    let d = distance_to_outline(&fig, FigurePos::new(0.25, 0.5)).unwrap();
    assert!((d - 0.05).abs() < 1e-6, "{d}");
}

#[test]
fn gb21_sits_on_the_top_of_the_shoulder_in_both_back_views() {
    use crate::model::{FigureId, LandmarkId, PointCode, SpanId};
    let atlas = crate::load::load_builtin().unwrap();
    let gb21 = PointCode::new("GB21");
    for view in ["posterior", "head_back"] {
        let fig = atlas.figure(&FigureId::new(view)).unwrap();
        let cun = cun_length(fig, fig.span(&SpanId::new("back_scale")).unwrap()).unwrap();
        let lm = |id: &str| fig.landmark(&LandmarkId::new(id)).unwrap().at;
        let (c7, acromion) = (lm("c7_spinous_lower"), lm("acromion_lateral"));
        let site = atlas
            .sites_on(&gb21, &fig.id)
            .find(|s| s.side == Side::Left)
            .unwrap();
        let off_outline = distance_to_outline(fig, site.at).unwrap() / cun;
        assert!(
            off_outline < 0.25,
            "{view}: GB21 is {off_outline:.2} cun from the shoulder outline"
        );
        assert!(
            inside_outline(fig, site.at),
            "{view}: GB21 is on the body side of the skyline"
        );
        let across = (site.at.x - f32::midpoint(c7.x, acromion.x)).abs() / cun;
        assert!(
            across < 0.1,
            "{view}: GB21 is {across:.2} cun off halfway from C7 to the acromion"
        );
        let chord_y = f32::midpoint(c7.y, acromion.y);
        assert!(
            site.at.y < chord_y - 0.5 * cun,
            "{view}: GB21 is above the C7-acromion chord, on the ridge"
        );
    }
}

#[test]
fn gb20_lies_clearly_lateral_to_bl10_in_both_back_views() {
    // Content review 3, m10: GB20, in the hollow between sternocleidomastoid and trapezius, lies
    // 0.7 to 1 cun outside BL10 (1.3 cun, just outside trapezius) on standard charts.
    use crate::model::{FigureId, LandmarkId, SpanId};
    let atlas = crate::load::load_builtin().unwrap();
    for view in ["posterior", "head_back"] {
        let fig = atlas.figure(&FigureId::new(view)).unwrap();
        let cun = cun_length(fig, fig.span(&SpanId::new("back_scale")).unwrap()).unwrap();
        let x = |id: &str| fig.landmark(&LandmarkId::new(id)).unwrap().at.x;
        let gap = (x("trapezius_lateral_c2") - x("occiput_scm_trapezius_hollow")) / cun;
        assert!(
            (0.7..=1.0).contains(&gap),
            "{view}: GB20 is {gap:.2} cun outside BL10"
        );
    }
}
