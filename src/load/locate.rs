//! Finds where values sit in RON text, by paths such as `[3].regions[1]`.
//!
//! serde reports syntax and type errors with their place, but checks made after parsing
//! (dangling ids, duplicates, placement) need the place of a value. [`locate`] walks the text
//! once for all the paths asked about, tolerantly, remembering only the places asked for: the
//! cost is linear in the text however many problems a file has. It never fails: malformed text
//! simply ends the walk early (serde has already reported it).

use super::diagnostic::TextPos;
use super::lex::{Lexer, Positions, Token};
use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;

/// Nesting deeper than this is not walked (the RON parser refuses it first).
const MAX_DEPTH: usize = 128;

/// The place of the value at each of `paths`, or of its nearest enclosing value that was found.
pub fn locate(text: &str, paths: &[&str]) -> Vec<Option<TextPos>> {
    let mut wanted = HashSet::new();
    for path in paths {
        let mut p = *path;
        loop {
            if !wanted.insert(p) || p.is_empty() {
                break;
            }
            p = parent(p);
        }
    }
    let mut walker = Walker {
        lexer: Lexer::new(text),
        places: Positions::new(text),
        ahead: VecDeque::new(),
        taken: 0,
        path: String::new(),
        wanted: &wanted,
        found: HashMap::new(),
    };
    walker.value(0);
    paths
        .iter()
        .map(|path| {
            let mut p = *path;
            loop {
                if let Some(pos) = walker.found.get(p) {
                    return Some(*pos);
                }
                if p.is_empty() {
                    return None;
                }
                p = parent(p);
            }
        })
        .collect()
}

/// The path of the enclosing value: `[3].regions[1]` -> `[3].regions` -> `[3]` -> the root.
fn parent(path: &str) -> &str {
    let cut = path.rfind(['.', '[']).unwrap_or(0);
    path.get(..cut).unwrap_or("")
}

struct Walker<'t, 'w> {
    lexer: Lexer<'t>,
    places: Positions<'t>,
    ahead: VecDeque<(usize, Token<'t>)>,
    /// Tokens consumed so far, to notice a step that made no progress.
    taken: usize,
    path: String,
    wanted: &'w HashSet<&'w str>,
    found: HashMap<String, TextPos>,
}

impl<'t> Walker<'t, '_> {
    fn peek(&mut self, n: usize) -> Option<(usize, Token<'t>)> {
        while self.ahead.len() <= n {
            let next = self.lexer.next()?;
            self.ahead.push_back(next);
        }
        self.ahead.get(n).copied()
    }

