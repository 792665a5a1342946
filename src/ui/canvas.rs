//! The body canvas: a widget rebuilt each frame that draws the session's [`Scene`] through the
//! paint layer. Drag pans, the wheel or a pinch zooms about the pointer, a double-click fits
//! the figure. Pan and zoom are kept per figure in [`CanvasMemory`].

use crate::model::{Atlas, Figure, FigureId, FigurePos, PointCode};
use crate::paint::projector::{self, PanZoom, Projector};
use crate::paint::{ArtCache, draw_scene};
use crate::placement::ruler_for;
use crate::scene::{Framing, Scene};
use egui::{Pos2, Rect, Sense};
use std::collections::HashMap;

/// Cun shown on each side of a framed point: enough to recognise the body part around it.
const FRAME_RADIUS_CUN: f32 = 6.0;
/// The least shown on each side of a framed point, as a share of the figure's height (a hand
/// on a whole-body figure needs its forearm around it to be recognised).
const FRAME_RADIUS_SHARE: f32 = 0.16;
/// Beyond this share of the figure's height the framing shows the whole figure.
const FRAME_WHOLE_SHARE: f32 = 0.3;
/// A figure less tall than this, in cun, is a close-up (a hand, a foot): framing shows it whole.
const CLOSE_UP_CUN: f32 = 25.0;

/// What the canvas should do to its view on the next frame.
#[derive(Clone, Debug, PartialEq)]
enum Request {
    Fit,
    Reveal(PointCode),
    Frame(PointCode),
}

/// What the canvas keeps between frames: pan and zoom per figure, each figure's smoothed art,
/// a pending change of view, and where the last frame was drawn.
#[derive(Default)]
pub struct CanvasMemory {
    views: HashMap<FigureId, PanZoom>,
    art: ArtCache,
    request: Option<Request>,
    last: Option<LastFrame>,
}

struct LastFrame {
    figure: FigureId,
    rect: Rect,
    proj: Projector,
}

impl CanvasMemory {
    /// Shows the whole figure on the next frame.
    pub fn request_fit(&mut self) {
        self.request = Some(Request::Fit);
    }

    /// Pans so that a point is in view on the next frame (when it is not already).
    pub fn request_reveal(&mut self, code: PointCode) {
        self.request = Some(Request::Reveal(code));
    }

    /// Zooms to a point with a few cun around it (the whole figure for a close-up).
    pub fn request_frame(&mut self, code: PointCode) {
        self.request = Some(Request::Frame(code));
    }

    /// Forgets cached art (after the atlas is reloaded); pan and zoom are kept.
    pub fn forget_art(&mut self) {
        self.art.clear();
    }

    /// Where a figure position was drawn in the last frame.
    pub fn screen_from_figure(&self, at: FigurePos) -> Option<Pos2> {
        self.last.as_ref().map(|l| l.proj.screen_from_figure(at))
    }

    /// Where a site of a point was drawn in the last frame (the first site on that figure).
    pub fn screen_pos(&self, atlas: &Atlas, code: &PointCode) -> Option<Pos2> {
        let last = self.last.as_ref()?;
        let site = atlas.sites_on(code, &last.figure).next()?;
        Some(last.proj.screen_from_figure(site.at))
    }

    /// The canvas's rectangle in the last frame.
    pub fn rect(&self) -> Option<Rect> {
        self.last.as_ref().map(|l| l.rect)
    }

    /// The part of the figure in view in the last frame, for exporting what is seen.
    pub fn framing(&self) -> Option<Framing> {
        self.last.as_ref().map(|l| l.proj.framing(l.rect))
    }
}

/// What the user did on the canvas this frame.
pub struct CanvasResponse {
    pub clicked: Option<PointCode>,
    pub clicked_empty: bool,
    /// Where a click landed, in figure coordinates.
    pub clicked_at: Option<FigurePos>,
}

