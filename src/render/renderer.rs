//! One renderer for many pictures: an egui context and a wgpu device kept between pictures, so
//! the device, the fonts and their texture atlas are made once. A lesson's slides and the
//! window's exports share one; the first picture pays for the setup, the rest only draw.

use super::RenderError;
use super::gpu::Gpu;
use crate::scene::Theme;

/// Draws pictures without a window, reusing its device, fonts and textures.
pub struct Renderer {
    ctx: egui::Context,
    /// Made on the first picture, so a request that is refused costs no device.
    gpu: Option<Gpu>,
    theme: Option<Theme>,
}

impl Default for Renderer {
    fn default() -> Self {
        Self::new()
    }
}

impl Renderer {
    /// A renderer with the fonts installed; the device (Vulkan on the CPU where there is no
    /// GPU) is made with the first picture.
    pub fn new() -> Self {
        let ctx = egui::Context::default();
        crate::paint::fonts::install(&ctx);
        ctx.all_styles_mut(|style| {
            style.animation_time = 0.0;
            style.scroll_animation = egui::style::ScrollAnimation::none();
        });
        Self {
            ctx,
            gpu: None,
            theme: None,
        }
    }

    /// Renders `draw` on a `size_px` picture at `pixels_per_point` in `theme`.
    pub fn picture(
        &mut self,
        size_px: [u32; 2],
        pixels_per_point: f32,
        theme: Theme,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> Result<image::RgbaImage, RenderError> {
        let gpu = match &mut self.gpu {
            Some(gpu) => gpu,
            slot @ None => slot.insert(Gpu::new()?),
        };
        if self.theme != Some(theme) {
            crate::paint::theme::apply(&self.ctx, theme);
            self.theme = Some(theme);
        }
        let size = egui::vec2(
            size_px[0] as f32 / pixels_per_point,
            size_px[1] as f32 / pixels_per_point,
        );
        let mut input = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
            ..Default::default()
        };
        if let Some(viewport) = input.viewports.get_mut(&egui::ViewportId::ROOT) {
            viewport.native_pixels_per_point = Some(pixels_per_point);
        }
        let background = crate::paint::theme::canvas_colors(theme).background;
        // Three passes: the first lays out (and lets a page measure its text), the second
        // draws with what the first learnt, the third is the settled picture.
        let mut output = None;
        for _ in 0..3 {
            let mut out = self.ctx.run_ui(input.clone(), |ui| {
                // The frame the windowless harness gave every picture before pictures shared a
                // renderer, kept so that pictures are laid out as they were. The whole picture
                // takes the canvas colour, margins included: the device clears to it.
                egui::Frame::central_panel(ui.style())
                    .fill(background)
                    .outer_margin(8.0)
                    .inner_margin(0.0)
                    .show(ui, |ui| draw(ui));
            });
            gpu.update_textures(&mut out.textures_delta);
            output = Some(out);
        }
        let output = output.ok_or_else(|| RenderError::Render("no frame was drawn".into()))?;
        let shapes = super::clear::without_clear_fills(output.shapes, background);
        let primitives = self.ctx.tessellate(shapes, output.pixels_per_point);
        gpu.render(&primitives, size_px, output.pixels_per_point, background)
    }
}
