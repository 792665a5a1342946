//! The layers over the figure: bones with their level tags, muscles and nerves, the channels
//! with their tags and direction of flow, a landmark step's highlighter, the selected point's
//! neighbours on its channel, the palpation frame, and a legend naming what is drawn.
//!
//! The curves come ready-made from the atlas (computed once per figure when it loads, sampled
//! only as finely as their bends need); a frame only projects them.

use super::projector::Projector;
use super::scene::Dot;
use super::theme::{self, LayerColors};
use crate::model::{AnatomyLayer, Atlas, Figure, FigurePos, PlacedPath, ShapeKind, Structure};
use crate::placement::ruler_for;
use crate::scene::{Scene, StepFocus};
use egui::{Align2, Color32, FontId, Pos2, Rect, Stroke, vec2};

/// Screen distance between arrows of the direction of flow, in points.
const FLOW_SPACING: f32 = 90.0;

/// Draws the layers that go under the dots (bones, muscles, nerves, channels, highlighters)
/// and their tags. Returns the places of the tags (and of the neighbours' rings), for the point
/// labels to keep clear of.
pub fn draw_under(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    dots: &[Dot<'_>],
) -> Vec<Rect> {
    let layers = &scene.layers;
    if !layers.any() {
        return Vec::new();
    }
    let colors = theme::layer_colors(scene.theme);
    let width = (proj.scale() * 0.0022).clamp(1.2, 4.0);
    let mut tags = Tags::new(dots, scene.scale.sqrt());
    let shown: Vec<&Structure> = atlas
        .structures()
        .iter()
        .filter(|s| layers.shows(s))
        .collect();
    if let Some(StepFocus::Landmark(landmark)) = &layers.step {
        for s in atlas.structures_marking(landmark) {
            for path in atlas.structure_paths(&s.id, &figure.id) {
                let pts = screen(proj, path);
                painter.add(line(
                    pts,
                    Stroke::new(width * 5.0, colors.highlighter),
                    path.closed,
                ));
            }
        }
    }
    if layers.step == Some(StepFocus::Measure)
        && let Some(point) = scene.selected.as_ref().and_then(|c| atlas.point(c))
        && let Some(r) = ruler_for(point, figure)
    {
        let pts = vec![
            proj.screen_from_figure(r.from),
            proj.screen_from_figure(r.to),
        ];
        painter.add(line(
            pts,
            Stroke::new(width * 6.0, colors.highlighter),
            false,
        ));
    }
    for layer in [
        AnatomyLayer::Muscles,
        AnatomyLayer::Bones,
        AnatomyLayer::Nerves,
    ] {
        for s in shown.iter().filter(|s| s.layer == layer) {
            draw_structure(painter, atlas, s, figure, proj, &colors, width, &mut tags);
        }
    }
    channels(painter, atlas, scene, figure, proj, width, &mut tags);
    if let Some(StepFocus::Landmark(landmark)) = &layers.step
        && let Some(l) = figure.landmark(landmark)
    {
        let name = atlas
            .structures_marking(landmark)
            .next()
            .map_or(l.name.as_str(), |s| s.name.as_str());
        let at = proj.screen_from_figure(l.at);
        let ink = theme::canvas_colors(scene.theme).highlight;
        diamond(painter, at, 5.0 * scene.scale.sqrt(), ink);
        let font = FontId::proportional(12.5 * scene.scale.sqrt());
        tags.place(painter, at, 9.0, name, font, ink, colors.legend_fill);
    }
    tags.flush(painter);
    for code in layers.focus.iter().flat_map(|f| &f.neighbours) {
        for site in atlas.sites_for(code, &figure.id, scene.condition.as_ref()) {
            let at = proj.screen_from_figure(site.at);
            tags.taken.push(Rect::from_center_size(
                at,
                egui::Vec2::splat(22.0 * scene.scale),
            ));
        }
    }
    tags.taken
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
        let font = FontId::proportional(11.5 * scene.scale.sqrt());
        for code in &focus.neighbours {
            let drawn = scene.points.contains(code) && scene.show_dots;
            for site in atlas.sites_for(code, &figure.id, scene.condition.as_ref()) {
                let at = proj.screen_from_figure(site.at);
                painter.circle_stroke(at, base + 3.5, Stroke::new(2.0, ink));
                if !drawn {
                    painter.circle(at, base * 0.6, canvas.background, Stroke::new(1.5, ink));
                    painter.text(
                        at + vec2(base + 5.0, 0.0),
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
        let pts = screen(proj, path);
        match structure.layer {
            AnatomyLayer::Bones if structure.dashed => {
                dashed(
                    painter,
                    pts,
                    path.closed,
                    Stroke::new(width * 0.8, colors.bone),
                    6.0,
                );
            }
            AnatomyLayer::Bones => {
                painter.add(line(
                    pts,
                    Stroke::new(width * 0.9, colors.bone),
                    path.closed,
                ));
            }
            AnatomyLayer::Muscles => {
                dashed(
                    painter,
                    pts,
                    path.closed,
                    Stroke::new(width * 0.7, colors.muscle),
                    5.0,
                );
            }
            AnatomyLayer::Nerves => {
                painter.add(line(
                    pts.clone(),
                    Stroke::new(width * 2.2, colors.nerve_casing),
                    path.closed,
                ));
                painter.add(line(
                    pts,
                    Stroke::new(width * 1.3, colors.nerve),
                    path.closed,
                ));
            }
        }
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
        if !tags.place_left(painter, at, tag, font.clone(), ink, colors.legend_fill) {
            tags.place(
                painter,
                centre,
                gap + 3.0,
                tag,
                font,
                ink,
                colors.legend_fill,
            );
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

/// Small chevrons along a line, pointing the way it runs.
fn flow_arrows(painter: &egui::Painter, pts: &[Pos2], stroke: Stroke) {
    let size = 3.0 + stroke.width * 1.5;
    let mut next = FLOW_SPACING * 0.5;
    let mut walked = 0.0;
    for w in pts.windows(2) {
        let [a, b] = w else { continue };
        let len = a.distance(*b);
        while len > 0.0 && walked + len >= next {
            let t = (next - walked) / len;
            let at = *a + (*b - *a) * t;
            let dir = (*b - *a) / len;
            let normal = vec2(-dir.y, dir.x);
            let back = at - dir * size;
            painter.line_segment([back + normal * size * 0.7, at], stroke);
            painter.line_segment([back - normal * size * 0.7, at], stroke);
            next += FLOW_SPACING;
        }
        walked += len;
    }
}

/// A path on screen. The atlas samples its curves just finely enough for straight segments
/// (a straight run has no samples between its stations), so a frame only projects them,
/// leaving out samples closer together than the screen can show.
pub fn screen(proj: &Projector, path: &PlacedPath) -> Vec<Pos2> {
    proj.screen_polyline(&path.points)
}

/// A dashed line (closed when `closed`), dashes `dash` long with gaps one unit shorter.
fn dashed(painter: &egui::Painter, pts: Vec<Pos2>, closed: bool, stroke: Stroke, dash: f32) {
    let pts = closed_copy(pts, closed);
    painter.extend(egui::Shape::dashed_line(&pts, stroke, dash, dash - 1.0));
}

fn closed_copy(mut pts: Vec<Pos2>, closed: bool) -> Vec<Pos2> {
    if closed
        && let Some(first) = pts.first().copied()
        && pts.last() != Some(&first)
    {
        pts.push(first);
    }
    pts
}

fn line(pts: Vec<Pos2>, stroke: Stroke, closed: bool) -> egui::Shape {
    if closed {
        egui::Shape::closed_line(pts, stroke)
    } else {
        egui::Shape::line(pts, stroke)
    }
}

/// Left edge, right edge and middle height of some screen points.
fn extent(pts: &[Pos2]) -> (f32, f32, f32) {
    let min_x = pts.iter().map(|p| p.x).fold(f32::INFINITY, f32::min);
    let max_x = pts.iter().map(|p| p.x).fold(f32::NEG_INFINITY, f32::max);
    let min_y = pts.iter().map(|p| p.y).fold(f32::INFINITY, f32::min);
    let max_y = pts.iter().map(|p| p.y).fold(f32::NEG_INFINITY, f32::max);
    (min_x, max_x, (min_y + max_y) * 0.5)
}

fn diamond(painter: &egui::Painter, at: Pos2, r: f32, ink: Color32) {
    let pts = vec![
        at + vec2(0.0, -r),
        at + vec2(r, 0.0),
        at + vec2(0.0, r),
        at + vec2(-r, 0.0),
    ];
    painter.add(egui::Shape::convex_polygon(pts, ink, Stroke::NONE));
}

/// Four corner brackets around a spot, like a viewfinder.
fn brackets(painter: &egui::Painter, at: Pos2, half: f32, ink: Color32) {
    let stroke = Stroke::new(2.5, ink);
    let arm = half * 0.45;
    for (sx, sy) in [(-1.0, -1.0), (1.0, -1.0), (1.0, 1.0), (-1.0, 1.0)] {
        let corner = at + vec2(sx * half, sy * half);
        painter.line_segment([corner, corner - vec2(sx * arm, 0.0)], stroke);
        painter.line_segment([corner, corner - vec2(0.0, sy * arm)], stroke);
    }
}

/// Small text tags placed clear of the dots and of each other.
struct Tags<'d> {
    dots: &'d [Dot<'d>],
    /// How much larger than at scale 1 the tags' text is (grows with the scene's scale, as the
    /// legend's does, so a projected Present view can read its level tags).
    text: f32,
    taken: Vec<Rect>,
    /// Tags placed but not yet drawn: they go on top of every line of the layers.
    pending: Vec<(Rect, std::sync::Arc<egui::Galley>, Color32)>,
}

impl<'d> Tags<'d> {
    fn new(dots: &'d [Dot<'d>], text: f32) -> Self {
        Self {
            dots,
            text,
            taken: Vec::new(),
            pending: Vec::new(),
        }
    }

    fn free(&self, rect: Rect) -> bool {
        !self.taken.iter().any(|t| t.intersects(rect))
            && !self.dots.iter().any(|d| {
                let near = rect.expand(d.radius + 1.0);
                near.contains(d.at)
            })
    }

    /// Places `text` to the left of `at`, if it is free there.
    fn place_left(
        &mut self,
        painter: &egui::Painter,
        at: Pos2,
        text: &str,
        font: FontId,
        ink: Color32,
        fill: Color32,
    ) -> bool {
        let galley = painter.layout_no_wrap(text.to_owned(), font, ink);
        let size = galley.size() + vec2(4.0, 0.0);
        let rect = Rect::from_min_size(at + vec2(-size.x - 3.0, -size.y * 0.5), size);
        if !self.free(rect) {
            return false;
        }
        self.put(rect, galley, fill);
        true
    }

    /// Places `text` beside `at` (at least `gap` away), trying the four sides in turn.
    #[allow(
        clippy::too_many_arguments,
        reason = "the text, its look and its place"
    )]
    fn place(
        &mut self,
        painter: &egui::Painter,
        at: Pos2,
        gap: f32,
        text: &str,
        font: FontId,
        ink: Color32,
        fill: Color32,
    ) -> bool {
        let galley = painter.layout_no_wrap(text.to_owned(), font, ink);
        let size = galley.size() + vec2(4.0, 0.0);
        let candidates = [
            Rect::from_min_size(at + vec2(gap, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(-gap - size.x, -size.y * 0.5), size),
            Rect::from_min_size(at + vec2(-size.x * 0.5, -gap - size.y), size),
            Rect::from_min_size(at + vec2(-size.x * 0.5, gap), size),
        ];
        let Some(rect) = candidates.into_iter().find(|r| self.free(*r)) else {
            return false;
        };
        self.put(rect, galley, fill);
        true
    }

    fn put(&mut self, rect: Rect, galley: std::sync::Arc<egui::Galley>, fill: Color32) {
        self.pending.push((rect, galley, fill));
        self.taken.push(rect.expand(1.0));
    }

    /// Draws the tags placed so far, over the lines drawn before.
    fn flush(&mut self, painter: &egui::Painter) {
        for (rect, galley, fill) in self.pending.drain(..) {
            painter.rect_filled(rect, 2.0, fill);
            painter.galley(rect.min + vec2(2.0, 0.0), galley, Color32::PLACEHOLDER);
        }
    }
}

/// The outline's bounding box on screen (for the legend to keep clear of the body).
pub fn body_rect(figure: &Figure, proj: &Projector) -> Option<Rect> {
    let mut pts = figure
        .shapes
        .iter()
        .filter(|s| s.kind == ShapeKind::Outline)
        .flat_map(|s| {
            let mirrored = s
                .mirrored
                .then(|| s.points.iter().map(|p| figure.mirror(*p)));
            s.points
                .iter()
                .copied()
                .chain(mirrored.into_iter().flatten())
        })
        .map(|p: FigurePos| proj.screen_from_figure(p));
    let first = pts.next()?;
    Some(pts.fold(Rect::from_min_max(first, first), |r, p| {
        r.union(Rect::from_min_max(p, p))
    }))
}
