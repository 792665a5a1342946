//! Hot reload for atlas authors: with `--atlas DIR`, saving a file in DIR reloads the atlas.
//! The folder is watched (editors save by rename, so single files are not watched), and bursts
//! of events are gathered into one reload.
//!
//! The watch follows the path, not the folder first found there: `git checkout`, unzip and
//! some editors replace the whole folder (delete and recreate it, or rename another over it),
//! and a folder may not exist yet when the window opens. A small thread looks at the path
//! twice a second; when a different folder (or a folder at all) is there, it watches that one
//! instead and asks for a reload.

use notify::{RecursiveMode, Watcher};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

/// Events closer together than this are one save.
const SETTLE: Duration = Duration::from_millis(150);
/// How often the path is looked at for a replaced, removed or new folder.
const POLL: Duration = Duration::from_millis(500);

pub struct AtlasWatcher {
    dir: PathBuf,
    rx: Receiver<()>,
    pending_since: Option<Instant>,
    /// Set when the watcher is dropped: the path-following thread then ends.
    stop: Arc<AtomicBool>,
}

impl Drop for AtlasWatcher {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// Which folder is at a path: its device and inode where the platform has them. `None` when
/// no folder is there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct FolderId(u64, u64);

fn folder_at(path: &Path) -> Option<FolderId> {
    let meta = std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_dir)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        Some(FolderId(meta.dev(), meta.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = meta;
        Some(FolderId(0, 0))
    }
}

/// Watches the folder now at `dir`; every change sends on `tx` and asks `ctx` for a repaint.
/// When the folder itself goes away (or the watch fails), `lost` is set: a folder made again
/// at once may reuse the old one's inode, so its identity alone cannot tell.
fn watch(
    dir: &Path,
    tx: Sender<()>,
    ctx: egui::Context,
    lost: Arc<AtomicBool>,
) -> notify::Result<notify::RecommendedWatcher> {
    let root = dir.to_owned();
    let mut watcher =
        notify::recommended_watcher(move |event: notify::Result<notify::Event>| match event {
            Ok(e) if e.kind.is_modify() || e.kind.is_create() || e.kind.is_remove() => {
                if e.kind.is_remove() && e.paths.contains(&root) {
                    lost.store(true, Ordering::Relaxed);
                }
                let _ = tx.send(());
                ctx.request_repaint_after(SETTLE);
            }
            Ok(_) => {}
            Err(_) => {
                lost.store(true, Ordering::Relaxed);
                ctx.request_repaint_after(SETTLE);
            }
        })?;
    watcher.watch(dir, RecursiveMode::Recursive)?;
    Ok(watcher)
}

impl AtlasWatcher {
    /// Starts watching `dir`, or the path where it will be; each change asks `ctx` for a
    /// repaint so the reload is seen at once. Fails only when no thread can be started.
    pub fn start(dir: &Path, ctx: egui::Context) -> Result<Self, String> {
        let (tx, rx) = channel();
        let (tx_thread, ctx_thread) = (tx.clone(), ctx.clone());
        let stop = Arc::new(AtomicBool::new(false));
        let path = dir.to_owned();
        let stop_thread = stop.clone();
        let lost = Arc::new(AtomicBool::new(false));
        let arm = move |path: &Path| {
            lost.store(false, Ordering::Relaxed);
            let id = folder_at(path)?;
            let watcher = watch(path, tx.clone(), ctx.clone(), lost.clone()).ok()?;
            Some((id, watcher, lost.clone()))
        };
        // The first watch is made here, so changes right after `start` are never missed.
        let mut armed = arm(dir);
        let mut seen = folder_at(dir);
        let (tx, ctx) = (tx_thread, ctx_thread);
        std::thread::Builder::new()
            .name("atlas-watcher".into())
            .spawn(move || {
                while !stop_thread.load(Ordering::Relaxed) {
                    std::thread::sleep(POLL);
                    let now = folder_at(&path);
                    let lost = armed
                        .as_ref()
                        .is_some_and(|(_, _, lost)| lost.load(Ordering::Relaxed));
                    let watching = armed.as_ref().map(|(id, _, _)| *id);
                    if now.is_none() {
                        armed = None;
                    } else if lost || watching != now {
                        // Another folder (or a first one) is at the path: watch it instead.
                        // The old watch goes first: one watch at a time.
                        drop(armed.take());
                        armed = arm(&path);
                    }
                    if lost || now != seen {
                        seen = now;
                        let _ = tx.send(());
                        ctx.request_repaint_after(SETTLE);
                    }
                }
            })
            .map_err(|e| format!("cannot watch {}: {e}", dir.display()))?;
        Ok(Self {
            dir: dir.to_owned(),
            rx,
            pending_since: None,
            stop,
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Calls `due` until it says to reload, for at most `seconds`.
    fn reloads_within(w: &mut AtlasWatcher, seconds: u64) -> bool {
        let ctx = egui::Context::default();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(seconds) {
            if w.due(&ctx) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        false
    }

    fn started(dir: &Path) -> AtlasWatcher {
        AtlasWatcher::start(dir, egui::Context::default()).unwrap()
    }

    #[test]
    fn a_saved_file_asks_for_one_reload() {
        let root = tempfile::tempdir().unwrap();
        let mut w = started(root.path());
        std::fs::write(root.path().join("regions.ron"), "[]").unwrap();
        assert!(reloads_within(&mut w, 5));
        assert!(!reloads_within(&mut w, 1), "a burst is one reload");
    }

    #[test]
    fn a_folder_deleted_and_made_again_is_still_followed() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("atlas");
        std::fs::create_dir(&dir).unwrap();
        let mut w = started(&dir);
        std::fs::remove_dir_all(&dir).unwrap();
        std::fs::create_dir(&dir).unwrap();
        assert!(reloads_within(&mut w, 5), "the new folder is a change");
        while reloads_within(&mut w, 1) {}
        std::fs::write(dir.join("regions.ron"), "[]").unwrap();
        assert!(
            reloads_within(&mut w, 5),
            "a save in the new folder is seen"
        );
    }

    #[test]
    fn a_folder_swapped_by_rename_is_followed_and_the_old_one_forgotten() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("atlas");
        let next = root.path().join("atlas.next");
        let old = root.path().join("atlas.old");
        std::fs::create_dir(&dir).unwrap();
        std::fs::create_dir(&next).unwrap();
        let mut w = started(&dir);
        std::fs::rename(&dir, &old).unwrap();
        std::fs::rename(&next, &dir).unwrap();
        assert!(reloads_within(&mut w, 5), "the swap is a change");
        while reloads_within(&mut w, 1) {}
        std::fs::write(old.join("regions.ron"), "[]").unwrap();
        assert!(
            !reloads_within(&mut w, 2),
            "the moved-away folder is not watched"
        );
        std::fs::write(dir.join("regions.ron"), "[]").unwrap();
        assert!(reloads_within(&mut w, 5), "the folder now at the path is");
    }

    #[test]
    fn a_folder_missing_at_start_is_watched_once_it_appears() {
        let root = tempfile::tempdir().unwrap();
        let dir = root.path().join("later");
        let mut w = started(&dir);
        assert!(!reloads_within(&mut w, 1));
        std::fs::create_dir(&dir).unwrap();
        assert!(reloads_within(&mut w, 5), "its appearance is a change");
        while reloads_within(&mut w, 1) {}
        std::fs::write(dir.join("regions.ron"), "[]").unwrap();
        assert!(reloads_within(&mut w, 5), "and saves in it are seen");
    }
}
