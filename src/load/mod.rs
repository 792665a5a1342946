//! RON files -> a checked [`Atlas`], or every problem found, each at `path:line:col`.
//!
//! Loading never panics: files that are too large, not UTF-8, malformed, too deeply nested or
//! inconsistent are all reported as [`Diagnostic`]s.

mod check;
mod diagnostic;
mod lesson_file;
mod locate;
mod parse;
mod source;

pub use diagnostic::{Diagnostic, Diagnostics, TextPos};
pub use lesson_file::load_lesson_file;
pub use locate::Locator;
pub use parse::MAX_NESTING;
pub use source::{FileKind, MAX_FILE_BYTES, SourceFile, builtin_files, kind_of};

use crate::model::Atlas;
use std::path::Path;

/// Loads the atlas compiled into the binary.
///
/// ```
/// let atlas = acupoint_atlas::load::load_builtin().expect("the built-in atlas is valid");
/// assert!(atlas.points().iter().any(|p| p.code.as_str() == "BL23"));
/// ```
pub fn load_builtin() -> Result<Atlas, Diagnostics> {
    load_files("atlas", &builtin_files())
}

/// Loads the atlas in `dir`, or the built-in atlas when there is none.
pub fn load(dir: Option<&Path>) -> Result<Atlas, Diagnostics> {
    match dir {
        Some(dir) => load_dir(dir),
        None => load_builtin(),
    }
}

/// Loads an atlas folder (`figures/`, `points/`, `regions.ron`, `conditions.ron`,
/// `mechanisms.ron`, `references.ron`, `guidance.ron`).
///
/// ```
/// let problems = acupoint_atlas::load::load_dir("no/such/folder".as_ref()).unwrap_err();
/// assert!(problems.to_string().contains("folder not found"));
/// ```
pub fn load_dir(dir: &Path) -> Result<Atlas, Diagnostics> {
    let (files, mut problems) = source::read_dir(dir);
    if problems.iter().any(|p| p.path == dir.display().to_string()) {
        return Err(finish(problems));
    }
    match load_files(&dir.display().to_string(), &files) {
        Ok(atlas) if problems.is_empty() => Ok(atlas),
        Ok(_) => Err(finish(problems)),
        Err(more) => {
            problems.extend(more.0);
            Err(finish(problems))
        }
    }
}

/// Loads an atlas from files already in memory; `base` names the folder they came from.
pub fn load_files(base: &str, files: &[SourceFile]) -> Result<Atlas, Diagnostics> {
    let (parts, origins, mut problems) = parse::parse_all(files);
    problems.extend(source::missing_files(base, files));
    if !problems.is_empty() {
        // Later checks would report ids from the broken files as dangling: fix syntax first.
        return Err(finish(problems));
    }
    let (sites, problems) = check::check(files, &parts, &origins);
    if problems.is_empty() {
        Ok(Atlas::from_checked(parts, sites))
    } else {
        Err(finish(problems))
    }
}

fn finish(mut problems: Vec<Diagnostic>) -> Diagnostics {
    problems.sort();
    problems.dedup();
    Diagnostics(problems)
}
