//! A small picture of a scene, drawn through the paint layer as the canvas draws it (the
//! diagram, or the body framed as on the slide): the presenter view's "next step". The step's
//! banner is left out: its title is written above the picture, and its text would not fit.

use crate::model::Atlas;
use crate::paint::diagram::{DiagramStyle, draw_diagram};
use crate::paint::framing::frame_scene;
use crate::paint::{ArtCache, PanZoom, Projector, draw_scene};
use crate::scene::Scene;

/// Draws `scene` into a `size` of `ui`, framed as its slide is, with a thin border; the picture
/// is named `name` for screen readers and tests.
pub fn thumbnail_ui(
    ui: &mut egui::Ui,
    art: &mut ArtCache,
    atlas: &Atlas,
    scene: &Scene,
    size: egui::Vec2,
    name: &str,
) {
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, name));
    let painter = ui.painter_at(rect);
    let body = rect;
    if let Some(view) = &scene.diagram {
        let style = DiagramStyle {
            theme: scene.theme,
            scale: 1.0,
            caption: false,
        };
        draw_diagram(&painter, body, atlas, view, style);
    } else if let Some(figure) = atlas.figure(&scene.figure) {
        let view = if scene.frame_step {
            frame_scene(atlas, scene, figure, body)
        } else {
            PanZoom::default()
        };
        let proj = Projector::fit(body, figure, view);
        let clipped = painter.with_clip_rect(body.intersect(painter.clip_rect()));
        let figure_art = art.get(figure);
        draw_scene(
            &clipped,
            body,
            atlas,
            scene,
            figure,
            &figure_art,
            &proj,
            None,
        );
    }
    painter.rect_stroke(
        rect,
        2.0,
        ui.visuals().widgets.noninteractive.bg_stroke,
        egui::StrokeKind::Inside,
    );
}
