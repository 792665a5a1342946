//! Finds where a value sits in RON text, by a path such as `[3].regions[1]`.
//!
//! serde reports syntax and type errors with their place, but checks made after parsing
//! (dangling ids, duplicates, placement) need the place of a value. This scanner walks the text
//! once, tolerantly, and records the start of every value under its path. It never fails:
//! malformed text simply ends the walk early (serde has already reported it).

use super::diagnostic::TextPos;
use std::collections::HashMap;

/// Nesting deeper than this is not walked (the RON parser refuses it first).
const MAX_DEPTH: usize = 128;

/// The positions of the values in one RON text, by path.
#[derive(Debug, Default)]
pub struct Locator {
    index: HashMap<String, TextPos>,
}

impl Locator {
    pub fn new(text: &str) -> Self {
        let mut scanner = Scanner {
            chars: text.chars().collect(),
            at: 0,
            line: 1,
            col: 1,
            index: HashMap::new(),
        };
        scanner.value(String::new(), 0);
        Locator {
            index: scanner.index,
        }
    }

    /// The place of the value at `path`, or of its nearest enclosing value that was found.
    pub fn find(&self, path: &str) -> Option<TextPos> {
        let mut path = path;
        loop {
            if let Some(pos) = self.index.get(path) {
                return Some(*pos);
            }
            if path.is_empty() {
                return None;
            }
            let cut = path.rfind(['.', '[']).unwrap_or(0);
            path = path.get(..cut).unwrap_or("");
        }
    }
}

struct Scanner {
    chars: Vec<char>,
    at: usize,
    line: usize,
    col: usize,
    index: HashMap<String, TextPos>,
}

impl Scanner {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<char> {
        self.chars.get(self.at + offset).copied()
    }

