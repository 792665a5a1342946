//! Anatomical structures drawn in layers over the figures: bones (the landmarks placement
//! relies on) and nerves. Each is drawn from the figures' own landmarks by the same rules as
//! points, so it moves with the figure and appears on every figure that can place it.

use super::ids::{ConditionId, LandmarkId, PointCode, StructureId};
use super::point::PlacementRule;
use super::text::{Name, Prose};
use serde::Deserialize;

/// The layer a structure belongs to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum AnatomyLayer {
    Bones,
    Nerves,
    /// Faint context drawn with the nerves (the piriformis muscle the sciatic nerve runs under).
    Muscles,
}

impl AnatomyLayer {
    pub fn name(self) -> &'static str {
        match self {
            AnatomyLayer::Bones => "Bones",
            AnatomyLayer::Nerves => "Nerves",
            AnatomyLayer::Muscles => "Muscles",
        }
    }
}

/// One drawn part of a structure. A form is drawn on every figure that can place all of its
/// positions, and only there.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum Form {
    /// A smooth open curve through the positions, in order.
    Line(Vec<PlacementRule>),
    /// A smooth closed curve through the positions.
    Loop(Vec<PlacementRule>),
    /// An oval whose long axis runs from one position to the other; `width` is its breadth
    /// as a share of that length (1 is a circle).
    Oval {
        from: PlacementRule,
        to: PlacementRule,
        width: f32,
    },
}

impl Form {
    /// Every rule the form is drawn through, with where it sits in the form (for messages).
    pub fn rules(&self) -> Vec<(FormSlot, &PlacementRule)> {
        match self {
            Form::Line(rules) | Form::Loop(rules) => rules
                .iter()
                .enumerate()
                .map(|(i, r)| (FormSlot::Item(i), r))
                .collect(),
            Form::Oval { from, to, .. } => vec![(FormSlot::From, from), (FormSlot::To, to)],
        }
    }
}

/// Where a rule sits in a form: the `i`-th position of a line or loop, or an oval's end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FormSlot {
    Item(usize),
    From,
    To,
}

impl std::fmt::Display for FormSlot {
    /// The path of the slot inside its form, as messages give it: `.0[2]`, `.from`, `.to`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FormSlot::Item(i) => write!(f, ".0[{i}]"),
            FormSlot::From => f.write_str(".from"),
            FormSlot::To => f.write_str(".to"),
        }
    }
}

/// A bone, nerve or muscle drawn in a layer. Structures off the midline are drawn on both
/// sides of figures that have one.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Structure {
    pub id: StructureId,
    /// Its name, as the landmark steps and the study questions say it ("L4 spinous process").
    pub name: Name,
    pub layer: AnatomyLayer,
    /// A short tag drawn beside it, such as the level `L4` of a spinous process.
    #[serde(default)]
    pub tag: Option<Prose>,
    /// The landmarks that lie on this structure: a landmark step naming one of them lights the
    /// structure up, and study asks the trainee to click them.
    #[serde(default)]
    pub marks: Vec<LandmarkId>,
    /// Landmarks of `marks` that are one spot on a larger structure (the ASIS on the iliac
    /// crest), with the spot's name: study asks for the spot by this name and scores the
    /// click on the spot, not anywhere on the structure.
    #[serde(default)]
    pub spots: Vec<Spot>,
    /// Conditions that show this structure whatever the layer switches say (the sciatic nerve
    /// with sciatica).
    #[serde(default)]
    pub shown_with: Vec<ConditionId>,
    /// Points that lie over it (a nerve beneath nerve-flagged points); selecting one of them
    /// shows the structure.
    #[serde(default)]
    pub points: Vec<PointCode>,
    /// Drawn dashed: a reference line rather than a bone (the line across the iliac crests).
    #[serde(default)]
    pub dashed: bool,
    pub forms: Vec<Form>,
}

/// A named spot on a structure, such as the ASIS on the iliac crest.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spot {
    pub landmark: LandmarkId,
    /// As a sentence says it, without an article: "anterior superior iliac spine (ASIS)".
    pub name: Name,
}

impl Structure {
    /// The spot's name when `landmark` is a spot on this structure.
    pub fn spot(&self, landmark: &LandmarkId) -> Option<&Spot> {
        self.spots.iter().find(|s| &s.landmark == landmark)
    }

    /// Whether a landmark lies on this structure.
    pub fn marks(&self, landmark: &LandmarkId) -> bool {
        self.marks.contains(landmark)
    }
}
