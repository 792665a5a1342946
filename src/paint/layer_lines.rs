//! The layers over the figure: bones with their level tags, muscles and nerves, the channels
//! with their tags and direction of flow, a landmark step's highlighter, the selected point's
//! neighbours on its channel, the palpation frame, and a legend naming what is drawn (the tags
//! are placed by `layer_tags.rs`, the strokes drawn by `strokes.rs`).
//!
//! The curves come ready-made from the atlas (computed once per figure when it loads, sampled
//! only as finely as their bends need); a frame only projects them.

use super::dots::Dot;
use super::layer_tags::{PlacedTag, Tags};
use super::point_labels::LABEL_SIZE;
use super::projector::Projector;
use super::step_lights;
use super::strokes::{brackets, dashed, extent, flow_arrows, line, screen};
use super::theme::{self, LayerColors};
use crate::model::{AnatomyLayer, Atlas, Figure, PlacedPath, Structure};
use crate::placement::step_marks::landmark_spots;
use crate::scene::{Scene, StepFocus};
use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, vec2};

/// Draws the layers that go under the dots (bones, muscles, nerves, channels, highlighters)
/// and their tags. Returns the places of the tags (and of the neighbours' rings), for the point
/// labels to keep clear of, and the tags to draw over the dots once they are down.
pub fn draw_under(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    dots: &[Dot<'_>],
) -> (Vec<Rect>, Vec<PlacedTag>) {
    let layers = &scene.layers;
    if !layers.any() {
        return (Vec::new(), Vec::new());
    }
    let colors = theme::layer_colors(scene.theme);
    let width = (proj.scale() * 0.0022).clamp(1.2, 4.0);
    let mut tags = Tags::new(dots, scene.scale);
    let shown: Vec<&Structure> = atlas
        .structures()
        .iter()
        .filter(|s| layers.shows(s))
        .collect();
    highlighters(
        painter,
        atlas,
        scene,
        figure,
        proj,
        width,
        colors.highlighter,
    );
    named_tags(painter, atlas, scene, figure, proj, &mut tags);
    for layer in [
        AnatomyLayer::Muscles,
        AnatomyLayer::Bones,
        AnatomyLayer::Nerves,
    ] {
        for s in shown.iter().filter(|s| s.layer == layer) {
            if layers.named.contains(&s.id) {
                // Its tag is placed already, before every other.
                let tagless = Structure {
                    tag: None,
                    ..(*s).clone()
                };
                draw_structure(
                    painter, atlas, &tagless, figure, proj, &colors, width, &mut tags,
                );
                continue;
            }
            draw_structure(painter, atlas, s, figure, proj, &colors, width, &mut tags);
        }
    }
    channels(painter, atlas, scene, figure, proj, width, &mut tags);
    if let Some(StepFocus::Landmark(_)) = &layers.step
        && let Some(point) = scene.selected.as_ref().and_then(|c| atlas.point(c))
    {
        step_lights::draw_landmarks(painter, atlas, scene, point, figure, proj, &mut tags);
    }
    tags.flush(painter);
    // A neighbour drawn as a dot keeps its own label (the labels keep clear of its dot); only
    // one drawn as a ring alone, with its code beside it, is kept clear of other labels.
    let drawn = |code: &crate::model::PointCode| scene.show_dots && scene.points.contains(code);
    for code in layers
        .focus
        .iter()
        .flat_map(|f| &f.neighbours)
        .filter(|c| !drawn(c))
    {
        for site in atlas.sites_for(code, &figure.id, scene.condition.as_ref()) {
            let at = proj.screen_from_figure(site.at);
            tags.taken.push(Rect::from_center_size(
                at,
                egui::Vec2::splat(22.0 * scene.scale),
            ));
        }
    }
    let over_dots = tags.take_over_dots();
    (tags.taken, over_dots)
}

/// The tags of the structures a lesson step names, placed before any other tag so they
/// always find a place: the structure's own tag (`L4`), else its name, in the highlight ink.
fn named_tags(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    tags: &mut Tags<'_>,
) {
    let ink = theme::canvas_colors(scene.theme).highlight;
    let fill = theme::layer_colors(scene.theme).legend_fill;
    for s in scene
        .layers
        .named
        .iter()
        .filter_map(|id| atlas.structure(id))
    {
        // A level's short tag as large as the labels; a structure's whole name smaller.
        let (text, size) = match &s.tag {
            Some(tag) => (tag.as_str(), 14.0 * scene.scale),
            None => (s.name.as_str(), 12.0 * scene.scale.sqrt()),
        };
        let font = FontId::new(size, super::fonts::bold());
        let Some(path) = atlas
            .structure_paths(&s.id, &figure.id)
            .find(|p| !p.mirrored)
        else {
            continue;
        };
        let (min_x, max_x, mid_y) = extent(&screen(proj, path));
        let at = Pos2::new(min_x, mid_y);
        if !tags.place_left(painter, at, text, font.clone(), ink, fill) {
            // Among crowded dots, further out to a side rather than not at all.
            let centre = Pos2::new(f32::midpoint(min_x, max_x), mid_y);
            let half = (max_x - min_x) * 0.5 + 3.0;
            for out in [0.0, 20.0, 45.0, 75.0, 110.0, 150.0] {
                let gap = half + out * scene.scale;
                if tags.place_level(painter, centre, gap, text, font.clone(), ink, fill) {
                    break;
                }
            }
        }
    }
}

/// The highlighters under a landmark step: the structures that mark the landmark, or the
/// span the point is measured on, `width` being the layers' line width.
fn highlighters(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    width: f32,
    ink: Color32,
) {
    let layers = &scene.layers;
    for id in &layers.named {
        for path in atlas.structure_paths(id, &figure.id) {
            let pts = screen(proj, path);
            painter.add(line(pts, Stroke::new(width * 4.0, ink), path.closed));
        }
    }
    let selected = scene.selected.as_ref().and_then(|c| atlas.point(c));
    if let Some(StepFocus::Landmark(_)) = &layers.step
        && let Some(point) = selected
    {
        // Every landmark the step names (both ends of a line), not only the first.
        let spots = landmark_spots(point, figure);
        let mut marked: Vec<&crate::model::LandmarkId> = Vec::new();
        for spot in &spots {
            if marked.contains(&&spot.landmark) {
                continue;
            }
            marked.push(&spot.landmark);
            for s in atlas.structures_marking(&spot.landmark) {
                for path in atlas.structure_paths(&s.id, &figure.id) {
                    let pts = screen(proj, path);
                    painter.add(line(pts, Stroke::new(width * 5.0, ink), path.closed));
                }
            }
        }
    }
    if layers.step == Some(StepFocus::Measure)
        && let Some(point) = selected
    {
        step_lights::draw_measure(painter, point, figure, proj, width, ink);
    }
}

/// Draws what goes over the dots and labels: rings on the neighbours of the selected point,
/// the palpation frame, and the legend.
pub fn draw_over(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    rect: Rect,
) {
    let layers = &scene.layers;
    if !layers.any() {
        return;
    }
    let colors = theme::layer_colors(scene.theme);
    let canvas = theme::canvas_colors(scene.theme);
    let base =
        (rect.size().min_elem() * 0.0065 * proj.zoom().sqrt()).clamp(4.5, 14.0) * scene.scale;
    if let Some(focus) = &layers.focus {
        let ink = theme::channel_color(focus.channel.as_str(), scene.theme);
        let font = FontId::proportional(LABEL_SIZE * scene.scale);
        for code in &focus.neighbours {
            let drawn = scene.points.contains(code) && scene.show_dots;
            let sites = atlas.sites_for(code, &figure.id, scene.condition.as_ref());
            // One label per point, at its site furthest to the viewer's right, as the dots do.
            let labelled = sites
                .iter()
                .map(|s| s.at.x)
                .fold(f32::NEG_INFINITY, f32::max);
            for site in sites {
                let at = proj.screen_from_figure(site.at);
                painter.circle_stroke(
                    at,
                    base + 3.5 * scene.scale,
                    Stroke::new(2.0 * scene.scale.sqrt(), ink),
                );
                if !drawn {
                    painter.circle(at, base * 0.6, canvas.background, Stroke::new(1.5, ink));
                }
                if !drawn && site.at.x >= labelled {
                    painter.text(
                        at + vec2(base + 5.0 * scene.scale, 0.0),
                        Align2::LEFT_CENTER,
                        code.as_str(),
                        font.clone(),
                        ink,
                    );
                }
            }
        }
    }
    if layers.step == Some(StepFocus::Palpate)
        && let Some(code) = &scene.selected
    {
        for site in atlas.sites_for(code, &figure.id, scene.condition.as_ref()) {
            brackets(
                painter,
                proj.screen_from_figure(site.at),
                base * 3.0,
                canvas.highlight,
            );
        }
    }
    if scene.calibration {
        stations(painter, atlas, scene, figure, proj);
    }
    super::legend::draw(painter, atlas, scene, figure, proj, rect, &colors);
}

/// For atlas authors: a small cross where each station of the drawn channels and structures
/// landed, in its channel's colour (the calibration view).
fn stations(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
) {
    let cross = |at: Pos2, ink: Color32| {
        let stroke = Stroke::new(1.5, ink);
        painter.line_segment([at - vec2(3.0, 3.0), at + vec2(3.0, 3.0)], stroke);
        painter.line_segment([at - vec2(3.0, -3.0), at + vec2(3.0, -3.0)], stroke);
    };
    for channel in atlas
        .channels()
        .iter()
        .filter(|c| scene.layers.shows_channel(&c.id))
    {
        let ink = theme::channel_color(channel.id.as_str(), scene.theme);
        for path in atlas.channel_paths(&channel.id, &figure.id) {
            for at in &path.stations {
                cross(proj.screen_from_figure(*at), ink);
            }
        }
    }
    let ink = theme::layer_colors(scene.theme).bone_tag;
    for s in atlas.structures().iter().filter(|s| scene.layers.shows(s)) {
        for path in atlas.structure_paths(&s.id, &figure.id) {
            for at in &path.stations {
                cross(proj.screen_from_figure(*at), ink);
            }
        }
    }
}

/// One structure: a bone in bone ink with its tag, a muscle as a faint dashed outline, a nerve
/// as a yellow line with dark edges.
#[allow(
    clippy::too_many_arguments,
    reason = "the painter, the data and the projection"
)]
fn draw_structure(
    painter: &egui::Painter,
    atlas: &Atlas,
    structure: &Structure,
    figure: &Figure,
    proj: &Projector,
    colors: &LayerColors,
    width: f32,
    tags: &mut Tags<'_>,
) {
    let paths: Vec<&PlacedPath> = atlas.structure_paths(&structure.id, &figure.id).collect();
    for path in &paths {
        stroke_structure(
            painter,
            structure,
            screen(proj, path),
            path.closed,
            colors,
            width,
        );
    }
    let Some(tag) = &structure.tag else {
        return;
    };
    // The tag goes beside the structure on the landmarks' side (a spinous process's tag to
    // the viewer's left of the spine).
    if let Some(first) = paths.iter().find(|p| !p.mirrored) {
        let pts = screen(proj, first);
        let (min_x, max_x, mid_y) = extent(&pts);
        let ink = match structure.layer {
            AnatomyLayer::Nerves => colors.nerve_casing,
            _ => colors.bone_tag,
        };
        let font = FontId::proportional(11.0 * tags.text);
        let at = Pos2::new(min_x, mid_y);
        let gap = (max_x - min_x) * 0.5;
        let centre = Pos2::new(min_x + gap, mid_y);
        let placed = tags.place_left(painter, at, tag, font.clone(), ink, colors.legend_fill)
            || tags.place(
                painter,
                centre,
                gap + 3.0,
                tag,
                font.clone(),
                ink,
                colors.legend_fill,
            );
        // A bone's level (L2, L4) is the landmark the lumbar points are counted from: among
        // their dots it still shows, above them.
        if !placed && structure.layer == AnatomyLayer::Bones {
            tags.place_over_dots(painter, at, tag, font, (ink, colors.legend_fill));
        }
    }
}

