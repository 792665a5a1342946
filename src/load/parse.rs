//! RON text -> the atlas's parts, each remembering the file and path it came from.

use super::diagnostic::Diagnostic;
use super::file_parts::{FileParts, parse_each};
use super::source::SourceFile;
use crate::model::AtlasParts;
use crate::placement::OutlineIndex;

/// Where a parsed item came from: the index of its file, and its index in the file's list
/// (`None` for a file that holds one item, which the item is the whole of).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    pub file: usize,
    pub item: Option<usize>,
}

impl Origin {
    /// The path of a value inside the item (such as `.regions[1]`) from the file's top:
    /// `[item].regions[1]`.
    pub fn path_to(&self, sub: &str) -> String {
        match self.item {
            Some(i) => format!("[{i}]{sub}"),
            None => sub.to_owned(),
        }
    }
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
    pub schematics: Vec<Origin>,
    pub diagrams: Vec<Origin>,
    pub lessons: Vec<Origin>,
}

/// What parsing every file gave: the parts read, where each came from, a problem for each file
/// that could not be read, and the indices of those files.
pub struct Parsed {
    pub parts: AtlasParts,
    /// The outlines of each of `parts.figures`, indexed.
    pub outlines: Vec<OutlineIndex>,
    pub origins: Origins,
    pub problems: Vec<Diagnostic>,
    pub unread: Vec<usize>,
}

/// Parses every file. A file with a syntax error, too deep nesting or a string longer than its
/// type allows contributes nothing; the others are all read, on the machine's cores (see
/// `file_parts`); the result is the same in every order.
pub fn parse_all(files: &[SourceFile]) -> Parsed {
    let mut parsed = Parsed {
        parts: AtlasParts::default(),
        outlines: Vec::new(),
        origins: Origins::default(),
        problems: Vec::new(),
        unread: Vec::new(),
    };
    for (i, result) in parse_each(files).into_iter().enumerate() {
        let (parts, origins) = (&mut parsed.parts, &mut parsed.origins);
        match result {
            Ok(FileParts::Figure(f, outline)) => {
                // A figure file holds one figure: its origin is the whole file.
                parts.figures.push(f);
                parsed.outlines.push(outline);
                origins.figures.push(Origin {
                    file: i,
                    item: None,
                });
            }
            Ok(FileParts::Points(v)) => add(i, v, &mut parts.points, &mut origins.points),
            Ok(FileParts::Regions(v)) => add(i, v, &mut parts.regions, &mut origins.regions),
            Ok(FileParts::Conditions(v)) => {
                add(i, v, &mut parts.conditions, &mut origins.conditions);
            }
            Ok(FileParts::Mechanisms(v)) => {
                add(i, v, &mut parts.mechanisms, &mut origins.mechanisms);
            }
            Ok(FileParts::References(v)) => {
                add(i, v, &mut parts.references, &mut origins.references);
            }
            Ok(FileParts::Guidance(v)) => add(i, v, &mut parts.guidance, &mut origins.guidance),
            Ok(FileParts::Channels(v)) => add(i, v, &mut parts.channels, &mut origins.channels),
            Ok(FileParts::Anatomy(v)) => {
                add(i, v, &mut parts.structures, &mut origins.structures);
            }
            // Schematics, diagrams and lessons are one to a file, like figures.
            Ok(FileParts::Schematic(s)) => {
                add(i, vec![s], &mut parts.schematics, &mut origins.schematics);
                whole_file(&mut origins.schematics);
            }
            Ok(FileParts::Diagram(d)) => {
                add(i, vec![d], &mut parts.diagrams, &mut origins.diagrams);
                whole_file(&mut origins.diagrams);
            }
            Ok(FileParts::Lesson(l)) => {
                add(i, vec![l], &mut parts.lessons, &mut origins.lessons);
                whole_file(&mut origins.lessons);
            }
            Err(more) => {
                parsed.problems.extend(more);
                parsed.unread.push(i);
            }
        }
    }
    parsed
}

/// Makes the last origin stand for the whole file (a file that holds one item).
fn whole_file(origins: &mut [Origin]) {
    if let Some(last) = origins.last_mut() {
        last.item = None;
    }
}

/// Appends the items of a file holding a list, with their origins (`[i]` in the list).
fn add<T>(file: usize, items: Vec<T>, out: &mut Vec<T>, origins: &mut Vec<Origin>) {
    origins.extend((0..items.len()).map(|i| Origin {
        file,
        item: Some(i),
    }));
    out.extend(items);
}
