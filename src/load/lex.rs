//! A tolerant RON tokenizer: brackets, identifiers, colons, commas and strings, with their byte
//! offsets, skipping whitespace and comments (block comments nest, as in RON). It never fails
//! and never looks back, so scans built on it are linear in the text; lines and columns are
//! worked out only for the few offsets that are reported ([`Positions`]). Used to word a refused
//! file's problem (its nesting, the field of a too-long string, with `fields.rs`), to find values
//! after parsing, to find the ids a broken file defines, and to salvage a damaged settings file.

use super::diagnostic::TextPos;

/// One token of RON text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Token<'a> {
    /// `(`, `[` or `{`.
    Open(u8),
    /// `)`, `]` or `}`.
    Close(u8),
    Ident(&'a str),
    Colon,
    Comma,
    /// A string (plain, raw or byte string) with its contents as written; `closed` is false
    /// when the text ends inside it.
    Str {
        text: &'a str,
        closed: bool,
    },
    /// A number, a character literal or any other character.
    Other,
}

/// Walks RON text token by token, giving each token's byte offset.
#[derive(Clone)]
pub struct Lexer<'a> {
    text: &'a str,
    at: usize,
    cut: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            cut: false,
        }
    }

    /// Whether the text ended inside a string or a block comment (so the rest of it may have
    /// been swallowed).
    pub fn was_cut(&self) -> bool {
        self.cut
    }

    fn byte(&self, at: usize) -> Option<u8> {
        self.text.as_bytes().get(at).copied()
    }

    fn slice(&self, from: usize, to: usize) -> &'a str {
        self.text.get(from..to).unwrap_or("")
    }

    fn skip_trivia(&mut self) {
        loop {
            match (self.byte(self.at), self.byte(self.at + 1)) {
                (Some(b), _) if b.is_ascii_whitespace() => self.at += 1,
                (Some(b'/'), Some(b'/')) => {
                    let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
                    self.at += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                }
                (Some(b'/'), Some(b'*')) => self.block_comment(),
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        if let Some(end) = block_comment_end(self.text.as_bytes(), self.at) {
            self.at = end;
        } else {
            self.at = self.text.len();
            self.cut = true;
        }
    }

    /// A quoted string whose opening quote is at `self.at`.
    fn string(&mut self) -> Token<'a> {
        self.at += 1;
        let start = self.at;
        loop {
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            match rest.iter().position(|&b| b == b'"' || b == b'\\') {
                None => {
                    self.at = self.text.len();
                    self.cut = true;
                    return Token::Str {
                        text: self.slice(start, self.at),
                        closed: false,
                    };
                }
                Some(k) => {
                    self.at += k;
                    if self.byte(self.at) == Some(b'\\') {
                        self.at = (self.at + 2).min(self.text.len());
                    } else {
                        let text = self.slice(start, self.at);
                        self.at += 1;
                        return Token::Str { text, closed: true };
                    }
                }
            }
        }
    }

    /// A raw string `r#"…"#` whose `#`s (`hashes` of them) and opening quote are at `self.at`.
    fn raw_string(&mut self, hashes: usize) -> Token<'a> {
        self.at += hashes + 1;
        let start = self.at;
        loop {
            let rest = self.text.as_bytes().get(self.at..).unwrap_or_default();
            let Some(k) = rest.iter().position(|&b| b == b'"') else {
                self.at = self.text.len();
                self.cut = true;
                return Token::Str {
                    text: self.slice(start, self.at),
                    closed: false,
                };
            };
            self.at += k;
            if (1..=hashes).all(|h| self.byte(self.at + h) == Some(b'#')) {
                let text = self.slice(start, self.at);
                self.at += hashes + 1;
                return Token::Str { text, closed: true };
            }
            self.at += 1;
        }
    }

    fn run_while(&mut self, keep: impl Fn(u8, Option<u8>) -> bool) {
        while let Some(b) = self.byte(self.at) {
            let before = self.at.checked_sub(1).and_then(|i| self.byte(i));
            if !keep(b, before) {
                return;
            }
            self.at += 1;
        }
    }

    /// The number of `#`s after `from` if a raw string's quote follows them.
    fn raw_string_hashes(&self, from: usize) -> Option<usize> {
        let mut k = from;
        while self.byte(k) == Some(b'#') {
            k += 1;
        }
        (self.byte(k) == Some(b'"')).then_some(k - from)
    }
}

fn is_ident_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Bytes of a number such as `1.5`, `1e-45`, `0x1F` or `inf` (a sign after an exponent counts).
fn is_number_byte(b: u8, before: Option<u8>) -> bool {
    is_ident_byte(b)
        || b == b'.'
        || (matches!(b, b'+' | b'-') && matches!(before, Some(b'e' | b'E')))
}

