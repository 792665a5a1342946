//! The colours of mechanism diagrams: each kind of structure lit and at rest, each kind of
//! arrow, the labels and the caption, for the light, dark and high-contrast themes.

use crate::model::{ArrowKind, PartKind};
use crate::scene::Theme;
use egui::Color32;

/// Colours of a diagram.
pub struct DiagramColors {
    pub background: Color32,
    /// The schematic's background art (brain outline, the block of the back).
    pub art: Color32,
    /// Inside the background art's outlines.
    pub art_fill: Color32,
    pub bone: Color32,
    /// Structures not lit in this step.
    pub rest_fill: Color32,
    pub rest_line: Color32,
    pub text: Color32,
    pub muted_text: Color32,
    /// Behind labels, so they read over lines.
    pub label_fill: Color32,
    pub label_line: Color32,
    /// Arrows of earlier steps.
    pub ghost: Color32,
    /// The fill of a tag (a chemical or a finding pinned to a structure).
    pub tag_fill: Color32,
    pub tag_text: Color32,
    /// The caption's panel.
    pub caption_fill: Color32,
    pub caption_line: Color32,
    pub step_done: Color32,
    pub step_todo: Color32,
    high_contrast: bool,
}

impl DiagramColors {
    /// A structure's colour when lit.
    pub fn lit(&self, kind: PartKind) -> Color32 {
        let c = match kind {
            PartKind::Skin => Color32::from_rgb(0xE8, 0xA8, 0x7C),
            PartKind::Muscle => Color32::from_rgb(0xC8, 0x5A, 0x5A),
            PartKind::Nerve => Color32::from_rgb(0xE6, 0x9F, 0x00),
            PartKind::Cord => Color32::from_rgb(0x7B, 0x86, 0xC6),
            PartKind::Centre => Color32::from_rgb(0x00, 0x72, 0xB2),
            PartKind::Brain => Color32::from_rgb(0x88, 0x6F, 0xC4),
            PartKind::Gland => Color32::from_rgb(0xAA, 0x44, 0x99),
            PartKind::Vessel => Color32::from_rgb(0xD0, 0x30, 0x30),
            PartKind::Needle | PartKind::ShamNeedle => Color32::from_rgb(0x5A, 0x64, 0x70),
            PartKind::Claim => Color32::from_rgb(0x80, 0x80, 0x80),
            PartKind::Meter => Color32::from_rgb(0x00, 0x9E, 0x73),
        };
        if self.high_contrast { brighten(c) } else { c }
    }

    /// An arrow's colour.
    pub fn arrow(&self, kind: ArrowKind) -> Color32 {
        let c = match kind {
            ArrowKind::Signal => Color32::from_rgb(0xD5, 0x5E, 0x00),
            ArrowKind::Calms => Color32::from_rgb(0x00, 0x5A, 0xB5),
            ArrowKind::Release => Color32::from_rgb(0x00, 0x8A, 0x63),
            ArrowKind::Hormone => Color32::from_rgb(0x9A, 0x2E, 0x8A),
            ArrowKind::Claim => Color32::from_rgb(0x70, 0x70, 0x70),
        };
        if self.high_contrast { brighten(c) } else { c }
    }
}

/// A colour lifted toward white so it reads on black.
fn brighten(c: Color32) -> Color32 {
    let lift = |v: u8| v.saturating_add(u8::try_from((255 - u16::from(v)) * 2 / 5).unwrap_or(0));
    Color32::from_rgb(lift(c.r()), lift(c.g()), lift(c.b()))
}

