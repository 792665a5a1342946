//! The user's session apart from any window: the mode, the choices that last between runs and
//! those that do not, the commands that change them, and the scene they describe. No egui.

mod classroom;
mod command;
mod effect;
mod layer_command;
mod layer_state;
mod lesson;
mod mode;
pub mod photo_scene;
mod plan;
mod save;
mod scene;
mod state;
mod study_command;
mod study_state;

pub use command::{Command, apply};
pub use effect::Effect;
pub use layer_command::LayerCommand;
pub use layer_state::{LayerState, LayerSwitches, LocationStep};
pub use mode::{Mode, Tab};
pub use save::{MIN_INTERVAL, SaveSchedule};
pub use scene::PATIENT_SCALE;
pub use state::{
    Answer, Blank, LessonPlay, Missed, PresentState, ReturnTo, SearchState, Session, StudyPhase,
    StudyState,
};
pub use study_command::{StudyCommand, deck_name};
