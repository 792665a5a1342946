//! RON text -> the atlas's parts, each remembering the file and path it came from.

use super::diagnostic::{Diagnostic, TextPos};
use super::lex::{Lexer, Token};
use super::source::{FileKind, SourceFile};
use crate::model::AtlasParts;
use serde::de::DeserializeOwned;

/// RON nesting deeper than this is refused with a message (the atlas needs about 8).
pub const MAX_NESTING: usize = 64;

/// Where a parsed item came from: the index of its file and its path inside that file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub path: String,
}

/// The origin of every item in `AtlasParts`, in the same order.
#[derive(Clone, Debug, Default)]
pub struct Origins {
    pub figures: Vec<Origin>,
    pub points: Vec<Origin>,
    pub regions: Vec<Origin>,
    pub conditions: Vec<Origin>,
    pub mechanisms: Vec<Origin>,
    pub references: Vec<Origin>,
    pub guidance: Vec<Origin>,
}

/// What parsing every file gave: the parts read, where each came from, a problem for each file
/// that could not be read, and the indices of those files.
pub struct Parsed {
    pub parts: AtlasParts,
    pub origins: Origins,
    pub problems: Vec<Diagnostic>,
    pub unread: Vec<usize>,
}

/// Parses every file. A file with a syntax error, too deep nesting or a string longer than its
/// field allows contributes nothing; the others are all read.
pub fn parse_all(files: &[SourceFile]) -> Parsed {
    let mut parts = AtlasParts::default();
    let mut origins = Origins::default();
    let mut problems = Vec::new();
    let mut unread = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let result = match file.kind {
            FileKind::Figure => one(file, i, &mut parts.figures, &mut origins.figures),
            FileKind::Points => many(file, i, &mut parts.points, &mut origins.points),
            FileKind::Regions => many(file, i, &mut parts.regions, &mut origins.regions),
            FileKind::Conditions => many(file, i, &mut parts.conditions, &mut origins.conditions),
            FileKind::Mechanisms => many(file, i, &mut parts.mechanisms, &mut origins.mechanisms),
            FileKind::References => many(file, i, &mut parts.references, &mut origins.references),
            FileKind::Guidance => many(file, i, &mut parts.guidance, &mut origins.guidance),
        };
        if let Err(more) = result {
            problems.extend(more);
            unread.push(i);
        }
    }
    Parsed {
        parts,
        origins,
        problems,
        unread,
    }
}

fn one<T: DeserializeOwned>(
    file: &SourceFile,
    index: usize,
    out: &mut Vec<T>,
    origins: &mut Vec<Origin>,
) -> Result<(), Vec<Diagnostic>> {
    let item: T = from_ron(file)?;
    out.push(item);
    origins.push(Origin {
        file: index,
        path: String::new(),
    });
    Ok(())
}

fn many<T: DeserializeOwned>(
    file: &SourceFile,
    index: usize,
    out: &mut Vec<T>,
    origins: &mut Vec<Origin>,
) -> Result<(), Vec<Diagnostic>> {
    let items: Vec<T> = from_ron(file)?;
    origins.extend((0..items.len()).map(|i| Origin {
        file: index,
        path: format!("[{i}]"),
    }));
    out.extend(items);
    Ok(())
}

fn from_ron<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    if let Some(pos) = too_deep(&file.text) {
        return Err(vec![Diagnostic::at(
            &file.path,
            Some(pos),
            format!("nesting is deeper than {MAX_NESTING} levels; atlas files never need that"),
        )]);
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let value = options.from_str(&file.text).map_err(|e| {
        let pos = TextPos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        vec![Diagnostic::at(&file.path, Some(pos), describe(&e.code))]
    })?;
    let too_long = super::limits::check_lengths(&file.path, &file.text);
    if too_long.is_empty() {
        Ok(value)
    } else {
        Err(too_long)
    }
}

/// A ron error in words a person editing the file can act on.
fn describe(code: &ron::Error) -> String {
    match code {
        ron::Error::ExceededRecursionLimit => {
            format!("nesting is deeper than {MAX_NESTING} levels; atlas files never need that")
        }
        ron::Error::Eof => "the file ends too early (a bracket or quote is not closed)".to_owned(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "cannot read this value".to_owned(),
            }
        }
    }
}

/// Where the text first nests brackets deeper than [`MAX_NESTING`]. Brackets in strings,
/// characters and comments (block comments nest, as in RON) do not count. Checked before parsing
/// so that no input can exhaust the stack.
fn too_deep(text: &str) -> Option<TextPos> {
    let mut depth = 0usize;
    for (pos, token) in Lexer::new(text) {
        match token {
            Token::Open(_) => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(pos);
                }
            }
            Token::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_in_comments_and_strings_are_not_nesting() {
        let many = "(".repeat(MAX_NESTING + 6);
        let text = format!("/* {many} /* nested */ {many} */ [\"{many}\", r#\"{many}\"#, '(']");
        assert_eq!(too_deep(&text), None);
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        assert_eq!(
            too_deep(&deep),
            Some(TextPos {
                line: 1,
                col: MAX_NESTING + 1
            })
        );
    }
}
