//! egui's shapes as PDF vector paths: circles, ellipses, rectangles (rounded, stroked inside,
//! on or outside their edge), lines, paths, Bézier curves, and meshes of coloured triangles;
//! text goes to [`super::text`]. Coordinates stay egui's points: the page's transform maps them.

use super::fonts::FontSet;
use super::paint::{fill, stroke};
use egui::epaint::{ColorMode, CornerRadius, Mesh, PathStroke, RectShape, StrokeKind};
use egui::{Color32, Pos2, Rect, Shape, Stroke};
use krilla::geom::{Path, PathBuilder, Transform};
use krilla::surface::Surface;
use std::collections::HashMap;

/// How far a cubic's control points sit along the tangent to draw a quarter circle.
const KAPPA: f32 = 0.552_284_8;

fn visible(color: Color32) -> bool {
    color.a() > 0
}

/// Fills and strokes `path`, each only when it shows.
fn paint(surface: &mut Surface<'_>, path: Option<Path>, fill_color: Color32, line: Stroke) {
    let Some(path) = path else { return };
    let fill_it = visible(fill_color);
    let stroke_it = line.width > 0.0 && visible(line.color);
    if !fill_it && !stroke_it {
        return;
    }
    surface.set_fill(fill_it.then(|| fill(fill_color)));
    surface.set_stroke(stroke_it.then(|| stroke(line.width, line.color)));
    surface.draw_path(&path);
}

/// Writes one shape.
pub fn draw_shape(surface: &mut Surface<'_>, fonts: &mut FontSet, shape: &Shape) {
    match shape {
        // No paint code draws bands; a new one would show here as missing, not wrong.
        Shape::Noop | Shape::Callback(_) | Shape::Band(_) => {}
        Shape::Vec(shapes) => {
            for s in shapes {
                draw_shape(surface, fonts, s);
            }
        }
        Shape::Circle(c) => {
            let r = egui::vec2(c.radius, c.radius);
            paint(surface, ellipse(c.center, r), c.fill, c.stroke);
        }
        Shape::Ellipse(e) => {
            let turned = e.angle != 0.0;
            if turned {
                let (x, y) = (e.center.x, e.center.y);
                surface.push_transform(&Transform::from_rotate_at(e.angle.to_degrees(), x, y));
            }
            paint(surface, ellipse(e.center, e.radius), e.fill, e.stroke);
            if turned {
                surface.pop();
            }
        }
        Shape::LineSegment { points, stroke } => {
            paint(
                surface,
                polyline(points, false),
                Color32::TRANSPARENT,
                *stroke,
            );
        }
        Shape::Path(p) => {
            let line = solid(&p.stroke);
            paint(surface, polyline(&p.points, p.closed), p.fill, line);
        }
        Shape::Rect(r) => draw_rect(surface, r),
        Shape::Text(text) => super::text::draw_text(surface, fonts, text),
        Shape::Mesh(mesh) => draw_mesh(surface, mesh),
        Shape::QuadraticBezier(curve) => {
            let [start, control, end] = curve.points;
            let mut pb = PathBuilder::new();
            pb.move_to(start.x, start.y);
            pb.quad_to(control.x, control.y, end.x, end.y);
            if curve.closed {
                pb.close();
            }
            paint(surface, pb.finish(), curve.fill, solid(&curve.stroke));
        }
        Shape::CubicBezier(curve) => {
            let [start, c1, c2, end] = curve.points;
            let mut pb = PathBuilder::new();
            pb.move_to(start.x, start.y);
            pb.cubic_to(c1.x, c1.y, c2.x, c2.y, end.x, end.y);
            if curve.closed {
                pb.close();
            }
            paint(surface, pb.finish(), curve.fill, solid(&curve.stroke));
        }
    }
}

/// A path stroke of one colour (a gradient stroke takes no colour: the paint layer has none).
fn solid(line: &PathStroke) -> Stroke {
    match line.color {
        ColorMode::Solid(color) => Stroke::new(line.width, color),
        ColorMode::UV(_) => Stroke::NONE,
    }
}

fn polyline(points: &[Pos2], closed: bool) -> Option<Path> {
    let (first, rest) = points.split_first()?;
    let mut pb = PathBuilder::new();
    pb.move_to(first.x, first.y);
    for p in rest {
        pb.line_to(p.x, p.y);
    }
    if closed {
        pb.close();
    }
    pb.finish()
}

