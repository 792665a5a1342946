//! Where a settings file that is a symbolic link (as dotfile managers make) is written: through
//! the link, atomically beside its target, only when the target is a regular file the user owns
//! inside their home folder. Anything else would let a save replace a file the user did not mean
//! (a shared file, another user's, a system file), so it is refused with the reason.

use std::path::{Path, PathBuf};

/// The file a save of `path` writes: `path` itself, or the target of the link at `path` when it
/// may be written through (see the module docs); otherwise why settings cannot be saved there.
pub fn write_target(path: &Path, home: Option<&Path>) -> Result<PathBuf, String> {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return Ok(path.to_owned());
    };
    if !meta.file_type().is_symlink() {
        return Ok(path.to_owned());
    }
    let Ok(target) = std::fs::canonicalize(path) else {
        let to = std::fs::read_link(path).map_or_else(|_| "?".into(), |t| t.display().to_string());
        return Err(format!(
            "it is a symbolic link to {to}, which does not exist; make that file, or replace the link with a file"
        ));
    };
    let shown = target.display();
    let target_meta = std::fs::metadata(&target).map_err(|e| e.to_string())?;
    if !target_meta.is_file() {
        return Err(format!(
            "it is a symbolic link to {shown}, which is not a regular file"
        ));
    }
    let home = home.and_then(|h| std::fs::canonicalize(h).ok());
    if !home.as_ref().is_some_and(|h| target.starts_with(h)) {
        return Err(format!(
            "it is a symbolic link to {shown}, which is outside your home folder; settings are written through a link only into your home folder"
        ));
    }
    if !owned_by_user(&target_meta) {
        return Err(format!(
            "it is a symbolic link to {shown}, which belongs to another user"
        ));
    }
    Ok(target)
}

/// Whether the running user owns the file (the owner of `/proc/self` is the process's user).
#[cfg(unix)]
fn owned_by_user(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata("/proc/self").is_ok_and(|me| me.uid() == meta.uid())
}

#[cfg(not(unix))]
fn owned_by_user(_meta: &std::fs::Metadata) -> bool {
    true
}
