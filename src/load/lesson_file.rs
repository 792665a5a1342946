//! A lesson file read on its own (`lesson export FILE`), checked against a loaded atlas with
//! every problem at `file:line:col`, as the atlas's own lessons are.

use super::check::{Reporter, check_lesson};
use super::diagnostic::{Diagnostic, Diagnostics};
use super::file_parts::lesson_id;
use super::parse::Origin;
use super::ron_text::from_ron;
use super::source::{FileKind, MAX_FILE_BYTES, SourceFile};
use super::unread::Unread;
use crate::model::{Atlas, Lesson};
use std::path::Path;

/// Reads the lesson at `path` and checks it against `atlas`. Its id is its file's name.
pub fn load_lesson_file(atlas: &Atlas, path: &Path) -> Result<Lesson, Diagnostics> {
    let shown = path.display().to_string();
    let fail = |message: String| Diagnostics(vec![Diagnostic::file(shown.clone(), message)]);
    let meta = std::fs::metadata(path).map_err(|e| fail(format!("cannot read file: {e}")))?;
    if !meta.is_file() {
        return Err(fail("is not a file".to_owned()));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(fail(format!(
            "file is {} bytes; atlas files may be at most {MAX_FILE_BYTES} bytes",
            meta.len()
        )));
    }
    let bytes = std::fs::read(path).map_err(|e| fail(format!("cannot read file: {e}")))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(format!(
            "file is not UTF-8 text (bad byte at offset {})",
            e.utf8_error().valid_up_to()
        ))
    })?;
    let file = SourceFile {
        path: shown,
        kind: FileKind::Lesson,
        text,
    };
    let mut lesson: Lesson = from_ron(&file).map_err(super::finish)?;
    lesson.id = lesson_id(&file.path);
    let files = [file];
    let unread = Unread::default();
    let mut rep = Reporter::new(&files, &unread);
    let origin = Origin {
        file: 0,
        item: None,
    };
    check_lesson(&mut rep, atlas.parts(), &lesson, &origin);
    let problems = rep.into_problems();
    if problems.is_empty() {
        Ok(lesson)
    } else {
        Err(super::finish(problems))
    }
}
