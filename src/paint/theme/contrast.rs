//! Contrast as WCAG 2 measures it, and a colour moved just far enough to be read: text in the
//! panels keeps at least 4.5:1 against its background in every theme.

use egui::Color32;

/// The contrast text needs against its background (WCAG 2, level AA, body text).
pub const MIN_TEXT_CONTRAST: f32 = 4.5;

/// The relative luminance of an opaque colour (WCAG 2).
fn luminance(c: Color32) -> f32 {
    let linear = |v: u8| {
        let s = f32::from(v) / 255.0;
        if s <= 0.040_45 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * linear(c.r()) + 0.7152 * linear(c.g()) + 0.0722 * linear(c.b())
}

/// The contrast ratio of two colours, from 1 (the same) to 21 (black on white). A translucent
/// `ink` is first laid over `background`, as it is drawn.
pub fn contrast_ratio(ink: Color32, background: Color32) -> f32 {
    let ink = over(ink, background);
    let (a, b) = (luminance(ink), luminance(background));
    (a.max(b) + 0.05) / (a.min(b) + 0.05)
}

/// `ink` laid over an opaque `background`.
fn over(ink: Color32, background: Color32) -> Color32 {
    let alpha = f32::from(ink.a()) / 255.0;
    if alpha >= 1.0 {
        return ink;
    }
    let [r, g, b, _] = ink.to_srgba_unmultiplied();
    // Channel values stay within 0..=255: the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mix = |i: u8, bg: u8| (f32::from(i) * alpha + f32::from(bg) * (1.0 - alpha)).round() as u8;
    Color32::from_rgb(
        mix(r, background.r()),
        mix(g, background.g()),
        mix(b, background.b()),
    )
}

/// `ink` moved toward white (on a dark background) or black (on a light one) just far enough to
/// reach `min` contrast against `background`; unchanged when it already does.
pub fn readable(ink: Color32, background: Color32, min: f32) -> Color32 {
    let ink = over(ink, background);
    let target = if luminance(background) < 0.18 {
        Color32::WHITE
    } else {
        Color32::BLACK
    };
    (0..=20)
        .map(|step| mix_toward(ink, target, step as f32 / 20.0))
        .find(|c| contrast_ratio(*c, background) >= min)
        .unwrap_or(target)
}

/// A colour moved `share` of the way toward `target`.
fn mix_toward(c: Color32, target: Color32, share: f32) -> Color32 {
    // Channel values stay within 0..=255: the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mix = |v: u8, t: u8| (f32::from(v) + (f32::from(t) - f32::from(v)) * share).round() as u8;
    Color32::from_rgb(
        mix(c.r(), target.r()),
        mix(c.g(), target.g()),
        mix(c.b(), target.b()),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn black_on_white_is_21_to_1_and_a_colour_on_itself_is_1_to_1() {
        assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
        assert!((contrast_ratio(Color32::GRAY, Color32::GRAY) - 1.0).abs() < 0.01);
    }

    #[test]
    fn a_dim_purple_on_a_dark_panel_is_lifted_until_it_reads() {
        let panel = Color32::from_gray(27);
        let purple = Color32::from_rgb(0x55, 0x22, 0x77);
        assert!(contrast_ratio(purple, panel) < 4.5);
        let lifted = readable(purple, panel, 4.5);
        assert!(contrast_ratio(lifted, panel) >= 4.5);
        assert!(lifted.r() > lifted.g(), "still purple: {lifted:?}");
    }
}
