//! One RON file the program is given on its own (a lesson to export, a photo's marks), read
//! and parsed as the atlas's own files are: bounded in size, UTF-8, a leading byte-order mark
//! ignored, and every problem at `file` or `file:line:col`.

use super::diagnostic::{Diagnostic, Diagnostics};
use super::ron_text::from_ron;
use super::source::{FileKind, SourceFile, Unreadable, read_bounded};
use serde::de::DeserializeOwned;
use std::path::Path;

/// Reads the file at `path` and parses it as a `T`. `limit` names who the size limit is for
/// in its message ("atlas files may", "a marks file may"); `kind` is what the atlas's checks
/// call the file. Returns the value and the text (for checks that point into it).
pub fn read_ron_file<T: DeserializeOwned>(
    path: &Path,
    kind: FileKind,
    limit: &str,
) -> Result<(T, SourceFile), Diagnostics> {
    let shown = path.display().to_string();
    let text = read_bounded(path, limit).map_err(|why| {
        let message = match why {
            Unreadable::NotRegular(_) => "is not a file".to_owned(),
            Unreadable::Problem(message) => message,
        };
        Diagnostics(vec![Diagnostic::file(shown.clone(), message)])
    })?;
    // Editors on Windows start a file with a byte-order mark; the atlas's files drop it too.
    let text = match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    };
    let file = SourceFile {
        path: shown,
        kind,
        text,
    };
    let value = from_ron(&file).map_err(super::finish)?;
    Ok((value, file))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PhotoMarks;

    fn read(text: &[u8]) -> Result<(PhotoMarks, SourceFile), Diagnostics> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m.ron");
        std::fs::write(&path, text).unwrap();
        read_ron_file(&path, FileKind::Lesson, "a marks file may")
    }

    #[test]
    fn a_byte_order_mark_is_ignored() {
        let text = "\u{feff}PhotoMarks(image: \"a.png\", view: \"posterior\", landmarks: {})";
        let (marks, file) = read(text.as_bytes()).unwrap();
        assert_eq!(marks.image, "a.png");
        assert!(file.text.starts_with("PhotoMarks"));
    }

    #[test]
    fn a_syntax_error_is_reported_at_its_line_and_column() {
        let err = read(b"PhotoMarks(\n  image: 3,\n)")
            .unwrap_err()
            .to_string();
        assert!(err.contains("m.ron:2:"), "{err}");
    }

    #[test]
    fn a_folder_is_not_a_file_and_a_missing_file_cannot_be_read() {
        let dir = tempfile::tempdir().unwrap();
        let folder = read_ron_file::<PhotoMarks>(dir.path(), FileKind::Lesson, "a marks file may");
        assert!(folder.unwrap_err().to_string().ends_with("is not a file"));
        let missing = dir.path().join("none.ron");
        let err = read_ron_file::<PhotoMarks>(&missing, FileKind::Lesson, "a marks file may")
            .unwrap_err()
            .to_string();
        assert!(err.contains("none.ron: cannot read file:"), "{err}");
    }

    #[test]
    fn text_that_is_not_utf8_says_where() {
        let err = read(b"Photo\xffMarks").unwrap_err().to_string();
        assert!(
            err.contains("not UTF-8 text (bad byte at offset 5)"),
            "{err}"
        );
    }
}
