//! Every colour and text size the window and the pictures use, in one place.

mod contrast;
mod diagram;

pub use contrast::{MIN_TEXT_CONTRAST, contrast_ratio, readable};
pub use diagram::{DiagramColors, diagram_colors};

use crate::model::{EvidenceGrade, SafetyFlag};
use crate::scene::Theme;
use egui::{Color32, FontFamily, FontId, TextStyle};

/// Okabe–Ito colours plus three of Paul Tol's, chosen so the common forms of colour blindness
/// still tell them apart and none is near the outline's dark brown ink; the legend also names
/// each region, so colour is never the only cue.
const REGION_PALETTE: [Color32; 10] = [
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0x88, 0x22, 0x55), // wine
    Color32::from_rgb(0x99, 0x99, 0x33), // olive (not near the outline's ink)
    Color32::from_rgb(0xAA, 0x44, 0x99), // purple
    Color32::from_rgb(0x44, 0xAA, 0x99), // teal
];

/// The colour of a region, by its place in the atlas's region list. The palette reads on the
/// light, dark and high-contrast canvases alike, so the theme does not change it.
pub fn region_color(index: usize, _theme: Theme) -> Color32 {
    REGION_PALETTE
        .get(index % REGION_PALETTE.len())
        .copied()
        .unwrap_or(Color32::GRAY)
}

/// Colours of the body canvas.
pub struct CanvasColors {
    pub background: Color32,
    pub outline: Color32,
    pub contour: Color32,
    pub bone: Color32,
    pub dot_ring: Color32,
    pub highlight: Color32,
    pub label_text: Color32,
    pub label_fill: Color32,
    pub leader: Color32,
    pub ruler: Color32,
    pub dimmed_dot: Color32,
    /// Labels of points greyed out while others are highlighted.
    pub dimmed_text: Color32,
}

pub fn canvas_colors(kind: Theme) -> CanvasColors {
    match kind {
        Theme::HighContrast => CanvasColors {
            background: Color32::BLACK,
            outline: Color32::WHITE,
            contour: Color32::from_rgb(0xC8, 0xC8, 0xC8),
            bone: Color32::from_rgb(0x8A, 0xB4, 0xFF),
            dot_ring: Color32::BLACK,
            highlight: Color32::from_rgb(0xFF, 0xEB, 0x3B),
            label_text: Color32::WHITE,
            label_fill: Color32::from_rgba_unmultiplied(0, 0, 0, 0xE0),
            leader: Color32::from_rgb(0xE0, 0xE0, 0xE0),
            ruler: Color32::from_rgb(0x4F, 0xD1, 0xFF),
            dimmed_dot: Color32::from_rgb(0x50, 0x50, 0x50),
            dimmed_text: Color32::from_rgb(0x90, 0x90, 0x90),
        },
        Theme::Dark => CanvasColors {
            background: Color32::from_rgb(0x16, 0x19, 0x1E),
            outline: Color32::from_rgb(0xE8, 0xDC, 0xD2),
            contour: Color32::from_rgb(0x9E, 0x92, 0x8A),
            bone: Color32::from_rgba_unmultiplied(0x9A, 0xA8, 0xC8, 0x80),
            dot_ring: Color32::from_rgb(0x16, 0x19, 0x1E),
            highlight: Color32::from_rgb(0xFF, 0xD8, 0x4D),
            label_text: Color32::from_rgb(0xF4, 0xF4, 0xF4),
            label_fill: Color32::from_rgba_unmultiplied(0x16, 0x19, 0x1E, 0xD0),
            leader: Color32::from_rgb(0xA0, 0xA0, 0xA0),
            ruler: Color32::from_rgb(0x6C, 0xC4, 0xFF),
            dimmed_dot: Color32::from_rgb(0x55, 0x58, 0x5E),
            dimmed_text: Color32::from_rgb(0x7A, 0x7E, 0x86),
        },
        Theme::Light => CanvasColors {
            background: Color32::from_rgb(0xFB, 0xFA, 0xF8),
            outline: Color32::from_rgb(0x4A, 0x3A, 0x32),
            contour: Color32::from_rgb(0x9A, 0x84, 0x76),
            bone: Color32::from_rgba_unmultiplied(0x50, 0x60, 0x90, 0x60),
            dot_ring: Color32::WHITE,
            highlight: Color32::from_rgb(0x11, 0x11, 0x11),
            label_text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
            label_fill: Color32::from_rgba_unmultiplied(0xFB, 0xFA, 0xF8, 0xB8),
            leader: Color32::from_rgb(0x70, 0x70, 0x70),
            ruler: Color32::from_rgb(0x00, 0x5A, 0xB5),
            dimmed_dot: Color32::from_rgb(0xC8, 0xC8, 0xC8),
            dimmed_text: Color32::from_rgb(0xA8, 0xA8, 0xA8),
        },
    }
}

