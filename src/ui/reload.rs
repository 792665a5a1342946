//! Hot reload for atlas authors: with `--atlas DIR`, saving a file in DIR reloads the atlas.
//! The folder is watched (editors save by rename, so single files are not watched), and bursts
//! of events are gathered into one reload.

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

/// Events closer together than this are one save.
const SETTLE: Duration = Duration::from_millis(150);

pub struct AtlasWatcher {
    dir: PathBuf,
    // Kept alive for as long as the folder is watched.
    _watcher: notify::RecommendedWatcher,
    rx: Receiver<()>,
    pending_since: Option<Instant>,
}

impl AtlasWatcher {
    /// Starts watching `dir`; each change asks `ctx` for a repaint so the reload is seen at once.
    pub fn start(dir: &Path, ctx: egui::Context) -> Result<Self, String> {
        let (tx, rx) = channel();
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                if let Ok(e) = event
                    && (e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove())
                {
                    let _ = tx.send(());
                    ctx.request_repaint_after(SETTLE);
                }
            })
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        watcher
            .watch(dir, RecursiveMode::Recursive)
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        Ok(Self {
            dir: dir.to_owned(),
            _watcher: watcher,
            rx,
            pending_since: None,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Whether the folder changed and has been quiet long enough to reload now.
    pub fn due(&mut self, ctx: &egui::Context) -> bool {
        let mut changed = false;
        while self.rx.try_recv().is_ok() {
            changed = true;
        }
        if changed {
            self.pending_since = Some(Instant::now());
        }
        match self.pending_since {
            Some(t) if t.elapsed() >= SETTLE => {
                self.pending_since = None;
                true
            }
            Some(_) => {
                ctx.request_repaint_after(SETTLE);
                false
            }
            None => false,
        }
    }
}
