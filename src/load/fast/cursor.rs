//! A byte cursor over RON text: whitespace and comments, brackets, identifiers, strings and
//! numbers, each scanned a byte at a time over the slice. While it moves it follows which field
//! each string stands in, by the same rule as `fields::FieldTracker` (`name:` sets the field
//! of the current level, an open bracket starts a level that inherits it), so that it can hold
//! strings to `limits::max_chars` and brackets to `MAX_NESTING` as `limits::check_text` does.
//!
//! It only accepts what `ron` reads the same way: ASCII whitespace (space, tab, line feed,
//! carriage return), identifiers of ASCII letters, digits and `_`, plain decimal numbers and
//! the simple escapes. Anything else is a [`Reject`].

use super::error::Reject;
use crate::load::lex::block_comment_end;
use crate::load::limits::max_chars;
use crate::load::parse::MAX_NESTING;
use std::borrow::Cow;

type Result<T> = std::result::Result<T, Reject>;

/// Where the parser is in the text, and the field of each open bracket.
pub struct Cursor<'de> {
    text: &'de str,
    at: usize,
    /// The field of each open level below the top one.
    levels: Vec<&'de str>,
    top: &'de str,
}

/// Bytes that may start whitespace or a comment.
fn starts_trivia(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'/')
}

/// Bytes that may not follow a number or an identifier: they would make `ron` read a longer
/// token (a suffix, an exponent, a raw identifier) or a different one.
fn glues(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'+' | b'-') || !b.is_ascii()
}

impl<'de> Cursor<'de> {
    pub fn new(text: &'de str) -> Self {
        Self {
            text,
            at: 0,
            levels: Vec::with_capacity(16),
            top: "",
        }
    }

    /// The next byte, if any.
    #[inline]
    pub fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    #[inline]
    pub fn at_end(&self) -> bool {
        self.at >= self.text.len()
    }

    /// Consumes `b` if it is next.
    #[inline]
    pub fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.at += 1;
        }
        found
    }

    /// Skips whitespace and comments (block comments nest). An unclosed block comment, a lone
    /// `/` or whitespace outside ASCII's four common ones is left for the full parser. Most
    /// calls find nothing or one space (between the numbers of a figure), answered here.
    #[inline]
    pub fn skip_trivia(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        match bytes.get(self.at) {
            Some(b' ') if !bytes.get(self.at + 1).copied().is_some_and(starts_trivia) => {
                self.at += 1;
                Ok(())
            }
            Some(&b) if starts_trivia(b) => self.skip_more_trivia(),
            _ => Ok(()),
        }
    }

    /// [`Self::skip_trivia`] past more than one space.
    fn skip_more_trivia(&mut self) -> Result<()> {
        let bytes = self.text.as_bytes();
        loop {
            match bytes.get(self.at) {
                // Indentation: spaces up to eight at a time.
                Some(b' ') => {
                    self.at += match bytes.get(self.at..self.at + 8) {
                        Some(w) => {
                            let word = u64::from_le_bytes(<[u8; 8]>::try_from(w).unwrap_or([0; 8]));
                            // The first byte that is not a space ends the run.
                            ((word ^ repeat(b' ')).trailing_zeros() / 8) as usize
                        }
                        None => 1,
                    };
                }
                Some(b'\t' | b'\n' | b'\r') => self.at += 1,
                Some(b'/') => match bytes.get(self.at + 1) {
                    Some(b'/') => {
                        let rest = bytes.get(self.at..).unwrap_or_default();
                        self.at += rest.iter().position(|&b| b == b'\n').unwrap_or(rest.len());
                    }
                    Some(b'*') => self.block_comment()?,
                    _ => return Err(Reject),
                },
                _ => return Ok(()),
            }
        }
    }

    fn block_comment(&mut self) -> Result<()> {
        self.at = block_comment_end(self.text.as_bytes(), self.at).ok_or(Reject)?;
        Ok(())
    }

    /// After a value: whitespace, then a comma if there is one (and whitespace after it).
    /// Returns whether there was a comma.
    #[inline]
    pub fn comma(&mut self) -> Result<bool> {
        self.skip_trivia()?;
        let had = self.eat(b',');
        if had {
            self.skip_trivia()?;
        }
        Ok(had)
    }

    /// The field the next string stands in.
    #[inline]
    fn field(&self) -> &'de str {
        self.levels.last().copied().unwrap_or(self.top)
    }

    /// Sets the field of the current level (`name:` was read).
    #[inline]
    pub fn set_field(&mut self, name: &'de str) {
        match self.levels.last_mut() {
            Some(field) => *field = name,
            None => self.top = name,
        }
    }

    /// Consumes the opening bracket `b`, starting a level; refuses to go deeper than
    /// `MAX_NESTING`.
    #[inline]
    pub fn open(&mut self, b: u8) -> Result<()> {
        if self.peek() != Some(b) || self.levels.len() >= MAX_NESTING {
            return Err(Reject);
        }
        self.levels.push(self.field());
        self.at += 1;
        Ok(())
    }

    /// Consumes the closing bracket `b`, ending a level.
    #[inline]
    pub fn close(&mut self, b: u8) -> Result<()> {
        if !self.eat(b) {
            return Err(Reject);
        }
        self.levels.pop();
        Ok(())
    }

    /// Whether an identifier starts here.
    #[inline]
    pub fn at_ident(&self) -> bool {
        self.peek()
            .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
    }

    /// An identifier of ASCII letters, digits and `_`, not starting with a digit.
    #[inline]
    pub fn ident(&mut self) -> Result<&'de str> {
        if !self.at_ident() {
            return Err(Reject);
        }
        let start = self.at;
        let rest = self.text.as_bytes().get(start..).unwrap_or_default();
        let len = rest
            .iter()
            .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_'))
            .unwrap_or(rest.len());
        self.at += len;
        if self.peek().is_some_and(glues) {
            return Err(Reject);
        }
        self.text.get(start..self.at).ok_or(Reject)
    }

    /// A decimal number as written: `-?digits(.digits)?([eE][+-]?digits)?`, or only
    /// `-?digits` when `integer`. Not followed by anything that could continue it.
    #[inline]
    pub fn number(&mut self, integer: bool) -> Result<&'de str> {
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        at = digits(bytes, at)?;
        if !integer {
            if bytes.get(at) == Some(&b'.') {
                at = digits(bytes, at + 1)?;
            }
            if matches!(bytes.get(at), Some(b'e' | b'E')) {
                at += 1;
                if matches!(bytes.get(at), Some(b'+' | b'-')) {
                    at += 1;
                }
                at = digits(bytes, at)?;
            }
        }
        if bytes.get(at).copied().is_some_and(glues) {
            return Err(Reject);
        }
        self.at = at;
        self.text.get(start..at).ok_or(Reject)
    }

    /// A quoted string, borrowed from the text when it has no escapes. Only `\"`, `\\`, `\n`,
    /// `\r`, `\t`, `\0` and `\'` are read here. Its length as written is held to its field's
    /// limit.
    pub fn string(&mut self) -> Result<Cow<'de, str>> {
        if !self.eat(b'"') {
            return Err(Reject);
        }
        let bytes = self.text.as_bytes();
        let start = self.at;
        let mut at = next_quote_or_escape(bytes, start)?;
        let mut owned: Option<String> = None;
        while bytes.get(at) == Some(&b'\\') {
            let out = owned.get_or_insert_with(String::new);
            out.push_str(self.text.get(self.at..at).ok_or(Reject)?);
            out.push(match bytes.get(at + 1) {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'0') => '\0',
                Some(b'\'') => '\'',
                _ => return Err(Reject),
            });
            self.at = at + 2;
            at = next_quote_or_escape(bytes, self.at)?;
        }
        let raw = self.text.get(start..at).ok_or(Reject)?;
        let max = max_chars(self.field());
        // Bytes are at least characters: count characters only when it could matter.
        if raw.len() > max && raw.chars().count() > max {
            return Err(Reject);
        }
        let value = match owned {
            Some(mut out) => {
                out.push_str(self.text.get(self.at..at).ok_or(Reject)?);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(raw),
        };
        self.at = at + 1;
        Ok(value)
    }
}

