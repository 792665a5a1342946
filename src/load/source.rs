//! The RON files of an atlas: read from a folder with size limits, or the built-in copy.

use super::diagnostic::Diagnostic;
use std::path::Path;

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
    if let Some((_, kind)) = SINGLE_FILES.iter().find(|(name, _)| *name == rel) {
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

/// Reads every atlas file in `dir`. Problems (missing files, unreadable or oversized files,
/// text that is not UTF-8) are reported; the files that could be read are returned too.
pub fn read_dir(dir: &Path) -> (Vec<SourceFile>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let shown = dir.display().to_string();
    if !dir.is_dir() {
        let why = if dir.exists() {
            "is not a folder"
        } else {
            "folder not found"
        };
        problems.push(Diagnostic::file(shown, why));
        return (files, problems);
    }
    for (name, kind) in SINGLE_FILES {
        let path = dir.join(name);
        if path.is_file() {
            read_one(&path, kind, &mut files, &mut problems);
        }
    }
    for (folder, kind) in FOLDERS {
        let sub = dir.join(folder);
        match ron_files_in(&sub) {
            Ok(paths) if paths.len() > MAX_FILES_PER_FOLDER => problems.push(Diagnostic::file(
                sub.display().to_string(),
                format!(
                    "folder has {} .ron files; at most {MAX_FILES_PER_FOLDER} are read",
                    paths.len()
                ),
            )),
            Ok(paths) => {
                for path in paths {
                    read_one(&path, kind, &mut files, &mut problems);
                }
            }
            Err(message) => problems.push(Diagnostic::file(sub.display().to_string(), message)),
        }
    }
    (files, problems)
}

fn ron_files_in(dir: &Path) -> Result<Vec<std::path::PathBuf>, String> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot list folder: {e}"))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "ron"))
        .collect();
    paths.sort();
    Ok(paths)
}

fn read_one(
    path: &Path,
    kind: FileKind,
    files: &mut Vec<SourceFile>,
    problems: &mut Vec<Diagnostic>,
) {
    let shown = path.display().to_string();
    match std::fs::metadata(path) {
        Ok(meta) if meta.len() > MAX_FILE_BYTES => {
            problems.push(Diagnostic::file(
                shown,
                format!(
                    "file is {} bytes; atlas files may be at most {MAX_FILE_BYTES} bytes",
                    meta.len()
                ),
            ));
            return;
        }
        Ok(_) => {}
        Err(e) => {
            problems.push(Diagnostic::file(shown, format!("cannot read file: {e}")));
            return;
        }
    }
    match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => files.push(SourceFile {
                path: shown,
                kind,
                text,
            }),
            Err(e) => problems.push(Diagnostic::file(
                shown,
                format!(
                    "file is not UTF-8 text (bad byte at offset {})",
                    e.utf8_error().valid_up_to()
                ),
            )),
        },
        Err(e) => problems.push(Diagnostic::file(shown, format!("cannot read file: {e}"))),
    }
}

/// A problem for every file or folder an atlas must have but `files` lacks, named under `base`.
pub fn missing_files(base: &str, files: &[SourceFile]) -> Vec<Diagnostic> {
    let has = |kind: FileKind| files.iter().any(|f| f.kind == kind);
    let mut problems = Vec::new();
    for (name, kind) in SINGLE_FILES {
        if !has(kind) {
            problems.push(Diagnostic::file(
                format!("{base}/{name}"),
                "file is missing (every atlas needs it)",
            ));
        }
    }
    for (folder, kind) in [("figures", FileKind::Figure), ("points", FileKind::Points)] {
        if !has(kind) {
            problems.push(Diagnostic::file(
                format!("{base}/{folder}"),
                "no .ron files here (every atlas needs at least one)",
            ));
        }
    }
    problems
}
