//! Figures: one view of the body each, with its outline art, landmarks and cun spans.
//!
//! Coordinates are the figure's own: the same scale on both axes, x growing to the viewer's
//! right and y growing toward the feet, inside a frame of `size`.

use super::ids::{FigureId, LandmarkId, SpanId};
use super::text::{Name, Title};
use serde::Deserialize;

/// A position in a figure's own coordinates (written `(x, y)` in RON).
#[derive(Clone, Copy, Debug, PartialEq, Deserialize, serde::Serialize)]
#[serde(from = "(f32, f32)", into = "(f32, f32)")]
pub struct FigurePos {
    pub x: f32,
    pub y: f32,
}

impl FigurePos {
    pub const fn new(x: f32, y: f32) -> Self {
        Self { x, y }
    }

    pub fn is_finite(self) -> bool {
        self.x.is_finite() && self.y.is_finite()
    }

    pub fn distance(self, other: Self) -> f32 {
        (self.x - other.x).hypot(self.y - other.y)
    }

    /// The point a `fraction` of the way from `self` to `other`.
    #[must_use]
    pub fn lerp(self, other: Self, fraction: f32) -> Self {
        Self::new(
            self.x + (other.x - self.x) * fraction,
            self.y + (other.y - self.y) * fraction,
        )
    }
}

impl From<(f32, f32)> for FigurePos {
    fn from((x, y): (f32, f32)) -> Self {
        Self { x, y }
    }
}

impl From<FigurePos> for (f32, f32) {
    fn from(p: FigurePos) -> Self {
        (p.x, p.y)
    }
}

/// Which surface of the body faces the viewer. It decides which side is the patient's left.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Facing {
    /// Seen from behind: the patient's left is on the viewer's left.
    Posterior,
    /// Seen from the front: the patient's left is on the viewer's right.
    Anterior,
    /// Seen from one side (or a close-up of one limb): only the side in `shows_side` is visible.
    Lateral,
}

/// The patient's side a position is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Side {
    Left,
    Right,
    Midline,
}

impl Side {
    /// The id used in JSON output: `left`, `right` or `midline`.
    pub fn id(self) -> &'static str {
        match self {
            Side::Left => "left",
            Side::Right => "right",
            Side::Midline => "midline",
        }
    }
}

/// What a drawn path stands for; the theme picks its colour and weight.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum ShapeKind {
    /// The body's silhouette. Closed outlines also bound where points may be placed.
    Outline,
    /// An inner contour such as a finger gap or a skin crease.
    Contour,
    /// Faint bony guides: spine, scapulae, iliac crests, sacrum, malleoli.
    Bone,
}

/// One path of figure art, smoothed into a curve through its points when drawn.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Shape {
    pub kind: ShapeKind,
    #[serde(default)]
    pub closed: bool,
    /// Whether the path also appears mirrored about the midline (limbs drawn once).
    #[serde(default)]
    pub mirrored: bool,
    pub points: Vec<FigurePos>,
}

/// A named anatomical landmark at a position on the figure.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Landmark {
    pub id: LandmarkId,
    /// A readable name, shown in the calibration view and on rulers.
    pub name: Name,
    pub at: FigurePos,
}

/// A named span between two landmarks, divided into `cun` equal proportional units.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Span {
    pub id: SpanId,
    pub name: Name,
    pub from: LandmarkId,
    pub to: LandmarkId,
    pub cun: f32,
}

/// One view of the body.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: FigureId,
    pub title: Title,
    pub facing: Facing,
    /// Width and height of the figure's frame in its own units.
    pub size: (f32, f32),
    /// The body's vertical midline, where there is one in view.
    #[serde(default)]
    pub midline_x: Option<f32>,
    /// For figures without a midline: which of the patient's sides is shown.
    #[serde(default)]
    pub shows_side: Option<Side>,
    /// Where the figure is listed among the views (lower first).
    #[serde(default)]
    pub order: i32,
    pub shapes: Vec<Shape>,
    pub landmarks: Vec<Landmark>,
    pub spans: Vec<Span>,
}

impl Figure {
    pub fn landmark(&self, id: &LandmarkId) -> Option<&Landmark> {
        self.landmarks.iter().find(|l| &l.id == id)
    }

    pub fn span(&self, id: &SpanId) -> Option<&Span> {
        self.spans.iter().find(|s| &s.id == id)
    }

    /// Mirrors a position about the midline (unchanged when the figure has none).
    #[must_use]
    pub fn mirror(&self, p: FigurePos) -> FigurePos {
        match self.midline_x {
            Some(m) => FigurePos::new(2.0 * m - p.x, p.y),
            None => p,
        }
    }
}
