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

/// The title above the photo on the page.
pub const PHOTO_TITLE: &str = "On your own photo";

/// Room under the photo for the approximate warning (three lines at most).
const CAPTION_H: f32 = 50.0;

/// The photo for a handout: the upright photo and its scene, numbered with today's plan.
pub struct HandoutPhoto {
    image: PhotoImage,
    pub scene: PhotoScene,
    /// The photo's texture, made on the first page that draws it.
    texture: Mutex<Option<egui::TextureHandle>>,
}

impl HandoutPhoto {
    /// The photo (scaled down to what a page needs) with its scene; the scene's note moves
    /// under the photo, where it hides no point.
    pub fn new(image: &PhotoImage, mut scene: PhotoScene) -> Self {
        scene.note = None;
        Self {
            image: crate::render::fit_photo(image, HANDOUT_PHOTO_SIDE),
            scene,
            texture: Mutex::new(None),
        }
    }

    /// The photo's pixels as painted (a PDF target embeds them for the image shape).
    pub fn image(&self) -> &PhotoImage {
        &self.image
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
    let drawing = (height - super::figures::TITLE_H - CAPTION_H).max(0.0);
    (drawing * photo.aspect()).min(band_width / 2.0)
}

/// The height the photo with its title and caption takes at `width`.
pub fn height_at(photo: &HandoutPhoto, width: f32) -> f32 {
    width / photo.aspect().max(0.1) + super::figures::TITLE_H + CAPTION_H
}

/// Draws the photo with its caption in `rect` (a column of the figures' band).
pub fn draw(painter: &Painter, photo: &HandoutPhoto, rect: Rect) {
    let title = painter.layout_no_wrap(
        PHOTO_TITLE.to_owned(),
        egui::FontId::new(12.0, crate::paint::fonts::bold()),
        super::blocks::INK,
    );
    let at = pos2(rect.center().x - title.size().x / 2.0, rect.top());
    painter.galley(at, title, super::blocks::INK);
    let area = Rect::from_min_max(
        pos2(rect.left(), rect.top() + super::figures::TITLE_H),
        pos2(rect.right(), rect.bottom() - CAPTION_H),
    );
    if area.height() < 10.0 || area.width() < 10.0 {
        return;
    }
    let proj = PhotoProjector::fit(area, photo.scene.size);
    let caption = painter.layout(
        crate::scene::photo::APPROXIMATE.to_owned(),
        egui::FontId::proportional(12.0),
        super::blocks::INK,
        proj.rect.width().max(120.0),
    );
    painter.galley(
        pos2(proj.rect.left(), proj.rect.bottom() + 4.0),
        caption,
        super::blocks::INK,
    );
    let texture = photo.texture_id(painter.ctx());
    draw_photo(
        &painter.with_clip_rect(area.expand2(vec2(0.0, 2.0))),
        &proj,
        texture,
        &photo.scene,
        1.0,
    );
}
