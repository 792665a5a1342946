//! The body canvas: a widget rebuilt each frame that draws the session's [`Scene`] through the
//! paint layer. Drag pans, the wheel or a pinch zooms about the pointer, a double-click fits
//! the figure. Pan and zoom are kept per figure in [`CanvasMemory`].

use crate::model::{Atlas, ConditionId, Figure, FigureId, FigurePos, PointCode};
use crate::paint::banner::draw_banner;
use crate::paint::diagram::{DiagramStyle, draw_diagram};
use crate::paint::framing::{frame_point, frame_points, frame_scene};
use crate::paint::projector::{self, PanZoom, Projector};
use crate::paint::select_framing::{Shown, frame_apart};
use crate::paint::{ArtCache, Drawn, draw_scene};
use crate::scene::{Framing, Scene};
use crate::study::cun_unit;
use egui::{Pos2, Rect, Sense};
use std::collections::HashMap;

/// What the canvas should do to its view on the next frame.
#[derive(Clone, Debug, PartialEq)]
enum Request {
    Fit,
    Reveal(PointCode),
    Frame(PointCode),
    /// Explore's selection: zoom until the point and its neighbours read apart.
    Apart(PointCode),
    Question(PointCode),
    /// Frame these points together (a condition's own area, at its levels).
    Points(Vec<PointCode>, Option<ConditionId>),
}

/// The least size of a cun on screen, in points, while a locate question waits for a click.
pub const QUESTION_POINTS_PER_CUN: f32 = 20.0;

/// What the canvas keeps between frames: pan and zoom per figure, each figure's smoothed art,
/// a pending change of view, and where the last frame was drawn.
#[derive(Default)]
pub struct CanvasMemory {
    views: HashMap<FigureId, PanZoom>,
    art: ArtCache,
    request: Option<Request>,
    last: Option<LastFrame>,
    /// The point labels drawn in the last frame, each with its point (a click selects it).
    labels: Vec<(Rect, PointCode)>,
    /// Whether the view follows a lesson step's framing (set when a step is shown, cleared
    /// when the user pans or zooms), so the frame keeps up with the scale and the window.
    follow_step: bool,
    /// Pan and zoom kept while a lesson plays, to go back to when it closes.
    kept_views: Option<HashMap<FigureId, PanZoom>>,
    /// Which drags draw with the pen instead of panning (set by the window each frame).
    pub pen: PenDrag,
}

/// Which drags draw with the pen instead of panning.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PenDrag {
    /// Every drag pans.
    #[default]
    Off,
    /// A right-button drag draws (Present mode).
    RightButton,
    /// Any drag draws (the Pen tool is on).
    AnyButton,
}

struct LastFrame {
    figure: FigureId,
    /// The whole canvas.
    rect: Rect,
    /// The part the figure is drawn in (below a lesson step's banner).
    body: Rect,
    proj: Projector,
}

impl CanvasMemory {
    /// Frames these points together on the next frame (the whole figure when they spread).
    pub fn request_frame_points(&mut self, codes: Vec<PointCode>, condition: Option<ConditionId>) {
        self.request = Some(Request::Points(codes, condition));
    }

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

    /// Zooms until a selected point and its neighbours read apart, unless the view already
    /// shows them so.
    pub fn request_frame_apart(&mut self, code: PointCode) {
        self.request = Some(Request::Apart(code));
    }

    /// Frames the area around a locate question's point so a cun is at least
    /// [`QUESTION_POINTS_PER_CUN`] points, off-centre so the middle of the view is no clue.
    pub fn request_question_frame(&mut self, code: PointCode) {
        self.request = Some(Request::Question(code));
    }

    /// Keeps every figure's pan and zoom, to go back to with [`Self::restore_views`].
    pub fn remember_views(&mut self) {
        self.kept_views = Some(self.views.clone());
    }

