//! RON text -> the atlas's parts, each remembering the file and path it came from.

use super::diagnostic::{Diagnostic, TextPos};
use super::source::{FileKind, SourceFile};
use crate::model::{AtlasParts, Lesson, LessonId};
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
    pub schematics: Vec<Origin>,
    pub diagrams: Vec<Origin>,
    pub lessons: Vec<Origin>,
}

/// Parses every file; returns what parsed and a diagnostic for every file that did not.
pub fn parse_all(files: &[SourceFile]) -> (AtlasParts, Origins, Vec<Diagnostic>) {
    let mut parts = AtlasParts::default();
    let mut origins = Origins::default();
    let mut problems = Vec::new();
    for (i, file) in files.iter().enumerate() {
        let result = match file.kind {
            FileKind::Figure => one(file, i, &mut parts.figures, &mut origins.figures),
            FileKind::Points => many(file, i, &mut parts.points, &mut origins.points),
            FileKind::Regions => many(file, i, &mut parts.regions, &mut origins.regions),
            FileKind::Conditions => many(file, i, &mut parts.conditions, &mut origins.conditions),
            FileKind::Mechanisms => many(file, i, &mut parts.mechanisms, &mut origins.mechanisms),
            FileKind::References => many(file, i, &mut parts.references, &mut origins.references),
            FileKind::Guidance => many(file, i, &mut parts.guidance, &mut origins.guidance),
            FileKind::Schematic => one(file, i, &mut parts.schematics, &mut origins.schematics),
            FileKind::Diagram => one(file, i, &mut parts.diagrams, &mut origins.diagrams),
            FileKind::Lesson => lesson(file, i, &mut parts.lessons, &mut origins.lessons),
        };
        if let Err(d) = result {
            problems.push(d);
        }
    }
    (parts, origins, problems)
}

fn one<T: DeserializeOwned>(
    file: &SourceFile,
    index: usize,
    out: &mut Vec<T>,
    origins: &mut Vec<Origin>,
) -> Result<(), Diagnostic> {
    let item: T = from_ron(file)?;
    out.push(item);
    origins.push(Origin {
        file: index,
        path: String::new(),
    });
    Ok(())
}

/// A lesson file: one lesson, named by its file.
fn lesson(
    file: &SourceFile,
    index: usize,
    out: &mut Vec<Lesson>,
    origins: &mut Vec<Origin>,
) -> Result<(), Diagnostic> {
    let mut lesson: Lesson = from_ron(file)?;
    lesson.id = lesson_id(&file.path);
    out.push(lesson);
    origins.push(Origin {
        file: index,
        path: String::new(),
    });
    Ok(())
}

/// A lesson's id: its file's name without the folder and `.ron`.
pub fn lesson_id(path: &str) -> LessonId {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    LessonId::new(name.strip_suffix(".ron").unwrap_or(name))
}

fn many<T: DeserializeOwned>(
    file: &SourceFile,
    index: usize,
    out: &mut Vec<T>,
    origins: &mut Vec<Origin>,
) -> Result<(), Diagnostic> {
    let items: Vec<T> = from_ron(file)?;
    origins.extend((0..items.len()).map(|i| Origin {
        file: index,
        path: format!("[{i}]"),
    }));
    out.extend(items);
    Ok(())
}

pub fn from_ron<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
    if let Some(pos) = too_deep(&file.text) {
        return Err(Diagnostic::at(
            &file.path,
            Some(pos),
            format!("nesting is deeper than {MAX_NESTING} levels; atlas files never need that"),
        ));
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    options.from_str(&file.text).map_err(|e| {
        let pos = TextPos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        Diagnostic::at(&file.path, Some(pos), describe(&e.code))
    })
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

/// Where the text first nests brackets deeper than [`MAX_NESTING`], skipping strings and
/// comments. Checked before parsing so that no input can exhaust the stack.
fn too_deep(text: &str) -> Option<TextPos> {
    let mut depth = 0usize;
    let (mut line, mut col) = (1usize, 0usize);
    let mut chars = text.chars().peekable();
    let mut in_string = false;
    while let Some(c) = chars.next() {
        if c == '\n' {
            line += 1;
            col = 0;
        } else {
            col += 1;
        }
        if in_string {
            match c {
                '\\' => {
                    chars.next();
                    col += 1;
                }
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        line += 1;
                        col = 0;
                        break;
                    }
                }
            }
            '(' | '[' | '{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(TextPos { line, col });
                }
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}
