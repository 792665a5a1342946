//! Study mode's logic, apart from the window: questions, scoring in cun, and the spaced
//! repetition schedule that brings weak points back sooner. No egui; time is passed in.

mod landmark;
mod question;
mod question_kind;
mod schedule;
mod score;

pub use landmark::{landmark_question, score_landmark};
pub use question::{next_question, pool};
pub use question_kind::{Question, QuestionKind};
pub use schedule::{Grade, PointProgress, Progress, Summary};
pub use score::{LocateResult, cun_unit, score_locate};
