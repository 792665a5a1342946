//! What the files that could not be read might have defined. A syntax error in one file must
//! not hide the problems of the others, but the others' references to ids that the broken file
//! defines must not be reported as unknown either: those ids are found by tokens alone (every
//! string in an `id` or `code` field, whatever the syntax error), and references to them are
//! left unreported until the file reads again. A file cut short (it ends inside a bracket, a
//! string or a comment) may have defined anything of its kinds, as may a missing one.

use super::fields::for_each_string;
use super::source::FileKind;
use std::collections::HashSet;

/// The kinds of ids an atlas defines and refers to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum IdKind {
    Figure,
    Landmark,
    Span,
    Point,
    Region,
    Condition,
    Mechanism,
    Reference,
    Schematic,
}

/// The kinds of ids a file of this kind defines.
fn defines(kind: FileKind) -> &'static [IdKind] {
    match kind {
        FileKind::Figure => &[IdKind::Figure, IdKind::Landmark, IdKind::Span],
        FileKind::Points => &[IdKind::Point],
        FileKind::Regions => &[IdKind::Region],
        FileKind::Conditions => &[IdKind::Condition],
        FileKind::Mechanisms => &[IdKind::Mechanism],
        FileKind::References => &[IdKind::Reference],
        // Nothing outside these files names a channel or a structure, and their own problems
        // count only once every other file reads and checks clean.
        FileKind::Guidance
        | FileKind::Channels
        | FileKind::Anatomy
        | FileKind::Diagram
        | FileKind::Lesson => &[],
        FileKind::Schematic => &[IdKind::Schematic],
    }
}

/// The ids that unread files may define.
#[derive(Debug, Default)]
pub struct Unread {
    /// Kinds of which any id may be defined (a file is missing, or its text was cut short).
    every: HashSet<IdKind>,
    ids: HashSet<(IdKind, String)>,
}

impl Unread {
    /// Notes a file that could not be read, and the ids it seems to define.
    pub fn add_file(&mut self, kind: FileKind, text: &str) {
        let kinds = defines(kind);
        let mut found = Vec::new();
        let cut = for_each_string(text, |field, _, string| {
            if matches!(field, "id" | "code") {
                found.push(string);
            }
        });
        if cut {
            // The file was cut short, or the rest of it hides in an unclosed string or
            // comment: it may have defined any id of its kinds.
            self.every.extend(kinds.iter().copied());
        }
        for id in found {
            for k in kinds {
                self.ids.insert((*k, id.to_owned()));
            }
        }
    }

    /// Notes that an atlas has no file of this kind at all.
    pub fn add_missing(&mut self, kind: FileKind) {
        self.every.extend(defines(kind).iter().copied());
    }

    /// Whether an unread file may define this id.
    pub fn may_define(&self, kind: IdKind, id: &str) -> bool {
        self.every.contains(&kind) || self.ids.contains(&(kind, id.to_owned()))
    }
}
