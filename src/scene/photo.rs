//! What a photo canvas shows, as plain data: the patient's photo, the points placed on it by
//! the view's rules (each dot with its label: a code, or today's number), the selected point's
//! cun ruler, and while marking, the marks made. The window and `photo --out` both draw a
//! [`PhotoScene`] (built by `session::photo_scene`). No egui.

use super::Theme;
use crate::model::{FigurePos, PointCode, Side};

/// The words every photo with points carries: the points are only as good as the marks.
pub const APPROXIMATE: &str =
    "Approximate: placed from the landmarks marked on this photo. Palpate to confirm.";

/// One point's site on the photo.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoDot {
    pub code: PointCode,
    pub side: Side,
    /// In the photo's pixels.
    pub at: FigurePos,
    /// What its label says: the code, or its number in today's plan.
    pub label: String,
    /// The index of its region's colour (`None`: no region).
    pub region: Option<usize>,
    pub selected: bool,
    /// In today's plan, ringed as on the drawn figure (Explore).
    pub in_plan: bool,
    /// Only one site of a point is labelled.
    pub labelled: bool,
}

/// One landmark marked on the photo, shown while marking.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoMarkDot {
    pub name: String,
    pub at: FigurePos,
    /// The mark the walk is asking for now (or being dragged).
    pub current: bool,
}

/// Everything a photo canvas shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoScene {
    /// The upright photo's size in pixels: every position here is in these pixels.
    pub size: (f32, f32),
    pub dots: Vec<PhotoDot>,
    pub marks: Vec<PhotoMarkDot>,
    /// While marking, where the landmark asked for is expected from the marks so far.
    pub expected: Option<FigurePos>,
    /// The selected point's cun ruler, in the photo's pixels.
    pub ruler: Option<PhotoRuler>,
    /// The marked midline, top to bottom.
    pub midline: Vec<FigurePos>,
    /// A note drawn on the photo (the approximate warning), if any.
    pub note: Option<String>,
    pub theme: Theme,
}

/// A cun ruler on the photo: the span a point is measured on, with a tick per cun.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoRuler {
    pub name: String,
    pub from: FigurePos,
    pub to: FigurePos,
    pub cun: f32,
    pub ticks: Vec<FigurePos>,
}
