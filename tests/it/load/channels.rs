//! Channels and anatomy: `channels --json` and its rule (every point of a channel lies on its
//! course wherever the point is shown), the layers on the built-in figures, and the loader's
//! problems with channel and anatomy files, each at `file:line:col`.

mod side_views;

use crate::common::fixture::{AtlasCopy, MINIMAL};
use acupoint_atlas::load::{load_builtin, load_dir};
use acupoint_atlas::model::{AnatomyLayer, ConditionId, FigureId};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

fn json(args: &[&str]) -> Value {
    let out = Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn xy(v: &Value) -> (f64, f64) {
    (v[0].as_f64().unwrap(), v[1].as_f64().unwrap())
}

fn segment_distance(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a.0 + dx * t - p.0).hypot(a.1 + dy * t - p.1)
}

/// The distance from `p` to the nearest of some polylines.
fn distance_to_paths(paths: &[Value], p: (f64, f64)) -> f64 {
    paths
        .iter()
        .flat_map(|path| {
            let pts: Vec<(f64, f64)> = path.as_array().unwrap().iter().map(xy).collect();
            pts.windows(2)
                .map(|w| segment_distance(w[0], w[1], p))
                .collect::<Vec<_>>()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn channels_json_has_the_documented_shape() {
    let doc = json(&["channels", "--json"]);
    let channels = doc["channels"].as_array().unwrap();
    let ids: BTreeSet<&str> = channels.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in ["BL", "GB", "GV", "CV", "KI", "SI", "TE", "LI", "ST", "SP"] {
        assert!(
            ids.contains(id),
            "{id} has points in the atlas but no course"
        );
    }
    let bl = channels.iter().find(|c| c["id"] == "BL").unwrap();
    assert_eq!(bl["name"], "Bladder");
    let back = bl["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["figure"] == "posterior")
        .unwrap();
    let first = &back["paths"][0][0];
    assert!(first[0].is_f64() && first[1].is_f64(), "{first}");
    // Two lines down each side of the back, mirrored: at least eight runs on the back figure.
    assert!(back["paths"].as_array().unwrap().len() >= 8);
}

#[test]
fn every_point_of_a_channel_shown_on_a_figure_lies_on_that_channels_path_there() {
    let channels = json(&["channels", "--json"]);
    let points = json(&["points", "--json"]);
    let mut checked = 0;
    for point in points["points"].as_array().unwrap() {
        let meridian = point["meridian"].as_str().unwrap();
        let Some(channel) = channels["channels"]
            .as_array()
            .unwrap()
            .iter()
            .find(|c| c["id"] == meridian)
        else {
            continue;
        };
        for position in point["positions"].as_array().unwrap() {
            let figure = position["figure"].as_str().unwrap();
            let at = (
                position["x"].as_f64().unwrap(),
                position["y"].as_f64().unwrap(),
            );
            let paths = channel["figures"]
                .as_array()
                .unwrap()
                .iter()
                .find(|f| f["figure"] == figure)
                .map(|f| f["paths"].as_array().unwrap().clone())
                .unwrap_or_default();
            let d = distance_to_paths(&paths, at);
            // Positions and paths are printed to four decimals.
            assert!(
                d < 0.0005,
                "{} on {figure} at {at:?} is {d:.4} from the {meridian} course",
                point["code"]
            );
            checked += 1;
        }
    }
    assert!(checked > 80, "only {checked} sites checked");
}

#[test]
fn every_drawn_curve_passes_its_stations_in_order_and_its_segments_stay_on_the_curve() {
    use acupoint_atlas::placement::curve::{distance_to_polyline, smooth};
    use acupoint_atlas::placement::runs::curve_tolerance;
    let atlas = load_builtin().unwrap();
    let mut checked = 0;
    for figure in atlas.figures() {
        let tolerance = curve_tolerance(figure);
        for channel in atlas.channels() {
            for path in atlas.channel_paths(&channel.id, &figure.id) {
                // The stations, in order.
                let mut from = 0;
                for s in &path.stations {
                    let at = path.points[from..].iter().position(|p| p == s);
                    from += at.unwrap_or_else(|| panic!("{} on {}", channel.id, figure.id));
                }
                // The true curve, sampled a hundred times more finely, stays near the polyline.
                let fine = smooth(&path.stations, path.closed, tolerance / 100.0);
                let worst = fine
                    .iter()
                    .map(|p| distance_to_polyline(&path.points, *p))
                    .fold(0.0, f32::max);
                assert!(
                    worst < 3.0 * tolerance,
                    "{} on {}: {worst}",
                    channel.id,
                    figure.id
                );
                checked += 1;
            }
        }
    }
    assert!(checked > 40);
}

#[test]
fn the_bones_layer_draws_on_the_back_front_side_hand_foot_and_head_figures() {
    let atlas = load_builtin().unwrap();
    for figure in [
        "posterior",
        "anterior",
        "profile",
        "side",
        "hand_dorsum",
        "hand_ulnar",
        "foot_lateral",
        "foot_medial",
        "head_back",
    ] {
        let id = FigureId::new(figure);
        let bones = atlas
            .structures()
            .iter()
            .filter(|s| s.layer == AnatomyLayer::Bones && atlas.structure_on(&s.id, &id))
            .count();
        assert!(bones >= 2, "{figure} draws {bones} bones");
    }
    let back = FigureId::new("posterior");
    for level in ["c7", "t3", "t7", "t12", "l2", "l4", "l5"] {
        let id = acupoint_atlas::model::StructureId::new(format!("{level}_spinous"));
        assert!(atlas.structure_on(&id, &back), "{level} on the back");
    }
}

#[test]
fn sciatica_brings_the_sciatic_nerve_onto_the_back_and_side_views() {
    let atlas = load_builtin().unwrap();
    let sciatica = ConditionId::new("sciatica");
    let shown: Vec<_> = atlas.structures_shown_with(&sciatica).collect();
    let sciatic = shown
        .iter()
        .find(|s| s.id.as_str() == "sciatic_nerve")
        .expect("sciatica shows the sciatic nerve");
    for figure in ["posterior", "side"] {
        assert!(
            atlas.structure_on(&sciatic.id, &FigureId::new(figure)),
            "{figure}"
        );
    }
    // Every nerve-flagged point of the sciatica plan lies over a drawn nerve.
    for code in ["GB30", "BL40", "BL39"] {
        let code = acupoint_atlas::model::PointCode::new(code);
        assert!(
            atlas
                .structures_under(&code)
                .any(|s| s.layer == AnatomyLayer::Nerves),
            "{code}"
        );
    }
}

/// The minimal fixture in a temporary folder with `channels.ron` (and `anatomy.ron`) added.
fn fixture_with(channels: &str, anatomy: Option<&str>) -> AtlasCopy {
    let copy = AtlasCopy::minimal();
    copy.write("channels.ron", channels);
    if let Some(text) = anatomy {
        copy.write("anatomy.ron", text);
    }
    copy
}

/// The problems of an atlas folder, each as `channels.ron:line:col: message` (the folder cut).
fn problems(copy: &AtlasCopy) -> Vec<String> {
    let base = format!("{}/", copy.dir.path().display());
    copy.problems()
        .iter()
        .map(|p| p.to_string().replace(&base, ""))
        .collect()
}

const GOOD: &str = r#"[
    Channel(
        id: "BL",
        name: "Bladder",
        course: "Down the back.",
        paths: [
            [
                Via(Offset(from: "t3_spinous_lower", scale: "back_scale", across: 1.5)),
                Point("BL23"),
            ],
        ],
    ),
]"#;

#[test]
fn a_fixture_with_a_good_channel_loads_and_its_point_lies_on_the_course() {
    let copy = fixture_with(GOOD, None);
    let atlas = load_dir(copy.dir.path()).unwrap();
    let id = acupoint_atlas::model::ChannelId::new("BL");
    let back = FigureId::new("back");
    let paths: Vec<_> = atlas.channel_paths(&id, &back).collect();
    assert_eq!(paths.len(), 2, "the run and its mirror image");
    for site in atlas.sites_on(&acupoint_atlas::model::PointCode::new("BL23"), &back) {
        assert!(paths.iter().any(|p| p.points.contains(&site.at)));
    }
}

#[test]
fn an_unknown_channel_is_reported_where_its_id_is() {
    let copy = fixture_with(&GOOD.replace("\"BL\"", "\"XY\""), None);
    let p = problems(&copy);
    assert!(
        p.iter()
            .any(|l| l.starts_with("channels.ron:3:13: unknown channel `XY`")),
        "{p:#?}"
    );
}

#[test]
fn an_unknown_point_and_a_point_of_another_channel_are_reported_at_the_station() {
    let copy = fixture_with(&GOOD.replace("Point(\"BL23\")", "Point(\"BL99\")"), None);
    let p = problems(&copy);
    assert!(
        p.iter()
            .any(|l| l.starts_with("channels.ron:9:23: unknown point `BL99`")),
        "{p:#?}"
    );
    let copy = fixture_with(&GOOD.replace("\"BL\"", "\"GB\""), None);
    let p = problems(&copy);
    assert!(
        p.iter()
            .any(|l| l.contains("channels.ron:9:23: `BL23` is a point of the BL channel")),
        "{p:#?}"
    );
}

#[test]
fn a_waypoint_no_figure_can_place_and_an_unknown_landmark_are_reported() {
    let unknown = GOOD.replace("from: \"t3_spinous_lower\"", "from: \"no_such_place\"");
    let p = problems(&fixture_with(&unknown, None));
    assert!(
        p.iter()
            .any(|l| l.starts_with("channels.ron:8:34: unknown landmark `no_such_place`")),
        "{p:#?}"
    );
    // Both names exist, but on no figure together.
    let nowhere = GOOD.replace(
        "Via(Offset(from: \"t3_spinous_lower\", scale: \"back_scale\", across: 1.5))",
        "Via(OneOf([Offset(from: \"t3_spinous_lower\", scale: \"elsewhere\")]))",
    );
    let p = problems(&fixture_with(&nowhere, None));
    assert!(
        p.iter().any(|l| l.contains("unknown span `elsewhere`")),
        "{p:#?}"
    );
}

#[test]
fn a_course_that_leaves_the_outline_is_reported_with_the_stations_around_it() {
    let outside = GOOD.replace("across: 1.5", "across: 30.0");
    let p = problems(&fixture_with(&outside, None));
    assert!(
        p.iter().any(|l| l.starts_with("channels.ron:8:17:")
            && l.contains("leaves the outline of figure `back`")),
        "{p:#?}"
    );
}

#[test]
fn a_point_shown_on_a_figure_but_off_its_channels_course_is_reported() {
    let off = GOOD.replace(
        "Point(\"BL23\"),",
        "Via(Offset(from: \"l2_spinous_lower\", scale: \"back_scale\", across: 1.0)),",
    );
    let p = problems(&fixture_with(&off, None));
    assert!(
        p.iter()
            .any(|l| l.contains("`BL23` is shown on figure `back` but no run of the BL course")),
        "{p:#?}"
    );
}

#[test]
fn anatomy_names_are_checked_like_points() {
    let anatomy = r#"[
    Structure(
        id: "l2_spinous",
        name: "L2 spinous process",
        layer: Bones,
        marks: ["l2_spinous_upper"],
        shown_with: ["headache"],
        forms: [Oval(from: At("l2_spinous_lower"), to: Between(from: "l2_spinous_lower", to: "t3_spinous_lower", fraction: 1.5), width: 0.6)],
    ),
]"#;
    let p = problems(&fixture_with(GOOD, Some(anatomy)));
    let has = |needle: &str| p.iter().any(|l| l.contains(needle));
    assert!(
        has("anatomy.ron:6:17: unknown landmark `l2_spinous_upper`"),
        "{p:#?}"
    );
    assert!(
        has("anatomy.ron:7:22: unknown condition `headache`"),
        "{p:#?}"
    );
    assert!(has("fraction must be between 0 and 1, not 1.5"), "{p:#?}");
}

#[test]
fn an_atlas_without_channel_or_anatomy_files_still_loads() {
    assert!(load_dir(Path::new(MINIMAL)).is_ok());
}
