//! Writing the files a user names (exports, handouts, stored settings) without ever replacing,
//! opening or blocking on anything that is not a regular file, and reading files with a bound
//! whatever size they report. No egui.
//!
//! A regular file, or a path where nothing exists yet, is written through a temporary file
//! beside it (`<name>.partial`): written, synced, then renamed over the target, so a failed or
//! killed write never leaves half a file under the real name. The temporary file is removed on
//! every error path, and one left behind by a killed run is cleared by the next write to the
//! same path.
//!
//! Anything else at the path is refused with a message: a folder, a named pipe (FIFO), a
//! device, a socket, and a symbolic link. Links are refused rather than written through, even to
//! a regular file: following one would replace a file the user did not name (and `/dev/stdout`
//! is such a link). The path is inspected with `symlink_metadata`, which opens nothing, so a
//! FIFO can never block the program; the temporary file is created with `create_new`, which
//! neither follows links nor opens an existing file.

use crate::model::is_plain_id;
use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// Why a file could not be written.
#[derive(Debug, thiserror::Error)]
#[error("cannot write {}: {why}", path.display())]
pub struct WriteError {
    pub path: PathBuf,
    pub why: String,
}

impl WriteError {
    fn new(path: &Path, why: impl Into<String>) -> Self {
        Self {
            path: path.to_owned(),
            why: why.into(),
        }
    }
}

/// Appended to a target's file name to name its temporary file.
pub const PARTIAL_SUFFIX: &str = ".partial";

/// Most names `write_new` tries in one folder (`name.png`, `name-2.png`, … `name-9999.png`).
const MAX_UNIQUE_TRIES: u32 = 9999;

/// The longest file name the usual file systems take (ext4, tmpfs, btrfs, XFS: 255 bytes).
const NAME_MAX_BYTES: usize = 255;

/// The temporary file a write to `path` goes through: `<file name>.partial` beside it. A name
/// too long to take the suffix is shortened first and given a hash of the whole name, so the
/// temporary file can always be created and two long names sharing a start still differ.
pub fn partial_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let bytes = name.as_encoded_bytes();
    if bytes.len() + PARTIAL_SUFFIX.len() <= NAME_MAX_BYTES {
        let mut name = name.to_owned();
        name.push(PARTIAL_SUFFIX);
        return Some(path.with_file_name(name));
    }
    let hash = format!("~{:016x}", fnv1a(bytes));
    let room = NAME_MAX_BYTES - PARTIAL_SUFFIX.len() - hash.len();
    // Cut at a character boundary (a name that is not UTF-8 is shortened as its lossy text).
    let text = name.to_string_lossy();
    let mut cut = room.min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let short = format!(
        "{}{hash}{PARTIAL_SUFFIX}",
        text.get(..cut).unwrap_or_default()
    );
    Some(path.with_file_name(short))
}

/// The FNV-1a hash of some bytes: stable from run to run, so a killed run's temporary file of
/// a long name is found and cleared by the next.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Checks that `path` could be written, before any work is done. Creates and removes nothing at
/// `path` itself: it only inspects it, and the folder's writability is probed with the
/// temporary file (clearing a stale one from a killed run).
pub fn check_target(path: &Path) -> Result<(), WriteError> {
    inspect(path)?;
    let partial = Partial::create(path)?;
    drop(partial);
    Ok(())
}

/// Writes `path` through its temporary file: `write` fills it, then it is synced and renamed
/// over `path`. Refuses anything at `path` that is not a regular file (see the module docs).
pub fn write_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), WriteError> {
    inspect(path)?;
    let mut partial = Partial::create(path)?;
    partial.fill(write)?;
    // The path may have changed while the file was written: look again just before renaming.
    inspect(path)?;
    partial.commit()
}

/// Writes a new file in `dir` named `stem.ext`, or `stem-2.ext`, `stem-3.ext`… when taken, so
/// writes in the same second never overwrite each other. The name is claimed with `create_new`
/// (so two writers never get the same one), then written as [`write_with`] does. `stem` and
/// `ext` must be plain names (letters, digits, `-`, `_`): a name built from data can never
/// reach outside `dir`. Returns the path written.
pub fn write_new(
    dir: &Path,
    stem: &str,
    ext: &str,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<PathBuf, WriteError> {
    if !is_plain_id(stem) || !is_plain_id(ext) {
        return Err(WriteError::new(
            &dir.join(format!("{stem}.{ext}")),
            "the file name is not plain (letters, digits, `-` and `_` only)",
        ));
    }
    let claimed = claim_unique(dir, stem, ext)?;
    match write_with(&claimed, write) {
        Ok(()) => Ok(claimed),
        Err(e) => {
            // The claimed name is ours and still empty: give it back.
            let _ = fs::remove_file(&claimed);
            Err(e)
        }
    }
}

fn claim_unique(dir: &Path, stem: &str, ext: &str) -> Result<PathBuf, WriteError> {
    for n in 1..=MAX_UNIQUE_TRIES {
        let name = if n == 1 {
            format!("{stem}.{ext}")
        } else {
            format!("{stem}-{n}.{ext}")
        };
        let path = dir.join(name);
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(WriteError::new(&path, e.to_string())),
        }
    }
    Err(WriteError::new(
        &dir.join(format!("{stem}.{ext}")),
        format!("{MAX_UNIQUE_TRIES} files of that name exist already"),
    ))
}

