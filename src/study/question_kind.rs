//! What a study question is: its point, its prompt, and how it is answered.

use crate::model::{FigureId, LandmarkId, PointCode};

/// The kinds of question.
#[derive(Clone, Debug, PartialEq)]
pub enum QuestionKind {
    /// Click the point on an unlabelled figure.
    Locate { figure: FigureId },
    /// Click the landmark the point is found from, on an unlabelled figure without bones.
    Landmark {
        figure: FigureId,
        landmark: LandmarkId,
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

#[derive(Clone, Debug, PartialEq)]
pub struct Question {
    pub code: PointCode,
    pub prompt: String,
    pub kind: QuestionKind,
}
