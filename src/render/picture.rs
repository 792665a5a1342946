//! The size and form of a picture to render: pixels, pixels per point, and whether it has a
//! caption.

/// The picture to make.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Picture {
    pub width: u32,
    pub height: u32,
    pub pixels_per_point: f32,
    /// A title and the colour legend above the figure.
    pub caption: bool,
}

impl Picture {
    /// A captioned picture whose text stays readable at any size: one point is 1/1000 of the
    /// shorter side (at least one pixel).
    pub fn captioned(width: u32, height: u32) -> Self {
        Self {
            width,
            height,
            pixels_per_point: (width.min(height) as f32 / 1000.0).max(1.0),
            caption: true,
        }
    }
}