/// Refuses anything at `path` that is not a regular file, and a path whose folder is missing.
fn inspect(path: &Path) -> Result<(), WriteError> {
    let fail = |why: &str| Err(WriteError::new(path, why));
    if path.file_name().is_none() {
        return fail("the path names no file");
    }
    match fs::symlink_metadata(path) {
        Ok(meta) => {
            if let Some(why) = not_regular(&meta.file_type()) {
                return fail(why);
            }
            if meta.permissions().readonly() {
                return fail("the file is read-only");
            }
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => {}
        Err(e) => return Err(WriteError::new(path, e.to_string())),
    }
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match fs::metadata(parent) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(WriteError::new(
            path,
            format!("{} is not a folder", parent.display()),
        )),
        Err(_) => Err(WriteError::new(
            path,
            format!("the folder {} does not exist", parent.display()),
        )),
    }
}

/// Reads `from` to its end, or until more than `max` bytes came (then `None`): whatever size a
/// file reports (`/proc` files report 0 and may hold gigabytes), at most `max` plus one chunk
/// is read. Reads are whole chunks, which files such as `/proc/self/pagemap` require.
pub fn read_at_most(mut from: impl io::Read, max: u64) -> io::Result<Option<Vec<u8>>> {
    const CHUNK: usize = 64 * 1024;
    let mut bytes = Vec::new();
    let mut chunk = vec![0u8; CHUNK];
    loop {
        let n = match from.read(&mut chunk) {
            Ok(0) => return Ok(Some(bytes)),
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        bytes.extend_from_slice(chunk.get(..n).unwrap_or_default());
        if bytes.len() as u64 > max {
            return Ok(None);
        }
    }
}

/// Why a file of this type is not written (or read), or `None` for a regular file.
pub fn not_regular(kind: &fs::FileType) -> Option<&'static str> {
    if kind.is_file() {
        return None;
    }
    if kind.is_symlink() {
        return Some(
            "it is a symbolic link; links are not followed, give the path of a regular file",
        );
    }
    if kind.is_dir() {
        return Some("it is a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("it is a named pipe (FIFO), not a regular file");
        }
        if kind.is_char_device() || kind.is_block_device() {
            return Some("it is a device, not a regular file");
        }
        if kind.is_socket() {
            return Some("it is a socket, not a regular file");
        }
    }
    Some("it is not a regular file")
}

/// The temporary file of one write. Removed when dropped unless it was renamed into place, so
/// every error path (and a panic) cleans up.
struct Partial {
    target: PathBuf,
    path: PathBuf,
    file: Option<File>,
}

impl Partial {
    /// Clears a stale temporary file (from a killed run) and creates a fresh one.
    fn create(target: &Path) -> Result<Self, WriteError> {
        let fail = |why: String| WriteError::new(target, why);
        let path = partial_path(target).ok_or_else(|| fail("the path names no file".into()))?;
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => {
                return Err(fail(format!(
                    "a folder is in the way of the temporary file {}",
                    path.display()
                )));
            }
            // Unlinking opens nothing: a stale file, link or pipe is simply removed.
            Ok(_) => fs::remove_file(&path).map_err(|e| {
                fail(format!(
                    "cannot clear the stale temporary file {}: {e}",
                    path.display()
                ))
            })?,
            Err(_) => {}
        }
        let file = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .map_err(|e| fail(e.to_string()))?;
        keep_owner_and_mode(target, &file);
        Ok(Self {
            target: target.to_owned(),
            path,
            file: Some(file),
        })
    }

    fn fill(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        let fail = |e: io::Error| WriteError::new(&self.target, e.to_string());
        let file = self
            .file
            .as_ref()
            .ok_or_else(|| WriteError::new(&self.target, "the temporary file is closed"))?;
        let mut out = BufWriter::new(file);
        write(&mut out).map_err(fail)?;
        out.flush().map_err(fail)?;
        drop(out);
        file.sync_all().map_err(fail)
    }

    fn commit(mut self) -> Result<(), WriteError> {
        self.file = None;
        fs::rename(&self.path, &self.target)
            .map_err(|e| WriteError::new(&self.target, e.to_string()))?;
        // Renamed: nothing is left to remove.
        self.path = PathBuf::new();
        // Make the rename itself durable where the platform allows syncing a folder.
        if let Some(dir) = self.target.parent()
            && let Ok(dir) = File::open(if dir.as_os_str().is_empty() {
                Path::new(".")
            } else {
                dir
            })
        {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

/// Gives the temporary file the mode (and, where allowed, the owner and group) of the file it
/// will replace, so exporting over a private `0600` file leaves it private. Best effort: a user
/// may not hand a file to another owner, and then the file is simply theirs.
fn keep_owner_and_mode(target: &Path, file: &File) {
    let Ok(meta) = fs::symlink_metadata(target) else {
        return;
    };
    if !meta.is_file() {
        return;
    }
    let _ = file.set_permissions(meta.permissions());
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let _ = std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()));
        // Changing the owner may clear set-id bits: set the mode again after it.
        let _ = file.set_permissions(meta.permissions());
    }
}

impl Drop for Partial {
    fn drop(&mut self) {
        self.file = None;
        if !self.path.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.path);
        }
    }
}

mod deck;

pub use deck::{Deck, deck_manifest_name};

#[cfg(test)]
mod tests;
