//! A mechanism's diagram as a picture: the same drawing as the window's canvas and the
//! Mechanisms tab, with its caption, under a lesson step's banner when there is one.

use super::picture::Picture;
use super::{RenderError, Renderer, check_size};
use crate::model::{Atlas, MechanismId};
use crate::paint::banner::draw_banner;
use crate::paint::diagram::{DiagramStyle, draw_diagram, split};
use crate::paint::marks::{self, Role};
use crate::scene::{DiagramView, Scene, Theme};

/// Renders step `step` (from 0) of a mechanism's diagram, with its caption.
pub fn render_diagram(
    atlas: &Atlas,
    mechanism: &MechanismId,
    step: usize,
    theme: Theme,
    scale: f32,
    picture: Picture,
) -> Result<image::RgbaImage, RenderError> {
    let mut scene = Scene::new(
        atlas
            .figures()
            .first()
            .map_or_else(|| crate::model::FigureId::new(""), |f| f.id.clone()),
        Vec::new(),
    );
    scene.theme = theme;
    scene.scale = scale;
    let view = DiagramView {
        mechanism: mechanism.clone(),
        step,
    };
    let mut renderer = Renderer::new();
    let page = diagram_page(&mut renderer, atlas, &scene, &view, picture)?;
    renderer.rasterise(page)
}

/// Draws a scene that shows a diagram: its banner, if any, then the diagram below it.
pub(super) fn diagram_page(
    renderer: &mut Renderer,
    atlas: &Atlas,
    scene: &Scene,
    view: &DiagramView,
    picture: Picture,
) -> Result<super::Page, RenderError> {
    check_size(picture.width, picture.height)?;
    let style = DiagramStyle {
        theme: scene.theme,
        scale: scene.scale,
        caption: true,
    };
    renderer.page(
        [picture.width, picture.height],
        picture.pixels_per_point,
        scene.theme,
        |ui| {
            let rect = ui.ctx().content_rect();
            let layer = egui::LayerId::new(egui::Order::Middle, egui::Id::unique("diagram"));
            let painter = ui.ctx().layer_painter(layer).with_clip_rect(rect);
            let below = match &scene.banner {
                Some(banner) => draw_banner(&painter, rect, banner, scene.theme, scene.scale),
                None => rect,
            };
            // The figure is read first, then its caption (which marks itself as drawn).
            mark_diagram(ui.ctx(), below, atlas, view);
            draw_diagram(&painter, below, atlas, view, style);
        },
    )
}

/// Marks the schematic as a figure said in words (the mechanism and the step it shows); the
/// caption beside or below it marks its own text, read after the figure.
fn mark_diagram(ctx: &egui::Context, rect: egui::Rect, atlas: &Atlas, view: &DiagramView) {
    if !marks::recording(ctx) {
        return;
    }
    let (schematic, _) = split(rect);
    let words = super::alt::diagram_words(atlas, view);
    marks::mark(ctx, schematic, Role::Figure(words));
}