/// The end of one or more ASCII digits starting at `at`.
fn digits(bytes: &[u8], at: usize) -> Result<usize> {
    let rest = bytes.get(at..).unwrap_or_default();
    let n = rest
        .iter()
        .position(|b| !b.is_ascii_digit())
        .unwrap_or(rest.len());
    if n == 0 { Err(Reject) } else { Ok(at + n) }
}

/// The offset of the next `"` or `\` from `at`; a string left open is refused. Prose is most
/// of the atlas's text, so it is read eight bytes at a time.
fn next_quote_or_escape(bytes: &[u8], at: usize) -> Result<usize> {
    let rest = bytes.get(at..).unwrap_or_default();
    let mut k = 0;
    while let Some(word) = rest.get(k..k + 8).and_then(|w| <[u8; 8]>::try_from(w).ok()) {
        let word = u64::from_le_bytes(word);
        let found = zero_bytes(word ^ repeat(b'"')) | zero_bytes(word ^ repeat(b'\\'));
        if found != 0 {
            // The lowest marked byte is the first match (marks above it may be false).
            return Ok(at + k + (found.trailing_zeros() / 8) as usize);
        }
        k += 8;
    }
    rest.get(k..)
        .unwrap_or_default()
        .iter()
        .position(|&b| b == b'"' || b == b'\\')
        .map(|j| at + k + j)
        .ok_or(Reject)
}

/// `b` in each byte of a word.
const fn repeat(b: u8) -> u64 {
    0x0101_0101_0101_0101 * b as u64
}

/// The high bit of each byte of `word` that is zero set, and maybe of bytes above the first
/// such byte; the lowest set bit always marks the first zero byte.
const fn zero_bytes(word: u64) -> u64 {
    word.wrapping_sub(repeat(1)) & !word & repeat(0x80)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_next_quote_or_escape_is_found_at_every_offset_as_a_byte_at_a_time_finds_it() {
        let text =
            "plain words, then é and 漢字 \\n an escape, \"quoted\" and more words after it\"";
        let bytes = text.as_bytes();
        for at in 0..bytes.len() {
            let slow = bytes
                .get(at..)
                .unwrap_or_default()
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .map(|k| at + k);
            assert_eq!(next_quote_or_escape(bytes, at).ok(), slow, "from {at}");
        }
        assert!(next_quote_or_escape(b"no end to this string at all", 0).is_err());
    }
}
