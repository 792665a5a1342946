//! A key to the regions' colours, in the top-left corner of the canvas, for the regions of
//! the points drawn (lessons show it, so a room can read the colours).

use super::dots::Dot;
use super::theme::{self, CanvasColors};
use crate::model::Atlas;
use crate::scene::Scene;
use egui::{FontId, Pos2, Rect, Stroke, Vec2};

/// Draws the key for the regions of `scene`'s points that have a dot in `rect` (a framed step
/// keys only what it shows); returns where the key went.
pub fn draw_region_key(
    painter: &egui::Painter,
    rect: Rect,
    atlas: &Atlas,
    scene: &Scene,
    dots: &[Dot<'_>],
    colors: &CanvasColors,
) -> Option<Rect> {
    let condition = scene.condition.as_ref();
    let mut shown: Vec<(usize, &str)> = Vec::new();
    for point in scene.points.iter().filter_map(|c| atlas.point(c)) {
        if !dots
            .iter()
            .any(|d| d.point.code == point.code && rect.contains(d.at))
        {
            continue;
        }
        if let Some((i, region)) = atlas.display_region(point, condition)
            && !shown.iter().any(|(j, _)| *j == i)
        {
            shown.push((i, region.name.as_str()));
        }
    }
    if shown.is_empty() {
        return None;
    }
    shown.sort_by_key(|(i, _)| *i);
    let size = 14.0 * scene.scale.clamp(1.0, 3.0).powf(0.7);
    let font = FontId::proportional(size);
    let row = size * 1.45;
    let galleys: Vec<_> = shown
        .iter()
        .map(|(_, name)| {
            painter.layout_no_wrap((*name).to_owned(), font.clone(), colors.label_text)
        })
        .collect();
    let text_w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let pad = size * 0.6;
    let dot = size * 0.38;
    let box_size = Vec2::new(
        pad * 2.0 + dot * 2.0 + size * 0.5 + text_w,
        pad * 2.0 + row * galleys.len() as f32,
    );
    let at = clearest_corner(rect, box_size, size * 0.6, scene, dots);
    painter.rect(
        at,
        6.0,
        colors.label_fill,
        Stroke::new(1.0, colors.leader),
        egui::StrokeKind::Inside,
    );
    for (k, ((i, _), galley)) in shown.iter().zip(galleys).enumerate() {
        let y = at.top() + pad + row * k as f32;
        let centre = Pos2::new(at.left() + pad + dot, y + row / 2.0);
        painter.circle(
            centre,
            dot,
            theme::region_color(*i, scene.theme),
            Stroke::new(1.0, colors.dot_ring),
        );
        let h = galley.size().y;
        painter.galley(
            Pos2::new(centre.x + dot + size * 0.5, y + (row - h) / 2.0),
            galley,
            colors.label_text,
        );
    }
    Some(at)
}

/// Where the key goes: the first corner of `rect` (top left, top right, bottom left, bottom
/// right; the right before the left when the layers' legend is drawn) whose box of `size`, `inset` from the edges, covers no dot; else the one covering
/// the fewest, a point the scene emphasises or rings counting as many.
fn clearest_corner(rect: Rect, size: Vec2, inset: f32, scene: &Scene, dots: &[Dot<'_>]) -> Rect {
    let inner = rect.shrink(inset);
    let mut corners = [
        inner.min,
        Pos2::new(inner.right() - size.x, inner.top()),
        Pos2::new(inner.left(), inner.bottom() - size.y),
        inner.max - size,
    ];
    // The layers' legend takes a left-hand corner first when the body leaves both sides free:
    // with one drawn, the key tries the right-hand ones first.
    if scene.layers.any() {
        corners.swap(0, 1);
        corners.swap(2, 3);
    }
    let weight = |d: &Dot<'_>| {
        let code = &d.point.code;
        if scene.highlighted.contains(code) || scene.selected.as_ref() == Some(code) {
            100
        } else {
            1
        }
    };
    let covered = |r: &Rect| -> usize {
        dots.iter()
            .filter(|d| r.expand(d.radius).contains(d.at))
            .map(weight)
            .sum()
    };
    corners
        .into_iter()
        .map(|min| Rect::from_min_size(min, size))
        .min_by_key(covered)
        .unwrap_or_else(|| Rect::from_min_size(inner.min, size))
}
