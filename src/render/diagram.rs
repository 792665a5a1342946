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
            draw_diagram(&painter, below, atlas, view, style);
            mark_diagram(ui.ctx(), below, atlas, view);
        },
    )
}

/// Marks the schematic as a figure said in words (the mechanism and the step it shows) and
/// the caption beside or below it as its text.
fn mark_diagram(ctx: &egui::Context, rect: egui::Rect, atlas: &Atlas, view: &DiagramView) {
    if !marks::recording(ctx) {
        return;
    }
    let Some(mechanism) = atlas.mechanism(&view.mechanism) else {
        return;
    };
    let (schematic, caption) = split(rect);
    let steps = atlas.diagram(&mechanism.id).map(|d| &d.steps);
    let count = steps.map_or(0, Vec::len);
    let step = steps.and_then(|s| s.get(view.step.min(count.saturating_sub(1))));
    let words = match step {
        Some(step) => format!(
            "Diagram of {}, step {} of {count}: {}.",
            mechanism.title,
            view.step.min(count.saturating_sub(1)) + 1,
            step.title
        ),
        None => format!("Diagram of {}.", mechanism.title),
    };
    marks::mark(ctx, schematic, Role::Figure(words));
    marks::mark(ctx, caption, Role::Paragraph);
}
