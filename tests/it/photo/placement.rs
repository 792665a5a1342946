//! Points on a photo are where the view's own rules put them: a photo that is the drawn figure
//! scaled and shifted places every point scaled and shifted alike, and a photo missing some
//! marks lists exactly the points that need them.

use super::{blank_png, marks_of, write_marks};
use acupoint_atlas::load::{LoadedPhoto, load_builtin, load_photo_marks};
use acupoint_atlas::model::{Atlas, Figure, LandmarkId, Point, Side};
use acupoint_atlas::placement::{PhotoFigure, PhotoPlacement, place_on_photo, place_point};
use std::collections::BTreeMap;

const SCALE: f32 = 1000.0;
const SHIFT: (f32, f32) = (150.0, 80.0);

/// The posterior view's marks, scaled and shifted, less `dropped`, written beside a blank photo
/// and loaded back as a user's would be.
fn photo(atlas: &Atlas, dropped: &[&str]) -> LoadedPhoto {
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let mut marks = marks_of(view, "back.png", SCALE, SHIFT);
    for d in dropped {
        assert!(marks.landmarks.remove(*d).is_some(), "{d} is a mark");
    }
    let dir = tempfile::tempdir().unwrap();
    blank_png(&dir.path().join("back.png"), 1300, 1150);
    let path = dir.path().join("back.marks.ron");
    write_marks(&path, &marks);
    load_photo_marks(atlas, &path).unwrap()
}

fn place(atlas: &Atlas, loaded: &LoadedPhoto, condition: Option<&str>) -> PhotoPlacement {
    let view = atlas.figure(&loaded.marks.view).unwrap();
    let size = (loaded.image.width as f32, loaded.image.height as f32);
    let figure = PhotoFigure::new(view, &loaded.marks, size);
    let condition = condition.map(acupoint_atlas::model::ConditionId::new);
    let points = atlas.condition_points(condition.as_ref());
    place_on_photo(
        atlas,
        view,
        &figure,
        &loaded.marks,
        &points,
        condition.as_ref(),
    )
}

#[test]
fn every_point_of_a_condition_lands_where_the_figure_places_it_scaled_and_shifted() {
    let atlas = load_builtin().unwrap();
    let loaded = photo(&atlas, &[]);
    for condition in ["lower-back-pain", "upper-back-pain", "sciatica"] {
        let placed = place(&atlas, &loaded, Some(condition));
        assert!(
            placed.unplaced.is_empty(),
            "{condition}: {:?}",
            placed.unplaced
        );
        let id = acupoint_atlas::model::ConditionId::new(condition);
        let mut compared = 0;
        for point in atlas.condition_points(Some(&id)) {
            let levels = atlas.levels_for(&point.code, Some(&id));
            for site in atlas.sites(&point.code).iter().filter(|s| {
                s.figure.as_str() == "posterior" && point.rule_in_levels(s.rule, levels)
            }) {
                let want = (site.at.x * SCALE + SHIFT.0, site.at.y * SCALE + SHIFT.1);
                let got = placed
                    .placed
                    .iter()
                    .find(|p| {
                        p.code == point.code && p.site.rule == site.rule && p.site.side == site.side
                    })
                    .unwrap_or_else(|| panic!("{} {:?} not placed", point.code, site.side));
                let off = (got.site.at.x - want.0).hypot(got.site.at.y - want.1);
                assert!(
                    off <= 1.5,
                    "{} {:?} is {off} px from where the figure puts it",
                    point.code,
                    site.side
                );
                compared += 1;
            }
        }
        assert!(
            compared > 10,
            "{condition}: only {compared} sites on the back"
        );
    }
}

/// The sites of a point on the view that vanish when the view lacks `landmark`: the sides it
/// needs that landmark for.
fn sides_needing(view: &Figure, point: &Point, landmark: &str) -> Vec<(usize, Side)> {
    let mut without = view.clone();
    without
        .landmarks
        .retain(|l| l.id != LandmarkId::new(landmark));
    let after = place_point(point, &without);
    place_point(point, view)
        .into_iter()
        .filter(|s| !after.iter().any(|a| a.rule == s.rule && a.side == s.side))
        .map(|s| (s.rule, s.side))
        .collect()
}

