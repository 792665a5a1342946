//! One view of the body as a picture: a title, the figure with its points, and a legend.

use super::{RenderError, check_size, render_frame};
use crate::model::{Atlas, ConditionId, FigureId, Point, PointCode};
use crate::ui::canvas::{CanvasInput, CanvasState, LabelStyle, canvas_ui};
use crate::ui::{ThemeKind, theme};
use egui::RichText;
use std::collections::BTreeSet;

/// How the picture is styled, after the window's modes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ViewStyle {
    /// As in the window.
    #[default]
    Explore,
    /// Only the given points, large, in plain words.
    Patient,
    /// Large dots and text for a projector.
    Present,
}

/// What to draw.
#[derive(Clone, Debug)]
pub struct ViewRequest {
    pub figure: FigureId,
    pub condition: Option<ConditionId>,
    /// Points to emphasise; in patient style, the only points drawn.
    pub highlight: Vec<PointCode>,
    pub style: ViewStyle,
    pub labels: LabelStyle,
    pub width: u32,
    pub height: u32,
    pub theme: ThemeKind,
}

/// Renders a view to an RGBA image.
pub fn render_view(atlas: &Atlas, req: &ViewRequest) -> Result<image::RgbaImage, RenderError> {
    check_size(req.width, req.height)?;
    let figure = atlas.figure(&req.figure).ok_or_else(|| {
        let known: Vec<_> = atlas.figures().iter().map(|f| f.id.as_str()).collect();
        RenderError::UnknownView(req.figure.to_string(), known.join(", "))
    })?;
    let condition = match &req.condition {
        Some(id) => Some(atlas.condition(id).ok_or_else(|| {
            let known: Vec<_> = atlas.conditions().iter().map(|c| c.id.as_str()).collect();
            RenderError::UnknownCondition(id.to_string(), known.join(", "))
        })?),
        None => None,
    };
    for code in &req.highlight {
        if atlas.point(code).is_none() {
            return Err(RenderError::UnknownPoint(code.to_string()));
        }
    }
    let points: Vec<&Point> = if req.style == ViewStyle::Patient && !req.highlight.is_empty() {
        req.highlight
            .iter()
            .filter_map(|c| atlas.point(c))
            .collect()
    } else {
        atlas.condition_points(condition.map(|c| &c.id))
    };
    let highlighted: BTreeSet<PointCode> = if req.style == ViewStyle::Patient {
        BTreeSet::new()
    } else {
        req.highlight.iter().cloned().collect()
    };
    let scale: f32 = match req.style {
        ViewStyle::Explore => 1.0,
        ViewStyle::Patient => 1.6,
        ViewStyle::Present => 1.8,
    };
    // Text stays readable whatever the size: one point is 1/1000 of the shorter side.
    let ppp = (req.width.min(req.height) as f32 / 1000.0).max(1.0);
    let title = match condition {
        Some(c) => format!("{} — {}", c.name, figure.title),
        None => figure.title.clone(),
    };
    let mut canvas = CanvasState::default();
    render_frame([req.width, req.height], ppp, req.theme, |ui| {
        let colors = theme::canvas_colors(req.theme);
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(colors.background)
                    .inner_margin(16.0),
            )
            .show(ui, |ui| {
                ui.label(RichText::new(&title).font(egui::FontId::new(
                    26.0 * scale.min(1.4),
                    crate::ui::fonts::bold(),
                )));
                let on_figure: Vec<&Point> = points
                    .iter()
                    .copied()
                    .filter(|p| atlas.sites_on(&p.code, &figure.id).next().is_some())
                    .collect();
                legend_ui(ui, atlas, &on_figure, req.condition.as_ref(), req.theme);
                let mut input = CanvasInput::new(atlas, figure, &points);
                input.condition = req.condition.as_ref();
                input.highlighted = &highlighted;
                input.theme = req.theme;
                input.labels = req.labels;
                input.scale = scale;
                canvas_ui(ui, &mut canvas, &input);
            });
    })
}

/// The regions of the drawn points, each with its colour.
fn legend_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    points: &[&Point],
    condition: Option<&ConditionId>,
    kind: ThemeKind,
) {
    ui.horizontal_wrapped(|ui| {
        for (i, region) in atlas.regions().iter().enumerate() {
            let shown = points.iter().any(|p| {
                atlas.display_region(p, condition).map(|(_, r)| &r.id) == Some(&region.id)
            });
            if !shown {
                continue;
            }
            ui.horizontal(|ui| {
                let (rect, _) =
                    ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
                ui.painter()
                    .circle_filled(rect.center(), 6.0, theme::region_color(i, kind));
                ui.label(&region.name);
                ui.add_space(8.0);
            });
        }
    });
}
