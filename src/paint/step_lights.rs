//! What a location step draws over the figure: the landmarks of "1. Landmark" as diamonds
//! with their names (both sides of a bilateral point, both ends of a line), and the line of
//! "2. Measure" as a highlighter with a tick at every cun or part. What is lit comes from
//! `scene::step_marks`, which the tests hold to the steps' words.

use super::layer_tags::Tags;
use super::projector::Projector;
use super::strokes::{diamond, line};
use super::theme;
use crate::model::{Atlas, Figure, LandmarkId, Point};
use crate::placement::step_marks::{landmark_spots, measure_lines};
use crate::scene::Scene;
use egui::{Color32, FontId, Stroke};

/// The Measure step's highlighter under the dots: each line, `width` being the layers' line
/// width, with a short crossbar at every mark.
pub fn draw_measure(
    painter: &egui::Painter,
    point: &Point,
    figure: &Figure,
    proj: &Projector,
    width: f32,
    ink: Color32,
) {
    for l in measure_lines(point, figure) {
        let from = proj.screen_from_figure(l.from);
        let to = proj.screen_from_figure(l.to);
        painter.add(line(vec![from, to], Stroke::new(width * 6.0, ink), false));
        let along = (to - from).normalized();
        let across = egui::vec2(-along.y, along.x) * (width * 5.0).max(6.0);
        let tick = Stroke::new(width.max(1.5), ink.to_opaque());
        for m in &l.marks {
            let at = proj.screen_from_figure(*m);
            painter.line_segment([at - across, at + across], tick);
        }
    }
}

/// The Landmark step's diamonds and names over the layers: each landmark named once, at its
/// first spot.
pub fn draw_landmarks(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    point: &Point,
    figure: &Figure,
    proj: &Projector,
    tags: &mut Tags,
) {
    let colors = theme::layer_colors(scene.theme);
    let ink = theme::canvas_colors(scene.theme).highlight;
    let font = FontId::proportional(12.5 * scene.scale.sqrt());
    let mut named: Vec<&LandmarkId> = Vec::new();
    let spots = landmark_spots(point, figure);
    for spot in &spots {
        let at = proj.screen_from_figure(spot.at);
        diamond(painter, at, 5.0 * scene.scale.sqrt(), ink);
        if named.contains(&&spot.landmark) {
            continue;
        }
        named.push(&spot.landmark);
        let name = atlas
            .structures_marking(&spot.landmark)
            .next()
            .map(|s| s.name.as_str())
            .or_else(|| figure.landmark(&spot.landmark).map(|l| l.name.as_str()));
        if let Some(name) = name {
            tags.place(
                painter,
                at,
                9.0,
                name,
                font.clone(),
                ink,
                colors.legend_fill,
            );
        }
    }
}
