//! The dots of a scene: every site of every point on the figure, coloured by region and sized
//! by the canvas.

use super::projector::Projector;
use super::theme;
use crate::model::{Atlas, Figure, Point};
use crate::scene::Scene;
use egui::{Color32, Pos2, Rect};

/// One drawn site of a point.
#[derive(Clone, Debug)]
pub struct Dot<'a> {
    pub point: &'a Point,
    pub at: Pos2,
    pub radius: f32,
    pub color: Color32,
    /// Only one site of a point gets a label.
    pub labelled: bool,
}

/// The radius of a plain dot, in points, on a canvas `rect` at `zoom` and the scene's `scale`
/// (emphasised and selected dots are [`EMPHASIS`] times larger).
pub fn dot_radius(rect: Rect, zoom: f32, scale: f32) -> f32 {
    // Sized by the canvas, not by figure units (close-ups use other units), growing gently
    // with zoom so dense rows separate as the user zooms in, and with the scene's scale a
    // little less than the labels do, so a row of dots stays a row when presenting.
    (rect.size().min_elem() * 0.0062 * zoom.powf(0.35)).clamp(3.5, 12.0) * scale.powf(0.75)
}

/// How much larger an emphasised or selected dot is than a plain one.
pub const EMPHASIS: f32 = 1.35;
/// How much smaller a dimmed dot is (while some points are emphasised).
pub const DIMMED: f32 = 0.7;

/// Every site of every point of the scene on this figure, sized by the canvas.
pub fn dots<'a>(
    atlas: &'a Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    rect: Rect,
) -> Vec<Dot<'a>> {
    let base = dot_radius(rect, proj.zoom(), scene.scale);
    let dimming = !scene.highlighted.is_empty();
    let colors = theme::canvas_colors(scene.theme);
    let condition = scene.condition.as_ref();
    let mut out = Vec::new();
    for point in scene.points.iter().filter_map(|c| atlas.point(c)) {
        let region = atlas.display_region(point, condition).map(|(i, _)| i);
        let lit = scene.highlighted.contains(&point.code);
        let color = match region {
            Some(_) if dimming && !lit => colors.dimmed_dot,
            Some(i) => theme::region_color(i, scene.theme),
            None => theme::NO_REGION,
        };
        // Dimmed dots shrink too, leaving room around the emphasised ones for their labels.
        let radius = if Some(&point.code) == scene.selected.as_ref() || (dimming && lit) {
            base * EMPHASIS
        } else if dimming {
            base * DIMMED
        } else {
            base
        };
        let sites = atlas.sites_for(&point.code, &figure.id, condition);
        // Label the site furthest to the viewer's right (bilateral labels go right of the
        // midline; midline points label to the left); a patient's number goes to the top
        // one of a row (a row of vertebral sites ends at its top in the open, not among the
        // sites below it).
        let top = scene.labels.is_numbered();
        let labelled = sites
            .iter()
            .enumerate()
            .max_by(|a, b| {
                let by_x = a.1.at.x.total_cmp(&b.1.at.x);
                if top {
                    by_x.then(b.1.at.y.total_cmp(&a.1.at.y))
                } else {
                    by_x
                }
            })
            .map(|(i, _)| i);
        for (i, site) in sites.iter().enumerate() {
            out.push(Dot {
                point,
                at: proj.screen_from_figure(site.at),
                radius,
                color,
                labelled: Some(i) == labelled,
            });
        }
    }
    out
}