fn ellipse(c: Pos2, r: egui::Vec2) -> Option<Path> {
    if r.x <= 0.0 || r.y <= 0.0 {
        return None;
    }
    let (kx, ky) = (r.x * KAPPA, r.y * KAPPA);
    let mut pb = PathBuilder::new();
    pb.move_to(c.x + r.x, c.y);
    pb.cubic_to(c.x + r.x, c.y + ky, c.x + kx, c.y + r.y, c.x, c.y + r.y);
    pb.cubic_to(c.x - kx, c.y + r.y, c.x - r.x, c.y + ky, c.x - r.x, c.y);
    pb.cubic_to(c.x - r.x, c.y - ky, c.x - kx, c.y - r.y, c.x, c.y - r.y);
    pb.cubic_to(c.x + kx, c.y - r.y, c.x + r.x, c.y - ky, c.x + r.x, c.y);
    pb.close();
    pb.finish()
}

/// A rectangle: its fill over the rectangle, its stroke where its kind puts it.
fn draw_rect(surface: &mut Surface<'_>, r: &RectShape) {
    let turned = r.angle != 0.0;
    if turned {
        let c = r.rect.center();
        surface.push_transform(&Transform::from_rotate_at(r.angle.to_degrees(), c.x, c.y));
    }
    let fill_path = rounded(r.rect, r.corner_radius, 0.0);
    let w = r.stroke.width;
    let grow = match r.stroke_kind {
        StrokeKind::Inside => -w / 2.0,
        StrokeKind::Middle => 0.0,
        StrokeKind::Outside => w / 2.0,
    };
    paint(surface, fill_path, r.fill, Stroke::NONE);
    paint(
        surface,
        rounded(r.rect.expand(grow), r.corner_radius, grow),
        Color32::TRANSPARENT,
        r.stroke,
    );
    if turned {
        surface.pop();
    }
}

/// A rectangle with rounded corners, each radius grown by `grow` (never below zero).
fn rounded(rect: Rect, radius: CornerRadius, grow: f32) -> Option<Path> {
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return None;
    }
    let most = rect.width().min(rect.height()) / 2.0;
    let r = |v: u8| (f32::from(v) + grow).clamp(0.0, most);
    let (nw, ne, se, sw) = (r(radius.nw), r(radius.ne), r(radius.se), r(radius.sw));
    let (l, t, rt, b) = (rect.left(), rect.top(), rect.right(), rect.bottom());
    let mut pb = PathBuilder::new();
    pb.move_to(l + nw, t);
    pb.line_to(rt - ne, t);
    pb.cubic_to(
        rt - ne * (1.0 - KAPPA),
        t,
        rt,
        t + ne * (1.0 - KAPPA),
        rt,
        t + ne,
    );
    pb.line_to(rt, b - se);
    pb.cubic_to(
        rt,
        b - se * (1.0 - KAPPA),
        rt - se * (1.0 - KAPPA),
        b,
        rt - se,
        b,
    );
    pb.line_to(l + sw, b);
    pb.cubic_to(
        l + sw * (1.0 - KAPPA),
        b,
        l,
        b - sw * (1.0 - KAPPA),
        l,
        b - sw,
    );
    pb.line_to(l, t + nw);
    pb.cubic_to(
        l,
        t + nw * (1.0 - KAPPA),
        l + nw * (1.0 - KAPPA),
        t,
        l + nw,
        t,
    );
    pb.close();
    pb.finish()
}

/// A mesh of coloured triangles as one filled path per colour, so neighbouring triangles meet
/// without hairline seams. Meshes of an image (not the font texture) are not drawn.
fn draw_mesh(surface: &mut Surface<'_>, mesh: &Mesh) {
    if mesh.texture_id != egui::TextureId::default() {
        return;
    }
    let mut by_color: HashMap<Color32, PathBuilder> = HashMap::new();
    let mut order = Vec::new();
    for tri in mesh.indices.chunks_exact(3) {
        let corners: Option<Vec<&egui::epaint::Vertex>> =
            tri.iter().map(|&i| mesh.vertices.get(i as usize)).collect();
        let Some([a, b, c]) = corners.as_deref() else {
            continue;
        };
        if !visible(a.color) {
            continue;
        }
        let pb = by_color.entry(a.color).or_insert_with(|| {
            order.push(a.color);
            PathBuilder::new()
        });
        // Each triangle wound the same way, so the union fills without holes.
        let cross = (b.pos - a.pos).x * (c.pos - a.pos).y - (b.pos - a.pos).y * (c.pos - a.pos).x;
        let (b, c) = if cross < 0.0 { (c, b) } else { (b, c) };
        pb.move_to(a.pos.x, a.pos.y);
        pb.line_to(b.pos.x, b.pos.y);
        pb.line_to(c.pos.x, c.pos.y);
        pb.close();
    }
    for color in order {
        if let Some(pb) = by_color.remove(&color) {
            paint(surface, pb.finish(), color, Stroke::NONE);
        }
    }
}
