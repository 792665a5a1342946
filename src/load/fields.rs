//! Which field each token of RON text stands in, for scans that judge strings by their field
//! without parsing: the field a too-long string stands in, the ids a broken file defines.

use super::diagnostic::TextPos;
use super::lex::{Lexer, Positions, Token};

/// Calls `visit(field, offset, string)` for every string in `text`, with the field it stands in
/// (a string in a list or an option takes the list's or option's field; at the top level the
/// field is empty). Returns whether the text ended inside a string, a comment or a bracket (as
/// a file cut short does).
pub fn for_each_string<'a>(text: &'a str, mut visit: impl FnMut(&'a str, usize, &'a str)) -> bool {
    let mut fields = FieldTracker::default();
    let mut lexer = Lexer::new(text);
    for (at, token) in lexer.by_ref() {
        if let Token::Str { text, .. } = token {
            visit(fields.current(), at, text);
        }
        fields.step(token);
    }
    lexer.was_cut() || fields.depth() > 0
}

/// The string `ron` reports a problem in at `pos` (just inside its opening quote, or on the
/// quote): the field it stands in, and the place of its opening quote.
pub fn string_at(text: &str, pos: TextPos) -> Option<(&str, TextPos)> {
    let mut fields = FieldTracker::default();
    let mut places = Positions::new(text);
    let mut last = None;
    for (at, token) in Lexer::new(text) {
        let here = places.of(at);
        if here > pos {
            break;
        }
        if matches!(token, Token::Str { .. }) {
            last = Some((fields.current(), here));
        } else {
            last = None;
        }
        fields.step(token);
    }
    last.filter(|(_, start)| start.line == pos.line)
}

/// Follows which field the tokens stand in: `name: value` sets the field at this level, an open
/// bracket starts a level inheriting it, a closing one ends it.
#[derive(Default)]
pub struct FieldTracker<'a> {
    /// The field of each open level below the top one.
    levels: Vec<&'a str>,
    top: &'a str,
    last_ident: Option<&'a str>,
}

impl<'a> FieldTracker<'a> {
    /// The field the next token stands in.
    pub fn current(&self) -> &'a str {
        self.levels.last().copied().unwrap_or(self.top)
    }

    /// How many brackets are open.
    pub fn depth(&self) -> usize {
        self.levels.len()
    }

    pub fn step(&mut self, token: Token<'a>) {
        match token {
            Token::Ident(name) => {
                self.last_ident = Some(name);
                return;
            }
            Token::Colon => {
                if let Some(name) = self.last_ident {
                    match self.levels.last_mut() {
                        Some(field) => *field = name,
                        None => self.top = name,
                    }
                }
            }
            Token::Open(_) => self.levels.push(self.current()),
            Token::Close(_) => {
                self.levels.pop();
            }
            Token::Str { .. } | Token::Comma | Token::Other => {}
        }
        self.last_ident = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_string_ron_reports_is_found_with_its_field_and_opening_quote() {
        let text = "[\n  (id: \"a\",\n   note: Some(\"n\")),\n]";
        let at = |line, col| string_at(text, TextPos { line, col }).map(|(field, _)| field);
        assert_eq!(at(2, 8), Some("id"), "on the quote");
        assert_eq!(at(2, 9), Some("id"), "just inside it");
        assert_eq!(at(3, 15), Some("note"));
        assert_eq!(at(3, 4), None, "no string at `note`");
        assert_eq!(
            string_at(text, TextPos { line: 3, col: 16 }).map(|(_, quote)| quote),
            Some(TextPos { line: 3, col: 15 })
        );
    }

    #[test]
    fn strings_take_the_field_they_stand_in_or_their_list_or_option() {
        let text = "[(id: \"a\", regions: [\"r\"], note: Some(\"n\"), at: At(\"l\")), \"top\"]";
        let mut seen = Vec::new();
        let cut = for_each_string(text, |field, _, string| seen.push((field, string)));
        assert!(!cut);
        assert_eq!(
            seen,
            [
                ("id", "a"),
                ("regions", "r"),
                ("note", "n"),
                ("at", "l"),
                ("", "top")
            ]
        );
        assert!(
            for_each_string("[(id: \"a\"", |_, _, _| {}),
            "a file cut short"
        );
    }
}
