//! The arrows of a diagram: along a structure or from one structure to another, with a head
//! that says what they stand for (pointed for a signal, a flat bar for a brake, dots for a
//! chemical, dashes and a question mark for a claim). Arrows of earlier steps are ghosts.

use super::context::Ctx;
use super::structures::{half_extent, polyline};
use crate::model::{Arrow, ArrowKind, Geometry};
use egui::{Color32, Pos2, Stroke, Vec2};

/// Draws one arrow; `ghost` draws it faint and thin (an earlier step's).
pub(super) fn draw(cx: &Ctx<'_>, arrow: &Arrow, ghost: bool) {
    let Some(line) = route(cx, arrow) else {
        return;
    };
    let color = if ghost {
        cx.colors.ghost
    } else {
        cx.colors.arrow(arrow.kind)
    };
    draw_line(cx, &line, arrow.kind, color, ghost);
}

/// Draws an arrow of `kind` along `line` in `color` (also used for the caption's key).
pub(super) fn draw_line(cx: &Ctx<'_>, line: &[Pos2], kind: ArrowKind, color: Color32, ghost: bool) {
    let k = &cx.fit;
    let width = if ghost {
        k.len(0.35, 1.5)
    } else {
        k.len(0.75, 3.0)
    };
    let head = if ghost {
        k.len(1.4, 6.0)
    } else {
        k.len(2.4, 11.0)
    };
    let (Some(&end), Some(&before)) = (line.last(), line.iter().rev().nth(1)) else {
        return;
    };
    let dir = (end - before).normalized();
    // The line stops where the head begins, so a thick line does not poke through its point.
    let mut body = line.to_vec();
    if kind != ArrowKind::Calms
        && let Some(last) = body.last_mut()
    {
        *last = end - dir * head * 0.6;
    }
    let stroke = Stroke::new(width, color);
    match kind {
        ArrowKind::Release => {
            cx.painter.extend(egui::Shape::dotted_line(
                &body,
                color,
                width * 2.4,
                width * 0.75,
            ));
        }
        ArrowKind::Claim => {
            cx.painter.extend(egui::Shape::dashed_line(
                &body,
                stroke,
                width * 3.5,
                width * 2.5,
            ));
        }
        ArrowKind::Signal | ArrowKind::Calms | ArrowKind::Hormone => {
            cx.painter.add(egui::Shape::line(body, stroke));
        }
    }
    let side = Vec2::new(-dir.y, dir.x);
    if kind == ArrowKind::Calms {
        // A flat bar: the signal is turned down here.
        let half = side * head * 0.75;
        cx.painter
            .line_segment([end - half, end + half], Stroke::new(width * 1.3, color));
    } else {
        let back = end - dir * head;
        cx.painter.add(egui::Shape::convex_polygon(
            vec![end, back + side * head * 0.5, back - side * head * 0.5],
            color,
            Stroke::NONE,
        ));
    }
    if kind == ArrowKind::Claim && !ghost {
        cx.painter.text(
            end + side * head * 1.1 - dir * head * 0.4,
            egui::Align2::CENTER_CENTER,
            "?",
            egui::FontId::new(head * 1.5, crate::paint::fonts::bold()),
            color,
        );
    }
}

/// The screen polyline an arrow follows.
pub(super) fn route(cx: &Ctx<'_>, arrow: &Arrow) -> Option<Vec<Pos2>> {
    let schematic = cx.schematic;
    if let Some(id) = &arrow.along {
        let structure = schematic.structure(id)?;
        if matches!(structure.geometry, Geometry::Blob { .. }) {
            return None;
        }
        let mut line = polyline(cx, structure);
        if arrow.reverse {
            line.reverse();
        }
        return (line.len() >= 2).then_some(line);
    }
    let from = schematic.structure(arrow.from.as_ref()?)?;
    let to = schematic.structure(arrow.to.as_ref()?)?;
    let from_at = cx.fit.screen(schematic.anchor(from)?);
    let to_at = cx.fit.screen(schematic.anchor(to)?);
    let delta = to_at - from_at;
    if delta.length() < 1.0 {
        return None;
    }
    let dir = delta.normalized();
    let gap = cx.fit.len(0.6, 3.0);
    let start = from_at + dir * (reach(half_extent(cx, from), dir) + gap);
    let end = to_at - dir * (reach(half_extent(cx, to), dir) + gap);
    if (end - start).dot(dir) <= 0.0 {
        return None;
    }
    // A gentle bend, so arrows between structures read as movement and not as outlines.
    let length = (end - start).length();
    let bend = Vec2::new(-dir.y, dir.x) * length * 0.12;
    let control = start + (end - start) / 2.0 + bend;
    let steps = 16;
    Some(
        (0..=steps)
            .map(|i| {
                let along = i as f32 / steps as f32;
                let rest = 1.0 - along;
                let weights = (rest * rest, 2.0 * rest * along, along * along);
                Pos2::new(
                    weights.0 * start.x + weights.1 * control.x + weights.2 * end.x,
                    weights.0 * start.y + weights.1 * control.y + weights.2 * end.y,
                )
            })
            .collect(),
    )
}

/// How far an ellipse with half-size `half` reaches from its centre in direction `dir`.
fn reach(half: Vec2, dir: Vec2) -> f32 {
    let (rx, ry) = (half.x.max(1e-3), half.y.max(1e-3));
    let q = (dir.x / rx).powi(2) + (dir.y / ry).powi(2);
    if q <= 0.0 { 0.0 } else { 1.0 / q.sqrt() }
}
