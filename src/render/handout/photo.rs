//! The patient's own photo on the handout: the photo with today's plan numbered on it (drawn
//! by the photo scene's paint code, so the window, `photo --out` and the page agree), captioned
//! as approximate, beside the drawn figures. The drawn figures stay: the cards' wording
//! describes them, and they show the points the photo's marks cannot place.

use crate::model::PhotoImage;
use crate::paint::photo::{PhotoProjector, draw_photo};
use crate::scene::photo::PhotoScene;
use egui::{Painter, Rect, pos2, vec2};
use std::sync::Mutex;

/// The longest side of the photo kept for a handout, in pixels: about 300 dpi at the size it
/// is printed.
const HANDOUT_PHOTO_SIDE: u32 = 1600;

/// The caption above the photo on the page.
pub const PHOTO_TITLE: &str = "On your photo (approximate: palpate to confirm)";

/// The photo for a handout: the upright photo and its scene, numbered with today's plan.
pub struct HandoutPhoto {
    image: PhotoImage,
    pub scene: PhotoScene,
    /// The photo's texture, made on the first page that draws it.
    texture: Mutex<Option<egui::TextureHandle>>,
}

impl HandoutPhoto {
    /// The photo (scaled down to what a page needs) with its scene.
    pub fn new(image: &PhotoImage, scene: PhotoScene) -> Self {
        Self {
            image: crate::render::fit_photo(image, HANDOUT_PHOTO_SIDE),
            scene,
            texture: Mutex::new(None),
        }
    }

    /// Width over height of the photo.
    pub fn aspect(&self) -> f32 {
        self.scene.size.0 / self.scene.size.1.max(1.0)
    }

    fn texture_id(&self, ctx: &egui::Context) -> Option<egui::TextureId> {
        let mut slot = self.texture.lock().ok()?;
        let handle = slot.get_or_insert_with(|| {
            let color = egui::ColorImage::from_rgba_unmultiplied(
                [self.image.width as usize, self.image.height as usize],
                &self.image.rgba,
            );
            ctx.load_texture("handout-photo", color, egui::TextureOptions::LINEAR)
        });
        Some(handle.id())
    }
}

/// The width the photo takes of a band `band_width` wide and `height` high: its shape at that
/// height, at most half the band (the drawn figures share it).
pub fn width_in(photo: &HandoutPhoto, band_width: f32, height: f32) -> f32 {
    let drawing = (height - super::figures::TITLE_H).max(0.0);
    (drawing * photo.aspect()).min(band_width / 2.0)
}

/// Draws the photo with its caption in `rect` (a column of the figures' band).
pub fn draw(painter: &Painter, photo: &HandoutPhoto, rect: Rect) {
    let title = painter.layout(
        PHOTO_TITLE.to_owned(),
        egui::FontId::new(12.0, crate::paint::fonts::bold()),
        super::blocks::INK,
        rect.width(),
    );
    let at = pos2(rect.center().x - title.size().x / 2.0, rect.top());
    let title_h = title.size().y.max(super::figures::TITLE_H);
    painter.galley(at, title, super::blocks::INK);
    let area = Rect::from_min_max(pos2(rect.left(), rect.top() + title_h), rect.max);
    if area.height() < 10.0 || area.width() < 10.0 {
        return;
    }
    let proj = PhotoProjector::fit(area, photo.scene.size);
    let texture = photo.texture_id(painter.ctx());
    draw_photo(
        &painter.with_clip_rect(area.expand2(vec2(0.0, 2.0))),
        &proj,
        texture,
        &photo.scene,
        1.0,
    );
}