    /// Goes back to the pan and zoom kept by [`Self::remember_views`], dropping a pending
    /// change of view.
    pub fn restore_views(&mut self) {
        if let Some(views) = self.kept_views.take() {
            self.views = views;
            self.request = None;
        }
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

    /// Where a point's label was drawn in the last frame, if it was.
    pub fn label_rect(&self, code: &PointCode) -> Option<Rect> {
        self.labels.iter().find(|(_, c)| c == code).map(|(r, _)| *r)
    }

    /// The canvas's rectangle in the last frame.
    pub fn rect(&self) -> Option<Rect> {
        self.last.as_ref().map(|l| l.rect)
    }

    /// The part of the figure in view in the last frame, for exporting what is seen.
    pub fn framing(&self) -> Option<Framing> {
        self.last.as_ref().map(|l| l.proj.framing(l.body))
    }
}

/// What the user did on the canvas this frame.
pub struct CanvasResponse {
    pub clicked: Option<PointCode>,
    pub clicked_empty: bool,
    /// Where a click landed, in figure coordinates.
    pub clicked_at: Option<FigurePos>,
    /// Where the pen is being drawn this frame, and whether a new stroke starts there.
    pub pen: Option<(FigurePos, bool)>,
}

/// Draws `scene` in all the space left in `ui`.
pub fn canvas_ui(
    ui: &mut egui::Ui,
    memory: &mut CanvasMemory,
    atlas: &Atlas,
    scene: &Scene,
) -> CanvasResponse {
    let mut nothing = CanvasResponse {
        clicked: None,
        clicked_empty: false,
        clicked_at: None,
        pen: None,
    };
    let Some(figure) = atlas.figure(&scene.figure) else {
        return nothing;
    };
    let size = ui.available_size().max(egui::vec2(1.0, 1.0));
    let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(egui::Role::Image, true, canvas_label(atlas, scene, figure))
    });
    let painter = ui.painter_at(rect);
    // A lesson step's banner across the top; the figure or diagram takes the rest.
    let body = match &scene.banner {
        Some(banner) => draw_banner(&painter, rect, banner, scene.theme, scene.scale),
        None => rect,
    };
    if let Some(view) = &scene.diagram {
        let style = DiagramStyle {
            theme: scene.theme,
            scale: scene.scale,
            caption: true,
        };
        draw_diagram(&painter, body, atlas, view, style);
        memory.labels.clear();
        let proj = Projector::fit(body, figure, PanZoom::default());
        nothing.pen = pen_drag(memory.pen, &response, &proj);
        memory.last = Some(LastFrame {
            figure: figure.id.clone(),
            rect,
            body,
            proj,
        });
        return nothing;
    }
    let view = handle_input(ui, memory, atlas, scene, figure, body, &response);
    let proj = Projector::fit(body, figure, view);
    let drawing = pen_drag(memory.pen, &response, &proj);
    memory.last = Some(LastFrame {
        figure: figure.id.clone(),
        rect,
        body,
        proj,
    });
    let art = memory.art.get(figure);
    let mouse = response.hover_pos();
    let body_painter = painter.with_clip_rect(body.intersect(painter.clip_rect()));
    let drawn = draw_scene(
        &body_painter,
        body,
        atlas,
        scene,
        figure,
        &art,
        &proj,
        mouse,
    );
    if scene.spotlight && mouse.is_some() {
        ui.ctx().request_repaint();
    }
    hover_ui(&response, atlas, &drawn, mouse);
    memory.labels.clone_from(&drawn.labels);
    if !response.clicked() {
        nothing.pen = drawing;
        return nothing;
    }
    let clicked = clicked_point(&response, &drawn);
    CanvasResponse {
        pen: drawing,
        clicked_empty: clicked.is_none(),
        clicked,
        clicked_at: response
            .interact_pointer_pos()
            .map(|p| proj.figure_from_screen(p)),
    }
}

/// What the canvas is called for a screen reader: the diagram and its step, or the figure.
fn canvas_label(atlas: &Atlas, scene: &Scene, figure: &Figure) -> String {
    let diagram_title = scene
        .diagram
        .as_ref()
        .and_then(|d| atlas.mechanism(&d.mechanism))
        .map(|m| {
            format!(
                "Diagram: {} (step {})",
                m.title,
                scene.diagram.as_ref().map_or(1, |d| d.step + 1)
            )
        });
    diagram_title.unwrap_or_else(|| format!("Body figure: {}", figure.title))
}

/// The point a click chose: the dot under it, else the label under it.
fn clicked_point(response: &egui::Response, drawn: &Drawn<'_>) -> Option<PointCode> {
    drawn.hovered.map(|p| p.code.clone()).or_else(|| {
        let at = response.interact_pointer_pos()?;
        drawn
            .labels
            .iter()
            .find(|(r, _)| r.contains(at))
            .map(|(_, c)| c.clone())
    })
}

