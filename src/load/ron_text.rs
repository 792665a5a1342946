//! One RON text read by `ron` into a value, or its first problem as a diagnostic at its place.

use super::diagnostic::{Diagnostic, TextPos};
use super::source::SourceFile;
use crate::model::TOO_LONG_SUBJECT;
use serde::de::DeserializeOwned;

/// RON nesting deeper than this is refused with a message (the atlas needs about 8); `ron`
/// counts it as it reads, so no input can exhaust the parser's stack.
pub const MAX_NESTING: usize = 64;

/// The value in `file`, read by `ron` with its nesting limit; the first problem becomes a
/// diagnostic at its place. The length of every string is bounded by its type
/// (`model::Bounded`, the id types), which `ron` refuses as it reads.
pub fn from_ron<T: DeserializeOwned>(file: &SourceFile) -> Result<T, Vec<Diagnostic>> {
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    options.from_str(&file.text).map_err(|e| {
        let pos = TextPos {
            line: e.span.start.line.max(1),
            col: e.span.start.col.max(1),
        };
        let (pos, message) = match nested_too_deep(&file.text) {
            // The problem ron met first may only be a consequence (a bracket where a record
            // must stand); nesting past the limit is what to fix.
            Some(deep) => (deep, describe(&ron::Error::ExceededRecursionLimit)),
            None => with_field(&file.text, pos, describe(&e.code)),
        };
        vec![Diagnostic::at(&file.path, Some(pos), message)]
    })
}

/// Where the text first nests deeper than [`MAX_NESTING`], if it does (brackets in strings,
/// characters and comments do not count). Asked only of a file `ron` has refused.
fn nested_too_deep(text: &str) -> Option<TextPos> {
    let mut depth = 0_usize;
    for (at, token) in super::lex::Lexer::new(text) {
        match token {
            super::lex::Token::Open(_) if depth >= MAX_NESTING => {
                return Some(super::lex::Positions::new(text).of(at));
            }
            super::lex::Token::Open(_) => depth += 1,
            super::lex::Token::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// A bounded string's refusal names no field (the type does not know it): name the field the
/// string stands in, found from its place in the text, and place the problem on the string's
/// opening quote (`` `english` is 1048576 characters long``).
fn with_field(text: &str, pos: TextPos, message: String) -> (TextPos, String) {
    let Some(rest) = message.strip_prefix(TOO_LONG_SUBJECT) else {
        return (pos, message);
    };
    match super::fields::string_at(text, pos) {
        Some((field, quote)) if !field.is_empty() => (quote, format!("`{field}`{rest}")),
        Some((_, quote)) => (quote, message),
        None => (pos, message),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::FileKind;

    fn file(text: &str) -> SourceFile {
        SourceFile {
            path: "x.ron".to_owned(),
            kind: FileKind::Mechanisms,
            text: text.to_owned(),
        }
    }

    #[test]
    fn nesting_past_the_limit_is_refused_by_ron_with_our_words() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let problems = from_ron::<ron::Value>(&file(&deep)).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(
            problems[0]
                .message
                .starts_with(&format!("nesting is deeper than {MAX_NESTING} levels")),
            "{}",
            problems[0]
        );
    }

    #[test]
    fn deep_nesting_where_a_record_must_stand_is_named_as_such_at_the_bracket_past_the_limit() {
        let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
        let problems = from_ron::<Vec<Named>>(&file(&deep)).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            format!(
                "x.ron:1:{}: nesting is deeper than {MAX_NESTING} levels; atlas files never need that",
                MAX_NESTING + 1
            )
        );
    }

    #[test]
    fn a_too_long_string_is_placed_on_its_quote_and_named_by_its_field() {
        let text = format!("[\n  (english: \"{}\")]", "n".repeat(300));
        let problems = from_ron::<Vec<Named>>(&file(&text)).unwrap_err();
        assert_eq!(
            problems[0].to_string(),
            "x.ron:2:13: `english` is 300 characters long; at most 200 are allowed here"
        );
    }

    #[derive(Debug, serde::Deserialize)]
    struct Named {
        #[allow(dead_code, reason = "read only to be refused")]
        english: crate::model::Name,
    }
}
