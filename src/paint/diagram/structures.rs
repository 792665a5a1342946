//! The structures of a schematic on the painter: tissue bands, nuclei and glands as blobs,
//! fibres, tracts and vessels as lines, needles; lit in colour when a step names them, faint
//! otherwise (tissue keeps a trace of its colour, as the scene's setting).

use super::context::Ctx;
use crate::model::{Geometry, PartKind, SchematicPart};
use crate::paint::art::smooth;
use egui::{Color32, Pos2, Stroke, Vec2};

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
fn structure_colors(cx: &Ctx<'_>, kind: PartKind, lit: bool) -> (Color32, Color32) {
    let base = cx.colors.lit(kind);
    let bg = cx.colors.background;
    let tissue = matches!(kind, PartKind::Skin | PartKind::Muscle);
    match (lit, tissue) {
        (true, true) => (mix(base, bg, 0.45), base),
        // The cord and brainstem are large: lit lightly, so what runs in them stays visible.
        (true, false) if kind == PartKind::Cord => (mix(base, bg, 0.6), base),
        (true, false) => (mix(base, bg, 0.2), base),
        // At rest, tissue keeps a trace of its colour (it is the scene's setting); the rest
        // fades to neutral.
        (false, true) => (mix(base, bg, 0.82), mix(base, bg, 0.6)),
        (false, false) => (cx.colors.rest_fill, cx.colors.rest_line),
    }
}

/// The smoothed screen polyline of a path, band or needle structure.
pub(super) fn polyline(cx: &Ctx<'_>, structure: &SchematicPart) -> Vec<Pos2> {
    let Some(at) = cx.schematic.positions(structure) else {
        return Vec::new();
    };
    let curve = match structure.geometry {
        Geometry::Path { .. } => smooth(&at, false, 10),
        _ => at,
    };
    curve.into_iter().map(|p| cx.fit.screen(p)).collect()
}

pub(super) fn draw_structure(cx: &Ctx<'_>, structure: &SchematicPart, lit: bool) {
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
    kind: PartKind,
    fill: Color32,
    line: Color32,
    lit: bool,
) {
    let dir = (end - start).normalized();
    let normal = Vec2::new(-dir.y, dir.x) * width / 2.0;
    let stroke = Stroke::new(cx.fit.len(if lit { 0.3 } else { 0.15 }, 1.0), line);
    if kind == PartKind::Cord {
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

fn path(cx: &Ctx<'_>, structure: &SchematicPart, fill: Color32, line: Color32, lit: bool) {
    let pts = polyline(cx, structure);
    let k = &cx.fit;
    match structure.kind {
        PartKind::Brain => {
            let w = k.len(2.4, 4.0);
            cx.painter
                .add(egui::Shape::line(pts.clone(), Stroke::new(w, fill)));
            if lit {
                cx.painter
                    .add(egui::Shape::line(pts, Stroke::new(k.len(0.3, 1.2), line)));
            }
        }
        PartKind::Claim => {
            let stroke = Stroke::new(k.len(0.35, 1.5), line);
            cx.painter.extend(egui::Shape::dashed_line(
                &pts,
                stroke,
                k.len(1.4, 5.0),
                k.len(1.0, 4.0),
            ));
        }
        PartKind::Meter => {
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
        PartKind::Vessel => {
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

fn needle(cx: &Ctx<'_>, handle: Pos2, tip: Pos2, kind: PartKind, lit: bool) {
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
    if kind == PartKind::ShamNeedle {
        // A blunt tip that rests on the skin.
        cx.painter.circle_filled(tip, k.len(0.55, 2.5), steel);
    }
}

/// The half-size of a structure around its anchor in screen points, for keeping names and
/// arrow heads clear of it.
pub(super) fn half_extent(cx: &Ctx<'_>, structure: &SchematicPart) -> Vec2 {
    match &structure.geometry {
        Geometry::Blob { size, .. } => Vec2::new(size.0, size.1) * cx.fit.k / 2.0,
        Geometry::Band { width, .. } => Vec2::splat(width * cx.fit.k / 2.0),
        Geometry::Path { .. } | Geometry::Needle { .. } => Vec2::splat(cx.fit.len(0.8, 3.0)),
    }
}
