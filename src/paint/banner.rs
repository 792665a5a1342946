//! The banner across the top of the canvas for a lesson's step: its title large, its words for
//! the room under it, where we are in the lesson; and, only when the presenter asks, their note
//! along the bottom. The body or the diagram takes the space between.

use super::fonts;
use super::marks::{self, Role};
use super::theme::canvas_colors;
use crate::scene::{Banner, Theme};
use egui::{Color32, FontId, Pos2, Rect, Stroke, Vec2};

/// The most of the canvas's height the banner takes before its type steps down, so the body
/// keeps room for the points a step names.
pub const BANNER_MAX_SHARE: f32 = 0.3;

/// The size of the banner's type relative to its size at scale 1 on an 800-point canvas:
/// grown with the presentation's scale, then stepped down (no lower than at scale 1) while
/// the title and text would take more than [`BANNER_MAX_SHARE`] of `rect`'s height.
fn banner_scale(painter: &egui::Painter, rect: Rect, banner: &Banner, scale: f32) -> f32 {
    let fit = (rect.height().min(rect.width() * 0.8) / 800.0).clamp(0.55, 2.4);
    let mut t = fit * scale.clamp(1.0, 3.0).powf(0.5);
    let height = |t: f32| {
        let pad = 14.0 * t;
        let width = (rect.width() - 2.0 * pad).max(40.0);
        let counter = painter
            .layout_no_wrap(
                banner.counter.clone(),
                FontId::proportional(15.0 * t),
                Color32::PLACEHOLDER,
            )
            .size()
            .x;
        let title_width = (width - counter - 16.0 * t).max(width * 0.5);
        let font = FontId::new(30.0 * t, fonts::bold());
        let title = painter.layout(
            banner.title.clone(),
            font,
            Color32::PLACEHOLDER,
            title_width,
        );
        let text = painter.layout(
            banner.text.clone(),
            FontId::proportional(20.0 * t),
            Color32::PLACEHOLDER,
            width,
        );
        pad * 1.8 + title.size().y + text.size().y + 6.0 * t
    };
    while t > fit && height(t) > rect.height() * BANNER_MAX_SHARE {
        t = (t * 0.9).max(fit);
    }
    t
}

/// Draws the banner (and the note, if it is to be shown) in `rect`; returns the part of `rect`
/// left for the body or diagram.
pub fn draw_banner(
    painter: &egui::Painter,
    rect: Rect,
    banner: &Banner,
    theme: Theme,
    scale: f32,
) -> Rect {
    let colors = canvas_colors(theme);
    let t = banner_scale(painter, rect, banner, scale);
    let pad = 14.0 * t;
    let width = (rect.width() - 2.0 * pad).max(40.0);
    let counter = painter.layout_no_wrap(
        banner.counter.clone(),
        FontId::proportional(15.0 * t),
        colors.dimmed_text,
    );
    let title_width = (width - counter.size().x - 16.0 * t).max(width * 0.5);
    let title = painter.layout(
        banner.title.clone(),
        FontId::new(30.0 * t, fonts::bold()),
        colors.label_text,
        title_width,
    );
    let text = (!banner.text.trim().is_empty()).then(|| {
        painter.layout(
            banner.text.clone(),
            FontId::proportional(20.0 * t),
            colors.label_text,
            width,
        )
    });
    let text_h = text.as_ref().map_or(0.0, |g| g.size().y + 6.0 * t);
    let height = pad + title.size().y + text_h + pad * 0.8;
    let top = Rect::from_min_size(rect.min, Vec2::new(rect.width(), height));
    painter.rect_filled(top, 0.0, colors.background);
    painter.line_segment(
        [top.left_bottom(), top.right_bottom()],
        Stroke::new(1.0, colors.leader),
    );
    let mut y = top.top() + pad;
    // Marked as a reader reads it: the title, where we are, then the words.
    let put = |at: Pos2, g, color, role| marks::galley(painter, at, g, color, role);
    let title_h = title.size().y;
    put(
        Pos2::new(top.left() + pad, y),
        title,
        colors.label_text,
        Role::Heading(1),
    );
    let counter_at = Pos2::new(top.right() - pad - counter.size().x, y + 4.0 * t);
    put(counter_at, counter, colors.dimmed_text, Role::Paragraph);
    y += title_h + 6.0 * t;
    if let Some(text) = text {
        put(
            Pos2::new(top.left() + pad, y),
            text,
            colors.label_text,
            Role::Paragraph,
        );
    }
    let mut remaining = Rect::from_min_max(Pos2::new(rect.left(), top.bottom()), rect.max);
    if let Some(note) = banner.note.as_ref().filter(|n| !n.trim().is_empty()) {
        let galley = painter.layout(
            format!("Note: {note}"),
            FontId::proportional(16.0 * t),
            colors.label_text,
            width,
        );
        let h = galley.size().y + pad;
        let band = Rect::from_min_max(Pos2::new(rect.left(), rect.bottom() - h), rect.max);
        painter.rect_filled(band, 0.0, colors.label_fill);
        painter.line_segment(
            [band.left_top(), band.right_top()],
            Stroke::new(1.0, colors.leader),
        );
        let at = Pos2::new(band.left() + pad, band.top() + pad / 2.0);
        put(at, galley, colors.label_text, Role::Paragraph);
        remaining.max.y = band.top();
    }
    remaining
}