    fn bump(&mut self) -> Option<char> {
        let c = self.peek()?;
        self.at += 1;
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn pos(&self) -> TextPos {
        TextPos {
            line: self.line,
            col: self.col,
        }
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.peek(), self.peek_at(1)) {
                (Some(c), _) if c.is_whitespace() => {
                    self.bump();
                }
                (Some('/'), Some('/')) => {
                    while let Some(c) = self.bump() {
                        if c == '\n' {
                            break;
                        }
                    }
                }
                (Some('/'), Some('*')) => {
                    self.bump();
                    self.bump();
                    while self.peek().is_some() {
                        if self.peek() == Some('*') && self.peek_at(1) == Some('/') {
                            self.bump();
                            self.bump();
                            break;
                        }
                        self.bump();
                    }
                }
                (Some('#'), Some('!')) => {
                    // An extension attribute such as `#![enable(implicit_some)]`.
                    while let Some(c) = self.bump() {
                        if c == ']' {
                            break;
                        }
                    }
                }
                _ => return,
            }
        }
    }

    fn ident(&mut self) -> String {
        let mut s = String::new();
        while let Some(c) = self.peek() {
            if c.is_alphanumeric() || c == '_' {
                s.push(c);
                self.bump();
            } else {
                break;
            }
        }
        s
    }

    fn string(&mut self) -> String {
        let mut s = String::new();
        self.bump();
        while let Some(c) = self.bump() {
            match c {
                '\\' => {
                    if let Some(e) = self.bump() {
                        s.push(e);
                    }
                }
                '"' => break,
                _ => s.push(c),
            }
        }
        s
    }

    fn raw_string(&mut self) {
        self.bump(); // r
        let mut hashes = 0;
        while self.peek() == Some('#') {
            hashes += 1;
            self.bump();
        }
        self.bump(); // opening quote
        while let Some(c) = self.bump() {
            if c == '"' {
                let mut closing = 0;
                while closing < hashes && self.peek() == Some('#') {
                    closing += 1;
                    self.bump();
                }
                if closing == hashes {
                    return;
                }
            }
        }
    }

    fn value(&mut self, path: String, depth: usize) {
        self.skip_trivia();
        if depth > MAX_DEPTH {
            return;
        }
        let start = self.pos();
        self.index.entry(path.clone()).or_insert(start);
        match (self.peek(), self.peek_at(1)) {
            (Some('"'), _) => {
                self.string();
            }
            (Some('r'), Some('#' | '"')) => self.raw_string(),
            (Some('\''), _) => {
                self.bump();
                while let Some(c) = self.bump() {
                    if c == '\\' {
                        self.bump();
                    } else if c == '\'' {
                        break;
                    }
                }
            }
            (Some('['), _) => self.list(&path, depth),
            (Some('{'), _) => self.map(&path, depth),
            (Some('('), _) => self.parens(&path, depth),
            (Some(c), _) if c.is_alphabetic() || c == '_' => {
                let name = self.ident();
                self.skip_trivia();
                if name == "Some" && self.peek() == Some('(') {
                    // `Some(x)` stands for `x` itself.
                    self.bump();
                    self.value(path, depth + 1);
                    self.skip_trivia();
                    if self.peek() == Some(')') {
                        self.bump();
                    }
                } else if self.peek() == Some('(') {
                    // A named struct, an enum variant with fields, or `Some(..)`: the contents
                    // stand at the same path as the name.
                    self.parens(&path, depth);
                }
            }
            (Some(_), _) => {
                while let Some(c) = self.peek() {
                    if c.is_alphanumeric() || matches!(c, '.' | '-' | '+' | '_') {
                        self.bump();
                    } else {
                        break;
                    }
                }
                if self.pos() == start {
                    self.bump();
                }
            }
            (None, _) => {}
        }
    }

    /// Skips a separating comma; returns false at the closing bracket or the end of text.
    fn separator(&mut self, close: char) -> bool {
        self.skip_trivia();
        if self.peek() == Some(',') {
            self.bump();
            self.skip_trivia();
        }
        match self.peek() {
            Some(c) if c == close => {
                self.bump();
                false
            }
            None => false,
            Some(_) => true,
        }
    }

    fn list(&mut self, path: &str, depth: usize) {
        self.bump();
        let mut i = 0;
        self.skip_trivia();
        if self.peek() == Some(']') {
            self.bump();
            return;
        }
        loop {
            let before = self.at;
            self.value(format!("{path}[{i}]"), depth + 1);
            i += 1;
            if !self.separator(']') || self.at == before {
                return;
            }
        }
    }

    fn map(&mut self, path: &str, depth: usize) {
        self.bump();
        loop {
            self.skip_trivia();
            if self.peek() == Some('}') {
                self.bump();
                return;
            }
            let before = self.at;
            let key = if self.peek() == Some('"') {
                self.string()
            } else {
                self.ident()
            };
            self.skip_trivia();
            if self.peek() == Some(':') {
                self.bump();
            }
            self.value(format!("{path}[{key:?}]"), depth + 1);
            if !self.separator('}') || self.at == before {
                return;
            }
        }
    }

    /// Whether the parenthesised group starting here holds `field: value` pairs.
    fn is_struct_body(&self) -> bool {
        let mut k = self.at + 1;
        while self.chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        let start = k;
        while self
            .chars
            .get(k)
            .is_some_and(|c| c.is_alphanumeric() || *c == '_')
        {
            k += 1;
        }
        if k == start || self.chars.get(start).is_some_and(char::is_ascii_digit) {
            return false;
        }
        while self.chars.get(k).is_some_and(|c| c.is_whitespace()) {
            k += 1;
        }
        self.chars.get(k) == Some(&':') && self.chars.get(k + 1) != Some(&':')
    }

    fn parens(&mut self, path: &str, depth: usize) {
        let is_struct = self.is_struct_body();
        self.bump();
        self.skip_trivia();
        if self.peek() == Some(')') {
            self.bump();
            return;
        }
        let mut i = 0;
        loop {
            let before = self.at;
            if is_struct {
                self.skip_trivia();
                let field = self.ident();
                self.skip_trivia();
                if self.peek() == Some(':') {
                    self.bump();
                }
                self.value(format!("{path}.{field}"), depth + 1);
            } else {
                self.value(format!("{path}.{i}"), depth + 1);
                i += 1;
            }
            if !self.separator(')') || self.at == before {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(
        clippy::unnecessary_wraps,
        reason = "compared with `find`, which returns an Option"
    )]
    fn at(line: usize, col: usize) -> Option<TextPos> {
        Some(TextPos { line, col })
    }

    #[test]
    fn finds_fields_list_items_and_tuple_members() {
        let text = "[\n  Point(\n    code: \"BL23\",\n    regions: [\"a\", \"b\"],\n    depth: Some((1.0, 2.5)),\n  ),\n]";
        let loc = Locator::new(text);
        assert_eq!(loc.find("[0].code"), at(3, 11));
        assert_eq!(loc.find("[0].regions[1]"), at(4, 20));
        assert_eq!(loc.find("[0].depth.1"), at(5, 23));
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_parent() {
        let loc = Locator::new("[ (a: 1), (a: 2, b: [3]) ]");
        assert_eq!(loc.find("[1].b[7]"), loc.find("[1].b"));
        assert_eq!(loc.find("[9].x"), loc.find(""));
    }

    #[test]
    fn comments_and_strings_with_brackets_do_not_confuse_the_walk() {
        let text =
            "// [ not a list\n( a: \"x ) ] \\\" y\", /* ( */ b: r#\"raw \" )\"#, c: 'c', d: [1] )";
        let loc = Locator::new(text);
        assert_eq!(loc.find(".d[0]"), at(2, 57));
    }

    #[test]
    fn malformed_and_deep_text_ends_the_walk_without_panicking() {
        for text in [
            "(((((",
            "[1, 2",
            "( a: ",
            "\"unterminated",
            "r##\"x",
            "}",
            ")]:,",
        ] {
            let _ = Locator::new(text);
        }
        let deep = "[".repeat(10_000);
        let _ = Locator::new(&deep);
    }
}
