//! The user's session apart from any window: the mode, the choices that last between runs and
//! those that do not, the commands that change them, and the scene they describe. No egui.

mod command;
mod layers;
mod lesson;
mod mode;
mod save;
mod scene;
mod state;

pub use command::{Command, Effect, apply};
pub use layers::{LayerCommand, LayerState, LayerSwitches, LocationStep};
pub use lesson::LessonPlay;
pub use mode::{Mode, Tab};
pub use save::{MIN_INTERVAL, SaveSchedule};
pub use scene::PATIENT_SCALE;
pub use state::{Answer, PresentState, SearchState, Session, StudyState};
