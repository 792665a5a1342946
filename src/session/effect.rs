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
    /// Frame the area of a locate question so a cun is large enough to aim at, without
    /// centring on the answer.
    FrameQuestion(PointCode),
    ToggleFullscreen,
    ExportView,
    ExportHandout,
    FocusSearch,
    ResetLayout,
    /// Ask for a photo of the patient to open.
    OpenPhoto,
    /// Scroll the patient card of this point into view.
    ShowCard(PointCode),
}
