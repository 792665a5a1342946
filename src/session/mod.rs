//! The user's session apart from any window: the mode, the choices that last between runs and
//! those that do not, the commands that change them, and the scene they describe. No egui.

mod command;
mod effect;
mod layer_command;
mod layer_state;
mod lesson;
mod mode;
pub mod photo_scene;
mod save;
mod scene;
mod state;

pub use command::{Command, apply};
pub use effect::Effect;
pub use layer_command::LayerCommand;
pub use layer_state::{LayerState, LayerSwitches, LocationStep};
pub use mode::{Mode, Tab};
pub use save::{MIN_INTERVAL, SaveSchedule};
pub use scene::PATIENT_SCALE;
pub use state::{Answer, LessonPlay, PresentState, SearchState, Session, StudyState};
