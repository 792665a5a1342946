//! Channels and anatomy: `channels --json` and its rule (every point of a channel lies on its
//! course wherever the point is shown), the layers on the built-in figures, and the loader's
//! problems with channel and anatomy files, each at `file:line:col`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod common;

use acupoint_atlas::load::{load_builtin, load_dir};
use acupoint_atlas::model::{AnatomyLayer, ConditionId, Facing, FigureId, FigurePos, LandmarkId};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");

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
    use acupoint_atlas::placement::layers::curve_tolerance;
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

/// The drawn curves of a channel on a figure, cut to their pieces below `knee_y`.
fn courses_below(
    atlas: &acupoint_atlas::model::Atlas,
    channel: &str,
    figure: &FigureId,
    knee_y: f32,
) -> Vec<Vec<FigurePos>> {
    let id = acupoint_atlas::model::ChannelId::new(channel);
    let mut out = Vec::new();
    for path in atlas.channel_paths(&id, figure) {
        let mut piece: Vec<FigurePos> = Vec::new();
        for p in &path.points {
            if p.y >= knee_y {
                piece.push(*p);
            } else if piece.len() > 1 {
                out.push(std::mem::take(&mut piece));
            } else {
                piece.clear();
            }
        }
        if piece.len() > 1 {
            out.push(piece);
        }
    }
    out
}

/// The x where a set of polylines passes height `y`, on each segment that spans it.
fn xs_at(courses: &[Vec<FigurePos>], y: f32) -> Vec<f32> {
    courses
        .iter()
        .flat_map(|c| c.windows(2))
        .filter(|w| (w[0].y - y) * (w[1].y - y) <= 0.0 && w[0].y != w[1].y)
        .map(|w| w[0].x + (w[1].x - w[0].x) * (y - w[0].y) / (w[1].y - w[0].y))
        .collect()
}

/// Whether two segments cross (touching at an end counts).
fn segments_cross(a: (FigurePos, FigurePos), b: (FigurePos, FigurePos)) -> bool {
    let side = |p: FigurePos, q: FigurePos, r: FigurePos| {
        (q.x - p.x) * (r.y - p.y) - (q.y - p.y) * (r.x - p.x)
    };
    let d1 = side(b.0, b.1, a.0);
    let d2 = side(b.0, b.1, a.1);
    let d3 = side(a.0, a.1, b.0);
    let d4 = side(a.0, a.1, b.1);
    d1 * d2 <= 0.0 && d3 * d4 <= 0.0
}

/// Content review 3, W1: on a side view the Bladder channel runs behind the fibula and the
/// Gallbladder channel on its front border, so below the knee the Bladder course stays behind the
/// Gallbladder course down to the ankle and the two never cross (on the foot too).
#[test]
fn on_every_side_view_the_bladder_course_stays_behind_the_gallbladder_course_below_the_knee() {
    let atlas = load_builtin().unwrap();
    let mut views = Vec::new();
    for figure in atlas
        .figures()
        .iter()
        .filter(|f| f.facing == Facing::Lateral)
    {
        let at = |id: &str| figure.landmark(&LandmarkId::new(id)).map(|l| l.at);
        let (Some(malleolus), Some(tendon)) =
            (at("lateral_malleolus"), at("calcaneal_tendon_ankle"))
        else {
            continue;
        };
        // Backward is the way from the outer ankle bone to the heel cord.
        let back = (tendon.x - malleolus.x).signum();
        let knee_y = at("popliteal_crease_centre").map_or(f32::NEG_INFINITY, |p| p.y);
        let bl = courses_below(&atlas, "BL", &figure.id, knee_y);
        let gb = courses_below(&atlas, "GB", &figure.id, knee_y);
        assert!(
            !bl.is_empty() && !gb.is_empty(),
            "{}: both courses below the knee",
            figure.id
        );
        let mut compared = 0;
        let heights = bl.iter().chain(&gb).flatten().map(|p| p.y);
        for y in heights.filter(|y| *y <= malleolus.y) {
            for bl_x in xs_at(&bl, y) {
                for gb_x in xs_at(&gb, y) {
                    assert!(
                        (bl_x - gb_x) * back > 0.0,
                        "{}: at y {y:.4} the Bladder course (x {bl_x:.4}) is not behind the Gallbladder course (x {gb_x:.4})",
                        figure.id
                    );
                    compared += 1;
                }
            }
        }
        assert!(
            compared > 10,
            "{}: only {compared} heights compared",
            figure.id
        );
        // The fibula, from its head (or as far up as the view shows it) to the outer ankle bone:
        // the Bladder course runs behind it, the Gallbladder course on its front border.
        let top = at("fibular_head").or_else(|| at("fibula_3cun_above_malleolus"));
        let top = top.unwrap_or_else(|| panic!("{}: no fibula", figure.id));
        let fibula_x = |y: f32| top.x + (malleolus.x - top.x) * (y - top.y) / (malleolus.y - top.y);
        let along_fibula = |p: &&FigurePos| p.y > top.y && p.y < malleolus.y;
        for (course, sign, name) in [(&bl, 1.0, "Bladder"), (&gb, -1.0, "Gallbladder")] {
            for p in course.iter().flatten().filter(along_fibula) {
                assert!(
                    (p.x - fibula_x(p.y)) * back * sign > 0.0,
                    "{}: the {name} course at ({:.4}, {:.4}) is on the wrong side of the fibula",
                    figure.id,
                    p.x,
                    p.y
                );
            }
        }
        for a in bl.iter().flat_map(|c| c.windows(2)) {
            for b in gb.iter().flat_map(|c| c.windows(2)) {
                assert!(
                    !segments_cross((a[0], a[1]), (b[0], b[1])),
                    "{}: the Bladder and Gallbladder courses cross near ({:.4}, {:.4})",
                    figure.id,
                    a[0].x,
                    a[0].y
                );
            }
        }
        views.push(figure.id.as_str().to_owned());
    }
    for view in ["side", "profile", "foot_lateral"] {
        assert!(views.iter().any(|v| v == view), "{view} checked: {views:?}");
    }
}

