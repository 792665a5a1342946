//! "Export view…" and "Export handout…" from the window: rendered on a background thread (the
//! windowless renderer), saved to the user's Pictures folder (or home), with a notice saying
//! where it went.

use crate::model::{Atlas, PointCode};
use crate::render::{Paper, ViewRequest, encode_png, render_handout, render_view};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, channel};

/// What to export.
pub enum ExportKind {
    View(ViewRequest),
    Handout(Vec<PointCode>),
}

/// An export under way; `poll` gives its outcome once.
pub struct ExportJob {
    rx: Receiver<Result<PathBuf, String>>,
}

/// The folder exports go to: `~/Pictures/Acupoint Atlas`, else the home folder, else here.
pub fn export_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home {
        Some(h) if h.join("Pictures").is_dir() => h.join("Pictures").join("Acupoint Atlas"),
        Some(h) => h.join("Acupoint Atlas"),
        None => PathBuf::from("."),
    }
}

impl ExportJob {
    /// Starts rendering on a background thread. `stamp` (seconds) starts the file name; a
    /// number is added when that name is taken.
    pub fn start(atlas: Atlas, kind: ExportKind, stamp: u64, repaint: egui::Context) -> Self {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let dir = export_dir();
            let result = std::fs::create_dir_all(&dir)
                .map_err(|e| format!("cannot create {}: {e}", dir.display()))
                .and_then(|()| {
                    let (stem, image) = match &kind {
                        ExportKind::View(req) => {
                            (format!("{}-{stamp}", req.figure), render_view(&atlas, req))
                        }
                        ExportKind::Handout(plan) => (
                            format!("handout-{stamp}"),
                            render_handout(&atlas, plan, Paper::A4),
                        ),
                    };
                    let image = image.map_err(|e| e.to_string())?;
                    // A new name each time (`-2`, `-3`… within a second); the stem is plain.
                    crate::output::write_new(&dir, &stem, "png", |w| encode_png(&image, w))
                        .map_err(|e| e.to_string())
                });
            let _ = tx.send(result);
            repaint.request_repaint();
        });
        Self { rx }
    }

    /// The outcome, once the thread has finished.
    pub fn poll(&self) -> Option<Result<PathBuf, String>> {
        self.rx.try_recv().ok()
    }
}
