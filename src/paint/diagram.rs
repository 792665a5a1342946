//! Puts a mechanism's diagram on an egui painter: the schematic's art, its structures (those
//! the step lights in colour, the rest faint), the arrows of earlier steps as ghosts and this
//! step's in colour, names and tags that keep clear of each other, and (on the canvas and in
//! pictures) a caption with the step's words, its grade and a key. The Mechanisms tab, Present
//! mode, lessons and `export --mechanism` all draw through [`draw_diagram`].

mod arrows;
mod caption;
mod texts;

use super::art::smooth;
use super::theme::{DiagramColors, diagram_colors};
use crate::model::{
    Atlas, Diagram, FigurePos, Geometry, Schematic, ShapeKind, Structure, StructureKind,
};
use crate::scene::{DiagramView, Theme};
use egui::{Color32, Pos2, Rect, Stroke, Vec2};

/// How a diagram is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DiagramStyle {
    pub theme: Theme,
    /// Presentation's scale of text (1 normally).
    pub scale: f32,
    /// Whether the step's words, grade and key are drawn beside the schematic.
    pub caption: bool,
}

/// Maps schematic units to screen points: the schematic fitted in a rectangle.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fit {
    origin: Pos2,
    /// Screen points per schematic unit.
    pub k: f32,
}

impl Fit {
    fn new(rect: Rect, size: (f32, f32)) -> Self {
        let (w, h) = (size.0.max(1e-3), size.1.max(1e-3));
        let k = (rect.width() / w).min(rect.height() / h).max(1e-3);
        let origin = rect.center() - Vec2::new(w, h) * k / 2.0;
        Self { origin, k }
    }

    pub fn screen(&self, p: FigurePos) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.k
    }

    /// A length in schematic units on screen, at least `min` points.
    fn len(&self, units: f32, min: f32) -> f32 {
        (units * self.k).max(min)
    }
}

/// Everything one drawing needs.
struct Ctx<'a> {
    painter: &'a egui::Painter,
    schematic: &'a Schematic,
    fit: Fit,
    colors: DiagramColors,
    /// Text size multiplier for names and tags.
    text: f32,
}

/// Draws step `view.step` of the mechanism's diagram in `rect`. A mechanism without a diagram
/// (or a diagram whose schematic is missing) gets a line saying so.
pub fn draw_diagram(
    painter: &egui::Painter,
    rect: Rect,
    atlas: &Atlas,
    view: &DiagramView,
    style: DiagramStyle,
) {
    let colors = diagram_colors(style.theme);
    painter.rect_filled(rect, 0.0, colors.background);
    let found = atlas.mechanism(&view.mechanism).and_then(|m| {
        let d = atlas.diagram(&m.id)?;
        Some((m, d, atlas.schematic(&d.schematic)?))
    });
    let Some((mechanism, diagram, schematic)) = found else {
        painter.text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "This mechanism has no diagram yet.",
            egui::FontId::proportional(18.0),
            colors.muted_text,
        );
        return;
    };
    let step = view.step.min(diagram.steps.len().saturating_sub(1));
    let area = if style.caption {
        let (area, caption_rect) = split(rect);
        caption::draw(
            painter,
            caption_rect,
            mechanism,
            diagram,
            step,
            &colors,
            style,
        );
        area
    } else {
        rect
    };
    let margin = (area.size().min_elem() * 0.03).clamp(4.0, 24.0);
    let fit = Fit::new(area.shrink(margin), schematic.size);
    let ctx = Ctx {
        painter,
        schematic,
        fit,
        colors,
        text: style.scale.clamp(1.0, 3.0).powf(0.5),
    };
    draw_schematic(&ctx, diagram, step, area);
}

