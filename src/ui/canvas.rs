//! The body canvas: a figure's art and its points, with pan and zoom.

use super::shapes::smooth;
use super::theme::{self, CanvasColors};
use crate::model::{Atlas, Figure, FigurePos, PointCode, ShapeKind};
use egui::{Color32, Pos2, Rect, Sense, Stroke, Vec2};

/// Pan and zoom of one figure, kept between frames.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CanvasMemory {
    pub zoom: f32,
    pub pan: Vec2,
}

impl Default for CanvasMemory {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

/// Maps figure coordinates to screen points and back.
#[derive(Clone, Copy, Debug)]
pub struct Projector {
    origin: Pos2,
    scale: f32,
}

impl Projector {
    /// Fits the figure's frame into `rect` with a margin, then applies pan and zoom.
    pub fn fit(rect: Rect, figure: &Figure, memory: CanvasMemory) -> Self {
        let (w, h) = figure.size;
        let margin = 16.0;
        let avail = rect.shrink(margin);
        let scale = (avail.width() / w).min(avail.height() / h).max(1e-3) * memory.zoom;
        let size = Vec2::new(w * scale, h * scale);
        let origin = avail.center() - size / 2.0 + memory.pan;
        Self { origin, scale }
    }

    pub fn screen_from_figure(&self, p: FigurePos) -> Pos2 {
        self.origin + Vec2::new(p.x, p.y) * self.scale
    }

    pub fn figure_from_screen(&self, p: Pos2) -> FigurePos {
        let v = (p - self.origin) / self.scale;
        FigurePos::new(v.x, v.y)
    }

    pub fn scale(&self) -> f32 {
        self.scale
    }
}

/// What the canvas reports back after a frame.
pub struct CanvasResponse {
    pub clicked: Option<PointCode>,
}

/// Draws a figure with its points and handles pan (drag), zoom (wheel) and fit (double-click).
pub fn canvas_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    figure: &Figure,
    memory: &mut CanvasMemory,
    selected: Option<&PointCode>,
) -> CanvasResponse {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    let colors = theme::canvas_colors(ui.visuals().dark_mode);
    if response.dragged() {
        memory.pan += response.drag_delta();
    }
    if response.double_clicked() {
        *memory = CanvasMemory::default();
    }
    if let Some(pointer) = response.hover_pos() {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y);
        let pinch = ui.input(egui::InputState::zoom_delta);
        let factor = pinch * (scroll / 400.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            let before = Projector::fit(rect, figure, *memory);
            let anchor = before.figure_from_screen(pointer);
            memory.zoom = (memory.zoom * factor).clamp(0.5, 12.0);
            let after = Projector::fit(rect, figure, *memory);
            memory.pan += pointer - after.screen_from_figure(anchor);
        }
    }
    let proj = Projector::fit(rect, figure, *memory);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, colors.background);
    draw_art(&painter, figure, &proj, &colors);

    let radius = (proj.scale() * 0.006).clamp(4.0, 14.0);
    let hover_at = response.hover_pos();
    let mut hovered: Option<(PointCode, f32)> = None;
    for point in atlas.points() {
        let color = point
            .regions
            .first()
            .and_then(|r| atlas.regions().iter().position(|x| &x.id == r))
            .map_or(Color32::GRAY, theme::region_color);
        for site in atlas.sites_on(&point.code, &figure.id) {
            let at = proj.screen_from_figure(site.at);
            let is_selected = selected == Some(&point.code);
            let r = if is_selected { radius * 1.4 } else { radius };
            painter.circle(at, r, color, Stroke::new(1.5, colors.dot_ring));
            if is_selected {
                painter.circle_stroke(at, r + 3.0, Stroke::new(2.0, colors.hover));
            }
            if let Some(p) = hover_at {
                let d = p.distance(at);
                if d <= r + 4.0 && hovered.as_ref().is_none_or(|(_, best)| d < *best) {
                    hovered = Some((point.code.clone(), d));
                }
            }
        }
    }
    let hovered = hovered.map(|(code, _)| code);
    if let Some(code) = &hovered {
        for site in atlas.sites_on(code, &figure.id) {
            painter.circle_stroke(
                proj.screen_from_figure(site.at),
                radius + 3.0,
                Stroke::new(2.0, colors.hover),
            );
        }
        if let Some(point) = atlas.point(code) {
            response.clone().on_hover_text(format!(
                "{} {}: {}",
                point.code, point.pinyin, point.english
            ));
        }
    }
    let clicked = if response.clicked() {
        hovered.clone()
    } else {
        None
    };
    CanvasResponse { clicked }
}

fn draw_art(painter: &egui::Painter, figure: &Figure, proj: &Projector, colors: &CanvasColors) {
    let width = (proj.scale() * 0.0025).clamp(1.0, 3.0);
    for shape in &figure.shapes {
        let stroke = match shape.kind {
            ShapeKind::Outline => Stroke::new(width * 1.2, colors.outline),
            ShapeKind::Contour => Stroke::new(width * 0.7, colors.contour),
            ShapeKind::Bone => Stroke::new(width * 0.7, colors.bone),
        };
        let curve = smooth(&shape.points, shape.closed, 8);
        let mut copies = vec![curve];
        if shape.mirrored {
            let mirrored = copies
                .first()
                .map(|c| c.iter().map(|p| figure.mirror(*p)).collect())
                .unwrap_or_default();
            copies.push(mirrored);
        }
        for copy in copies {
            let pts: Vec<Pos2> = copy.iter().map(|p| proj.screen_from_figure(*p)).collect();
            painter.add(egui::Shape::line(pts, stroke));
        }
    }
}
