//! The sheets of paper the program prints on, at 300 dots per inch, and their size in PDF
//! points.

/// Paper sizes at 300 dots per inch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn pixels(self) -> [u32; 2] {
        match self {
            Paper::A4 => [2480, 3508],
            Paper::Letter => [2550, 3300],
        }
    }
}

/// PDF points (1/72 inch) per pixel of a 300 dpi page.
pub const POINTS_PER_DOT: f32 = 72.0 / 300.0;

/// A sheet of paper's size in PDF points, upright.
pub fn paper_points(paper: Paper) -> egui::Vec2 {
    let [w, h] = paper.pixels();
    egui::vec2(w as f32, h as f32) * POINTS_PER_DOT
}
