//! What applying a command asks of the window beyond the session: a theme to install, the
//! canvas to reframe, an export to start.

use crate::model::PointCode;

/// What applying a command asks of the window beyond the session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Install the session's theme.
    ThemeChanged,
    /// Show the whole figure.
    FitView,
    /// Bring the selected point into view on the canvas.
    RevealSelection,
    /// Zoom to the selected point with enough around it to recognise the body part.
    FrameSelection,
    /// Zoom until the selected point and its neighbours read apart (Explore's selection).
    FrameSelectionApart,
    /// Frame the area of a locate question so a cun is large enough to aim at, without
    /// centring on the answer.
    FrameQuestion(PointCode),
    /// Frame the condition's own area: its local and adjacent points on the figure shown.
    FrameCondition,
    ToggleFullscreen,
    /// Leave full screen, if the window is full screen (Esc in Present mode).
    LeaveFullscreen,
    /// Keep the canvas's pan and zoom of the shown figure, to come back to.
    RememberView,
    /// Go back to the pan and zoom kept by [`Effect::RememberView`].
    RestoreView,
    ExportView,
    ExportHandout,
    FocusSearch,
    ResetLayout,
    /// Ask for a photo of the patient to open.
    OpenPhoto,
    /// Scroll the patient card of this point into view.
    ShowCard(PointCode),
    /// Write the study history to the store (a session ended, or progress was reset).
    SaveStudyHistory,
}
