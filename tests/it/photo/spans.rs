//! The span a point's cun are measured on, on a photo and on the drawn figures: the one its own
//! rule names, else one of its own body region, never the nearest span of another part of the
//! body (EX-B8, at L5, once took the arm's span on the back view).

use super::marks_of;
use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{Atlas, FigurePos, PointCode};
use acupoint_atlas::placement::{PhotoFigure, measuring_span, place_marked_photo};

/// Which parts of the body each span of the built-in atlas measures, from the spans' anatomy
/// (written here by hand, apart from the code that chooses them).
fn span_regions(span: &str) -> &'static [&'static str] {
    match span {
        "back_scale" => &["upper-back", "lower-back", "hip", "shoulder"],
        "neck_scale" => &["neck", "upper-back", "head"],
        "axillary_fold_to_elbow" => &["shoulder"],
        "trochanter_to_popliteal" | "gluteal_fold_to_popliteal" => &["hip", "behind-knee"],
        "popliteal_to_lateral_malleolus"
        | "popliteal_to_ankle_back"
        | "knee_eye_to_ankle"
        | "knee_to_medial_malleolus" => &["behind-knee", "foot"],
        "lateral_malleolus_to_3cun_above" | "medial_malleolus_to_sole" => &["foot"],
        "finger_cun" => &["hand"],
        "glabella_to_hairline" | "hairline_scale" => &["head"],
        "chest_half_width" | "xiphoid_to_umbilicus" | "umbilicus_to_pubis" => &["stomach"],
        "pubis_to_patella_base" => &["hip", "behind-knee", "foot"],
        _ => &[],
    }
}

/// The points of every built-in condition.
fn condition_points(atlas: &Atlas) -> Vec<PointCode> {
    let mut codes: Vec<PointCode> = Vec::new();
    for condition in atlas.conditions() {
        for point in atlas.condition_points(Some(&condition.id)) {
            if !codes.contains(&point.code) {
                codes.push(point.code.clone());
            }
        }
    }
    codes
}

#[test]
fn on_a_photo_of_the_back_ex_b8_is_measured_on_the_back_not_the_arm() {
    let atlas = load_builtin().unwrap();
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let marks = marks_of(view, "back.png", 1000.0, (150.0, 80.0));
    let photo_size = (1300.0, 1150.0);
    let figure = PhotoFigure::new(view, &marks, photo_size);
    for (code, span) in [
        ("EX-B8", "back_scale"),
        ("BL23", "back_scale"),
        ("BL40", "trochanter_to_popliteal"),
        ("GV14", "neck_scale"),
    ] {
        let point = atlas.point(&PointCode::new(code)).unwrap();
        let (_, placement) =
            place_marked_photo(&atlas, &marks, photo_size, &[point], None).unwrap();
        let site = &placement.placed.first().unwrap().site;
        let chosen = figure
            .measuring_span(&atlas, point, site.at, site.side)
            .unwrap_or_else(|| panic!("{code} at {site:?} is not measured"));
        assert_eq!(chosen.id.as_str(), span, "{code}");
        assert!(chosen.own, "{code}");
    }
}

#[test]
fn every_condition_point_on_a_photo_of_any_view_is_measured_on_a_span_of_its_own_region_or_not_at_all()
 {
    let atlas = load_builtin().unwrap();
    let codes = condition_points(&atlas);
    let points: Vec<_> = codes.iter().filter_map(|c| atlas.point(c)).collect();
    let mut wrong = Vec::new();
    let mut measured = 0;
    for view in atlas.figures() {
        let marks = marks_of(view, "photo.png", 900.0, (40.0, 25.0));
        let photo_size = (view.size.0 * 900.0 + 80.0, view.size.1 * 900.0 + 50.0);
        let Some((figure, placement)) =
            place_marked_photo(&atlas, &marks, photo_size, &points, None)
        else {
            continue;
        };
        for placed in &placement.placed {
            let point = atlas.point(&placed.code).unwrap();
            let site = &placed.site;
            // A view with no span of the point's region marked does not measure it.
            let Some(span) = figure.measuring_span(&atlas, point, site.at, site.side) else {
                continue;
            };
            measured += 1;
            let regions = span_regions(span.id.as_str());
            if !point.regions.iter().any(|r| regions.contains(&r.as_str())) {
                wrong.push(format!(
                    "{} ({:?}) on {}: {}",
                    placed.code,
                    point.regions,
                    view.id,
                    span.id.as_str()
                ));
            }
        }
    }
    assert!(measured > 50, "only {measured} sites measured");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn on_the_drawn_figures_every_span_called_a_points_own_is_of_its_region() {
    let atlas = load_builtin().unwrap();
    let mut wrong = Vec::new();
    for code in condition_points(&atlas) {
        let point = atlas.point(&code).unwrap();
        for site in atlas.sites(&code) {
            let figure = atlas.figure(&site.figure).unwrap();
            let at: FigurePos = site.at;
            // A span not of the point's own is said so in Study ("no cun span of its own").
            let Some(span) = measuring_span(&atlas, point, figure, at).filter(|s| s.own) else {
                continue;
            };
            let regions = span_regions(span.id.as_str());
            if !point.regions.iter().any(|r| regions.contains(&r.as_str())) {
                wrong.push(format!("{code} on {}: {}", figure.id, span.id.as_str()));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn a_back_point_is_not_measured_on_the_arm_when_the_back_scale_is_not_marked() {
    let atlas = load_builtin().unwrap();
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let mut marks = marks_of(view, "back.png", 1000.0, (150.0, 80.0));
    marks
        .landmarks
        .retain(|name, _| !name.starts_with("scapula_medial_border_t3"));
    let photo_size = (1300.0, 1150.0);
    let figure = PhotoFigure::new(view, &marks, photo_size);
    let point = atlas.point(&PointCode::new("EX-B8")).unwrap();
    let (_, placement) = place_marked_photo(&atlas, &marks, photo_size, &[point], None).unwrap();
    let site = &placement.placed.first().unwrap().site;
    assert_eq!(
        figure.measuring_span(&atlas, point, site.at, site.side),
        None
    );
}
