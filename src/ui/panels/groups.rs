//! The groups the actions fall into: the Menu's submenus and the sections of the shortcut list.

use crate::session::Command;

/// The Menu's submenus, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    File,
    View,
    Modes,
    Layers,
    Study,
    Help,
}

impl Group {
    pub const ALL: [Self; 6] = [
        Self::File,
        Self::View,
        Self::Modes,
        Self::Layers,
        Self::Study,
        Self::Help,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::File => "File",
            Self::View => "View",
            Self::Modes => "Modes",
            Self::Layers => "Layers",
            Self::Study => "Study",
            Self::Help => "Help",
        }
    }

    /// The submenu an action of the table goes in (moving between points and the overlays
    /// are ways of viewing; a command added later lands in View until it is given a group).
    pub fn of(command: &Command) -> Self {
        match command {
            Command::ExportView | Command::ExportHandout | Command::OpenPhoto => Self::File,
            Command::SetMode(_)
            | Command::TogglePlanSelected
            | Command::UndoPlan
            | Command::TogglePresenter
            | Command::Blank(_)
            | Command::ClearPen => Self::Modes,
            Command::Layer(_) | Command::ToggleCalibration => Self::Layers,
            Command::AnswerChoice(_) | Command::NextQuestion | Command::Study(_) => Self::Study,
            Command::ToggleHelp => Self::Help,
            _ => Self::View,
        }
    }
}
