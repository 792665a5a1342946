//! The RON files of an atlas: read from a folder with size limits, or the built-in copy.

use super::diagnostic::Diagnostic;
use std::path::{Path, PathBuf};

/// Largest atlas file read, in bytes. Larger files are refused with a message.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// Most point or figure files read from one folder.
pub const MAX_FILES_PER_FOLDER: usize = 500;

/// What a file holds, from where it sits in the atlas folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    Figure,
    Points,
    Regions,
    Conditions,
    Mechanisms,
    References,
    Guidance,
    Channels,
    Anatomy,
    /// `schematics/*.ron`: one schematic for mechanism diagrams per file (optional).
    Schematic,
    /// `diagrams/*.ron`: one mechanism's diagram per file (optional).
    Diagram,
    /// `lessons/*.ron`: one lesson per file, named by the file (optional).
    Lesson,
}

/// The folders of one-item files, with what each holds. `figures/` and `points/` are required;
/// the others are optional.
pub const FOLDERS: [(&str, FileKind); 5] = [
    ("figures", FileKind::Figure),
    ("points", FileKind::Points),
    ("schematics", FileKind::Schematic),
    ("diagrams", FileKind::Diagram),
    ("lessons", FileKind::Lesson),
];

/// The files every atlas has, besides the `figures/` and `points/` folders.
pub const SINGLE_FILES: [(&str, FileKind); 5] = [
    ("regions.ron", FileKind::Regions),
    ("conditions.ron", FileKind::Conditions),
    ("mechanisms.ron", FileKind::Mechanisms),
    ("references.ron", FileKind::References),
    ("guidance.ron", FileKind::Guidance),
];

/// Files an atlas may have; without them the layers they describe are not drawn.
pub const OPTIONAL_FILES: [(&str, FileKind); 2] = [
    ("channels.ron", FileKind::Channels),
    ("anatomy.ron", FileKind::Anatomy),
];

/// One atlas file's text and the name it is reported under.
#[derive(Clone, Debug)]
pub struct SourceFile {
    pub path: String,
    pub kind: FileKind,
    pub text: String,
}

mod builtin {
    include!(concat!(env!("OUT_DIR"), "/builtin_atlas.rs"));
}

/// The atlas compiled into the binary, named as `atlas/...`.
pub fn builtin_files() -> Vec<SourceFile> {
    builtin::FILES
        .iter()
        .filter_map(|(rel, text)| {
            kind_of(rel).map(|kind| SourceFile {
                path: format!("atlas/{rel}"),
                kind,
                text: (*text).to_owned(),
            })
        })
        .collect()
}

/// The kind of file at a path relative to the atlas folder, if it is an atlas file.
pub fn kind_of(rel: &str) -> Option<FileKind> {
    let rel = rel.replace('\\', "/");
    if let Some((_, kind)) = SINGLE_FILES
        .iter()
        .chain(&OPTIONAL_FILES)
        .find(|(name, _)| *name == rel)
    {
        return Some(*kind);
    }
    let (folder, name) = rel.split_once('/')?;
    let is_ron = Path::new(name).extension().is_some_and(|x| x == "ron");
    if name.contains('/') || !is_ron {
        return None;
    }
    FOLDERS
        .iter()
        .find(|(name, _)| *name == folder)
        .map(|(_, kind)| *kind)
}

/// What reading an atlas folder gave: the files read, a problem for everything that could not
/// be read, and the kinds of the files that exist but could not be read.
#[derive(Debug, Default)]
pub struct ReadDir {
    pub files: Vec<SourceFile>,
    pub problems: Vec<Diagnostic>,
    pub unreadable: Vec<FileKind>,
}

/// Reads every atlas file in `dir`. Only regular files (or links to them) are opened, each read
/// to at most [`MAX_FILE_BYTES`] whatever size it reports. Anything else where an atlas file
/// could be (a folder, a named pipe, a device, a dangling link or a loop of links) is reported,
/// never skipped silently; hidden entries (editors' swap and lock files) are ignored.
pub fn read_dir(dir: &Path) -> ReadDir {
    let mut read = ReadDir::default();
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a folder"
        } else {
            "folder not found"
        };
        read.problems.push(Diagnostic::file(shown, why));
        return read;
    }
    for (name, kind) in SINGLE_FILES.into_iter().chain(OPTIONAL_FILES) {
        let path = dir.join(name);
        // Absent: reported as missing later. Anything else there is read or reported.
        if std::fs::symlink_metadata(&path).is_ok() {
            read_one(&path, kind, &mut read);
        }
    }
    for (folder, kind) in FOLDERS {
        let sub = dir.join(folder);
        match entries_in(&sub) {
            Ok(entries) => {
                let ron: Vec<_> = entries.iter().filter(|e| e.is_ron).collect();
                if ron.len() > MAX_FILES_PER_FOLDER {
                    read.problems.push(Diagnostic::file(
                        sub.display().to_string(),
                        format!(
                            "folder has {} .ron files; at most {MAX_FILES_PER_FOLDER} are read",
                            ron.len()
                        ),
                    ));
                    read.unreadable.push(kind);
                    continue;
                }
                for entry in entries {
                    match entry.problem {
                        Some(why) => {
                            read.problems
                                .push(Diagnostic::file(entry.path.display().to_string(), why));
                            if entry.is_ron {
                                read.unreadable.push(kind);
                            }
                        }
                        None if entry.is_ron => read_one(&entry.path, kind, &mut read),
                        None => {}
                    }
                }
            }
            Err(message) => {
                read.problems
                    .push(Diagnostic::file(sub.display().to_string(), message));
                read.unreadable.push(kind);
            }
        }
    }
    read
}