#[test]
fn a_photo_missing_marks_lists_exactly_the_points_that_need_them_with_what_they_need() {
    let atlas = load_builtin().unwrap();
    let dropped = [
        ("l2_spinous_lower", None),
        ("psis", Some(Side::Left)),
        ("popliteal_crease_centre", Some(Side::Right)),
    ];
    let names: Vec<String> = dropped
        .iter()
        .map(|(l, s)| s.map_or_else(|| (*l).to_owned(), |s| format!("{l}_{}", s.id())))
        .collect();
    let loaded = photo(
        &atlas,
        &names.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    let placed = place(&atlas, &loaded, None);
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let mut want: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for point in atlas.points() {
        for ((landmark, side), name) in dropped.iter().zip(&names) {
            let hit = sides_needing(view, point, landmark)
                .into_iter()
                .any(|(_, s)| match side {
                    None => true,
                    Some(Side::Left) => s != Side::Right,
                    Some(_) => s == Side::Right,
                });
            if hit {
                want.entry(point.code.to_string())
                    .or_default()
                    .push(name.clone());
            }
        }
    }
    let mut got: BTreeMap<String, Vec<String>> = placed
        .unplaced
        .iter()
        .map(|u| (u.code.to_string(), u.needs.clone()))
        .collect();
    for v in want.values_mut().chain(got.values_mut()) {
        v.sort();
    }
    assert!(
        want.len() >= 5,
        "the dropped marks are needed by few points: {want:?}"
    );
    assert_eq!(got, want);
    assert!(
        placed
            .placed
            .iter()
            .any(|p| p.code.as_str() == "BL40" && p.site.side == Side::Left)
    );
    assert!(
        !placed
            .placed
            .iter()
            .any(|p| p.code.as_str() == "BL40" && p.site.side == Side::Right)
    );
}

#[test]
fn on_a_leaning_patient_the_points_follow_the_marked_spine() {
    let atlas = load_builtin().unwrap();
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    // Every row shifted right in proportion to its height: the patient leans.
    let lean = |y: f32| 0.08 * (y - 80.0);
    let mut marks = marks_of(view, "back.png", SCALE, SHIFT);
    for at in marks.landmarks.values_mut() {
        at.x += lean(at.y);
    }
    let figure = PhotoFigure::new(view, &marks, (1300.0, 1150.0));
    let points: Vec<&Point> = atlas.points().iter().collect();
    let placed = place_on_photo(&atlas, view, &figure, &marks, &points, None);
    for p in &placed.placed {
        let site = atlas
            .sites(&p.code)
            .iter()
            .find(|s| s.figure == view.id && s.rule == p.site.rule && s.side == p.site.side)
            .unwrap();
        let y = site.at.y * SCALE + SHIFT.1;
        let want = (site.at.x * SCALE + SHIFT.0 + lean(y), y);
        let off = (p.site.at.x - want.0).hypot(p.site.at.y - want.1);
        assert!(
            off <= 1.5,
            "{} {:?} is {off} px off the leaning back",
            p.code,
            p.site.side
        );
    }
    assert!(placed.placed.len() > 50);
}

#[test]
fn the_landmark_walk_asks_first_for_what_todays_plan_needs() {
    let atlas = load_builtin().unwrap();
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let plan: Vec<&Point> = ["BL23", "GV4"]
        .iter()
        .map(|c| {
            atlas
                .point(&acupoint_atlas::model::PointCode::new(*c))
                .unwrap()
        })
        .collect();
    let order: Vec<String> = acupoint_atlas::placement::marks_by_use(&atlas, view, &plan)
        .iter()
        .map(acupoint_atlas::model::MarkName::text)
        .collect();
    let first: std::collections::BTreeSet<&str> =
        order.iter().take(4).map(String::as_str).collect();
    let want: std::collections::BTreeSet<&str> = [
        "l2_spinous_lower",
        "t3_spinous_lower",
        "scapula_medial_border_t3_left",
        "scapula_medial_border_t3_right",
    ]
    .into();
    assert_eq!(first, want);
    // Every mark any point of the view needs follows, each once.
    let unique: std::collections::BTreeSet<&String> = order.iter().collect();
    assert_eq!(unique.len(), order.len());
    assert!(order.len() > 40, "{}", order.len());
}

#[test]
fn every_landmark_the_back_walk_asks_for_has_a_palpation_hint() {
    let atlas = load_builtin().unwrap();
    let view = atlas
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let lbp = acupoint_atlas::model::ConditionId::new("lower-back-pain");
    let points = atlas.condition_points(Some(&lbp));
    let order = acupoint_atlas::placement::marks_by_use(&atlas, view, &points);
    for mark in &order {
        let hint = acupoint_atlas::model::palpation_hint(mark.landmark.as_str());
        assert!(
            hint.is_some_and(|h| h.len() > 20),
            "no hint for {}",
            mark.landmark
        );
    }
    assert_eq!(
        acupoint_atlas::model::palpation_hint("t5_spinous_lower").unwrap(),
        "Count 5 spinous processes down from C7; mark the lower edge."
    );
}
