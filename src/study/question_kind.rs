//! What a study question is: its point, its prompt, and how it is answered.

use crate::model::{FigureId, LandmarkId, PointCode, StructureId};

/// The kinds of question.
#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    /// Click the point on an unlabelled figure.
    Locate { figure: FigureId },
    /// Click the landmark the point is found from, on an unlabelled figure without bones.
    Landmark {
        figure: FigureId,
        landmark: LandmarkId,
        target: LandmarkTarget,
    },
    /// Pick the right name among `options`; `answer` is the index of the right one.
    Choose { options: Vec<String>, answer: usize },
}

impl QuestionKind {
    /// The figure a question answered by clicking is asked on.
    pub fn figure(&self) -> Option<&FigureId> {
        match self {
            QuestionKind::Locate { figure } | QuestionKind::Landmark { figure, .. } => Some(figure),
            QuestionKind::Choose { .. } => None,
        }
    }

    /// Whether the answer is a click on the figure.
    pub fn is_click(&self) -> bool {
        self.figure().is_some()
    }
}

/// What a landmark question asks for: a bone as drawn, or one spot on it.
#[derive(Clone, Debug, PartialEq)]
pub struct LandmarkTarget {
    /// The bone the landmark lies on.
    pub structure: StructureId,
    /// What the question names, as inside a sentence: "L4 spinous process", "anterior superior
    /// iliac spine (ASIS)".
    pub name: String,
    /// Whether only the spot counts (not anywhere on the bone).
    pub spot: bool,
}

/// What a question is about, so a study plan can choose its kinds and the window can hide
/// what would give the answer away.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Topic {
    Location,
    Landmark,
    Names,
    Region,
    Condition,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub code: PointCode,
    pub prompt: String,
    pub about: Topic,
    pub kind: QuestionKind,
}

/// The kinds of question a session asks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "four independent switches, each set by its own checkbox"
)]
pub struct Kinds {
    /// Click the point.
    pub locate: bool,
    /// Click the bone it is found from.
    pub landmark: bool,
    /// Codes, pinyin, characters and English names.
    pub names: bool,
    /// Which region, which condition.
    pub region_condition: bool,
}

impl Default for Kinds {
    /// Locating, landmarks and names: the kinds a location exam asks.
    fn default() -> Self {
        Self {
            locate: true,
            landmark: true,
            names: true,
            region_condition: false,
        }
    }
}

impl Kinds {
    pub fn all() -> Self {
        Self {
            locate: true,
            landmark: true,
            names: true,
            region_condition: true,
        }
    }

    /// Whether questions about `topic` may be asked.
    pub fn allows(self, topic: Topic) -> bool {
        match topic {
            Topic::Location => self.locate,
            Topic::Landmark => self.landmark,
            Topic::Names => self.names,
            Topic::Region | Topic::Condition => self.region_condition,
        }
    }

    pub fn any(self) -> bool {
        self.locate || self.landmark || self.names || self.region_condition
    }
}
