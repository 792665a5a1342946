//! A study answer's landmark on the canvas: the bone asked for lit up, a ring on the landmark
//! on each side, and its name beside the ring nearer the click.

use super::projector::Projector;
use super::strokes::{closed_copy, screen};
use super::theme;
use crate::model::{Atlas, Figure};
use crate::scene::{LandmarkMark, Scene};
use egui::{Align2, FontId, Stroke, vec2};

/// Draws `mark` (the landmark a study question asked for) over the figure.
pub fn draw_landmark_mark(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    mark: &LandmarkMark,
) {
    let layer = theme::layer_colors(scene.theme);
    let canvas = theme::canvas_colors(scene.theme);
    let scale = scene.scale.sqrt();
    if !mark.spot {
        for path in atlas.structure_paths(&mark.structure, &figure.id) {
            let pts = closed_copy(screen(proj, path), path.closed);
            painter.line(pts, Stroke::new(9.0 * scale, layer.highlighter));
        }
    }
    let Some(place) = figure.landmark(&mark.landmark).map(|l| l.at) else {
        return;
    };
    let mut sides = vec![place];
    let other = figure.mirror(place);
    if other.distance(place) > 1e-4 {
        sides.push(other);
    }
    let radius = 11.0 * scale;
    for at in &sides {
        let at = proj.screen_from_figure(*at);
        painter.circle_stroke(at, radius, Stroke::new(3.0, canvas.highlight));
    }
    let near = scene
        .marker
        .and_then(|m| {
            sides
                .iter()
                .min_by(|a, b| a.distance(m).total_cmp(&b.distance(m)))
        })
        .unwrap_or(&place);
    let at = proj.screen_from_figure(*near);
    // The name goes on the side away from the midline, so it does not cover the spine; above
    // a landmark on the midline, so it does not cover the points on either side.
    let on_midline = sides.len() == 1 && figure.midline_x.is_some();
    let outward = figure.midline_x.is_none_or(|x| near.x >= x);
    let (anchor, offset) = if on_midline {
        (Align2::CENTER_BOTTOM, vec2(0.0, -radius - 6.0))
    } else if outward {
        (Align2::LEFT_CENTER, vec2(radius + 6.0, 0.0))
    } else {
        (Align2::RIGHT_CENTER, vec2(-radius - 6.0, 0.0))
    };
    let font = FontId::proportional(14.0 * scale);
    let galley = painter.layout_no_wrap(capital_first(&mark.name), font, canvas.highlight);
    let rect = anchor.anchor_size(at + offset, galley.size());
    painter.rect_filled(rect.expand(3.0), 3.0, layer.legend_fill);
    painter.galley(rect.min, galley, canvas.highlight);
}

fn capital_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
