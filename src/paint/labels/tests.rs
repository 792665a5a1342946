//! Label layout: worked examples, and the layout's promises checked on every view of the
//! built-in atlas for every condition.

#![allow(clippy::unwrap_used, clippy::panic)]

use super::*;
use crate::load::load_builtin;
use crate::model::Atlas;
use crate::paint::projector::{PanZoom, Projector};
use crate::paint::segments::distance_to_segment;
use crate::scene::Scene;

fn req(x: f32, y: f32) -> LabelRequest {
    LabelRequest {
        anchor: pos2(x, y),
        others: Vec::new(),
        radius: 5.0,
        size: vec2(40.0, 14.0),
        prefer_left: false,
        priority: 0,
        strict: false,
    }
}

fn marker(n: usize) -> Vec2 {
    vec2(8.0 + 8.0 * n.to_string().len() as f32, 14.0)
}

/// Every promise of a layout: labels and markers inside the bounds, clear of each other and
/// of every dot; leaders that cross no leader, pass over no other dot and through no other
/// label; and every request shown or counted in a marker.
fn check(
    requests: &[LabelRequest],
    dots: &[(Pos2, f32)],
    bounds: Rect,
    layout: &Layout,
    what: &str,
) {
    let mut rects: Vec<(Rect, Vec<Leader>, Vec<Pos2>)> = Vec::new();
    for (i, p) in layout.placements.iter().enumerate() {
        match p {
            Placement::Shown { rect, leaders } => {
                let r = &requests[i];
                let own = std::iter::once(r.anchor)
                    .chain(r.others.iter().copied())
                    .collect();
                rects.push((*rect, leaders.clone(), own));
            }
            Placement::InCluster(k) => {
                assert!(
                    *k < layout.clusters.len(),
                    "{what}: request {i} is in no marker"
                );
            }
        }
    }
    for c in &layout.clusters {
        let own = c.members.iter().map(|&m| requests[m].anchor).collect();
        rects.push((c.rect, c.leader.into_iter().collect(), own));
    }
    for (i, (a, leaders, own)) in rects.iter().enumerate() {
        assert!(bounds.contains_rect(*a), "{what}: {a:?} leaves the canvas");
        for (c, r) in dots {
            assert!(
                !circle_hits_rect(*c, *r, *a),
                "{what}: label {a:?} covers the dot at {c:?}"
            );
        }
        for (j, (b, other_leaders, _)) in rects.iter().enumerate() {
            if i == j {
                continue;
            }
            assert!(!a.intersects(*b), "{what}: labels {a:?} and {b:?} overlap");
            for l in leaders {
                assert!(
                    !segment_hits_rect(l.from, l.to, b.shrink(0.5)),
                    "{what}: a leader of {a:?} runs through the label {b:?}"
                );
                for m in other_leaders {
                    assert!(
                        !segments_cross(*l, *m),
                        "{what}: leaders of {a:?} and {b:?} cross"
                    );
                }
            }
        }
        for l in leaders {
            for (c, r) in dots {
                if own.iter().any(|o| o.distance(*c) < 0.5) {
                    continue;
                }
                assert!(
                    distance_to_segment(*c, l.from, l.to) >= *r,
                    "{what}: a leader of {a:?} passes over the dot at {c:?}"
                );
            }
        }
    }
}

#[test]
fn a_lone_label_sits_right_beside_its_dot() {
    let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
    let layout = place(
        &[req(100.0, 100.0)],
        &[(pos2(100.0, 100.0), 5.0)],
        &[],
        bounds,
        marker,
    );
    match &layout.placements[0] {
        Placement::Shown { rect, leaders } => {
            assert!(rect.min.x > 105.0 && rect.center().y == 100.0);
            assert!(leaders.is_empty());
        }
        other @ Placement::InCluster(_) => panic!("{other:?}"),
    }
}

