//! The body canvas: a widget rebuilt each frame that draws a figure's art, the cun ruler of the
//! selected point, the points as dots coloured by region, and labels that never overlap.
//! Drag pans, the wheel or a pinch zooms about the pointer, a double-click fits the figure.

mod art;
mod labels;
mod projector;
mod ruler;

pub use projector::{PanZoom, Projector};

use crate::model::{Atlas, ConditionId, Figure, FigureId, FigurePos, Point, PointCode, ShapeKind};
use crate::ui::theme::{self, ThemeKind};
use egui::{Color32, FontId, Pos2, Rect, Sense, Stroke};
use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

type Art = Arc<Vec<(ShapeKind, Vec<FigurePos>)>>;

/// What the canvas keeps between frames: pan and zoom per figure, and each figure's smoothed
/// art (computed once).
#[derive(Default)]
pub struct CanvasState {
    views: HashMap<FigureId, PanZoom>,
    art: HashMap<FigureId, Art>,
    /// Set when the selected point should be brought into view on the next frame.
    pub reveal: bool,
    /// Set to reset pan and zoom of the current figure on the next frame.
    pub fit: bool,
    /// When revealing the selection, also zoom in to frame it (presentation steps).
    pub frame_on_reveal: bool,
    /// The figure and projection of the last frame drawn, so callers can find points on screen.
    last: Option<(FigureId, Projector)>,
}

impl CanvasState {
    /// Forgets cached art (after the atlas is reloaded).
    pub fn clear_cache(&mut self) {
        self.art.clear();
        self.last = None;
    }

    /// Where a figure position was drawn in the last frame.
    pub fn screen_from_figure(&self, at: FigurePos) -> Option<Pos2> {
        self.last
            .as_ref()
            .map(|(_, proj)| proj.screen_from_figure(at))
    }

    /// Where a site of a point was drawn in the last frame (the first site on that figure).
    pub fn screen_pos(&self, atlas: &Atlas, code: &PointCode) -> Option<Pos2> {
        let (figure, proj) = self.last.as_ref()?;
        let site = atlas.sites_on(code, figure).next()?;
        Some(proj.screen_from_figure(site.at))
    }

    fn art_for(&mut self, figure: &Figure) -> Art {
        self.art
            .entry(figure.id.clone())
            .or_insert_with(|| Arc::new(art::smooth_figure(figure)))
            .clone()
    }
}

/// What one frame of the canvas shows.
pub struct CanvasInput<'a> {
    pub atlas: &'a Atlas,
    pub figure: &'a Figure,
    pub points: &'a [&'a Point],
    /// The condition shown, which decides the region (and colour) of points in several regions.
    pub condition: Option<&'a ConditionId>,
    pub selected: Option<&'a PointCode>,
    /// Points a selected mechanism bears on; the others are dimmed while it is non-empty.
    pub highlighted: &'a BTreeSet<PointCode>,
    pub theme: ThemeKind,
    pub labels: LabelStyle,
    /// Scale of dots and labels (1 normally, larger when projecting or for patients).
    pub scale: f32,
    /// When set, only these points are labelled (presentation's recall).
    pub label_only: Option<&'a BTreeSet<PointCode>>,
    /// Whether the dots are drawn at all (not while a locate question waits for its answer).
    pub show_dots: bool,
    /// A mark where the user clicked (a locate answer).
    pub marker: Option<FigurePos>,
    /// Dim everything but a circle around the pointer.
    pub spotlight: bool,
    /// Draw every landmark and span with its name (for atlas authors).
    pub calibration: bool,
}

impl<'a> CanvasInput<'a> {
    /// The usual input: every given point drawn and labelled by code.
    pub fn new(atlas: &'a Atlas, figure: &'a Figure, points: &'a [&'a Point]) -> Self {
        Self {
            atlas,
            figure,
            points,
            condition: None,
            selected: None,
            highlighted: empty_set(),
            theme: ThemeKind::Light,
            labels: LabelStyle::Code,
            scale: 1.0,
            label_only: None,
            show_dots: true,
            marker: None,
            spotlight: false,
            calibration: false,
        }
    }
}

fn empty_set() -> &'static BTreeSet<PointCode> {
    static EMPTY: std::sync::OnceLock<BTreeSet<PointCode>> = std::sync::OnceLock::new();
    EMPTY.get_or_init(BTreeSet::new)
}

/// What the labels beside the dots say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LabelStyle {
    /// No labels (for recall, or a clean picture).
    None,
    /// The code, such as `BL23`.
    #[default]
    Code,
    /// The code and the pinyin.
    Full,
    /// The point's number in the list drawn (1, 2, …), for handouts.
    Numbered,
}

