//! One data folder: earlier versions kept the window's state (eframe's `app.ron`) in one folder
//! and the settings and study progress in another. On start, the old folder's files are moved
//! into the one folder once, and the window says where they went.

use std::path::Path;

/// Moves every file of `old` that `new` does not already hold into `new` (made if missing),
/// then removes `old` once it is empty. A file both folders hold stays where it is: the one
/// folder's copy is the newer. Returns the notice for the window when a file was moved, or
/// `None` when there was nothing to move (so it is said once). Never fails: a file that cannot
/// be moved is named in the notice and left in place.
pub fn move_into_one_folder(old: &Path, new: &Path) -> Option<String> {
    if old == new || !old.is_dir() {
        return None;
    }
    let entries = std::fs::read_dir(old).ok()?;
    let mut moved = Vec::new();
    let mut failed = Vec::new();
    for entry in entries.flatten() {
        let from = entry.path();
        // Only plain files: a link or a pipe is left for the user to look at.
        if !entry.file_type().is_ok_and(|t| t.is_file()) {
            continue;
        }
        let name = entry.file_name();
        let to = new.join(&name);
        if to.exists() {
            continue;
        }
        let done = std::fs::create_dir_all(new).and_then(|()| move_file(&from, &to));
        match done {
            Ok(()) => moved.push(name.to_string_lossy().into_owned()),
            Err(e) => failed.push(format!("{} ({e})", name.to_string_lossy())),
        }
    }
    if moved.is_empty() && failed.is_empty() {
        return None;
    }
    // Removes the old folder only when nothing is left in it.
    let _ = std::fs::remove_dir(old);
    let mut text = format!(
        "Your saved files ({}) moved from {} to {}, the one folder the atlas keeps its settings, \
         study progress and window state in.",
        moved.join(", "),
        old.display(),
        new.display()
    );
    if !failed.is_empty() {
        text = format!(
            "{text} Could not move {}; they are still in the old folder.",
            failed.join(", ")
        );
    }
    Some(text)
}

/// Renames `from` to `to`, or copies and then removes it where a rename cannot cross disks.
fn move_file(from: &Path, to: &Path) -> std::io::Result<()> {
    if std::fs::rename(from, to).is_ok() {
        return Ok(());
    }
    std::fs::copy(from, to)?;
    std::fs::remove_file(from)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_old_folders_files_move_into_the_one_folder_once_and_the_old_folder_goes() {
        let root = tempfile::tempdir().unwrap();
        let (old, new) = (
            root.path().join("acupointatlas"),
            root.path().join("acupoint-atlas"),
        );
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(old.join("app.ron"), "window").unwrap();
        std::fs::write(new.join("settings.ron"), "kept").unwrap();
        let notice = move_into_one_folder(&old, &new).unwrap();
        assert!(
            notice.contains("app.ron") && notice.contains("acupoint-atlas"),
            "{notice}"
        );
        assert_eq!(
            std::fs::read_to_string(new.join("app.ron")).unwrap(),
            "window"
        );
        assert_eq!(
            std::fs::read_to_string(new.join("settings.ron")).unwrap(),
            "kept"
        );
        assert!(!old.exists(), "the emptied old folder is removed");
        assert_eq!(move_into_one_folder(&old, &new), None, "said once");
    }

    #[test]
    fn a_file_both_folders_hold_keeps_the_one_folders_copy_and_is_not_announced() {
        let root = tempfile::tempdir().unwrap();
        let (old, new) = (root.path().join("old"), root.path().join("new"));
        std::fs::create_dir_all(&old).unwrap();
        std::fs::create_dir_all(&new).unwrap();
        std::fs::write(old.join("app.ron"), "older").unwrap();
        std::fs::write(new.join("app.ron"), "newer").unwrap();
        assert_eq!(move_into_one_folder(&old, &new), None);
        assert_eq!(
            std::fs::read_to_string(new.join("app.ron")).unwrap(),
            "newer"
        );
        assert!(old.join("app.ron").exists(), "nothing is deleted");
    }

    #[test]
    fn a_missing_old_folder_moves_nothing() {
        let root = tempfile::tempdir().unwrap();
        let new = root.path().join("new");
        assert_eq!(move_into_one_folder(&root.path().join("none"), &new), None);
        assert!(!new.exists());
    }
}