/// The schematic's part and the caption's part of `rect`: the caption on the right of a wide
/// rectangle, below a tall one.
pub fn split(rect: Rect) -> (Rect, Rect) {
    if rect.width() >= rect.height() * 1.15 {
        let w = (rect.width() * 0.36).max(220.0).min(rect.width() * 0.5);
        let (left, right) = rect.split_left_right_at_x(rect.right() - w);
        (left, right)
    } else {
        let h = (rect.height() * 0.4).max(160.0).min(rect.height() * 0.55);
        rect.split_top_bottom_at_y(rect.bottom() - h)
    }
}

/// The schematic with this step's structures lit, its arrows and its words.
fn draw_schematic(cx: &Ctx<'_>, diagram: &Diagram, step: usize, area: Rect) {
    draw_art(cx);
    draw_areas(cx);
    let Some(current) = diagram.step(step) else {
        return;
    };
    for structure in &cx.schematic.structures {
        let lit = current.show.contains(&structure.id);
        if lit || !structure.only_when_lit {
            draw_structure(cx, structure, lit);
        }
    }
    for earlier in diagram.steps.iter().take(step) {
        for arrow in &earlier.arrows {
            arrows::draw(cx, arrow, true);
        }
    }
    for arrow in &current.arrows {
        arrows::draw(cx, arrow, false);
    }
    texts::draw(cx, current, area);
}

/// The names of the drawing's parts, small and muted.
fn draw_areas(cx: &Ctx<'_>) {
    let size = (cx.fit.k * 2.1).min(22.0) * cx.text;
    if size < 10.0 {
        // Too small to read (a diagram in a side panel): the names would only clutter it.
        return;
    }
    for area in &cx.schematic.areas {
        if let Some(at) = area.at.place(cx.schematic) {
            cx.painter.text(
                cx.fit.screen(at),
                egui::Align2::CENTER_CENTER,
                &area.text,
                egui::FontId::proportional(size),
                cx.colors.muted_text,
            );
        }
    }
}

fn draw_art(cx: &Ctx<'_>) {
    let width = cx.fit.len(0.28, 1.2);
    for shape in &cx.schematic.shapes {
        let curve: Vec<Pos2> = smooth(&shape.points, shape.closed, 8)
            .into_iter()
            .map(|p| cx.fit.screen(p))
            .collect();
        let stroke = match shape.kind {
            ShapeKind::Outline => Stroke::new(width, cx.colors.art),
            ShapeKind::Contour => Stroke::new(width * 0.7, cx.colors.art),
            ShapeKind::Bone => Stroke::new(width * 0.8, cx.colors.bone),
        };
        if shape.closed && shape.kind != ShapeKind::Contour {
            // Outlines (the brain, the block of the back) get a faint fill so they read as
            // solid; the schematic's outlines are convex.
            let fill = if shape.kind == ShapeKind::Outline {
                cx.colors.art_fill
            } else {
                Color32::TRANSPARENT
            };
            fill_around_centre(cx.painter, &curve, fill);
            cx.painter.add(egui::Shape::closed_line(curve, stroke));
        } else {
            cx.painter.add(egui::Shape::line(curve, stroke));
        }
    }
}

/// Fills a closed outline that every point of which the centre of its points can see (the
/// brain, the block of the back): a fan of triangles from that centre.
fn fill_around_centre(painter: &egui::Painter, outline: &[Pos2], fill: Color32) {
    if outline.len() < 3 || fill == Color32::TRANSPARENT {
        return;
    }
    let n = outline.len() as f32;
    let centre = outline.iter().fold(Vec2::ZERO, |sum, p| sum + p.to_vec2()) / n;
    let mut mesh = egui::Mesh::default();
    mesh.colored_vertex(centre.to_pos2(), fill);
    for p in outline {
        mesh.colored_vertex(*p, fill);
    }
    let count = u32::try_from(outline.len()).unwrap_or(0);
    for i in 1..=count {
        let next = if i == count { 1 } else { i + 1 };
        mesh.add_triangle(0, i, next);
    }
    painter.add(egui::Shape::mesh(mesh));
}