pub struct CanvasOutput {
    pub clicked: Option<PointCode>,
    pub clicked_empty: bool,
    /// Where a click landed, in figure coordinates.
    pub clicked_at: Option<FigurePos>,
}

struct Dot<'a> {
    point: &'a Point,
    at: Pos2,
    radius: f32,
    color: Color32,
    /// Only the outermost site of a point gets a label.
    labelled: bool,
}

pub fn canvas_ui(
    ui: &mut egui::Ui,
    state: &mut CanvasState,
    input: &CanvasInput<'_>,
) -> CanvasOutput {
    let (rect, response) = ui.allocate_exact_size(ui.available_size(), Sense::click_and_drag());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Body figure: {}", input.figure.title),
        )
    });
    let figure = input.figure;
    let art = state.art_for(figure);
    let view = handle_input(ui, state, input, rect, &response);
    let proj = Projector::fit(rect, figure, view);
    state.last = Some((figure.id.clone(), proj));
    let colors = theme::canvas_colors(input.theme);
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, colors.background);
    art::draw(&painter, &art, &proj, &colors);

    let dots = if input.show_dots {
        dots(input, &proj, rect, view.zoom)
    } else {
        Vec::new()
    };
    let hovered = response.hover_pos().and_then(|p| {
        dots.iter()
            .filter(|d| d.at.distance(p) <= d.radius + 5.0)
            .min_by(|a, b| a.at.distance(p).total_cmp(&b.at.distance(p)))
            .map(|d| d.point)
    });
    let emphasised = |dot: &Dot<'_>| {
        Some(&dot.point.code) == input.selected || hovered.is_some_and(|h| h.code == dot.point.code)
    };
    // Plain dots first, then the selected and hovered ones on top, so they are never covered.
    for dot in dots.iter().filter(|d| !emphasised(d)) {
        painter.circle(
            dot.at,
            dot.radius,
            dot.color,
            Stroke::new(1.5, colors.dot_ring),
        );
    }
    for dot in dots.iter().filter(|d| emphasised(d)) {
        painter.circle(
            dot.at,
            dot.radius,
            dot.color,
            Stroke::new(1.5, colors.dot_ring),
        );
        painter.circle_stroke(dot.at, dot.radius + 3.5, Stroke::new(2.5, colors.highlight));
    }
    if input.calibration {
        ruler::calibration(&painter, figure, &proj, &colors);
    }
    // The ruler goes over the dots so its ticks and count stay readable.
    if let Some(point) = input.selected.and_then(|c| input.atlas.point(c)) {
        ruler::draw(&painter, point, figure, &proj, &colors, input.scale);
    }
    draw_labels(&painter, input, &dots, rect, &colors);
    if let Some(mark) = input.marker {
        let at = proj.screen_from_figure(mark);
        let s = 7.0 * input.scale;
        let stroke = Stroke::new(2.5, colors.highlight);
        painter.line_segment([at - egui::vec2(s, s), at + egui::vec2(s, s)], stroke);
        painter.line_segment([at - egui::vec2(s, -s), at + egui::vec2(s, -s)], stroke);
    }
    if input.spotlight
        && let Some(p) = response.hover_pos()
    {
        // A ring as wide as the canvas around a clear circle: everything else is dimmed.
        let clear = rect.size().min_elem() * 0.16;
        let width = rect.size().length() * 2.0;
        painter.circle_stroke(
            p,
            clear + width / 2.0,
            Stroke::new(width, theme::SPOTLIGHT_VEIL),
        );
        ui.ctx().request_repaint();
    }

    if let Some(point) = hovered {
        response.clone().on_hover_ui_at_pointer(|ui| {
            ui.strong(format!("{}  {}  {}", point.code, point.pinyin, point.hanzi));
            ui.label(&point.english);
        });
    }
    let clicked = if response.clicked() {
        hovered.map(|p| p.code.clone())
    } else {
        None
    };
    let clicked_at = if response.clicked() {
        response
            .interact_pointer_pos()
            .map(|p| proj.figure_from_screen(p))
    } else {
        None
    };
    CanvasOutput {
        clicked_empty: response.clicked() && clicked.is_none(),
        clicked,
        clicked_at,
    }
}

