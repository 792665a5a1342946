//! Puts a mechanism's diagram on an egui painter: the schematic's art, its structures (those
//! the step lights in colour, the rest faint), the arrows of earlier steps as ghosts and this
//! step's in colour, names and tags that keep clear of each other, and (on the canvas and in
//! pictures) a caption with the step's words, its grade and a key. The Mechanisms tab, Present
//! mode, lessons and `export --mechanism` all draw through [`draw_diagram`].

mod arrows;
mod caption;
mod context;
mod structures;
mod texts;

pub use context::{DiagramStyle, Fit};

use super::art::smooth;
use super::theme::diagram_colors;
use crate::model::{Atlas, Diagram, ShapeKind};
use crate::scene::DiagramView;
use context::Ctx;
use egui::{Color32, Pos2, Rect, Stroke, Vec2};

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
            structures::draw_structure(cx, structure, lit);
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
