//! What the body canvas shows, as plain data: the figure, the points and how each is drawn,
//! the labels, the scale, the ruler and the overlays. The window, "Export view…" and the
//! `export` command all draw a [`Scene`], so what is exported is what is seen. No egui.

mod lesson;
pub mod photo;
mod scene_layers;
mod slide;

pub use lesson::lesson_scene;
pub use scene_layers::{ChannelFocus, SceneLayers, StepFocus};
pub use slide::{Banner, DiagramView};

use crate::model::{ConditionId, FigureId, FigurePos, LandmarkId, PointCode, StructureId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;

/// The colour theme of the window and of pictures.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Theme {
    #[default]
    Light,
    Dark,
    /// White on black with heavy lines, for projectors and low vision.
    HighContrast,
}

impl Theme {
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::HighContrast => "High contrast",
        }
    }

    /// The next theme in the cycle Light, Dark, High contrast.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::HighContrast,
            Theme::HighContrast => Theme::Light,
        }
    }
}

/// What the labels beside the dots say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LabelStyle {
    /// No labels (for recall, or a clean picture).
    None,
    /// The code, such as `BL23`.
    #[default]
    Code,
    /// The code and the pinyin.
    Full,
    /// The point's number in the scene's list (1, 2, …), for patients and handouts.
    Numbered,
    /// The number and the code ("5 KI3"), for a patient whose practitioner shows the codes.
    NumberedCode,
}

impl LabelStyle {
    /// Whether labels carry the point's number in the plan (a patient's labels).
    pub fn is_numbered(self) -> bool {
        matches!(self, LabelStyle::Numbered | LabelStyle::NumberedCode)
    }
}

/// The landmark a study question asked for, as the canvas shows it once answered: its bone lit
/// (unless only a spot on it counted), a ring on it on each side, and its name.
#[derive(Clone, Debug, PartialEq)]
pub struct LandmarkMark {
    pub structure: StructureId,
    pub landmark: LandmarkId,
    pub spot: bool,
    /// As the question named it ("anterior superior iliac spine (ASIS)").
    pub name: String,
}

/// One frame of the canvas, described.
#[derive(Clone, Debug, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches of what is drawn, each set by its own control"
)]
pub struct Scene {
    pub figure: FigureId,
    /// The condition shown: it picks each point's region (and colour) and the sites drawn.
    pub condition: Option<ConditionId>,
    /// The points drawn, in order (numbered labels follow this order).
    pub points: Vec<PointCode>,
    /// The selected point: ringed, drawn on top, labelled first.
    pub selected: Option<PointCode>,
    /// Whether the selected point's cun ruler is drawn.
    pub ruler: bool,
    /// Points to emphasise; while non-empty every other point is dimmed.
    pub highlighted: BTreeSet<PointCode>,
    /// Points in today's plan, ringed in Explore so the practitioner sees the plan on the body.
    pub in_plan: BTreeSet<PointCode>,
    pub labels: LabelStyle,
    /// When set, only these points are labelled (presentation's recall).
    pub label_only: Option<BTreeSet<PointCode>>,
    /// Size of dots and labels (1 normally; larger for patients and projectors).
    pub scale: f32,
    /// Whether the dots are drawn at all (not while a locate question waits for its answer).
    pub show_dots: bool,
    /// A mark where the user clicked (a locate answer), in figure coordinates.
    pub marker: Option<FigurePos>,
    /// The landmark a study question asked for, shown once answered.
    pub landmark_mark: Option<LandmarkMark>,
    /// Dim everything but a circle around the pointer (or the selected point).
    pub spotlight: bool,
    /// Draw every landmark and span with its name (for atlas authors).
    pub calibration: bool,
    pub theme: Theme,
    /// Channels, bones and nerves over the figure, and their emphasis.
    pub layers: SceneLayers,
    /// A mechanism's diagram drawn instead of the body (Present mode, lessons, exports).
    pub diagram: Option<DiagramView>,
    /// A heading across the top of the canvas (a lesson's step).
    pub banner: Option<Banner>,
    /// Frame what a lesson step shows (its points, its ruler, the structures it names) rather
    /// than the whole figure: the window and the slides both frame it through
    /// `paint::framing::frame_scene`.
    pub frame_step: bool,
    /// A key to the regions' colours in a corner of the canvas (lessons).
    pub region_key: bool,
}

impl Scene {
    /// A plain scene of a figure: the given points, labelled by code, nothing selected.
    pub fn new(figure: FigureId, points: Vec<PointCode>) -> Self {
        Self {
            figure,
            condition: None,
            points,
            selected: None,
            ruler: false,
            highlighted: BTreeSet::new(),
            in_plan: BTreeSet::new(),
            labels: LabelStyle::Code,
            label_only: None,
            scale: 1.0,
            show_dots: true,
            marker: None,
            landmark_mark: None,
            spotlight: false,
            calibration: false,
            theme: Theme::Light,
            layers: SceneLayers::default(),
            diagram: None,
            banner: None,
            frame_step: false,
            region_key: false,
        }
    }

    /// Whether a point is labelled in this scene.
    pub fn labels_point(&self, code: &PointCode) -> bool {
        self.labels != LabelStyle::None && self.label_only.as_ref().is_none_or(|s| s.contains(code))
    }

    /// The number a point carries in numbered labels (1-based), if it is drawn.
    pub fn number_of(&self, code: &PointCode) -> Option<usize> {
        self.points.iter().position(|c| c == code).map(|i| i + 1)
    }
}

/// The part of a figure in view, in the figure's own coordinates: the window's pan and zoom
/// as a size-independent rectangle, so a picture of any size shows what the window shows
/// (centred, and widened on one axis when the picture's shape differs).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Framing {
    pub center: FigurePos,
    pub half_width: f32,
    pub half_height: f32,
}
