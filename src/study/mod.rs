//! Study mode's logic, apart from the window: questions, scoring in cun, the spaced
//! repetition schedule that brings weak points back sooner, study plans and the record of past
//! sessions. No egui; time is passed in.

mod history;
mod landmark;
mod photo;
mod plan;
mod question;
mod question_kind;
mod schedule;
mod score;
mod surface;

pub use history::{MAX_SESSIONS, SessionRecord, StudyHistory, box_counts};
pub use landmark::{landmark_question, score_landmark};
pub use photo::{askable_on_photo, score_on_photo};
pub use plan::{Deck, Length, StudyPlan, deck_pool, percent};
pub use question::{Asking, next_question, pool};
pub use question_kind::{Kinds, LandmarkTarget, Question, QuestionKind, Topic};
pub use schedule::{Grade, PointProgress, Progress, Summary};
pub use score::{CLOSE_CUN, LocateResult, RIGHT_CUN, cun_unit, score_locate};
pub use surface::{Surface, locate_prompt};
