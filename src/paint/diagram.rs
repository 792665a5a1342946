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
fn draw_schematic(c: &Ctx<'_>, diagram: &Diagram, step: usize, area: Rect) {
    draw_art(c);
    draw_areas(c);
    let Some(current) = diagram.step(step) else {
        return;
    };
    for structure in &c.schematic.structures {
        let lit = current.show.contains(&structure.id);
        if lit || !structure.only_when_lit {
            draw_structure(c, structure, lit);
        }
    }
    for earlier in diagram.steps.iter().take(step) {
        for arrow in &earlier.arrows {
            arrows::draw(c, arrow, true);
        }
    }
    for arrow in &current.arrows {
        arrows::draw(c, arrow, false);
    }
    texts::draw(c, current, area);
}

/// The names of the drawing's parts, small and muted.
fn draw_areas(c: &Ctx<'_>) {
    let size = (c.fit.k * 2.1).clamp(10.0, 22.0) * c.text;
    for area in &c.schematic.areas {
        if let Some(at) = area.at.place(c.schematic) {
            c.painter.text(
                c.fit.screen(at),
                egui::Align2::CENTER_CENTER,
                &area.text,
                egui::FontId::proportional(size),
                c.colors.muted_text,
            );
        }
    }
}

fn draw_art(c: &Ctx<'_>) {
    let width = c.fit.len(0.28, 1.2);
    for shape in &c.schematic.shapes {
        let curve: Vec<Pos2> = smooth(&shape.points, shape.closed, 8)
            .into_iter()
            .map(|p| c.fit.screen(p))
            .collect();
        let stroke = match shape.kind {
            ShapeKind::Outline => Stroke::new(width, c.colors.art),
            ShapeKind::Contour => Stroke::new(width * 0.7, c.colors.art),
            ShapeKind::Bone => Stroke::new(width * 0.8, c.colors.bone),
        };
        if shape.closed && shape.kind != ShapeKind::Contour {
            // Outlines (the brain, the block of the back) get a faint fill so they read as
            // solid; the schematic's outlines are convex.
            let fill = if shape.kind == ShapeKind::Outline {
                c.colors.art_fill
            } else {
                Color32::TRANSPARENT
            };
            fill_around_centre(c.painter, &curve, fill);
            c.painter.add(egui::Shape::closed_line(curve, stroke));
        } else {
            c.painter.add(egui::Shape::line(curve, stroke));
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
fn structure_colors(c: &Ctx<'_>, kind: StructureKind, lit: bool) -> (Color32, Color32) {
    let base = c.colors.lit(kind);
    let bg = c.colors.background;
    let tissue = matches!(kind, StructureKind::Skin | StructureKind::Muscle);
    match (lit, tissue) {
        (true, true) => (mix(base, bg, 0.45), base),
        // The cord and brainstem are large: lit lightly, so what runs in them stays visible.
        (true, false) if kind == StructureKind::Cord => (mix(base, bg, 0.6), base),
        (true, false) => (mix(base, bg, 0.2), base),
        // At rest, tissue keeps a trace of its colour (it is the scene's setting); the rest
        // fades to neutral.
        (false, true) => (mix(base, bg, 0.82), mix(base, bg, 0.6)),
        (false, false) => (c.colors.rest_fill, c.colors.rest_line),
    }
}

/// The smoothed screen polyline of a path, band or needle structure.
fn polyline(c: &Ctx<'_>, structure: &Structure) -> Vec<Pos2> {
    let Some(at) = c.schematic.positions(structure) else {
        return Vec::new();
    };
    let curve = match structure.geometry {
        Geometry::Path { .. } => smooth(&at, false, 10),
        _ => at,
    };
    curve.into_iter().map(|p| c.fit.screen(p)).collect()
}

fn draw_structure(c: &Ctx<'_>, structure: &Structure, lit: bool) {
    let (fill, line) = structure_colors(c, structure.kind, lit);
    let Some(at) = c.schematic.positions(structure) else {
        return;
    };
    let thin = c.fit.len(0.18, 1.0);
    match &structure.geometry {
        Geometry::Blob { size, .. } => {
            let Some(centre) = at.first() else { return };
            let radius = Vec2::new(size.0, size.1) * c.fit.k / 2.0;
            c.painter
                .add(egui::Shape::ellipse_filled(c.fit.screen(*centre), radius, fill));
            let width = if lit { thin * 2.0 } else { thin };
            c.painter.add(egui::Shape::ellipse_stroke(
                c.fit.screen(*centre),
                radius,
                Stroke::new(width, line),
            ));
        }
        Geometry::Band { width, .. } => {
            let pts = polyline(c, structure);
            if let [a, b] = pts.as_slice() {
                band(c, *a, *b, width * c.fit.k, structure.kind, fill, line, lit);
            }
        }
        Geometry::Path { .. } => path(c, structure, fill, line, lit),
        Geometry::Needle { .. } => {
            let pts = polyline(c, structure);
            if let [handle, tip] = pts.as_slice() {
                needle(c, *handle, *tip, structure.kind, lit);
            }
        }
    }
}

#[allow(
    clippy::too_many_arguments,
    reason = "the two ends, width, kind and colours are all needed"
)]
fn band(
    c: &Ctx<'_>,
    a: Pos2,
    b: Pos2,
    width: f32,
    kind: StructureKind,
    fill: Color32,
    line: Color32,
    lit: bool,
) {
    let d = (b - a).normalized();
    let n = Vec2::new(-d.y, d.x) * width / 2.0;
    let stroke = Stroke::new(c.fit.len(if lit { 0.3 } else { 0.15 }, 1.0), line);
    if kind == StructureKind::Cord {
        // The cord and brainstem are rounded at their ends.
        let r = width / 2.0;
        let mut pts = Vec::new();
        let steps = 10;
        for i in 0..=steps {
            let t = std::f32::consts::PI * i as f32 / steps as f32;
            let (s, co) = t.sin_cos();
            pts.push(b + n * co + d * s * r);
        }
        for i in 0..=steps {
            let t = std::f32::consts::PI * i as f32 / steps as f32;
            let (s, co) = t.sin_cos();
            pts.push(a - n * co - d * s * r);
        }
        c.painter.add(egui::Shape::convex_polygon(pts, fill, stroke));
    } else {
        c.painter.add(egui::Shape::convex_polygon(
            vec![a + n, b + n, b - n, a - n],
            fill,
            stroke,
        ));
    }
}

fn path(c: &Ctx<'_>, structure: &Structure, fill: Color32, line: Color32, lit: bool) {
    let pts = polyline(c, structure);
    let k = &c.fit;
    match structure.kind {
        StructureKind::Brain => {
            let w = k.len(2.4, 4.0);
            c.painter
                .add(egui::Shape::line(pts.clone(), Stroke::new(w, fill)));
            if lit {
                c.painter
                    .add(egui::Shape::line(pts, Stroke::new(k.len(0.3, 1.2), line)));
            }
        }
        StructureKind::Claim => {
            let stroke = Stroke::new(k.len(0.35, 1.5), line);
            c.painter.extend(egui::Shape::dashed_line(
                &pts,
                stroke,
                k.len(1.4, 5.0),
                k.len(1.0, 4.0),
            ));
        }
        StructureKind::Meter => {
            // One electrode at each position the path is drawn through.
            let r = k.len(0.8, 3.0);
            let at: Vec<Pos2> = c
                .schematic
                .positions(structure)
                .unwrap_or_default()
                .into_iter()
                .map(|p| k.screen(p))
                .collect();
            for p in &at {
                c.painter.line_segment(
                    [*p, *p - Vec2::new(0.0, k.len(2.2, 6.0))],
                    Stroke::new(k.len(0.2, 1.0), line),
                );
                c.painter.circle(*p, r, fill, Stroke::new(k.len(0.2, 1.0), line));
            }
        }
        StructureKind::Vessel => {
            let w = k.len(0.9, 2.0);
            c.painter.add(egui::Shape::line(
                pts,
                Stroke::new(w, if lit { line } else { fill }),
            ));
        }
        _ => {
            let w = if lit { k.len(0.55, 2.0) } else { k.len(0.4, 1.2) };
            c.painter
                .add(egui::Shape::line(pts, Stroke::new(w, line)));
        }
    }
}

fn needle(c: &Ctx<'_>, handle: Pos2, tip: Pos2, kind: StructureKind, lit: bool) {
    let steel = if lit {
        c.colors.lit(kind)
    } else {
        c.colors.rest_line
    };
    let k = &c.fit;
    let grip = handle + (tip - handle) * 0.3;
    c.painter
        .line_segment([grip, tip], Stroke::new(k.len(0.32, 1.5), steel));
    c.painter
        .line_segment([handle, grip], Stroke::new(k.len(1.3, 4.0), steel));
    if kind == StructureKind::ShamNeedle {
        // A blunt tip that rests on the skin.
        c.painter.circle_filled(tip, k.len(0.55, 2.5), steel);
    }
}

/// The half-size of a structure around its anchor in screen points, for keeping names and
/// arrow heads clear of it.
fn half_extent(c: &Ctx<'_>, structure: &Structure) -> Vec2 {
    match &structure.geometry {
        Geometry::Blob { size, .. } => Vec2::new(size.0, size.1) * c.fit.k / 2.0,
        Geometry::Band { width, .. } => Vec2::splat(width * c.fit.k / 2.0),
        Geometry::Path { .. } | Geometry::Needle { .. } => Vec2::splat(c.fit.len(0.8, 3.0)),
    }
}
