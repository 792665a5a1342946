//! The side views: the Bladder channel behind the fibula and the Gallbladder channel on its
//! front border below the knee (content review 3, W1), and the whole-body profile's
//! Gallbladder course from the head to the foot with the points placed on it.

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{Atlas, ChannelId, Facing, FigureId, FigurePos, LandmarkId, PointCode};

/// The drawn curves of a channel on a figure, cut to their pieces below `knee_y`.
fn courses_below(
    atlas: &Atlas,
    channel: &str,
    figure: &FigureId,
    knee_y: f32,
) -> Vec<Vec<FigurePos>> {
    let id = ChannelId::new(channel);
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
        let code = PointCode::new(code);
        assert_eq!(
            atlas.sites_on(&code, &profile).count(),
            1,
            "{code} on the profile"
        );
    }
    // The Gallbladder course reaches from the face to the toes without a gap wider than a cun.
    let gb = ChannelId::new("GB");
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