/// Badge colours (fill, text) for an evidence grade.
pub fn grade_colors(grade: EvidenceGrade) -> (Color32, Color32) {
    match grade {
        EvidenceGrade::Established => (Color32::from_rgb(0x4A, 0x55, 0x68), Color32::WHITE),
        EvidenceGrade::HumanStudies => (Color32::from_rgb(0x1B, 0x7A, 0x3E), Color32::WHITE),
        EvidenceGrade::HumanConflicting => (Color32::from_rgb(0x7A, 0x4E, 0x9E), Color32::WHITE),
        EvidenceGrade::AnimalStudies => (Color32::from_rgb(0x1F, 0x5F, 0xAD), Color32::WHITE),
        EvidenceGrade::TheoryOnly => (Color32::from_rgb(0xF2, 0xC1, 0x4E), Color32::BLACK),
        EvidenceGrade::NotSupported => (Color32::from_rgb(0x8A, 0x8A, 0x8A), Color32::WHITE),
    }
}

/// Badge colours (fill, text) for a safety flag.
pub fn flag_colors(flag: SafetyFlag) -> (Color32, Color32) {
    match flag {
        SafetyFlag::Pregnancy => (Color32::from_rgb(0x8E, 0x3B, 0x8E), Color32::WHITE),
        SafetyFlag::Lung => (Color32::from_rgb(0xC6, 0x28, 0x28), Color32::WHITE),
        SafetyFlag::Vessel => (Color32::from_rgb(0xB0, 0x3A, 0x2E), Color32::WHITE),
        SafetyFlag::Nerve => (Color32::from_rgb(0xF0, 0xB4, 0x29), Color32::BLACK),
        SafetyFlag::Spine => (Color32::from_rgb(0x2E, 0x3A, 0x59), Color32::WHITE),
        SafetyFlag::Organ => (Color32::from_rgb(0x8C, 0x56, 0x2B), Color32::WHITE),
    }
}

/// The colours of a right and a wrong answer in study mode (always with a symbol and words,
/// never colour alone), readable on each theme's panels.
pub fn answer_colors(theme: Theme) -> (Color32, Color32) {
    match theme {
        Theme::Light => (
            Color32::from_rgb(0x1B, 0x7A, 0x3E),
            Color32::from_rgb(0xB0, 0x1E, 0x1E),
        ),
        Theme::Dark => (
            Color32::from_rgb(0x5F, 0xD0, 0x7E),
            Color32::from_rgb(0xFF, 0x80, 0x80),
        ),
        Theme::HighContrast => (
            Color32::from_rgb(0x7C, 0xFF, 0x9A),
            Color32::from_rgb(0xFF, 0xA0, 0xA0),
        ),
    }
}

/// The veil over everything outside the spotlight.
pub const SPOTLIGHT_VEIL: Color32 = Color32::from_rgba_premultiplied(0, 0, 0, 170);

/// A dot whose region is unknown.
pub const NO_REGION: Color32 = Color32::GRAY;

/// Fill of the role badge in the detail panel.
pub fn role_colors() -> (Color32, Color32) {
    (Color32::from_rgb(0x00, 0x5A, 0x8C), Color32::WHITE)
}

