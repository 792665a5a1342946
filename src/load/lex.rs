//! A tolerant RON tokenizer: brackets, identifiers, colons, commas and strings, with their
//! places, skipping whitespace and comments (block comments nest, as in RON). It never fails
//! and never looks back, so scans built on it are linear in the text. Used to measure nesting
//! and text lengths before and after parsing, and to find the ids a broken file defines.

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
    /// A string (plain, raw or byte string) with its contents as written and their length in
    /// characters; `closed` is false when the text ends inside it.
    Str {
        text: &'a str,
        chars: usize,
        closed: bool,
    },
    /// A number, a character literal or any other character.
    Other,
}

/// Walks RON text token by token.
#[derive(Clone)]
pub struct Lexer<'a> {
    text: &'a str,
    at: usize,
    line: usize,
    col: usize,
    cut: bool,
}

impl<'a> Lexer<'a> {
    pub fn new(text: &'a str) -> Self {
        Self {
            text,
            at: 0,
            line: 1,
            col: 1,
            cut: false,
        }
    }

    /// Whether the text ended inside a string or a block comment (so the rest of it may have
    /// been swallowed).
    pub fn was_cut(&self) -> bool {
        self.cut
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn peek_at(&self, offset: usize) -> Option<u8> {
        self.text.as_bytes().get(self.at + offset).copied()
    }

    /// Moves past one byte, counting lines and characters (not bytes) for columns.
    fn bump(&mut self) -> Option<u8> {
        let b = self.peek()?;
        self.at += 1;
        if b == b'\n' {
            self.line += 1;
            self.col = 1;
        } else if b & 0xC0 != 0x80 {
            self.col += 1;
        }
        Some(b)
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
                (Some(b), _) if b.is_ascii_whitespace() => {
                    self.bump();
                }
                (Some(b'/'), Some(b'/')) => {
                    while let Some(b) = self.bump() {
                        if b == b'\n' {
                            break;
                        }
                    }
                }
                (Some(b'/'), Some(b'*')) => self.block_comment(),
                _ => return,
            }
        }
    }

    fn block_comment(&mut self) {
        self.bump();
        self.bump();
        let mut level = 1usize;
        while level > 0 {
            match (self.peek(), self.peek_at(1)) {
                (None, _) => {
                    self.cut = true;
                    return;
                }
                (Some(b'/'), Some(b'*')) => {
                    self.bump();
                    self.bump();
                    level += 1;
                }
                (Some(b'*'), Some(b'/')) => {
                    self.bump();
                    self.bump();
                    level -= 1;
                }
                _ => {
                    self.bump();
                }
            }
        }
    }

    /// A quoted string whose opening quote is next.
    fn string(&mut self) -> Token<'a> {
        self.bump();
        let start = self.at;
        let mut chars = 0;
        loop {
            match self.peek() {
                None => {
                    self.cut = true;
                    return Token::Str {
                        text: self.text.get(start..).unwrap_or(""),
                        chars,
                        closed: false,
                    };
                }
                Some(b'"') => {
                    let text = self.text.get(start..self.at).unwrap_or("");
                    self.bump();
                    return Token::Str {
                        text,
                        chars,
                        closed: true,
                    };
                }
                Some(b) => {
                    self.bump();
                    if b & 0xC0 != 0x80 {
                        chars += 1;
                    }
                    if b == b'\\' {
                        self.bump();
                    }
                }
            }
        }
    }

    /// A raw string `r#"…"#` whose `#`s (`hashes` of them) and opening quote are next.
    fn raw_string(&mut self, hashes: usize) -> Token<'a> {
        for _ in 0..=hashes {
            self.bump();
        }
        let start = self.at;
        let mut chars = 0;
        while let Some(b) = self.peek() {
            if b == b'"' && (1..=hashes).all(|k| self.peek_at(k) == Some(b'#')) {
                let text = self.text.get(start..self.at).unwrap_or("");
                for _ in 0..=hashes {
                    self.bump();
                }
                return Token::Str {
                    text,
                    chars,
                    closed: true,
                };
            }
            self.bump();
            if b & 0xC0 != 0x80 {
                chars += 1;
            }
        }
        self.cut = true;
        Token::Str {
            text: self.text.get(start..).unwrap_or(""),
            chars,
            closed: false,
        }
    }

    /// A number such as `1.5`, `-3`, `1e-45` or `inf`: one token.
    fn number(&mut self) -> Token<'a> {
        while let Some(c) = self.peek() {
            let exponent_sign = matches!(c, b'+' | b'-')
                && matches!(
                    self.text.as_bytes().get(self.at.wrapping_sub(1)),
                    Some(b'e' | b'E')
                );
            if c.is_ascii_alphanumeric() || c == b'.' || c == b'_' || exponent_sign {
                self.bump();
            } else {
                break;
            }
        }
        Token::Other
    }

    fn ident(&mut self) -> &'a str {
        let start = self.at;
        while self
            .peek()
            .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            self.bump();
        }
        self.text.get(start..self.at).unwrap_or("")
    }

    /// The number of `#`s after an `r` that opens a raw string, if one does.
    fn raw_string_hashes(&self, from: usize) -> Option<usize> {
        let mut k = from;
        while self.peek_at(k) == Some(b'#') {
            k += 1;
        }
        (self.peek_at(k) == Some(b'"')).then_some(k - from)
    }
}

