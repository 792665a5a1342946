//! A photo with its points drawn without a window (`photo --out F.png|F.pdf`), through the
//! same paint code as the window's photo canvas.

use super::{RenderError, Renderer};
use crate::model::PhotoImage;
use crate::paint::photo::{PhotoProjector, draw_photo};
use crate::scene::photo::PhotoScene;

/// The longest side of a rendered photo, in pixels.
pub const MAX_PHOTO_RENDER_SIDE: u32 = 2400;

/// The photo scaled to fit within `max_side` pixels (unchanged when it already fits), for a
/// texture or a picture.
pub fn fit_photo(image: &PhotoImage, max_side: u32) -> PhotoImage {
    let longest = image.width.max(image.height);
    if longest <= max_side {
        return image.clone();
    }
    let Some(buffer) = image::RgbaImage::from_raw(image.width, image.height, image.rgba.clone())
    else {
        return image.clone();
    };
    let ratio = f64::from(max_side) / f64::from(longest);
    // Both sides shrink by the same ratio below `max_side`, so they fit in u32.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let (w, h) = (
        ((f64::from(image.width) * ratio).round() as u32).max(1),
        ((f64::from(image.height) * ratio).round() as u32).max(1),
    );
    let small = image::imageops::resize(&buffer, w, h, image::imageops::FilterType::Triangle);
    PhotoImage {
        width: w,
        height: h,
        rgba: small.into_raw(),
    }
}

/// Draws the photo and its scene at the photo's shape, at most
/// [`MAX_PHOTO_RENDER_SIDE`] pixels on its longest side.
pub fn render_photo(
    image: &PhotoImage,
    scene: &PhotoScene,
) -> Result<image::RgbaImage, RenderError> {
    let mut renderer = Renderer::new();
    let page = photo_page(&mut renderer, image, scene)?;
    renderer.rasterise(page)
}

/// The photo and its scene as a one-page PDF: the page the photo's shape, its longest side
/// an A4 sheet's long side, the photo embedded and the labels as text.
pub fn photo_pdf(image: &PhotoImage, scene: &PhotoScene) -> Result<Vec<u8>, RenderError> {
    let mut renderer = Renderer::new();
    let page = photo_page(&mut renderer, image, scene)?;
    let long = super::paper::paper_points(super::paper::Paper::A4).y;
    let size = page.size * (long / page.size.max_elem().max(1.0));
    super::write_pdf(
        &[super::Sheet::whole(page, size)],
        "A photo with acupuncture points (approximate: palpate to confirm)",
    )
}

/// The photo and its scene drawn (not yet pixels), for the PNG and the PDF targets.
fn photo_page(
    renderer: &mut Renderer,
    image: &PhotoImage,
    scene: &PhotoScene,
) -> Result<super::Page, RenderError> {
    let small = fit_photo(image, MAX_PHOTO_RENDER_SIDE);
    let size_px = [small.width.max(64), small.height.max(64)];
    #[allow(clippy::cast_precision_loss, reason = "at most 2400 pixels")]
    let ppp = (size_px[0].min(size_px[1]) as f32 / 900.0).max(1.0);
    let mut texture: Option<egui::TextureHandle> = None;
    renderer.page(size_px, ppp, scene.theme, |ui| {
        let id = texture
            .get_or_insert_with(|| {
                let color = egui::ColorImage::from_rgba_unmultiplied(
                    [small.width as usize, small.height as usize],
                    &small.rgba,
                );
                ui.ctx()
                    .load_texture("photo", color, egui::TextureOptions::LINEAR)
            })
            .id();
        let rect = ui.max_rect();
        let proj = PhotoProjector::fit(rect, scene.size);
        draw_photo(ui.painter(), &proj, Some(id), scene, 1.0);
    })
}