#[test]
fn a_crowded_column_of_dots_gets_uncrossed_leaders_and_a_marker_for_the_rest() {
    let bounds = Rect::from_min_size(Pos2::ZERO, vec2(300.0, 600.0));
    // A column of dots 2 points apart, denser than any row on a figure.
    let requests: Vec<_> = (0..120)
        .map(|i| req(150.0, 20.0 + i as f32 * 2.0))
        .collect();
    let dots: Vec<_> = requests.iter().map(|r| (r.anchor, r.radius)).collect();
    let layout = place(&requests, &dots, &[], bounds, marker);
    let shown = layout
        .placements
        .iter()
        .filter(|p| matches!(p, Placement::Shown { .. }))
        .count();
    assert!(shown > 10, "most labels find a place ({shown})");
    assert!(
        !layout.clusters.is_empty(),
        "the rest are counted in markers"
    );
    check(&requests, &dots, bounds, &layout, "column");
}

#[test]
fn a_label_with_no_room_on_a_tiny_canvas_is_drawn_over_nothing() {
    let bounds = Rect::from_min_size(Pos2::ZERO, vec2(20.0, 20.0));
    let layout = place(&[req(10.0, 10.0)], &[], &[], bounds, marker);
    assert!(matches!(layout.placements[0], Placement::InCluster(_)));
}

#[test]
fn a_label_naming_two_dots_of_one_point_reaches_both() {
    let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
    let mut two = req(200.0, 200.0);
    two.others = vec![pos2(215.0, 185.0)];
    let dots = [(pos2(200.0, 200.0), 5.0), (pos2(215.0, 185.0), 5.0)];
    let layout = place(&[two.clone()], &dots, &[], bounds, marker);
    let Placement::Shown { leaders, .. } = &layout.placements[0] else {
        panic!("shown")
    };
    assert!(!leaders.is_empty(), "the second dot is joined to the label");
    check(&[two], &dots, bounds, &layout, "pair");
}

/// The label requests the canvas makes for a scene, with label sizes as Noto Sans at 14
/// points gives them (about 7.6 points a character).
fn requests_for(atlas: &Atlas, scene: &Scene, rect: Rect) -> (Vec<LabelRequest>, Vec<(Pos2, f32)>) {
    let figure = atlas.figure(&scene.figure).unwrap();
    let proj = Projector::fit(rect, figure, PanZoom::default());
    let dots = crate::paint::dots::dots(atlas, scene, figure, &proj, rect);
    let midline = figure.midline_x.map(|x| {
        proj.screen_from_figure(crate::model::FigurePos::new(x, 0.0))
            .x
    });
    let requests = crate::paint::point_labels::label_requests(scene, &dots, midline, |text| {
        vec2(text.chars().count() as f32 * 7.6 + 6.0, 21.0)
    })
    .into_iter()
    .map(|(r, _, _)| r)
    .collect();
    let all = dots.iter().map(|d| (d.at, d.radius)).collect();
    (requests, all)
}

#[test]
fn on_every_view_for_every_condition_labels_keep_their_promises() {
    let atlas = load_builtin().unwrap();
    let mut conditions: Vec<Option<crate::model::ConditionId>> = atlas
        .conditions()
        .iter()
        .map(|c| Some(c.id.clone()))
        .collect();
    conditions.push(None);
    for size in [vec2(680.0, 650.0), vec2(1300.0, 960.0)] {
        let rect = Rect::from_min_size(pos2(0.0, 0.0), size);
        for figure in atlas.figures() {
            for condition in &conditions {
                let points = atlas
                    .condition_points(condition.as_ref())
                    .iter()
                    .map(|p| p.code.clone())
                    .collect();
                let mut scene = Scene::new(figure.id.clone(), points);
                scene.condition.clone_from(condition);
                let (requests, dots) = requests_for(&atlas, &scene, rect);
                let layout = place(&requests, &dots, &[], rect.shrink(2.0), marker);
                let what = format!("{} / {condition:?} at {size:?}", figure.id);
                check(&requests, &dots, rect.shrink(2.0), &layout, &what);
                // Every point drawn on the figure asks for a label, and every request is shown
                // or counted in a marker (`check`).
                let drawn = scene
                    .points
                    .iter()
                    .filter(|c| {
                        !atlas
                            .sites_for(c, &figure.id, condition.as_ref())
                            .is_empty()
                    })
                    .count();
                assert_eq!(requests.len(), drawn, "{what}");
            }
        }
    }
}