impl<'a> Iterator for Lexer<'a> {
    type Item = (usize, Token<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_trivia();
        let start = self.at;
        let b = self.byte(start)?;
        let next = self.byte(start + 1);
        let token = match b {
            b'(' | b'[' | b'{' => {
                self.at += 1;
                Token::Open(b)
            }
            b')' | b']' | b'}' => {
                self.at += 1;
                Token::Close(b)
            }
            b':' => {
                self.at += 1;
                Token::Colon
            }
            b',' => {
                self.at += 1;
                Token::Comma
            }
            b'"' => self.string(),
            b'r' if self.raw_string_hashes(start + 1).is_some() => {
                self.at += 1;
                self.raw_string(self.raw_string_hashes(self.at).unwrap_or(0))
            }
            b'b' if next == Some(b'"') => {
                self.at += 1;
                self.string()
            }
            b'b' if next == Some(b'r') && self.raw_string_hashes(start + 2).is_some() => {
                self.at += 2;
                self.raw_string(self.raw_string_hashes(self.at).unwrap_or(0))
            }
            b'\'' => {
                self.at += 1;
                while let Some(c) = self.byte(self.at) {
                    self.at += 1;
                    match c {
                        b'\\' => self.at += 1,
                        b'\'' | b'\n' => break,
                        _ => {}
                    }
                }
                self.at = self.at.min(self.text.len());
                Token::Other
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                self.run_while(|c, _| is_ident_byte(c));
                Token::Ident(self.slice(start, self.at))
            }
            b'-' | b'+' if next.is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.') => {
                self.at += 1;
                self.run_while(is_number_byte);
                Token::Other
            }
            b if b.is_ascii_digit() || b == b'.' => {
                self.run_while(is_number_byte);
                Token::Other
            }
            _ => {
                // One character, however many bytes it takes.
                self.at += 1;
                self.run_while(|c, _| c & 0xC0 == 0x80);
                Token::Other
            }
        };
        Some((start, token))
    }
}

/// Turns byte offsets into lines and columns (columns count characters), cheaply for offsets
/// asked in increasing order, as scans report them.
pub struct Positions<'a> {
    text: &'a str,
    /// The last offset answered and its place.
    at: usize,
    pos: TextPos,
}

impl<'a> Positions<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            pos: TextPos { line: 1, col: 1 },
        }
    }

    /// The line and column of byte `offset`.
    pub fn of(&mut self, offset: usize) -> TextPos {
        if offset < self.at {
            *self = Self::new(self.text);
        }
        let between = self
            .text
            .as_bytes()
            .get(self.at..offset)
            .unwrap_or_default();
        for &b in between {
            if b == b'\n' {
                self.pos.line += 1;
                self.pos.col = 1;
            } else if b & 0xC0 != 0x80 {
                self.pos.col += 1;
            }
        }
        self.at = offset.max(self.at);
        self.pos
    }
}

/// Where the block comment opening at `at` (on its `/*`) ends, just past its `*/`; comments
/// nest, as in RON. `None` when the text ends inside it.
pub(super) fn block_comment_end(bytes: &[u8], mut at: usize) -> Option<usize> {
    at += 2;
    let mut level = 1usize;
    while level > 0 {
        let rest = bytes.get(at..).unwrap_or_default();
        at += rest.iter().position(|&b| b == b'/' || b == b'*')?;
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'/'), Some(b'*')) => {
                at += 2;
                level += 1;
            }
            (Some(b'*'), Some(b'/')) => {
                at += 2;
                level -= 1;
            }
            _ => at += 1,
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<Token<'_>> {
        Lexer::new(text).map(|(_, t)| t).collect()
    }

    #[test]
    fn brackets_in_comments_strings_and_characters_are_not_tokens() {
        let text = "/* ( /* [ */ ( */ ( a: \"((\", b: r#\"[\"]\"#, c: '(', d: 1e-5 ) // (";
        let opens = kinds(text)
            .iter()
            .filter(|t| matches!(t, Token::Open(_)))
            .count();
        assert_eq!(opens, 1);
    }

    #[test]
    fn strings_are_placed_by_character_columns() {
        let text = "(\n  n: \"Shènshū\", é: \"肾俞\")";
        let mut places = Positions::new(text);
        let strings: Vec<_> = Lexer::new(text)
            .filter_map(|(at, t)| match t {
                Token::Str { text, .. } => Some((places.of(at), text)),
                _ => None,
            })
            .collect();
        let at = |line, col| TextPos { line, col };
        assert_eq!(strings, [(at(2, 6), "Shènshū"), (at(2, 20), "肾俞")]);
        assert_eq!(places.of(0), at(1, 1), "an earlier offset starts again");
    }

    #[test]
    fn escaped_quotes_stay_inside_their_string() {
        assert_eq!(
            kinds(r#""a \" b", x"#),
            [
                Token::Str {
                    text: r#"a \" b"#,
                    closed: true
                },
                Token::Comma,
                Token::Ident("x")
            ]
        );
    }

    #[test]
    fn unterminated_strings_and_comments_end_the_text_without_panicking() {
        for text in [
            "\"abc",
            "\"ab\\",
            "r##\"x\"#",
            "/* /* */",
            "'",
            "'\\",
            "b\"",
            "br#\"",
            "é",
        ] {
            let mut lexer = Lexer::new(text);
            let _ = lexer.by_ref().count();
        }
        let mut lexer = Lexer::new("( \"open");
        let _ = lexer.by_ref().count();
        assert!(lexer.was_cut());
    }
}
