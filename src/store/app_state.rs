//! eframe's own state file (`app.ron`: window size and egui's memory), checked before eframe
//! starts. eframe reads it whole with no limit and opens whatever is at its path, so a named
//! pipe there would block the start for ever and a 300 MB file would need about 900 MB of
//! memory. Such a file is set aside, the window starts with eframe's defaults, and says so.

use std::path::{Path, PathBuf};

/// The file eframe keeps its state in, inside its storage folder.
pub const APP_STATE_FILE: &str = "app.ron";

/// Largest `app.ron` left for eframe to read. It holds a window size and a little of egui's
/// memory, a few kB; anything near this is not eframe's.
pub const MAX_APP_STATE_BYTES: u64 = 4 * 1024 * 1024;

/// Sets aside `app.ron` in eframe's storage folder `dir` when it is not a regular file (or a link
/// to one) or is larger than [`MAX_APP_STATE_BYTES`]. Returns the notice for the window, or `None`
/// when the file is fine or absent. Call it before `eframe::run_native`. Opens nothing.
pub fn set_aside_bad_app_state(dir: &Path) -> Option<String> {
    let path = dir.join(APP_STATE_FILE);
    // Follows a link, as eframe will: what matters is what eframe would open.
    let why = match std::fs::metadata(&path) {
        Ok(meta) => match crate::output::not_regular(&meta.file_type()) {
            Some(why) => why.to_owned(),
            None if meta.len() > MAX_APP_STATE_BYTES => format!(
                "it is {} bytes; the window's state is never more than {MAX_APP_STATE_BYTES}",
                meta.len()
            ),
            None => return None,
        },
        // Absent, or a dangling link: eframe starts afresh and writes a new file.
        Err(_) => return None,
    };
    Some(match set_aside(&path) {
        Some(kept_at) => format!(
            "The window's saved state could not be used ({why}). It was set aside as {} and the window starts with its defaults.",
            kept_at.display()
        ),
        None => format!(
            "The window's saved state at {} could not be used ({why}) nor moved aside.",
            path.display()
        ),
    })
}

/// Renames `path` to `app.damaged-N.ron` beside it; renaming opens nothing.
fn set_aside(path: &Path) -> Option<PathBuf> {
    let dir = path.parent()?;
    (1..1000)
        .map(|n| dir.join(format!("app.damaged-{n}.ron")))
        .find(|target| std::fs::symlink_metadata(target).is_err())
        .filter(|target| std::fs::rename(path, target).is_ok())
}
