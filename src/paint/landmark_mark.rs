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
    let (above, below) = (
        (Align2::CENTER_BOTTOM, vec2(0.0, -radius - 6.0)),
        (Align2::CENTER_TOP, vec2(0.0, radius + 6.0)),
    );
    let (right, left) = (
        (Align2::LEFT_CENTER, vec2(radius + 6.0, 0.0)),
        (Align2::RIGHT_CENTER, vec2(-radius - 6.0, 0.0)),
    );
    let places = if on_midline {
        [above, below]
    } else if outward {
        [right, left]
    } else {
        [left, right]
    };
    let font = FontId::proportional(14.0 * scale);
    let galley = painter.layout_no_wrap(capital_first(&mark.name), font, canvas.highlight);
    // The name never covers the click's cross: it goes to the other side when it would.
    let cross = scene.marker.map(|m| {
        let s = 9.0 * scale;
        egui::Rect::from_center_size(proj.screen_from_figure(m), vec2(2.0 * s, 2.0 * s))
    });
    let rect_at =
        |(anchor, offset): (Align2, egui::Vec2)| anchor.anchor_size(at + offset, galley.size());
    let rect = places
        .iter()
        .map(|p| rect_at(*p))
        .find(|r| cross.is_none_or(|c| !r.expand(3.0).intersects(c)))
        .unwrap_or_else(|| rect_at(places[0]));
    painter.rect_filled(rect.expand(3.0), 3.0, layer.legend_fill);
    painter.galley(rect.min, galley, canvas.highlight);
}

fn capital_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{FigureId, LandmarkId, StructureId};
    use crate::paint::PanZoom;
    use egui::{Pos2, Rect};

    /// The rectangle of the landmark's name drawn with the click at `click` (screen points
    /// off the landmark), and the landmark's place on the screen.
    fn name_rect(click: egui::Vec2) -> (Rect, Pos2) {
        let atlas = crate::load::load_builtin().unwrap();
        let figure = atlas.figure(&FigureId::new("posterior")).unwrap();
        let rect = Rect::from_min_size(Pos2::ZERO, vec2(800.0, 800.0));
        let proj = Projector::fit(rect, figure, PanZoom::default());
        let landmark = LandmarkId::new("l2_spinous_lower");
        let place = proj.screen_from_figure(figure.landmark(&landmark).unwrap().at);
        let mut scene = Scene::new(figure.id.clone(), Vec::new());
        scene.marker = Some(proj.figure_from_screen(place + click));
        let mark = LandmarkMark {
            structure: StructureId::new("l2_spinous"),
            landmark,
            spot: true,
            name: "L2 spinous process".to_owned(),
        };
        let ctx = egui::Context::default();
        let mut out = ctx.run_ui(egui::RawInput::default(), |ui| {
            draw_landmark_mark(ui.painter(), &atlas, &scene, figure, &proj, &mark);
        });
        out.textures_delta.clear();
        let text = out
            .shapes
            .iter()
            .find_map(|c| match &c.shape {
                egui::Shape::Text(t) if t.galley.text() == "L2 spinous process" => {
                    Some(t.visual_bounding_rect())
                }
                _ => None,
            })
            .unwrap();
        (text, place)
    }

    #[test]
    fn the_landmarks_name_never_covers_the_click() {
        for click in [
            vec2(0.0, -30.0),
            vec2(0.0, -22.0),
            vec2(0.0, 30.0),
            vec2(4.0, -26.0),
        ] {
            let (text, place) = name_rect(click);
            let cross = Rect::from_center_size(place + click, vec2(14.0, 14.0));
            assert!(
                !text.intersects(cross),
                "{click:?}: {text:?} over {cross:?}"
            );
        }
    }

    #[test]
    fn a_midline_landmarks_name_sits_above_it_when_the_click_is_elsewhere() {
        let (text, place) = name_rect(vec2(30.0, 0.0));
        assert!(
            text.bottom() < place.y,
            "{text:?} for a landmark at {place:?}"
        );
    }
}