/// Draws `scene` in all the space left in `ui`.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    memory: &mut CanvasMemory,
    atlas: &Atlas,
    scene: &Scene,
) -> CanvasResponse {
    let nothing = CanvasResponse {
        clicked: None,
        clicked_empty: false,
        clicked_at: None,
    };
    let Some(figure) = atlas.figure(&scene.figure) else {
        return nothing;
    };
    let size = ui.available_size().max(egui::vec2(1.0, 1.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Body figure: {}", figure.title),
        )
    });
    let view = handle_input(ui, memory, atlas, figure, rect, &response);
    let proj = Projector::fit(rect, figure, view);
    memory.last = Some(LastFrame {
        figure: figure.id.clone(),
        rect,
        proj,
    });
    let art = memory.art.get(figure);
    let painter = ui.painter_at(rect);
    let mouse = response.hover_pos();
    let drawn = draw_scene(&painter, rect, atlas, scene, figure, &art, &proj, mouse);
    if scene.spotlight && mouse.is_some() {
        ui.ctx().request_repaint();
    }
    if let Some(point) = drawn.hovered {
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(format!("{}  {}  {}", point.code, point.pinyin, point.hanzi));
            ui.label(&point.english);
        });
    } else if let Some((_, codes)) =
        mouse.and_then(|m| drawn.clusters.iter().find(|(r, _)| r.contains(m)))
    {
        // A marker such as "+4" names the points whose labels found no place.
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.label("Also here (zoom in to see their labels):");
            for point in codes.iter().filter_map(|c| atlas.point(c)) {
                ui.strong(format!("{}  {}", point.code, point.pinyin));
            }
        });
    }
    if !response.clicked() {
        return nothing;
    }
    let clicked = drawn.hovered.map(|p| p.code.clone());
    CanvasResponse {
        clicked_empty: clicked.is_none(),
        clicked,
        clicked_at: response
            .interact_pointer_pos()
            .map(|p| proj.figure_from_screen(p)),
    }
}

/// Pan, zoom, fit, reveal and frame: updates and returns the figure's pan and zoom.
fn handle_input(
    ui: &egui::Ui,
    memory: &mut CanvasMemory,
    atlas: &Atlas,
    figure: &Figure,
    rect: Rect,
    response: &egui::Response,
) -> PanZoom {
    let view = memory.views.entry(figure.id.clone()).or_default();
    if response.double_clicked() {
        *view = PanZoom::default();
    }
    if response.dragged() {
        view.pan += response.drag_delta();
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            projector::zoom_about(view, rect, figure, pointer, factor);
        }
    }
    match memory.request.take() {
        Some(Request::Fit) => *view = PanZoom::default(),
        Some(Request::Reveal(code)) => {
            if let Some(site) = atlas.sites_on(&code, &figure.id).next() {
                projector::reveal(view, rect, figure, site.at);
            }
        }
        Some(Request::Frame(code)) => {
            if let Some(site) = atlas.sites_on(&code, &figure.id).next() {
                let radius = frame_radius(atlas, &code, figure);
                if is_close_up(figure) || radius >= figure.size.1 * FRAME_WHOLE_SHARE {
                    *view = PanZoom::default();
                } else {
                    projector::frame(view, rect, figure, site.at, radius);
                }
            }
        }
        None => {}
    }
    *view
}

/// Whether a figure is a close-up of a hand or foot: its height measured in cun on its own
/// spans (the median span's scale) is under [`CLOSE_UP_CUN`]. A figure with no span to
/// measure by counts as a close-up, so it is shown whole.
fn is_close_up(figure: &Figure) -> bool {
    let mut per_cun: Vec<f32> = figure
        .spans
        .iter()
        .filter(|s| s.cun > 0.0)
        .filter_map(|s| {
            let a = figure.landmark(&s.from)?.at;
            let b = figure.landmark(&s.to)?.at;
            Some(a.distance(b) / s.cun)
        })
        .filter(|u| u.is_finite() && *u > 0.0)
        .collect();
    per_cun.sort_by(f32::total_cmp);
    per_cun
        .get(per_cun.len() / 2)
        .is_none_or(|u| figure.size.1 / u < CLOSE_UP_CUN)
}

/// Figure units to show on each side of a framed point: [`FRAME_RADIUS_CUN`] measured on the
/// span the point is placed by, and at least [`FRAME_RADIUS_SHARE`] of the figure.
fn frame_radius(atlas: &Atlas, code: &PointCode, figure: &Figure) -> f32 {
    let by_cun = atlas
        .point(code)
        .and_then(|p| ruler_for(p, figure))
        .filter(|r| r.cun > 0.0)
        .map_or(0.0, |r| r.from.distance(r.to) / r.cun * FRAME_RADIUS_CUN);
    by_cun.max(figure.size.1 * FRAME_RADIUS_SHARE)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;

    #[test]
    fn hands_and_feet_are_close_ups_and_whole_bodies_are_not() {
        let atlas = load_builtin().unwrap();
        let close = |id: &str| is_close_up(atlas.figure(&FigureId::new(id)).unwrap());
        for id in ["hand_dorsum", "hand_ulnar", "foot_lateral", "foot_medial"] {
            assert!(close(id), "{id} is a close-up");
        }
        for id in ["posterior", "anterior", "side"] {
            assert!(!close(id), "{id} is a whole body");
        }
    }
}