pub fn diagram_colors(theme: Theme) -> DiagramColors {
    match theme {
        Theme::Light => DiagramColors {
            background: Color32::from_rgb(0xFB, 0xFA, 0xF8),
            art: Color32::from_rgb(0x9A, 0x8A, 0x80),
            art_fill: Color32::from_rgb(0xF4, 0xF0, 0xEB),
            bone: Color32::from_rgba_unmultiplied(0x50, 0x60, 0x90, 0x50),
            rest_fill: Color32::from_rgb(0xEC, 0xE8, 0xE4),
            rest_line: Color32::from_rgb(0xC2, 0xBA, 0xB4),
            text: Color32::from_rgb(0x1A, 0x1A, 0x1A),
            muted_text: Color32::from_rgb(0x5A, 0x5A, 0x5A),
            label_fill: Color32::from_rgba_unmultiplied(0xFF, 0xFF, 0xFF, 0xE6),
            label_line: Color32::from_rgb(0xB0, 0xB0, 0xB0),
            ghost: Color32::from_rgba_unmultiplied(0x90, 0x90, 0x90, 0x70),
            tag_fill: Color32::from_rgb(0xE3, 0xF4, 0xEC),
            tag_text: Color32::from_rgb(0x0B, 0x4F, 0x39),
            caption_fill: Color32::from_rgb(0xF2, 0xEF, 0xEA),
            caption_line: Color32::from_rgb(0xD8, 0xD2, 0xCA),
            step_done: Color32::from_rgb(0x33, 0x33, 0x33),
            step_todo: Color32::from_rgb(0xC8, 0xC2, 0xBA),
            high_contrast: false,
        },
        Theme::Dark => DiagramColors {
            background: Color32::from_rgb(0x16, 0x19, 0x1E),
            art: Color32::from_rgb(0x8E, 0x84, 0x7E),
            art_fill: Color32::from_rgb(0x1E, 0x22, 0x28),
            bone: Color32::from_rgba_unmultiplied(0x9A, 0xA8, 0xC8, 0x60),
            rest_fill: Color32::from_rgb(0x2A, 0x2E, 0x35),
            rest_line: Color32::from_rgb(0x4A, 0x50, 0x5A),
            text: Color32::from_rgb(0xF2, 0xF2, 0xF2),
            muted_text: Color32::from_rgb(0xB0, 0xB4, 0xBA),
            label_fill: Color32::from_rgba_unmultiplied(0x16, 0x19, 0x1E, 0xE0),
            label_line: Color32::from_rgb(0x60, 0x66, 0x70),
            ghost: Color32::from_rgba_unmultiplied(0x90, 0x98, 0xA0, 0x70),
            tag_fill: Color32::from_rgb(0x12, 0x3D, 0x30),
            tag_text: Color32::from_rgb(0xD8, 0xF5, 0xE8),
            caption_fill: Color32::from_rgb(0x20, 0x24, 0x2A),
            caption_line: Color32::from_rgb(0x3A, 0x40, 0x48),
            step_done: Color32::from_rgb(0xE8, 0xE8, 0xE8),
            step_todo: Color32::from_rgb(0x50, 0x56, 0x5E),
            high_contrast: false,
        },
        Theme::HighContrast => DiagramColors {
            background: Color32::BLACK,
            art: Color32::from_rgb(0xC8, 0xC8, 0xC8),
            art_fill: Color32::from_rgb(0x0C, 0x0C, 0x0C),
            bone: Color32::from_rgb(0x8A, 0xB4, 0xFF),
            rest_fill: Color32::from_rgb(0x22, 0x22, 0x22),
            rest_line: Color32::from_rgb(0x80, 0x80, 0x80),
            text: Color32::WHITE,
            muted_text: Color32::from_rgb(0xE0, 0xE0, 0xE0),
            label_fill: Color32::from_rgba_unmultiplied(0, 0, 0, 0xE8),
            label_line: Color32::WHITE,
            ghost: Color32::from_rgb(0x70, 0x70, 0x70),
            tag_fill: Color32::from_rgb(0x00, 0x40, 0x30),
            tag_text: Color32::WHITE,
            caption_fill: Color32::from_rgb(0x10, 0x10, 0x10),
            caption_line: Color32::WHITE,
            step_done: Color32::WHITE,
            step_todo: Color32::from_rgb(0x60, 0x60, 0x60),
            high_contrast: true,
        },
    }
}