/// One entry of `figures/` or `points/`: its path, whether it is named `*.ron`, and why it
/// cannot be read as an atlas file (a regular file with another name is simply not ours).
struct Entry {
    path: PathBuf,
    is_ron: bool,
    problem: Option<String>,
}

/// The entries of a folder of atlas files, sorted; none when the folder does not exist.
fn entries_in(dir: &Path) -> Result<Vec<Entry>, String> {
    match std::fs::symlink_metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        _ if dir.is_dir() => {}
        Ok(_) | Err(_) => match std::fs::metadata(dir) {
            Ok(meta) => {
                return Err(crate::output::not_regular(&meta.file_type())
                    .map_or("is a file, not a folder".to_owned(), |why| {
                        why.replacen("it ", "", 1)
                    }));
            }
            Err(e) => return Err(format!("cannot open folder: {e}")),
        },
    }
    let listing = std::fs::read_dir(dir).map_err(|e| format!("cannot list folder: {e}"))?;
    let mut entries = Vec::new();
    for item in listing {
        let item = item.map_err(|e| format!("cannot list folder: {e}"))?;
        let name = item.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = item.path();
        let is_ron = path.extension().is_some_and(|x| x == "ron");
        // Follows links, as reading would: what matters is what the name leads to.
        let problem = match std::fs::metadata(&path) {
            Ok(meta) if meta.is_file() => None,
            Ok(meta) if meta.is_dir() => Some(
                "is a folder; atlas files are read from this folder itself, not from folders inside it"
                    .to_owned(),
            ),
            Ok(meta) => crate::output::not_regular(&meta.file_type()).map(|why| {
                format!("cannot be read as an atlas file: {}", why.replacen("it ", "", 1))
            }),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                Some("is a symbolic link to nothing (its target does not exist)".to_owned())
            }
            Err(e) => Some(format!("cannot be read: {e}")),
        };
        entries.push(Entry {
            path,
            is_ron,
            problem,
        });
    }
    entries.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(entries)
}

fn read_one(path: &Path, kind: FileKind, read: &mut ReadDir) {
    let text = read_bounded(path, "atlas files may").map_err(|why| match why {
        Unreadable::NotRegular(why) => format!(
            "cannot be read as an atlas file: {}",
            why.replacen("it ", "", 1)
        ),
        Unreadable::Problem(why) => why,
    });
    match text {
        Ok(text) => read.files.push(SourceFile {
            path: path.display().to_string(),
            kind,
            text,
        }),
        Err(why) => {
            read.problems
                .push(Diagnostic::file(path.display().to_string(), why));
            read.unreadable.push(kind);
        }
    }
}

/// Why a file could not be read as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Unreadable {
    /// Not a regular file: why ("it is a folder", "it is a named pipe (FIFO), …").
    NotRegular(&'static str),
    /// Missing, unreadable, too large or not UTF-8: the whole message.
    Problem(String),
}

/// Reads a regular file (or a link to one) of at most [`MAX_FILE_BYTES`] as UTF-8 text. The
/// size the file reports is not trusted (`/proc` files report 0): reading stops just past the
/// limit. `limit` says who the limit is for in the message ("atlas files may", "a marks file
/// may").
pub fn read_bounded(path: &Path, limit: &str) -> Result<String, Unreadable> {
    use Unreadable::Problem;
    let meta = std::fs::metadata(path).map_err(|e| Problem(format!("cannot read file: {e}")))?;
    if let Some(why) = crate::output::not_regular(&meta.file_type()) {
        return Err(Unreadable::NotRegular(why));
    }
    let too_big = |size: String| {
        Problem(format!(
            "file is {size} bytes; {limit} be at most {MAX_FILE_BYTES} bytes"
        ))
    };
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(meta.len().to_string()));
    }
    let file = std::fs::File::open(path).map_err(|e| Problem(format!("cannot read file: {e}")))?;
    let bytes = crate::output::read_at_most(file, MAX_FILE_BYTES)
        .map_err(|e| Problem(format!("cannot read file: {e}")))?
        .ok_or_else(|| too_big(format!("over {MAX_FILE_BYTES}")))?;
    String::from_utf8(bytes).map_err(|e| {
        Problem(format!(
            "file is not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })
}

/// A problem for every file or folder an atlas must have but `files` lacks, named under `base`,
/// with the kind of file that is missing.
pub fn missing_files(base: &str, files: &[SourceFile]) -> Vec<(FileKind, Diagnostic)> {
    let has = |kind: FileKind| files.iter().any(|f| f.kind == kind);
    let mut problems = Vec::new();
    for (name, kind) in SINGLE_FILES {
        if !has(kind) {
            problems.push((
                kind,
                Diagnostic::file(
                    format!("{base}/{name}"),
                    "file is missing (every atlas needs it)",
                ),
            ));
        }
    }
    for (folder, kind) in [("figures", FileKind::Figure), ("points", FileKind::Points)] {
        if !has(kind) {
            problems.push((
                kind,
                Diagnostic::file(
                    format!("{base}/{folder}"),
                    "no .ron files here (every atlas needs at least one)",
                ),
            ));
        }
    }
    problems
}