#[test]
fn the_profile_carries_the_gallbladder_course_from_the_head_to_the_foot_and_its_points() {
    let atlas = load_builtin().unwrap();
    let profile = FigureId::new("profile");
    for code in [
        "GB20", "GB21", "GB29", "GB30", "GB34", "BL40", "BL57", "BL60",
    ] {
        let code = acupoint_atlas::model::PointCode::new(code);
        assert_eq!(
            atlas.sites_on(&code, &profile).count(),
            1,
            "{code} on the profile"
        );
    }
    // The Gallbladder course reaches from the face to the toes without a gap wider than a cun.
    let gb = acupoint_atlas::model::ChannelId::new("GB");
    let paths: Vec<_> = atlas.channel_paths(&gb, &profile).collect();
    let ys = |f: fn(f32, f32) -> f32, init: f32| {
        paths
            .iter()
            .flat_map(|p| p.points.iter().map(|q| q.y))
            .fold(init, f)
    };
    assert!(ys(f32::min, f32::INFINITY) < 0.07, "GB starts on the head");
    assert!(
        ys(f32::max, f32::NEG_INFINITY) > 0.95,
        "GB ends on the foot"
    );
    // Its runs join one another at shared stations (GB20, GB22) into one course.
    let mut joined = vec![false; paths.len()];
    joined[0] = true;
    while let Some(j) = (0..paths.len()).find(|&j| {
        !joined[j]
            && (0..paths.len()).any(|i| {
                joined[i]
                    && paths[i]
                        .stations
                        .iter()
                        .any(|s| paths[j].stations.contains(s))
            })
    }) {
        joined[j] = true;
    }
    assert!(
        joined.iter().all(|j| *j),
        "the GB runs on the profile do not join: {joined:?}"
    );
}

/// The minimal fixture in a temporary folder with `channels.ron` (and `anatomy.ron`) added.
fn fixture_with(channels: &str, anatomy: Option<&str>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    common::copy_tree(Path::new(FIXTURE), dir.path());
    std::fs::write(dir.path().join("channels.ron"), channels).unwrap();
    if let Some(text) = anatomy {
        std::fs::write(dir.path().join("anatomy.ron"), text).unwrap();
    }
    dir
}

/// The problems of an atlas folder, each as `channels.ron:line:col: message` (the folder cut).
fn problems(dir: &tempfile::TempDir) -> Vec<String> {
    let base = format!("{}/", dir.path().display());
    load_dir(dir.path())
        .expect_err("the atlas must be refused")
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
    let dir = fixture_with(GOOD, None);
    let atlas = load_dir(dir.path()).unwrap();
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
    let dir = fixture_with(&GOOD.replace("\"BL\"", "\"XY\""), None);
    let p = problems(&dir);
    assert!(
        p.iter()
            .any(|l| l.starts_with("channels.ron:3:13: unknown channel `XY`")),
        "{p:#?}"
    );
}

#[test]
fn an_unknown_point_and_a_point_of_another_channel_are_reported_at_the_station() {
    let dir = fixture_with(&GOOD.replace("Point(\"BL23\")", "Point(\"BL99\")"), None);
    let p = problems(&dir);
    assert!(
        p.iter()
            .any(|l| l.starts_with("channels.ron:9:23: unknown point `BL99`")),
        "{p:#?}"
    );
    let dir = fixture_with(&GOOD.replace("\"BL\"", "\"GB\""), None);
    let p = problems(&dir);
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
    assert!(load_dir(Path::new(FIXTURE)).is_ok());
}
