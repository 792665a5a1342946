//! One renderer for many pictures: an egui context and a wgpu device kept between pictures, so
//! the device, the fonts and their texture atlas are made once. A lesson's slides and the
//! window's exports share one; the first picture pays for the setup, the rest only draw.

use super::RenderError;
use super::gpu::Gpu;
use crate::scene::Theme;
use egui::epaint::ClippedShape;
use std::collections::HashMap;
use std::sync::Arc;

/// The pictures a page may paint (a photo), by texture: what the PDF target embeds.
pub type PageImages = HashMap<egui::TextureId, Arc<egui::ColorImage>>;

/// One drawn picture before it becomes pixels: egui's shapes (circles, paths, text galleys
/// with their fonts, meshes), in points, for the GPU to rasterise or the PDF target to write.
pub struct Page {
    pub shapes: Vec<ClippedShape>,
    /// The picture's size in points.
    pub size: egui::Vec2,
    /// The picture's size in pixels, when rasterised.
    pub size_px: [u32; 2],
    pub pixels_per_point: f32,
    /// The colour the whole picture starts as.
    pub background: egui::Color32,
    /// What its parts are (headings, paragraphs, figures), in reading order, for a tagged PDF.
    pub marks: Vec<crate::paint::marks::Mark>,
    /// The pictures (not the font atlas) the page's image shapes paint, by texture.
    pub images: PageImages,
}

/// Draws pictures without a window, reusing its device, fonts and textures.
pub struct Renderer {
    ctx: egui::Context,
    /// Made on the first picture, so a request that is refused costs no device.
    gpu: Option<Gpu>,
    theme: Option<Theme>,
    /// Texture changes drawn before the device was made, uploaded when it is.
    pending: Vec<egui::TexturesDelta>,
    /// The pictures loaded as textures and not yet freed, kept for the PDF target, which has
    /// no device to read them back from.
    images: PageImages,
}

impl Drop for Renderer {
    fn drop(&mut self) {
        // Texture changes that never met a device (only PDFs were made) are let go knowingly.
        for delta in &mut self.pending {
            delta.clear();
        }
    }
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
            pending: Vec::new(),
            images: PageImages::new(),
        }
    }

    /// Renders `draw` on a `size_px` picture at `pixels_per_point` in `theme`.
    pub fn picture(
        &mut self,
        size_px: [u32; 2],
        pixels_per_point: f32,
        theme: Theme,
        draw: impl FnMut(&mut egui::Ui),
    ) -> Result<image::RgbaImage, RenderError> {
        self.device()?;
        let page = self.page(size_px, pixels_per_point, theme, draw)?;
        self.rasterise(page)
    }

    /// The device, made on first use, with the textures drawn before it uploaded.
    fn device(&mut self) -> Result<&mut Gpu, RenderError> {
        let gpu = match &mut self.gpu {
            Some(gpu) => gpu,
            slot @ None => slot.insert(Gpu::new()?),
        };
        for mut delta in self.pending.drain(..) {
            gpu.update_textures(&mut delta);
        }
        Ok(gpu)
    }

    /// Turns a drawn page into pixels.
    pub fn rasterise(&mut self, page: Page) -> Result<image::RgbaImage, RenderError> {
        let shapes = super::clear::without_clear_fills(page.shapes, page.background);
        let primitives = self.ctx.tessellate(shapes, page.pixels_per_point);
        self.device()?.render(
            &primitives,
            page.size_px,
            page.pixels_per_point,
            page.background,
        )
    }

    /// Lays out and draws `draw` on a `size_px` picture at `pixels_per_point` in `theme`, and
    /// keeps the shapes: the one drawing both the PNG and the PDF targets take.
    pub fn page(
        &mut self,
        size_px: [u32; 2],
        pixels_per_point: f32,
        theme: Theme,
        mut draw: impl FnMut(&mut egui::Ui),
    ) -> Result<Page, RenderError> {
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
            crate::paint::marks::record(&self.ctx);
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
            // The font atlas grows only by new glyphs, so what waits for a device stays small.
            let mut delta = std::mem::take(&mut out.textures_delta);
            self.keep_images(&delta);
            match &mut self.gpu {
                Some(gpu) => gpu.update_textures(&mut delta),
                None => self.pending.push(delta),
            }
            output = Some(out);
        }
        let output = output.ok_or_else(|| RenderError::Render("no frame was drawn".into()))?;
        let marks = crate::paint::marks::take(&self.ctx);
        Ok(Page {
            shapes: output.shapes,
            size,
            size_px,
            pixels_per_point: output.pixels_per_point,
            background,
            marks,
            images: self.images.clone(),
        })
    }

    /// Keeps each picture a pass loaded whole (the font atlas, patched glyph by glyph, is not
    /// a picture) and lets go of those it freed.
    fn keep_images(&mut self, delta: &egui::TexturesDelta) {
        for (id, changes) in &delta.set {
            if *id == egui::TextureId::default() {
                continue;
            }
            for change in changes {
                let egui::ImageData::Color(image) = &change.image;
                if change.pos.is_none() {
                    self.images.insert(*id, Arc::clone(image));
                }
            }
        }
        for id in &delta.free {
            self.images.remove(id);
        }
    }
}
