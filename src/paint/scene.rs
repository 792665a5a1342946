//! Puts a [`Scene`] on an egui painter: the figure's art, the dots coloured by region, the
//! selected point's ruler, the labels, the answer mark and the spotlight. The window's canvas
//! and the windowless renderer both draw through [`draw_scene`].

/// Label text size at scale 1, in points (kept here too, where the labels' tests look).
pub use super::point_labels::LABEL_SIZE;

use super::art::{self, Art};
use super::dots::{Dot, dots};
use super::layer_lines;
use super::point_labels::draw_labels;
use super::projector::Projector;
use super::ruler;
use super::theme::{self, CanvasColors};
use crate::model::{Atlas, Figure, Point, PointCode};
use crate::scene::Scene;
use egui::{Color32, Pos2, Rect, Stroke};

/// What was drawn, for hit testing and for tests that look for a point on screen.
pub struct Drawn<'a> {
    pub dots: Vec<Dot<'a>>,
    /// The point under the pointer, if any.
    pub hovered: Option<&'a Point>,
    /// Markers such as "+4" for labels that found no place, with the points each stands for.
    pub clusters: Vec<(Rect, Vec<PointCode>)>,
    /// Each shown label's box with its point.
    pub labels: Vec<(Rect, PointCode)>,
    /// What lies over the figure besides labels: the ruler's and the layers' texts, the
    /// region key.
    pub overlays: Vec<Rect>,
}

/// Draws `scene` of `figure` into `rect` through `proj`. `mouse` is where the pointer is (it
/// picks the hovered dot and centres the spotlight).
#[allow(
    clippy::too_many_arguments,
    reason = "the painter, the data and the projection are all needed"
)]
pub fn draw_scene<'a>(
    painter: &egui::Painter,
    rect: Rect,
    atlas: &'a Atlas,
    scene: &Scene,
    figure: &Figure,
    figure_art: &Art,
    proj: &Projector,
    mouse: Option<Pos2>,
) -> Drawn<'a> {
    let colors = theme::canvas_colors(scene.theme);
    painter.rect_filled(rect, 0.0, colors.background);
    let bones = scene.layers.bones.then_some(crate::model::ShapeKind::Bone);
    art::draw_except(painter, figure_art, proj, &colors, bones);
    let dots = if scene.show_dots {
        dots(atlas, scene, figure, proj, rect)
    } else {
        Vec::new()
    };
    let (layer_tags, tags_over_dots) =
        layer_lines::draw_under(painter, atlas, scene, figure, proj, &dots);
    let hovered = mouse.filter(|p| rect.contains(*p)).and_then(|p| {
        dots.iter()
            .filter(|d| d.at.distance(p) <= d.radius + 5.0)
            .min_by(|a, b| a.at.distance(p).total_cmp(&b.at.distance(p)))
            .map(|d| d.point)
    });
    draw_dots(painter, scene, &dots, hovered, &colors);
    super::layer_tags::draw_tags(painter, &tags_over_dots);
    if scene.calibration {
        ruler::calibration(painter, figure, proj, &colors);
    }
    // The ruler goes over the dots so its ticks and count stay readable; labels keep clear
    // of its texts.
    let mut ruler_texts = match scene.selected.as_ref().and_then(|c| atlas.point(c)) {
        Some(point) if scene.ruler => {
            let obstacles: Vec<(Pos2, f32)> = dots.iter().map(|d| (d.at, d.radius)).collect();
            ruler::draw(
                painter,
                point,
                figure,
                proj,
                &colors,
                scene.scale,
                &obstacles,
            )
        }
        _ => Vec::new(),
    };
    ruler_texts.extend(layer_tags);
    // The region key before the labels, so they keep clear of it.
    let key = scene
        .region_key
        .then(|| super::region_key::draw_region_key(painter, rect, atlas, scene, &dots, &colors))
        .flatten();
    ruler_texts.extend(key);
    let midline = figure.midline_x.map(|x| {
        proj.screen_from_figure(crate::model::FigurePos::new(x, 0.0))
            .x
    });
    let placed = draw_labels(painter, scene, &dots, midline, &ruler_texts, rect, &colors);
    layer_lines::draw_over(painter, atlas, scene, figure, proj, rect);
    // The landmark's ring and name under the click's cross, so the cross always shows.
    if let Some(landmark) = &scene.landmark_mark {
        super::landmark_mark::draw_landmark_mark(painter, atlas, scene, figure, proj, landmark);
    }
    draw_marks(painter, rect, scene, proj, &dots, mouse);
    let overlays = ruler_texts;
    Drawn {
        dots,
        hovered,
        clusters: placed.clusters,
        labels: placed.labels,
        overlays,
    }
}