impl<'a> Iterator for Lexer<'a> {
    type Item = (TextPos, Token<'a>);

    fn next(&mut self) -> Option<Self::Item> {
        self.skip_trivia();
        let pos = self.pos();
        let b = self.peek()?;
        let token = match b {
            b'(' | b'[' | b'{' => {
                self.bump();
                Token::Open(b)
            }
            b')' | b']' | b'}' => {
                self.bump();
                Token::Close(b)
            }
            b':' => {
                self.bump();
                Token::Colon
            }
            b',' => {
                self.bump();
                Token::Comma
            }
            b'"' => self.string(),
            b'r' if self.raw_string_hashes(1).is_some() => {
                self.bump();
                self.raw_string(self.raw_string_hashes(0).unwrap_or(0))
            }
            b'b' if self.peek_at(1) == Some(b'"') => {
                self.bump();
                self.string()
            }
            b'b' if self.peek_at(1) == Some(b'r') && self.raw_string_hashes(2).is_some() => {
                self.bump();
                self.bump();
                self.raw_string(self.raw_string_hashes(0).unwrap_or(0))
            }
            b'\'' => {
                self.bump();
                while let Some(c) = self.bump() {
                    match c {
                        b'\\' => {
                            self.bump();
                        }
                        b'\'' | b'\n' => break,
                        _ => {}
                    }
                }
                Token::Other
            }
            b if b.is_ascii_alphabetic() || b == b'_' => Token::Ident(self.ident()),
            b'-' | b'+'
                if self
                    .peek_at(1)
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'.') =>
            {
                self.bump();
                self.number()
            }
            b if b.is_ascii_digit() || b == b'.' => self.number(),
            _ => {
                self.bump();
                // Skip the rest of a multi-byte character.
                while self.peek().is_some_and(|c| c & 0xC0 == 0x80) {
                    self.bump();
                }
                Token::Other
            }
        };
        Some((pos, token))
    }
}

/// Calls `visit(field, place, string)` for every string in `text`, with the field it stands in
/// (a string in a list or an option takes the list's or option's field; at the top level the
/// field is empty). Returns whether the text ended inside a string or a comment.
pub fn for_each_string<'a>(
    text: &'a str,
    mut visit: impl FnMut(&'a str, TextPos, Token<'a>),
) -> bool {
    // The field each open bracket's contents belong to; index 0 is the top level.
    let mut fields: Vec<&str> = vec![""];
    let mut last_ident: Option<&str> = None;
    let mut lexer = Lexer::new(text);
    for (pos, token) in lexer.by_ref() {
        match token {
            Token::Ident(name) => {
                last_ident = Some(name);
                continue;
            }
            Token::Colon => {
                if let (Some(name), Some(field)) = (last_ident, fields.last_mut()) {
                    *field = name;
                }
            }
            Token::Open(_) => {
                let inherited = fields.last().copied().unwrap_or("");
                fields.push(inherited);
            }
            Token::Close(_) => {
                if fields.len() > 1 {
                    fields.pop();
                }
            }
            Token::Str { .. } => visit(fields.last().copied().unwrap_or(""), pos, token),
            Token::Comma | Token::Other => {}
        }
        last_ident = None;
    }
    lexer.was_cut()
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
    fn strings_are_measured_in_characters_and_placed_by_character_columns() {
        let tokens: Vec<_> = Lexer::new("(\n  n: \"Shènshū\", é: \"肾俞\")").collect();
        let strings: Vec<_> = tokens
            .iter()
            .filter_map(|(pos, t)| match t {
                Token::Str { chars, .. } => Some((pos.line, pos.col, *chars)),
                _ => None,
            })
            .collect();
        assert_eq!(strings, [(2, 6, 7), (2, 20, 2)]);
    }

    #[test]
    fn unterminated_strings_and_comments_end_the_text_without_panicking() {
        for text in ["\"abc", "r##\"x\"#", "/* /* */", "'", "b\"", "br#\"", "é"] {
            let _ = kinds(text);
        }
    }
}