/// The tooltip under the pointer: the hovered point's names, or the points a cluster marker
/// stands for.
fn hover_ui(response: &egui::Response, atlas: &Atlas, drawn: &Drawn<'_>, mouse: Option<Pos2>) {
    if mouse.is_some_and(|m| drawn.labels.iter().any(|(r, _)| r.contains(m))) {
        // A label is a way to choose its point.
        response.ctx.set_cursor_icon(egui::CursorIcon::PointingHand);
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
}

/// Where a pen drag is this frame, in figure coordinates, and whether it starts a stroke.
fn pen_drag(
    pen: PenDrag,
    response: &egui::Response,
    proj: &Projector,
) -> Option<(FigurePos, bool)> {
    // Only a start or a move adds to the stroke: a still pointer adds nothing (and asks for
    // no frame).
    if !is_pen_drag(pen, response)
        || !(response.drag_started() || response.drag_delta() != egui::Vec2::ZERO)
    {
        return None;
    }
    let at = response.interact_pointer_pos()?;
    Some((proj.figure_from_screen(at), response.drag_started()))
}

/// Whether the drag under way draws with the pen.
fn is_pen_drag(pen: PenDrag, response: &egui::Response) -> bool {
    use egui::PointerButton::{Primary, Secondary};
    match pen {
        PenDrag::Off => false,
        PenDrag::RightButton => response.dragged_by(Secondary),
        PenDrag::AnyButton => response.dragged_by(Secondary) || response.dragged_by(Primary),
    }
}

/// Pan (unless the drag draws with the pen), zoom, fit, reveal and frame: updates and returns
/// the figure's pan and zoom. A lesson step is framed on what it names until the user pans or
/// zooms.
fn handle_input(
    ui: &egui::Ui,
    memory: &mut CanvasMemory,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    rect: Rect,
    response: &egui::Response,
) -> PanZoom {
    let pans = !is_pen_drag(memory.pen, response);
    let view = memory.views.entry(figure.id.clone()).or_default();
    if response.double_clicked() {
        *view = PanZoom::default();
        memory.follow_step = false;
    }
    if pans && response.dragged() {
        view.pan += response.drag_delta();
        memory.follow_step = false;
    }
    if let Some(pointer) = response.hover_pos() {
        let (scroll, pinch) = ui.input(|i| (i.smooth_scroll_delta.y, i.zoom_delta()));
        let factor = pinch * (scroll / 300.0).exp();
        if (factor - 1.0).abs() > 1e-4 {
            projector::zoom_about(view, rect, figure, pointer, factor);
            memory.follow_step = false;
        }
    }
    if matches!(memory.request, Some(Request::Fit | Request::Frame(_))) {
        memory.follow_step = true;
    }
    match memory.request.take() {
        Some(Request::Fit) => *view = PanZoom::default(),
        Some(Request::Reveal(code)) => {
            if let Some(site) = atlas.sites_on(&code, &figure.id).next() {
                projector::reveal(view, rect, figure, site.at);
            }
        }
        Some(Request::Frame(code)) if atlas.sites_on(&code, &figure.id).next().is_some() => {
            *view = frame_point(atlas, &code, figure, rect);
        }
        Some(Request::Apart(code)) => {
            let shown = Shown {
                points: &scene.points,
                condition: scene.condition.as_ref(),
                scale: scene.scale,
            };
            *view = frame_apart(atlas, &shown, &code, figure, rect, *view);
        }
        Some(Request::Question(code)) => {
            *view = PanZoom::default();
            if let Some(site) = atlas.sites_on(&code, &figure.id).next()
                && let Some((per_cun, _)) = cun_unit(atlas, &code, &figure.id, site.at)
            {
                frame_question(view, rect, figure, site.at, per_cun, &code);
            }
        }
        Some(Request::Points(codes, condition)) => {
            *view = frame_points(atlas, &codes, condition.as_ref(), figure, rect);
        }
        Some(Request::Frame(_)) | None => {}
    }
    if scene.frame_step && memory.follow_step {
        *view = frame_scene(atlas, scene, figure, rect);
    }
    *view
}

/// Zooms so a cun is at least [`QUESTION_POINTS_PER_CUN`] points, with the point somewhere in
/// the middle half of the view but not at its centre (an offset fixed by the point's code, so
/// the same question frames the same way).
fn frame_question(
    view: &mut PanZoom,
    rect: Rect,
    figure: &Figure,
    at: FigurePos,
    per_cun: f32,
    code: &PointCode,
) {
    let fitted = Projector::fit(rect, figure, PanZoom::default());
    let zoom = (QUESTION_POINTS_PER_CUN / (per_cun * fitted.scale())).max(1.0);
    if zoom <= 1.0 {
        return;
    }
    let hash = code.as_str().bytes().fold(0x811C_9DC5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    let angle = (hash % 360) as f32 * std::f32::consts::PI / 180.0;
    let offset = egui::vec2(angle.cos(), angle.sin()) * rect.size().min_elem() * 0.18;
    projector::frame_at_zoom(view, rect, figure, at, zoom, offset);
}
