//! Every colour the window uses, in one place.

use egui::Color32;

/// Okabe–Ito colours: told apart by people with the common forms of colour blindness.
const REGION_PALETTE: [Color32; 10] = [
    Color32::from_rgb(0xD5, 0x5E, 0x00), // vermillion
    Color32::from_rgb(0x00, 0x72, 0xB2), // blue
    Color32::from_rgb(0x00, 0x9E, 0x73), // bluish green
    Color32::from_rgb(0xCC, 0x79, 0xA7), // reddish purple
    Color32::from_rgb(0xE6, 0x9F, 0x00), // orange
    Color32::from_rgb(0x56, 0xB4, 0xE9), // sky blue
    Color32::from_rgb(0x8C, 0x56, 0x2B), // brown
    Color32::from_rgb(0x33, 0x33, 0x33), // near black
    Color32::from_rgb(0x88, 0x22, 0x55), // wine
    Color32::from_rgb(0x44, 0xAA, 0x99), // teal
];

/// The colour of a region, by its place in the atlas's region list.
pub fn region_color(index: usize) -> Color32 {
    REGION_PALETTE
        .get(index % REGION_PALETTE.len())
        .copied()
        .unwrap_or(Color32::GRAY)
}

pub struct CanvasColors {
    pub background: Color32,
    pub outline: Color32,
    pub contour: Color32,
    pub bone: Color32,
    pub dot_ring: Color32,
    pub hover: Color32,
}

pub fn canvas_colors(dark: bool) -> CanvasColors {
    if dark {
        CanvasColors {
            background: Color32::from_rgb(0x1B, 0x1E, 0x24),
            outline: Color32::from_rgb(0xE8, 0xD8, 0xCC),
            contour: Color32::from_rgb(0xA8, 0x98, 0x8C),
            bone: Color32::from_rgba_unmultiplied(0xC8, 0xC8, 0xD8, 0x70),
            dot_ring: Color32::WHITE,
            hover: Color32::from_rgb(0xFF, 0xE0, 0x66),
        }
    } else {
        CanvasColors {
            background: Color32::from_rgb(0xF7, 0xF5, 0xF2),
            outline: Color32::from_rgb(0x5A, 0x44, 0x38),
            contour: Color32::from_rgb(0x9A, 0x80, 0x70),
            bone: Color32::from_rgba_unmultiplied(0x60, 0x60, 0x80, 0x60),
            dot_ring: Color32::WHITE,
            hover: Color32::from_rgb(0x11, 0x11, 0x11),
        }
    }
}