/// Pan, zoom, fit and reveal: updates and returns the figure's pan and zoom.
fn handle_input(
    ui: &egui::Ui,
    state: &mut CanvasState,
    input: &CanvasInput<'_>,
    rect: Rect,
    response: &egui::Response,
) -> PanZoom {
    let figure = input.figure;
    let view = state.views.entry(figure.id.clone()).or_default();
    if state.fit || response.double_clicked() {
        *view = PanZoom::default();
        state.fit = false;
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
    if state.reveal {
        state.reveal = false;
        if let Some(site) = input
            .selected
            .and_then(|code| input.atlas.sites_on(code, &figure.id).next())
        {
            if state.frame_on_reveal {
                projector::frame(view, rect, figure, site.at, 3.0);
            } else {
                projector::reveal(view, rect, figure, site.at);
            }
        }
    }
    *view
}

fn dots<'a>(input: &CanvasInput<'a>, proj: &Projector, rect: Rect, zoom: f32) -> Vec<Dot<'a>> {
    // Sized by the canvas, not by figure units (close-ups use other units), growing gently
    // with zoom so dense rows separate as the user zooms in.
    let base = (rect.size().min_elem() * 0.0065 * zoom.sqrt()).clamp(4.5, 14.0) * input.scale;
    let dimming = !input.highlighted.is_empty();
    let mut out = Vec::new();
    for point in input.points {
        let region = input
            .atlas
            .display_region(point, input.condition)
            .map(|(i, _)| i);
        let lit = input.highlighted.contains(&point.code);
        let color = match region {
            Some(_) if dimming && !lit => theme::canvas_colors(input.theme).dimmed_dot,
            Some(i) => theme::region_color(i, input.theme),
            None => theme::NO_REGION,
        };
        let radius = if Some(&point.code) == input.selected || (dimming && lit) {
            base * 1.35
        } else {
            base
        };
        let sites = input
            .atlas
            .sites_for(&point.code, &input.figure.id, input.condition);
        // Label the site furthest to the viewer's right (the midline's right side is where the
        // bilateral labels go; midline points label to the left).
        let labelled = sites
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.at.x.total_cmp(&b.1.at.x))
            .map(|(i, _)| i);
        for (i, site) in sites.iter().enumerate() {
            out.push(Dot {
                point,
                at: proj.screen_from_figure(site.at),
                radius,
                color,
                labelled: Some(i) == labelled,
            });
        }
    }
    out
}

fn draw_labels(
    painter: &egui::Painter,
    input: &CanvasInput<'_>,
    dots: &[Dot<'_>],
    rect: Rect,
    colors: &theme::CanvasColors,
) {
    if input.labels == LabelStyle::None {
        return;
    }
    let font = FontId::proportional(13.5 * input.scale);
    let midline = input.figure.midline_x;
    let mut galleys = Vec::new();
    let mut requests = Vec::new();
    let allowed = |code: &PointCode| input.label_only.is_none_or(|set| set.contains(code));
    for dot in dots.iter().filter(|d| d.labelled && allowed(&d.point.code)) {
        let text = match input.labels {
            LabelStyle::Full => format!("{} {}", dot.point.code, dot.point.pinyin),
            LabelStyle::Numbered => input
                .points
                .iter()
                .position(|p| p.code == dot.point.code)
                .map_or_else(String::new, |i| (i + 1).to_string()),
            LabelStyle::Code | LabelStyle::None => dot.point.code.to_string(),
        };
        let galley = painter.layout_no_wrap(text, font.clone(), colors.label_text);
        let on_midline =
            midline.is_some() && matches!(dot.point.laterality, crate::model::Laterality::Midline);
        let priority = if Some(&dot.point.code) == input.selected {
            2
        } else {
            u8::from(input.highlighted.contains(&dot.point.code))
        };
        requests.push(labels::LabelRequest {
            anchor: dot.at,
            radius: dot.radius,
            size: galley.size() + egui::vec2(6.0, 2.0),
            prefer_left: on_midline,
            priority,
        });
        galleys.push(galley);
    }
    let all_dots: Vec<(Pos2, f32)> = dots.iter().map(|d| (d.at, d.radius)).collect();
    let placed = labels::place(&requests, &all_dots, rect.shrink(2.0));
    for (placement, galley) in placed.iter().zip(galleys) {
        let rect = match placement {
            labels::Placement::Beside(r) => *r,
            labels::Placement::LedOut { rect, from, to } => {
                painter.line_segment([*from, *to], Stroke::new(1.0, colors.leader));
                *rect
            }
            labels::Placement::Hidden => continue,
        };
        painter.rect_filled(rect, 3.0, colors.label_fill);
        painter.galley(rect.min + egui::vec2(3.0, 1.0), galley, colors.label_text);
    }
}
