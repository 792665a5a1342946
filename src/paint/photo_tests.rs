//! Labels on the photo: each number beside its own dot, never between the two dots of a pair
//! where it would read as the other's.

use super::*;
use crate::model::{FigurePos, PointCode, Side};
use crate::scene::Theme;
use crate::scene::photo::PhotoDot;

fn dot(code: &str, label: &str, x: f32, y: f32, selected: bool) -> PhotoDot {
    PhotoDot {
        code: PointCode::new(code),
        side: if x < 600.0 { Side::Left } else { Side::Right },
        at: FigurePos::new(x, y),
        label: label.to_owned(),
        region: Some(0),
        selected,
        in_plan: false,
        labelled: label.is_empty() || x > 600.0,
    }
}

/// The lower back of a plan as a patient sees it: three pairs beside the spine a little
/// apart, numbered out of order, and a pair on the buttocks; `selected` the chosen one.
fn plan_scene(selected: Option<&str>) -> PhotoScene {
    let mut dots = Vec::new();
    for (code, label, y) in [
        ("BL26", "1", 1180.0),
        ("BL23", "2", 1004.0),
        ("BL25", "3", 1120.0),
        ("GB30", "4", 1338.0),
    ] {
        let selected = selected == Some(code);
        let dx = if code == "GB30" { 390.0 } else { 128.0 };
        dots.push(dot(code, label, 600.0 - dx / 2.0, y, selected));
        dots.push(dot(code, label, 600.0 + dx / 2.0, y, selected));
    }
    PhotoScene {
        size: (1200.0, 1600.0),
        dots,
        marks: Vec::new(),
        expected: None,
        ruler: None,
        midline: Vec::new(),
        note: None,
        theme: Theme::Light,
    }
}

#[test]
fn each_number_on_the_photo_is_nearer_its_own_dot_than_any_other() {
    for selected in [None, Some("BL25"), Some("BL26")] {
        numbers_beside_their_dots(&plan_scene(selected));
    }
}

fn numbers_beside_their_dots(scene: &PhotoScene) {
    let ctx = egui::Context::default();
    let mut drawn = None;
    let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
        let painter = ui.painter();
        // The photo as the window shows it, about 500 points wide, at Patient mode's scale.
        let proj = PhotoProjector::fit(
            Rect::from_min_size(pos2(0.0, 0.0), vec2(500.0, 665.0)),
            scene.size,
        );
        drawn = Some(draw_photo(painter, &proj, None, scene, 1.35));
    });
    out.textures_delta.clear();
    let drawn = drawn.expect("drawn");
    assert_eq!(
        drawn.labels.len(),
        4,
        "every number shown: {:?}",
        drawn.labels
    );
    for (i, rect) in &drawn.labels {
        let own = drawn.dots.get(*i).copied().expect("its dot");
        let near = rect.distance_to_pos(own);
        for (j, other) in drawn.dots.iter().enumerate() {
            let same_point =
                scene.dots.get(j).map(|d| &d.code) == scene.dots.get(*i).map(|d| &d.code);
            if j != *i && !same_point {
                assert!(
                    near < rect.distance_to_pos(*other),
                    "label {rect:?} of dot {i} is nearer dot {j}"
                );
            }
            // Never between the two dots of its own pair.
            if j != *i && same_point {
                let (lo, hi) = (own.x.min(other.x), own.x.max(other.x));
                assert!(
                    !(rect.center().x > lo && rect.center().x < hi),
                    "label {rect:?} of dot {i} sits between its pair"
                );
            }
        }
    }
}
