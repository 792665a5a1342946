//! One view of the body as a picture: a [`Scene`] drawn by the same paint code as the window,
//! framed as the window framed it (or whole), with an optional caption of title and legend.

use super::picture::Picture;
use super::{RenderError, Renderer, check_size};
use crate::model::{Atlas, ConditionId, Figure, Point};
use crate::paint::banner::draw_banner;
use crate::paint::framing::frame_scene;
use crate::paint::marks::{self, Role};
use crate::paint::projector::{PanZoom, Projector};
use crate::paint::{Art, ArtCache, Drawn, draw_scene, fonts, theme};
use crate::scene::{Framing, Scene, Theme};
use egui::RichText;

/// What "Export view…" exports: the canvas's scene, the part of the figure in view, and the
/// canvas's size on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct ViewExport {
    pub scene: Scene,
    /// `None` shows the whole figure.
    pub framing: Option<Framing>,
    pub size_points: egui::Vec2,
}

/// Height of the caption band, in points.
pub const CAPTION_HEIGHT: f32 = 84.0;

/// Renders a scene to an RGBA image.
pub fn render_view(
    atlas: &Atlas,
    scene: &Scene,
    framing: Option<Framing>,
    picture: Picture,
) -> Result<image::RgbaImage, RenderError> {
    render_view_with(&mut Renderer::new(), atlas, scene, framing, picture)
}

/// [`render_view`] with a renderer kept between pictures.
pub fn render_view_with(
    renderer: &mut Renderer,
    atlas: &Atlas,
    scene: &Scene,
    framing: Option<Framing>,
    picture: Picture,
) -> Result<image::RgbaImage, RenderError> {
    let page = view_page(renderer, atlas, scene, framing, picture)?;
    renderer.rasterise(page)
}

/// The view drawn (the shapes both the PNG and the PDF are made from).
pub fn view_page(
    renderer: &mut Renderer,
    atlas: &Atlas,
    scene: &Scene,
    framing: Option<Framing>,
    picture: Picture,
) -> Result<super::Page, RenderError> {
    check_size(picture.width, picture.height)?;
    if let Some(view) = &scene.diagram {
        return super::diagram::diagram_page(renderer, atlas, scene, view, picture);
    }
    let figure = atlas.figure(&scene.figure).ok_or_else(|| {
        let known: Vec<_> = atlas.figures().iter().map(|f| f.id.as_str()).collect();
        RenderError::UnknownView(scene.figure.to_string(), known.join(", "))
    })?;
    let mut art = ArtCache::default();
    let figure_art = art.get(figure);
    let title = view_title(atlas, scene, figure);
    renderer.page(
        [picture.width, picture.height],
        picture.pixels_per_point,
        scene.theme,
        |ui| {
            let draw = |painter: &egui::Painter, rect: egui::Rect| {
                draw_view(painter, rect, atlas, scene, figure, &figure_art, framing);
            };
            if !picture.caption {
                // The whole picture is the canvas, edge to edge, as the window's canvas is.
                let rect = ui.ctx().content_rect();
                let layer = egui::LayerId::new(egui::Order::Middle, egui::Id::unique("scene"));
                draw(&ui.ctx().layer_painter(layer).with_clip_rect(rect), rect);
                return;
            }
            captioned_ui(ui, atlas, scene, figure, &title, draw);
        },
    )
}

/// The caption's title: the condition and the figure ("Lower back pain — Back of the body").
fn view_title(atlas: &Atlas, scene: &Scene, figure: &Figure) -> String {
    match scene.condition.as_ref().and_then(|c| atlas.condition(c)) {
        Some(c) => format!("{} — {}", c.name, figure.title),
        None => figure.title.to_string(),
    }
}

/// What a view's document is called: its caption's title, the step's title on a lesson's
/// step, or the mechanism of a diagram.
pub(super) fn document_title(atlas: &Atlas, scene: &Scene) -> String {
    if let Some(banner) = &scene.banner {
        return banner.title.clone();
    }
    if let Some(view) = &scene.diagram {
        return atlas
            .mechanism(&view.mechanism)
            .map_or_else(|| "A diagram".to_owned(), |m| m.title.to_string());
    }
    atlas.figure(&scene.figure).map_or_else(
        || "Acupoint Atlas view".to_owned(),
        |f| view_title(atlas, scene, f),
    )
}

/// The scene in `rect`: a lesson step's banner across the top, the figure framed below it.
/// Returns the part the figure took and what was drawn there (tests read where each dot and
/// label went).
pub fn draw_view<'a>(
    painter: &egui::Painter,
    rect: egui::Rect,
    atlas: &'a Atlas,
    scene: &Scene,
    figure: &Figure,
    figure_art: &Art,
    framing: Option<Framing>,
) -> (egui::Rect, Drawn<'a>) {
    // A lesson step's banner across the top; the figure fits below it.
    let rect = match &scene.banner {
        Some(b) => draw_banner(painter, rect, b, scene.theme, scene.scale),
        None => rect,
    };
    let painter = &painter.with_clip_rect(rect.intersect(painter.clip_rect()));
    let proj = match framing {
        Some(f) => Projector::framed(rect, figure, f),
        None if scene.frame_step => {
            Projector::fit(rect, figure, frame_scene(atlas, scene, figure, rect))
        }
        None => Projector::fit(rect, figure, PanZoom::default()),
    };
    let drawn = draw_scene(painter, rect, atlas, scene, figure, figure_art, &proj, None);
    if marks::recording(painter.ctx()) {
        let words = super::alt::figure_words(atlas, figure, scene, &figure.title);
        marks::mark(painter.ctx(), rect, Role::Figure(words));
    }
    (rect, drawn)
}

/// The picture with a caption: the title and the colour legend above the figure.
fn captioned_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    title: &str,
    draw: impl Fn(&egui::Painter, egui::Rect),
) {
    let colors = theme::canvas_colors(scene.theme);
    egui::CentralPanel::default()
        .frame(
            egui::Frame::new()
                .fill(colors.background)
                .inner_margin(16.0),
        )
        .show(ui, |ui| {
            let heading = ui.label(RichText::new(title).font(egui::FontId::new(
                26.0 * scene.scale.clamp(1.0, 1.4),
                fonts::bold(),
            )));
            marks::mark(ui.ctx(), heading.rect, Role::Heading(1));
            let drawn: Vec<&Point> = scene
                .points
                .iter()
                .filter_map(|c| atlas.point(c))
                .filter(|p| {
                    !atlas
                        .sites_for(&p.code, &figure.id, scene.condition.as_ref())
                        .is_empty()
                })
                .collect();
            legend_ui(ui, atlas, &drawn, scene.condition.as_ref(), scene.theme);
            let (rect, _) = ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
            draw(&ui.painter_at(rect), rect);
        });
}

/// The regions of the drawn points, each with its colour.
fn legend_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    points: &[&Point],
    condition: Option<&ConditionId>,
    theme_kind: Theme,
) {
    let legend = ui.horizontal_wrapped(|ui| {
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
                    .circle_filled(rect.center(), 6.0, theme::region_color(i, theme_kind));
                ui.label(&region.name);
                ui.add_space(8.0);
            });
        }
    });
    marks::mark(ui.ctx(), legend.response.rect, Role::Paragraph);
}