/// Text sizes, in points: generous, for a laptop turned toward a patient.
pub fn apply(ctx: &egui::Context, kind: Theme) {
    let visuals = visuals(kind);
    ctx.set_visuals(visuals);
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(12.5, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(15.0, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(15.0, FontFamily::Proportional),
            ),
            (TextStyle::Heading, FontId::new(22.0, super::fonts::bold())),
            (
                TextStyle::Monospace,
                FontId::new(14.0, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
    });
}

/// The window's colours in a theme.
pub fn visuals(kind: Theme) -> egui::Visuals {
    match kind {
        Theme::Light => readable_visuals(egui::Visuals::light()),
        Theme::Dark => readable_visuals(egui::Visuals::dark()),
        Theme::HighContrast => {
            let mut v = egui::Visuals::dark();
            v.override_text_color = Some(Color32::WHITE);
            v.panel_fill = Color32::BLACK;
            v.window_fill = Color32::BLACK;
            v.extreme_bg_color = Color32::BLACK;
            v.widgets.noninteractive.bg_stroke = egui::Stroke::new(1.5, Color32::WHITE);
            v.selection.bg_fill = Color32::from_rgb(0x00, 0x5F, 0xCC);
            v.selection.stroke = egui::Stroke::new(2.0, Color32::WHITE);
            v
        }
    }
}

/// egui's visuals with their weak text (group headers, notes) and plain text moved just far
/// enough to read at 4.5:1 on the panels and windows.
fn readable_visuals(mut v: egui::Visuals) -> egui::Visuals {
    let backgrounds = [v.panel_fill, v.window_fill];
    let on_all = |ink: Color32, min: f32| {
        backgrounds
            .iter()
            .fold(ink, |ink, bg| readable(ink, *bg, min))
    };
    let text = on_all(v.text_color(), MIN_TEXT_CONTRAST + 1.5);
    v.widgets.noninteractive.fg_stroke.color = text;
    v.weak_text_color = Some(on_all(v.weak_text_color(), MIN_TEXT_CONTRAST + 0.2));
    v
}

/// A channel's colour for its name and course written in a panel of `background`: its own
/// hue, lifted (or darkened) until it reads at 4.5:1.
pub fn channel_text_color(id: &str, kind: Theme, background: Color32) -> Color32 {
    readable(channel_color(id, kind), background, MIN_TEXT_CONTRAST + 0.2)
}

/// Colours of the layers over the figure: bones, nerves, muscles, the highlighter of a
/// landmark step, and the legend.
pub struct LayerColors {
    pub bone: Color32,
    pub bone_tag: Color32,
    pub nerve: Color32,
    /// The dark edge on either side of a nerve, so its yellow reads on any background.
    pub nerve_casing: Color32,
    pub muscle: Color32,
    /// The wide translucent stroke under a structure a landmark step names.
    pub highlighter: Color32,
    pub legend_fill: Color32,
    pub legend_text: Color32,
}

pub fn layer_colors(kind: Theme) -> LayerColors {
    match kind {
        Theme::Light => LayerColors {
            bone: Color32::from_rgb(0x6E, 0x78, 0x94),
            bone_tag: Color32::from_rgb(0x4A, 0x54, 0x70),
            nerve: Color32::from_rgb(0xF2, 0xC6, 0x1F),
            nerve_casing: Color32::from_rgb(0x6B, 0x50, 0x00),
            muscle: Color32::from_rgba_unmultiplied(0xA0, 0x50, 0x40, 0x90),
            highlighter: Color32::from_rgba_unmultiplied(0xFF, 0xA6, 0x00, 0x90),
            legend_fill: Color32::from_rgba_unmultiplied(0xFB, 0xFA, 0xF8, 0xE8),
            legend_text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
        },
        Theme::Dark => LayerColors {
            bone: Color32::from_rgb(0xA8, 0xB4, 0xD0),
            bone_tag: Color32::from_rgb(0xC4, 0xCE, 0xE4),
            nerve: Color32::from_rgb(0xF5, 0xD0, 0x3A),
            nerve_casing: Color32::from_rgb(0x3A, 0x2C, 0x00),
            muscle: Color32::from_rgba_unmultiplied(0xD0, 0x80, 0x70, 0x90),
            highlighter: Color32::from_rgba_unmultiplied(0xFF, 0xB0, 0x20, 0x80),
            legend_fill: Color32::from_rgba_unmultiplied(0x16, 0x19, 0x1E, 0xE8),
            legend_text: Color32::from_rgb(0xF4, 0xF4, 0xF4),
        },
        Theme::HighContrast => LayerColors {
            bone: Color32::from_rgb(0xC8, 0xD6, 0xFF),
            bone_tag: Color32::WHITE,
            nerve: Color32::from_rgb(0xFF, 0xE0, 0x40),
            nerve_casing: Color32::BLACK,
            muscle: Color32::from_rgb(0xE0, 0x90, 0x80),
            highlighter: Color32::from_rgba_unmultiplied(0xFF, 0xB0, 0x00, 0xB0),
            legend_fill: Color32::from_rgba_unmultiplied(0, 0, 0, 0xF0),
            legend_text: Color32::WHITE,
        },
    }
}

/// Channel colours on a light canvas, from Paul Tol's colour-blind-safe schemes, chosen apart
/// from the region palette and the outline ink. Yin channels are also drawn dashed, and every
/// drawn channel is named in the legend and by a tag on the figure, so colour is never the only
/// cue.
const CHANNEL_PALETTE: [(&str, Color32); 14] = [
    ("BL", Color32::from_rgb(0x33, 0x22, 0x88)), // indigo
    ("GB", Color32::from_rgb(0x11, 0x77, 0x33)), // green
    ("ST", Color32::from_rgb(0x99, 0x99, 0x33)), // olive
    ("LI", Color32::from_rgb(0x99, 0x44, 0x55)), // dark red
    ("SI", Color32::from_rgb(0x99, 0x77, 0x00)), // ochre
    ("TE", Color32::from_rgb(0xAA, 0x44, 0x99)), // purple
    ("GV", Color32::from_rgb(0x00, 0x44, 0x88)), // dark blue
    ("KI", Color32::from_rgb(0xCC, 0x66, 0x77)), // rose
    ("SP", Color32::from_rgb(0x66, 0x99, 0xCC)), // light blue
    ("CV", Color32::from_rgb(0x0F, 0x7F, 0x8F)), // dark cyan
    ("LU", Color32::from_rgb(0x77, 0x77, 0x77)),
    ("HT", Color32::from_rgb(0x77, 0x77, 0x77)),
    ("PC", Color32::from_rgb(0x77, 0x77, 0x77)),
    ("LR", Color32::from_rgb(0x77, 0x77, 0x77)),
];

/// The yin channels, drawn dashed.
const YIN_CHANNELS: [&str; 7] = ["KI", "SP", "CV", "LU", "HT", "PC", "LR"];

/// A channel's colour in a theme (lifted toward white on dark canvases).
pub fn channel_color(id: &str, kind: Theme) -> Color32 {
    let base = CHANNEL_PALETTE
        .iter()
        .find(|(c, _)| *c == id)
        .map_or(Color32::from_rgb(0x77, 0x77, 0x77), |(_, c)| *c);
    match kind {
        Theme::Light => base,
        Theme::Dark => lift(base, 0.40),
        Theme::HighContrast => lift(base, 0.55),
    }
}

/// Whether a channel is drawn dashed (the yin channels).
pub fn channel_dashed(id: &str) -> bool {
    YIN_CHANNELS.contains(&id)
}

/// A colour moved `share` of the way toward white.
fn lift(c: Color32, share: f32) -> Color32 {
    // Channel values stay within 0..=255: the cast cannot truncate.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let up = |v: u8| (f32::from(v) + (255.0 - f32::from(v)) * share).round() as u8;
    Color32::from_rgb(up(c.r()), up(c.g()), up(c.b()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_and_weak_text_and_channel_courses_read_at_4_5_to_1_in_every_theme() {
        for kind in [Theme::Light, Theme::Dark, Theme::HighContrast] {
            let v = visuals(kind);
            for bg in [v.panel_fill, v.window_fill] {
                for (what, ink) in [("text", v.text_color()), ("weak text", v.weak_text_color())] {
                    let ratio = contrast_ratio(ink, bg);
                    assert!(
                        ratio >= 4.5,
                        "{kind:?}: {what} {ink:?} on {bg:?} is {ratio:.2}:1"
                    );
                }
                for (id, _) in CHANNEL_PALETTE {
                    let ink = channel_text_color(id, kind, bg);
                    let ratio = contrast_ratio(ink, bg);
                    assert!(
                        ratio >= 4.5,
                        "{kind:?}: {id} course on {bg:?} is {ratio:.2}:1"
                    );
                }
            }
        }
    }
}