/// Plain dots first, then highlighted ones, then the selected and hovered ones on top, so an
/// emphasised dot is never covered by a dimmed one.
fn draw_dots(
    painter: &egui::Painter,
    scene: &Scene,
    dots: &[Dot<'_>],
    hovered: Option<&Point>,
    colors: &CanvasColors,
) {
    let emphasised = |dot: &Dot<'_>| {
        Some(&dot.point.code) == scene.selected.as_ref()
            || hovered.is_some_and(|h| h.code == dot.point.code)
    };
    let lit = |dot: &Dot<'_>| scene.highlighted.contains(&dot.point.code);
    let ring = Stroke::new(1.5, colors.dot_ring);
    for dot in dots.iter().filter(|d| !emphasised(d) && !lit(d)) {
        ringed_dot(painter, dot.at, dot.radius, dot.color, ring);
    }
    for dot in dots.iter().filter(|d| !emphasised(d) && lit(d)) {
        ringed_dot(painter, dot.at, dot.radius, dot.color, ring);
    }
    for dot in dots
        .iter()
        .filter(|d| scene.in_plan.contains(&d.point.code))
    {
        painter.circle_stroke(
            dot.at,
            dot.radius + 2.5 * scene.scale.sqrt(),
            Stroke::new(1.8, colors.label_text),
        );
    }
    for dot in dots.iter().filter(|d| emphasised(d)) {
        ringed_dot(painter, dot.at, dot.radius, dot.color, ring);
        painter.circle_stroke(
            dot.at,
            dot.radius + 3.5 * scene.scale.sqrt(),
            Stroke::new(2.5, colors.highlight),
        );
    }
}

/// What goes over everything: the answer's mark and the spotlight.
fn draw_marks(
    painter: &egui::Painter,
    rect: Rect,
    scene: &Scene,
    proj: &Projector,
    dots: &[Dot<'_>],
    mouse: Option<Pos2>,
) {
    let colors = &theme::canvas_colors(scene.theme);
    if let Some(mark) = scene.marker {
        let at = proj.screen_from_figure(mark);
        let s = 7.0 * scene.scale;
        let stroke = Stroke::new(2.5, colors.highlight);
        painter.line_segment([at - egui::vec2(s, s), at + egui::vec2(s, s)], stroke);
        painter.line_segment([at - egui::vec2(s, -s), at + egui::vec2(s, -s)], stroke);
    }
    if scene.spotlight {
        let selected_at = scene
            .selected
            .as_ref()
            .and_then(|c| dots.iter().find(|d| &d.point.code == c))
            .map(|d| d.at);
        if let Some(centre) = mouse.filter(|p| rect.contains(*p)).or(selected_at) {
            spotlight(painter, rect, centre);
        }
    }
}

/// A filled dot with a ring round its outside (as egui strokes a circle). When both colours
/// are opaque it is drawn as two discs, the ring's colour under the fill's: the tessellator
/// fills a disc with about 70 vertices (4 when it is small) but strokes a circle with about
/// 130, and a frame of the back figure has over a hundred dots. Translucent colours keep the
/// stroked circle, which looks the same only when nothing shows through.
pub fn ringed_dot(painter: &egui::Painter, at: Pos2, radius: f32, fill: Color32, ring: Stroke) {
    if fill.is_opaque() && ring.color.is_opaque() {
        painter.circle_filled(at, radius + ring.width, ring.color);
        painter.circle_filled(at, radius, fill);
    } else {
        painter.circle(at, radius, fill, ring);
    }
}

/// The radius of the clear circle of the spotlight.
pub fn spotlight_radius(rect: Rect) -> f32 {
    rect.size().min_elem() * 0.17
}

/// Dims everything in `rect` but a circle around `centre`: a ring-shaped mesh from the
/// circle out past the corners of the canvas.
fn spotlight(painter: &egui::Painter, rect: Rect, centre: Pos2) {
    let inner = spotlight_radius(rect);
    let outer = inner + rect.size().length() * 2.0;
    let mut mesh = egui::Mesh::default();
    let steps: u32 = 96;
    for i in 0..steps {
        let a = std::f32::consts::TAU * i as f32 / steps as f32;
        let dir = egui::vec2(a.cos(), a.sin());
        mesh.colored_vertex(centre + dir * inner, theme::SPOTLIGHT_VEIL);
        mesh.colored_vertex(centre + dir * outer, theme::SPOTLIGHT_VEIL);
    }
    for i in 0..steps {
        let next = (i + 1) % steps;
        let (inner_here, outer_here) = (2 * i, 2 * i + 1);
        let (inner_next, outer_next) = (2 * next, 2 * next + 1);
        mesh.add_triangle(inner_here, outer_here, inner_next);
        mesh.add_triangle(outer_here, outer_next, inner_next);
    }
    painter.add(egui::Shape::mesh(mesh));
    painter.circle_stroke(
        centre,
        inner,
        Stroke::new(2.0, Color32::from_white_alpha(160)),
    );
}
