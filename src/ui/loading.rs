//! Loading the user's atlas folder on a worker thread, at start and after every save in it, so
//! the window stays responsive while a large atlas is checked; the last good atlas stays on
//! screen meanwhile.

use super::reload::AtlasWatcher;
use crate::load::{self, Diagnostics};
use crate::model::Atlas;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// The outcome of one load.
pub type LoadOutcome = Result<Atlas, Diagnostics>;

pub struct AtlasLoader {
    dir: PathBuf,
    watcher: Option<AtlasWatcher>,
    running: Option<Receiver<LoadOutcome>>,
    /// A change arrived while a load was running: load again when it ends.
    again: bool,
}

impl AtlasLoader {
    /// Starts loading `dir` and watching it for changes.
    pub fn start(dir: &Path, ctx: &egui::Context) -> Self {
        let mut loader = Self {
            dir: dir.to_owned(),
            watcher: AtlasWatcher::start(dir, ctx.clone()).ok(),
            running: None,
            again: false,
        };
        loader.spawn(ctx);
        loader
    }

    pub fn dir(&self) -> &Path {
        self.watcher.as_ref().map_or(&self.dir, AtlasWatcher::dir)
    }

    /// Whether a load is under way.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    fn spawn(&mut self, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let dir = self.dir.clone();
        let repaint = ctx.clone();
        let started = std::thread::Builder::new()
            .name("atlas-loader".into())
            .spawn(move || {
                let _ = tx.send(load::load_dir(&dir));
                repaint.request_repaint();
            });
        self.running = started.is_ok().then_some(rx);
    }

    /// Called every frame: starts a load when the folder changed, and returns the outcome of
    /// a load that has finished.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<LoadOutcome> {
        if self.watcher.as_mut().is_some_and(|w| w.due(ctx)) {
            if self.busy() {
                self.again = true;
            } else {
                self.spawn(ctx);
            }
        }
        let outcome = match self.running.as_ref()?.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        self.running = None;
        if std::mem::take(&mut self.again) {
            self.spawn(ctx);
        }
        outcome
    }
}