/// One path of a structure: a bone solid (or dashed, as the atlas says), a muscle dashed and
/// faint, a nerve as a yellow line with dark edges.
fn stroke_structure(
    painter: &egui::Painter,
    structure: &Structure,
    pts: Vec<Pos2>,
    closed: bool,
    colors: &LayerColors,
    width: f32,
) {
    match structure.layer {
        AnatomyLayer::Bones if structure.dashed => {
            dashed(
                painter,
                pts,
                closed,
                Stroke::new(width * 0.8, colors.bone),
                6.0,
            );
        }
        AnatomyLayer::Bones => {
            painter.add(line(pts, Stroke::new(width * 0.9, colors.bone), closed));
        }
        AnatomyLayer::Muscles => {
            dashed(
                painter,
                pts,
                closed,
                Stroke::new(width * 0.7, colors.muscle),
                5.0,
            );
        }
        AnatomyLayer::Nerves => {
            painter.add(line(
                pts.clone(),
                Stroke::new(width * 2.2, colors.nerve_casing),
                closed,
            ));
            painter.add(line(pts, Stroke::new(width * 1.3, colors.nerve), closed));
        }
    }
}

/// Every channel drawn on the figure: chosen ones, and the selected point's more strongly
/// (the others fade while one is in focus); yin channels dashed; arrows for the flow; a tag
/// with each channel's abbreviation.
fn channels(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    width: f32,
    tags: &mut Tags<'_>,
) {
    let layers = &scene.layers;
    let focus = layers.focus.as_ref().map(|f| &f.channel);
    let colors = theme::layer_colors(scene.theme);
    // The focused channel last, so it lies on top.
    let mut order: Vec<_> = atlas
        .channels()
        .iter()
        .filter(|c| layers.shows_channel(&c.id))
        .collect();
    order.sort_by_key(|c| Some(&c.id) == focus);
    for channel in order {
        let id = channel.id.as_str();
        let focused = Some(&channel.id) == focus;
        let mut ink = theme::channel_color(id, scene.theme);
        if focus.is_some() && !focused {
            ink = ink.gamma_multiply(0.45);
        }
        let stroke = Stroke::new(if focused { width * 1.7 } else { width }, ink);
        let paths: Vec<&PlacedPath> = atlas.channel_paths(&channel.id, &figure.id).collect();
        for path in &paths {
            let pts = screen(proj, path);
            if layers.flow {
                flow_arrows(painter, &pts, stroke);
            }
            if theme::channel_dashed(id) {
                painter.extend(egui::Shape::dashed_line(&pts, stroke, 9.0, 5.0));
            } else {
                painter.add(egui::Shape::line(pts, stroke));
            }
        }
        // One tag per channel, on its longest run on the landmarks' side.
        if let Some(longest) = paths
            .iter()
            .filter(|p| !p.mirrored)
            .max_by_key(|p| p.points.len())
        {
            let pts = screen(proj, longest);
            let font = FontId::proportional(if focused { 13.0 } else { 11.5 } * tags.text);
            let fill = colors.legend_fill;
            let text_ink = if focus.is_some() && !focused {
                ink
            } else {
                theme::channel_color(id, scene.theme)
            };
            for share in [0.5, 0.35, 0.65, 0.2, 0.8, 0.1, 0.9] {
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let i = ((pts.len().saturating_sub(1)) as f32 * share) as usize;
                if let Some(at) = pts.get(i)
                    && tags.place(painter, *at, 7.0, id, font.clone(), text_ink, fill)
                {
                    break;
                }
            }
        }
    }
}
