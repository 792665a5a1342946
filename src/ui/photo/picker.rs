//! "Browse…" in "Open a photo": the desktop's own file chooser (on Linux the XDG portal, or
//! zenity, through `rfd`), run on a thread of its own so the window never waits on it, and
//! polled each frame. Where no chooser answers (no portal, as in CI or under Xvfb) the chooser
//! comes back at once with nothing: that is told apart from the user closing it by how soon
//! it came back, and the dialog's path field, always there, is the way in.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::{Duration, Instant};

/// A chooser that comes back with nothing sooner than this never showed itself: no one closes
/// a file chooser that fast.
const NEVER_SHOWN: Duration = Duration::from_millis(1500);

/// A file chooser open beside the window.
pub struct Picker {
    answer: Receiver<Option<PathBuf>>,
    started: Instant,
}

/// What the chooser has said so far.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// Still open.
    Waiting,
    Chosen(PathBuf),
    /// Closed without a file.
    Cancelled,
    /// It never showed (no portal and no zenity), or its thread failed.
    Unavailable,
}

impl Picker {
    /// Whether this build has a desktop file chooser to offer.
    pub const AVAILABLE: bool = cfg!(target_os = "linux");

    /// Opens the desktop's file chooser for a photo or a marks file, starting in `folder`;
    /// `None` when its thread cannot start. The window is asked to redraw when it answers.
    #[cfg(target_os = "linux")]
    pub fn open(folder: Option<PathBuf>, ctx: &egui::Context) -> Option<Self> {
        let (tx, answer) = std::sync::mpsc::channel();
        let ctx = ctx.clone();
        std::thread::Builder::new()
            .name("file chooser".to_owned())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new()
                    .set_title("Open a photo of the patient")
                    .add_filter("Photos and marks files", &["jpg", "jpeg", "png", "ron"]);
                if let Some(folder) = folder {
                    dialog = dialog.set_directory(folder);
                }
                // The window may be gone by then: nothing waits for this answer.
                let _ = tx.send(dialog.pick_file());
                ctx.request_repaint();
            })
            .ok()?;
        Some(Self::waiting_on(answer))
    }

    /// No desktop file chooser in this build.
    #[cfg(not(target_os = "linux"))]
    pub fn open(_folder: Option<PathBuf>, _ctx: &egui::Context) -> Option<Self> {
        None
    }

    /// A chooser whose answer comes on `answer`, started now.
    pub fn waiting_on(answer: Receiver<Option<PathBuf>>) -> Self {
        Self {
            answer,
            started: Instant::now(),
        }
    }

    /// What the chooser has said, without waiting.
    pub fn poll(&self) -> Picked {
        match self.answer.try_recv() {
            Ok(Some(path)) => Picked::Chosen(path),
            Ok(None) if self.started.elapsed() < NEVER_SHOWN => Picked::Unavailable,
            Ok(None) => Picked::Cancelled,
            Err(TryRecvError::Empty) => Picked::Waiting,
            Err(TryRecvError::Disconnected) => Picked::Unavailable,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chooser_that_answers_nothing_at_once_never_showed() {
        let (tx, rx) = std::sync::mpsc::channel();
        let picker = Picker::waiting_on(rx);
        assert_eq!(picker.poll(), Picked::Waiting);
        tx.send(None).unwrap();
        assert_eq!(picker.poll(), Picked::Unavailable);
    }

    #[test]
    fn a_chooser_closed_after_a_while_was_cancelled() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut picker = Picker::waiting_on(rx);
        picker.started = Instant::now().checked_sub(NEVER_SHOWN * 2).unwrap();
        tx.send(None).unwrap();
        assert_eq!(picker.poll(), Picked::Cancelled);
    }

    #[test]
    fn a_chosen_file_is_given_and_a_dead_thread_is_unavailable() {
        let (tx, rx) = std::sync::mpsc::channel();
        let picker = Picker::waiting_on(rx);
        tx.send(Some(PathBuf::from("/photos/back.jpg"))).unwrap();
        assert_eq!(picker.poll(), Picked::Chosen("/photos/back.jpg".into()));
        drop(tx);
        assert_eq!(picker.poll(), Picked::Unavailable);
    }
}