    fn peek_token(&mut self) -> Option<Token<'t>> {
        self.peek(0).map(|(_, t)| t)
    }

    fn take(&mut self) -> Option<Token<'t>> {
        self.peek(0)?;
        self.taken += 1;
        self.ahead.pop_front().map(|(_, t)| t)
    }

    fn value(&mut self, depth: usize) {
        if depth > MAX_DEPTH {
            return;
        }
        let Some((at, token)) = self.peek(0) else {
            return;
        };
        if self.wanted.contains(self.path.as_str()) && !self.found.contains_key(&self.path) {
            let pos = self.places.of(at);
            self.found.insert(self.path.clone(), pos);
        }
        match token {
            Token::Open(b'[') => self.list(depth),
            Token::Open(b'{') => self.map(depth),
            Token::Open(_) => self.parens(depth),
            Token::Ident(name) => {
                self.take();
                if self.peek_token() == Some(Token::Open(b'(')) {
                    if name == "Some" {
                        // `Some(x)` stands for `x` itself.
                        self.take();
                        self.value(depth + 1);
                        if matches!(self.peek_token(), Some(Token::Close(_))) {
                            self.take();
                        }
                    } else {
                        // A named struct or an enum variant with fields: the contents stand at
                        // the same path as the name.
                        self.parens(depth);
                    }
                }
            }
            Token::Close(_) => {}
            Token::Str { .. } | Token::Other | Token::Colon | Token::Comma => {
                self.take();
            }
        }
    }

    /// Skips a separating comma; returns false at the closing bracket or the end of text.
    fn separator(&mut self) -> bool {
        if self.peek_token() == Some(Token::Comma) {
            self.take();
        }
        match self.peek_token() {
            Some(Token::Close(_)) => {
                self.take();
                false
            }
            None => false,
            Some(_) => true,
        }
    }

    /// Walks one member at `path` + `segment`.
    fn member(&mut self, segment: std::fmt::Arguments<'_>, depth: usize) {
        let len = self.path.len();
        let _ = self.path.write_fmt(segment);
        self.value(depth + 1);
        self.path.truncate(len);
    }

    fn list(&mut self, depth: usize) {
        self.take();
        if matches!(self.peek_token(), Some(Token::Close(_))) {
            self.take();
            return;
        }
        let mut i = 0usize;
        loop {
            let before = self.taken;
            self.member(format_args!("[{i}]"), depth);
            i += 1;
            if !self.separator() || self.taken == before {
                return;
            }
        }
    }

    fn map(&mut self, depth: usize) {
        self.take();
        loop {
            if matches!(self.peek_token(), Some(Token::Close(_))) {
                self.take();
                return;
            }
            let before = self.taken;
            let key = match self.peek_token() {
                Some(Token::Str { text, .. } | Token::Ident(text)) => {
                    self.take();
                    text
                }
                _ => "",
            };
            if self.peek_token() == Some(Token::Colon) {
                self.take();
            }
            self.member(format_args!("[{key:?}]"), depth);
            if !self.separator() || self.taken == before {
                return;
            }
        }
    }

    fn parens(&mut self, depth: usize) {
        let is_struct = matches!(self.peek(1), Some((_, Token::Ident(_))))
            && matches!(self.peek(2), Some((_, Token::Colon)));
        self.take();
        if matches!(self.peek_token(), Some(Token::Close(_))) {
            self.take();
            return;
        }
        let mut i = 0usize;
        loop {
            let before = self.taken;
            if is_struct {
                let field = match self.peek_token() {
                    Some(Token::Ident(name)) => {
                        self.take();
                        name
                    }
                    _ => "",
                };
                if self.peek_token() == Some(Token::Colon) {
                    self.take();
                }
                self.member(format_args!(".{field}"), depth);
            } else {
                self.member(format_args!(".{i}"), depth);
                i += 1;
            }
            if !self.separator() || self.taken == before {
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
        reason = "compared with `locate`, which returns Options"
    )]
    fn at(line: usize, col: usize) -> Option<TextPos> {
        Some(TextPos { line, col })
    }

    fn find(text: &str, path: &str) -> Option<TextPos> {
        locate(text, &[path]).pop().flatten()
    }

    #[test]
    fn finds_fields_list_items_and_tuple_members() {
        let text = "[\n  Point(\n    code: \"BL23\",\n    regions: [\"a\", \"b\"],\n    depth: Some((1.0, 2.5)),\n  ),\n]";
        assert_eq!(
            locate(text, &["[0].code", "[0].regions[1]", "[0].depth.1"]),
            [at(3, 11), at(4, 20), at(5, 23)]
        );
    }

    #[test]
    fn a_missing_path_falls_back_to_its_nearest_parent() {
        let text = "[ (a: 1), (a: 2, b: [3]) ]";
        assert_eq!(find(text, "[1].b[7]"), find(text, "[1].b"));
        assert_eq!(find(text, "[9].x"), find(text, ""));
    }

    #[test]
    fn comments_and_strings_with_brackets_do_not_confuse_the_walk() {
        let text = "// [ not a list\n( a: \"x ) ] \\\" y\", /* ( /* ) */ */ b: r#\"raw \" )\"#, c: ')', d: [-1.5e-3, 2] )";
        assert_eq!(find(text, ".d[1]"), at(2, 74));
    }

    #[test]
    fn signed_numbers_are_one_value() {
        let text = "(v: [-3.0, +2, -inf, 4])";
        assert_eq!(find(text, ".v[3]"), at(1, 22));
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
            // Every path still gets an answer, and whatever was found is a place in the text.
            let places = locate(text, &["[0]", ".a"]);
            assert_eq!(places.len(), 2, "{text}");
            for place in places.into_iter().flatten() {
                assert_eq!(place.line, 1, "{text}");
                assert!(
                    (1..=text.chars().count()).contains(&place.col),
                    "{text}: {place:?}"
                );
            }
        }
        // Where the walk ended, a path gets its nearest enclosing value that was reached.
        assert_eq!(locate("[1, 2", &["[1]", "[5]"]), [at(1, 5), at(1, 1)]);
        assert_eq!(locate("( a: ", &[".a"]), [at(1, 1)]);
        // Deep nesting is walked down to its limit and no further.
        let deep = "[".repeat(10_000);
        assert_eq!(locate(&deep, &["[0][0][0]"]), [at(1, 4)]);
        let too_deep = "[0]".repeat(MAX_DEPTH + 10);
        assert_eq!(locate(&deep, &[&too_deep]), [at(1, MAX_DEPTH + 1)]);
    }

    #[test]
    fn many_places_in_a_large_text_are_found_in_one_walk() {
        let n = 20_000;
        let text = format!(
            "[{}]",
            (0..n)
                .map(|i| format!("(id: \"x{i}\")"))
                .collect::<Vec<_>>()
                .join(",\n")
        );
        let paths: Vec<String> = (0..n).map(|i| format!("[{i}].id")).collect();
        let refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let found = locate(&text, &refs);
        assert_eq!(found[n - 1], at(n, 6));
    }
}