/// A colour blended toward another: `t` of the way from `a` to `b`.
fn mix(a: Color32, b: Color32, t: f32) -> Color32 {
    let f = |x: u8, y: u8| {
        let v = f32::from(x) + (f32::from(y) - f32::from(x)) * t.clamp(0.0, 1.0);
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 0..=255 first"
        )]
        let byte = v.round().clamp(0.0, 255.0) as u8;
        byte
    };
    Color32::from_rgb(f(a.r(), b.r()), f(a.g(), b.g()), f(a.b(), b.b()))
}

/// A structure's fill and line colours, lit or at rest.
fn structure_colors(cx: &Ctx<'_>, kind: StructureKind, lit: bool) -> (Color32, Color32) {
    let base = cx.colors.lit(kind);
    let bg = cx.colors.background;
    let tissue = matches!(kind, StructureKind::Skin | StructureKind::Muscle);
    match (lit, tissue) {
        (true, true) => (mix(base, bg, 0.45), base),
        // The cord and brainstem are large: lit lightly, so what runs in them stays visible.
        (true, false) if kind == StructureKind::Cord => (mix(base, bg, 0.6), base),
        (true, false) => (mix(base, bg, 0.2), base),
        // At rest, tissue keeps a trace of its colour (it is the scene's setting); the rest
        // fades to neutral.
        (false, true) => (mix(base, bg, 0.82), mix(base, bg, 0.6)),
        (false, false) => (cx.colors.rest_fill, cx.colors.rest_line),
    }
}

/// The smoothed screen polyline of a path, band or needle structure.
fn polyline(cx: &Ctx<'_>, structure: &Structure) -> Vec<Pos2> {
    let Some(at) = cx.schematic.positions(structure) else {
        return Vec::new();
    };
    let curve = match structure.geometry {
        Geometry::Path { .. } => smooth(&at, false, 10),
        _ => at,
    };
    curve.into_iter().map(|p| cx.fit.screen(p)).collect()
}

fn draw_structure(cx: &Ctx<'_>, structure: &Structure, lit: bool) {
    let (fill, line) = structure_colors(cx, structure.kind, lit);
    let Some(at) = cx.schematic.positions(structure) else {
        return;
    };
    let thin = cx.fit.len(0.18, 1.0);
    match &structure.geometry {
        Geometry::Blob { size, .. } => {
            let Some(centre) = at.first() else { return };
            let radius = Vec2::new(size.0, size.1) * cx.fit.k / 2.0;
            cx.painter.add(egui::Shape::ellipse_filled(
                cx.fit.screen(*centre),
                radius,
                fill,
            ));
            let width = if lit { thin * 2.0 } else { thin };
            cx.painter.add(egui::Shape::ellipse_stroke(
                cx.fit.screen(*centre),
                radius,
                Stroke::new(width, line),
            ));
        }
        Geometry::Band { width, .. } => {
            let pts = polyline(cx, structure);
            if let [a, b] = pts.as_slice() {
                band(
                    cx,
                    *a,
                    *b,
                    width * cx.fit.k,
                    structure.kind,
                    fill,
                    line,
                    lit,
                );
            }
        }
        Geometry::Path { .. } => path(cx, structure, fill, line, lit),
        Geometry::Needle { .. } => {
            let pts = polyline(cx, structure);
            if let [handle, tip] = pts.as_slice() {
                needle(cx, *handle, *tip, structure.kind, lit);
            }
        }
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "the two ends, width, kind and colours are all needed"
)]
fn band(
    cx: &Ctx<'_>,
    start: Pos2,
    end: Pos2,
    width: f32,
    kind: StructureKind,
    fill: Color32,
    line: Color32,
    lit: bool,
) {
    let dir = (end - start).normalized();
    let normal = Vec2::new(-dir.y, dir.x) * width / 2.0;
    let stroke = Stroke::new(cx.fit.len(if lit { 0.3 } else { 0.15 }, 1.0), line);
    if kind == StructureKind::Cord {
        // The cord and brainstem are rounded at their ends.
        let radius = width / 2.0;
        let mut outline = Vec::new();
        let steps = 10;
        for i in 0..=steps {
            let (sin, cos) = (std::f32::consts::PI * i as f32 / steps as f32).sin_cos();
            outline.push(end + normal * cos + dir * sin * radius);
        }
        for i in 0..=steps {
            let (sin, cos) = (std::f32::consts::PI * i as f32 / steps as f32).sin_cos();
            outline.push(start - normal * cos - dir * sin * radius);
        }
        cx.painter
            .add(egui::Shape::convex_polygon(outline, fill, stroke));
    } else {
        cx.painter.add(egui::Shape::convex_polygon(
            vec![start + normal, end + normal, end - normal, start - normal],
            fill,
            stroke,
        ));
    }
}

