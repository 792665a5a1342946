//! How the window exports, remembered between runs: as a PDF or a PNG, on A4 or Letter.

use serde::{Deserialize, Serialize};

/// The kind of file "Export handout…" and "Export view…" write.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// Vector figures and real text, printed at any size.
    #[default]
    Pdf,
    /// A picture (a handout at 300 dpi).
    Png,
}

/// The paper a handout (and a view's PDF) is laid out on.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum PaperChoice {
    #[default]
    A4,
    Letter,
}
