//! RON files -> a checked [`Atlas`], or every problem found, each at `path:line:col`.
//!
//! Loading never panics: files that are too large, not UTF-8, malformed, too deeply nested or
//! inconsistent are all reported as [`Diagnostic`]s.

mod check;
mod diagnostic;
mod fields;
mod file_parts;
mod lesson_file;
mod lex;
mod locate;
mod parse;
mod photo;
mod photo_image;
mod ron_file;
mod ron_text;
mod source;
mod unread;

pub use diagnostic::{Diagnostic, Diagnostics, TextPos};
pub use lesson_file::load_lesson_file;
pub use lex::{Lexer, Token};
pub use photo::{LoadedPhoto, image_path, load_photo_marks};
pub use photo_image::{MAX_PHOTO_PIXELS, MAX_PHOTO_SIDE, decode_photo, read_photo};
pub use ron_text::MAX_NESTING;
pub use source::{FileKind, MAX_FILE_BYTES, SourceFile, builtin_files, kind_of};

use crate::model::Atlas;
use crate::placement::FigureIndex;
use rayon::prelude::*;
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
///
/// What could not be read comes first: the problems that follow from it (references to what
/// the file defines) are folded under it as a count, not listed ahead of their cause.
pub fn load_dir(dir: &Path) -> Result<Atlas, Diagnostics> {
    let read = source::read_dir(dir);
    let mut first = read.problems;
    if first.iter().any(|p| p.path == dir.display().to_string()) {
        return Err(finish(first));
    }
    first.sort();
    first.dedup();
    match load_checked(&dir.display().to_string(), &read.files, &read.unreadable) {
        Ok(atlas) if first.is_empty() => Ok(atlas),
        Ok(_) => Err(Diagnostics(first)),
        Err(refused) => {
            let rest = refused.problems;
            if refused.following > 0
                && let Some(cause) = first.first_mut()
            {
                let n = refused.following;
                let s = if n == 1 { "" } else { "s" };
                cause.message = format!(
                    "{} (and {n} more problem{s} that follow from it, not listed: fix this first)",
                    cause.message
                );
            }
            first.extend(rest);
            Err(Diagnostics(first))
        }
    }
}

/// Loads an atlas from files already in memory; `base` names the folder they came from.
///
/// Every file that reads is checked, even when others do not: a syntax error in one file hides
/// nothing in the rest. References to ids that an unreadable file seems to define are not
/// reported as unknown (see `unread.rs`). A UTF-8 byte-order mark at the start of a file is
/// ignored.
pub fn load_files(base: &str, files: &[SourceFile]) -> Result<Atlas, Diagnostics> {
    load_checked(base, files, &[]).map_err(|refused| Diagnostics(refused.problems))
}

/// Why an atlas was refused: its problems (the files that could not be parsed first, as the
/// causes of much that follows, then the rest, each part sorted), and how many more were not
/// listed because they follow from files that could not be read.
struct Refused {
    problems: Vec<Diagnostic>,
    following: usize,
}

/// Loads `files`; `unreadable` are the kinds of files that exist but could not be read at all
/// (already reported), which are neither missing nor a source of unknown ids.
fn load_checked(
    base: &str,
    files: &[SourceFile],
    unreadable: &[FileKind],
) -> Result<Atlas, Refused> {
    let files = without_byte_order_marks(files);
    let parsed = parse::parse_all(&files);
    let causes = finish(parsed.problems).0;
    let mut problems = Vec::new();
    let mut unread = unread::Unread::default();
    for file in parsed.unread.iter().filter_map(|&i| files.get(i)) {
        unread.add_file(file.kind, &file.text);
    }
    for kind in unreadable {
        unread.add_missing(*kind);
    }
    for (kind, problem) in source::missing_files(base, &files) {
        unread.add_missing(kind);
        if !unreadable.contains(&kind) {
            problems.push(problem);
        }
    }
    // The channels and structures need only the parsed parts: they are checked beside the
    // rest, and their problems count once the rest has checked clean.
    // Both kinds of check look up landmarks and test outlines: each figure is indexed once
    // (its outlines as it was read).
    let (parts, origins) = (&parsed.parts, &parsed.origins);
    let figures: Vec<FigureIndex<'_>> = parts
        .figures
        .iter()
        .zip(parsed.outlines)
        .map(|(figure, outline)| FigureIndex::with_outline(figure, outline))
        .collect();
    // Every check but the layers' runs beside the channels and structures, each of which is
    // a job of its own on the machine's cores; their problems count once the rest is clean.
    let layer_jobs = check::LayerJobs::new(&files, parts, &figures, origins);
    let ((sites, more), layer_done) = rayon::join(
        || check::check(&files, parts, &figures, origins, &unread),
        || {
            (0..layer_jobs.count())
                .into_par_iter()
                .map(|job| layer_jobs.run(job))
                .collect()
        },
    );
    let (layers, layer_problems) = layer_jobs.finish(layer_done);
    problems.extend(more);
    // The layers' problems count once everything else checked clean and every file was read:
    // with a file unread, the points and landmarks they name may be defined there.
    let following = if unreadable.is_empty() {
        0
    } else {
        layer_problems.len()
    };
    if !causes.is_empty() || !problems.is_empty() || following > 0 {
        let mut all = causes;
        all.extend(finish(problems).0);
        return Err(Refused {
            problems: all,
            following,
        });
    }
    if !layer_problems.is_empty() {
        return Err(Refused {
            problems: finish(layer_problems).0,
            following: 0,
        });
    }
    let mut atlas = Atlas::from_checked(parsed.parts, sites);
    atlas.set_layers(layers);
    Ok(atlas)
}

/// The files with a leading byte-order mark removed (editors on Windows add one).
fn without_byte_order_marks(files: &[SourceFile]) -> std::borrow::Cow<'_, [SourceFile]> {
    const BOM: char = '\u{feff}';
    if !files.iter().any(|f| f.text.starts_with(BOM)) {
        return std::borrow::Cow::Borrowed(files);
    }
    std::borrow::Cow::Owned(
        files
            .iter()
            .map(|f| SourceFile {
                path: f.path.clone(),
                kind: f.kind,
                text: f.text.strip_prefix(BOM).unwrap_or(&f.text).to_owned(),
            })
            .collect(),
    )
}

fn finish(mut problems: Vec<Diagnostic>) -> Diagnostics {
    problems.sort();
    problems.dedup();
    Diagnostics(problems)
}
