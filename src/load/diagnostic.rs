//! One problem found in an atlas, reported as `path:line:col: message`.

use std::fmt;

/// A place in a file: 1-based line and column.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct TextPos {
    pub line: usize,
    pub col: usize,
}

/// A problem in an atlas file, with its place where it has one.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Diagnostic {
    /// The file as the user named it (or the folder, for a missing folder).
    pub path: String,
    pub pos: Option<TextPos>,
    pub message: String,
}

impl Diagnostic {
    pub fn at(path: impl Into<String>, pos: Option<TextPos>, message: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            pos,
            message: message.into(),
        }
    }

    /// A problem with a whole file or folder.
    pub fn file(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::at(path, None, message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.pos {
            Some(p) => write!(f, "{}:{}:{}: {}", self.path, p.line, p.col, self.message),
            None => write!(f, "{}: {}", self.path, self.message),
        }
    }
}

/// Every problem found while loading an atlas. Never empty when returned as an error.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{}", render(.0))]
pub struct Diagnostics(pub Vec<Diagnostic>);

fn render(list: &[Diagnostic]) -> String {
    list.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

impl Diagnostics {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }
}