fn path(cx: &Ctx<'_>, structure: &Structure, fill: Color32, line: Color32, lit: bool) {
    let pts = polyline(cx, structure);
    let k = &cx.fit;
    match structure.kind {
        StructureKind::Brain => {
            let w = k.len(2.4, 4.0);
            cx.painter
                .add(egui::Shape::line(pts.clone(), Stroke::new(w, fill)));
            if lit {
                cx.painter
                    .add(egui::Shape::line(pts, Stroke::new(k.len(0.3, 1.2), line)));
            }
        }
        StructureKind::Claim => {
            let stroke = Stroke::new(k.len(0.35, 1.5), line);
            cx.painter.extend(egui::Shape::dashed_line(
                &pts,
                stroke,
                k.len(1.4, 5.0),
                k.len(1.0, 4.0),
            ));
        }
        StructureKind::Meter => {
            // One electrode at each position the path is drawn through.
            let r = k.len(0.8, 3.0);
            let at: Vec<Pos2> = cx
                .schematic
                .positions(structure)
                .unwrap_or_default()
                .into_iter()
                .map(|p| k.screen(p))
                .collect();
            for p in &at {
                cx.painter.line_segment(
                    [*p, *p - Vec2::new(0.0, k.len(2.2, 6.0))],
                    Stroke::new(k.len(0.2, 1.0), line),
                );
                cx.painter
                    .circle(*p, r, fill, Stroke::new(k.len(0.2, 1.0), line));
            }
        }
        StructureKind::Vessel => {
            let w = k.len(0.9, 2.0);
            cx.painter.add(egui::Shape::line(
                pts,
                Stroke::new(w, if lit { line } else { fill }),
            ));
        }
        _ => {
            let w = if lit {
                k.len(0.55, 2.0)
            } else {
                k.len(0.4, 1.2)
            };
            cx.painter.add(egui::Shape::line(pts, Stroke::new(w, line)));
        }
    }
}

fn needle(cx: &Ctx<'_>, handle: Pos2, tip: Pos2, kind: StructureKind, lit: bool) {
    let steel = if lit {
        cx.colors.lit(kind)
    } else {
        cx.colors.rest_line
    };
    let k = &cx.fit;
    let grip = handle + (tip - handle) * 0.3;
    cx.painter
        .line_segment([grip, tip], Stroke::new(k.len(0.32, 1.5), steel));
    cx.painter
        .line_segment([handle, grip], Stroke::new(k.len(1.3, 4.0), steel));
    if kind == StructureKind::ShamNeedle {
        // A blunt tip that rests on the skin.
        cx.painter.circle_filled(tip, k.len(0.55, 2.5), steel);
    }
}

/// The half-size of a structure around its anchor in screen points, for keeping names and
/// arrow heads clear of it.
fn half_extent(cx: &Ctx<'_>, structure: &Structure) -> Vec2 {
    match &structure.geometry {
        Geometry::Blob { size, .. } => Vec2::new(size.0, size.1) * cx.fit.k / 2.0,
        Geometry::Band { width, .. } => Vec2::splat(width * cx.fit.k / 2.0),
        Geometry::Path { .. } | Geometry::Needle { .. } => Vec2::splat(cx.fit.len(0.8, 3.0)),
    }
}
