//! A lesson file read on its own (`lesson export FILE`), checked against a loaded atlas with
//! every problem at `file:line:col`, as the atlas's own lessons are.

use super::check::{Reporter, check_lesson};
use super::diagnostic::Diagnostics;
use super::file_parts::lesson_id;
use super::parse::Origin;
use super::ron_file::read_ron_file;
use super::source::FileKind;
use super::unread::Unread;
use crate::model::{Atlas, Lesson};
use std::path::Path;

/// Reads the lesson at `path` and checks it against `atlas`. Its id is its file's name.
pub fn load_lesson_file(atlas: &Atlas, path: &Path) -> Result<Lesson, Diagnostics> {
    let (mut lesson, file): (Lesson, _) = read_ron_file(path, FileKind::Lesson, "atlas files may")?;
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
