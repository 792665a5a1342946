//! RON text -> the atlas's parts, each remembering the file and path it came from.

use super::diagnostic::{Diagnostic, TextPos};
use super::parallel::{FileParts, parse_each};
use super::source::SourceFile;
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
    pub channels: Vec<Origin>,
    pub structures: Vec<Origin>,
}

/// Parses every file (on two threads when there is enough text); returns what parsed and a
/// diagnostic for every file that did not.
pub fn parse_all(files: &[SourceFile]) -> (AtlasParts, Origins, Vec<Diagnostic>) {
    let mut parts = AtlasParts::default();
    let mut origins = Origins::default();
    let mut problems = Vec::new();
    for (i, result) in parse_each(files).into_iter().enumerate() {
        let (p, o) = (&mut parts, &mut origins);
        match result {
            Ok(FileParts::Figure(figure)) => {
                // A figure file holds one figure: its origin is the whole file.
                p.figures.push(figure);
                o.figures.push(Origin {
                    file: i,
                    path: String::new(),
                });
            }
            Ok(FileParts::Points(v)) => add(i, v, &mut p.points, &mut o.points),
            Ok(FileParts::Regions(v)) => add(i, v, &mut p.regions, &mut o.regions),
            Ok(FileParts::Conditions(v)) => add(i, v, &mut p.conditions, &mut o.conditions),
            Ok(FileParts::Mechanisms(v)) => add(i, v, &mut p.mechanisms, &mut o.mechanisms),
            Ok(FileParts::References(v)) => add(i, v, &mut p.references, &mut o.references),
            Ok(FileParts::Guidance(v)) => add(i, v, &mut p.guidance, &mut o.guidance),
            Ok(FileParts::Channels(v)) => add(i, v, &mut p.channels, &mut o.channels),
            Ok(FileParts::Anatomy(v)) => add(i, v, &mut p.structures, &mut o.structures),
            Err(d) => problems.push(d),
        }
    }
    (parts, origins, problems)
}

/// Adds the items of file `index` with their origins (`[0]`, `[1]`, …).
fn add<T>(index: usize, items: Vec<T>, out: &mut Vec<T>, origins: &mut Vec<Origin>) {
    origins.extend((0..items.len()).map(|i| Origin {
        file: index,
        path: format!("[{i}]"),
    }));
    out.extend(items);
}

pub(super) fn from_ron<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Diagnostic> {
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

/// The bytes the nesting scan stops at: quotes, slashes and brackets.
static SCANNED: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    let stops = *b"\"/([{)]}";
    while i < stops.len() {
        table[stops[i] as usize] = true;
        i += 1;
    }
    table
};

/// Where the text first nests brackets deeper than [`MAX_NESTING`], skipping strings and
/// comments. Checked before parsing so that no input can exhaust the stack. Scans bytes (every
/// byte that matters is ASCII, and UTF-8 never hides one inside a longer character); the line
/// and column are worked out only for the place reported.
fn too_deep(text: &str) -> Option<TextPos> {
    let bytes = text.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    loop {
        // Most bytes are none of the few that matter: skip them in a tight loop.
        while bytes
            .get(i)
            .is_some_and(|b| !SCANNED.get(usize::from(*b)).copied().unwrap_or(false))
        {
            i += 1;
        }
        let &b = bytes.get(i)?;
        match b {
            b'"' => {
                // Skip the string, escapes included.
                i += 1;
                while let Some(&c) = bytes.get(i) {
                    match c {
                        b'\\' => i += 2,
                        b'"' => break,
                        _ => i += 1,
                    }
                }
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                while bytes.get(i).is_some_and(|c| *c != b'\n') {
                    i += 1;
                }
            }
            b'(' | b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    return Some(position_of(text, i));
                }
            }
            b')' | b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
}

/// The 1-based line and column (in characters) of a byte offset.
fn position_of(text: &str, offset: usize) -> TextPos {
    let before = text.get(..offset).unwrap_or(text);
    let line_start = before.rfind('\n').map_or(0, |n| n + 1);
    TextPos {
        line: before.matches('\n').count() + 1,
        col: before.get(line_start..).map_or(0, |l| l.chars().count()) + 1,
    }
}
