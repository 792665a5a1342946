//! Bounds on the length of every string in an atlas file, by the field it stands in: ids are
//! short, names a line, prose a few paragraphs. A 7 MiB point name would otherwise pass and
//! take the window to gigabytes when shown. Every string is measured, so fields added to the
//! atlas later are bounded too (by the prose limit unless listed here).

use super::diagnostic::{Diagnostic, TextPos};
use super::fields::FieldTracker;
use super::lex::{Lexer, Positions, Token};
use super::parse::MAX_NESTING;
use crate::model::MAX_ID_CHARS;

/// Longest name (a point's English name, a landmark's, a region's, a heading), in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// Longest title or venue of a reference, in characters.
pub const MAX_TITLE_CHARS: usize = 400;
/// Longest author list or web address, in characters.
pub const MAX_LIST_CHARS: usize = 1000;
/// Longest prose (a summary, an explanation, a reason, a note), in characters.
pub const MAX_PROSE_CHARS: usize = 4000;

/// The longest string a field may hold, in characters. Strings in a list take the list's field.
pub fn max_chars(field: &str) -> usize {
    match field {
        "id" | "code" | "from" | "to" | "scale" | "regions" | "sources" | "references"
        | "points" | "placement" => MAX_ID_CHARS,
        "pinyin" | "hanzi" | "hanzi_traditional" | "english" | "name" | "plain" | "heading"
        | "doi" => MAX_NAME_CHARS,
        "title" | "venue" => MAX_TITLE_CHARS,
        "authors" | "url" => MAX_LIST_CHARS,
        _ => MAX_PROSE_CHARS,
    }
}

/// The problems found in `text` before parsing it, in one pass: nesting deeper than
/// [`MAX_NESTING`] (brackets in strings, characters and comments do not count; the scan stops
/// there, so that no input can exhaust the parser's stack) and every closed string longer than
/// its field allows (an unclosed one is the parser's to report).
pub fn check_text(path: &str, text: &str) -> Vec<Diagnostic> {
    let mut problems = Vec::new();
    let mut places = Positions::new(text);
    let mut fields = FieldTracker::default();
    for (at, token) in Lexer::new(text) {
        match token {
            Token::Open(_) if fields.depth() >= MAX_NESTING => {
                problems.push(Diagnostic::at(
                    path,
                    Some(places.of(at)),
                    format!(
                        "nesting is deeper than {MAX_NESTING} levels; atlas files never need that"
                    ),
                ));
                return problems;
            }
            Token::Str { text, closed: true } => {
                let field = fields.current();
                let max = max_chars(field);
                // Bytes are at least characters: count characters only when it could matter.
                if text.len() > max {
                    let chars = text.chars().count();
                    if chars > max {
                        problems.push(too_long(path, places.of(at), field, chars, max));
                    }
                }
            }
            _ => {}
        }
        fields.step(token);
    }
    problems
}

fn too_long(path: &str, pos: TextPos, field: &str, chars: usize, max: usize) -> Diagnostic {
    let what = if field.is_empty() {
        "text".to_owned()
    } else {
        format!("`{field}`")
    };
    Diagnostic::at(
        path,
        Some(pos),
        format!("{what} is {chars} characters long; at most {max} are allowed here"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_name_is_refused_at_the_string_and_prose_may_be_longer() {
        let name = "x".repeat(MAX_NAME_CHARS + 1);
        let prose = "y".repeat(MAX_NAME_CHARS * 3);
        let text = format!("[\n  (english: \"{name}\", summary: \"{prose}\"),\n]");
        let problems = check_text("p.ron", &text);
        assert_eq!(problems.len(), 1, "{problems:?}");
        let p = &problems[0];
        assert_eq!(p.pos, Some(TextPos { line: 2, col: 13 }));
        assert!(p.message.starts_with("`english` is 201 characters"), "{p}");
    }

    #[test]
    fn strings_in_lists_and_options_take_the_field_they_stand_in() {
        let id = "r".repeat(MAX_ID_CHARS + 1);
        let text = format!(
            "(sources: [\"ok\", \"{id}\"], note: Some(\"{}\"), placement: [At(\"{id}\")])",
            "n".repeat(MAX_PROSE_CHARS + 1)
        );
        let fields: Vec<String> = check_text("p.ron", &text)
            .iter()
            .map(|p| p.message.split('`').nth(1).unwrap_or("").to_owned())
            .collect();
        assert_eq!(fields, ["sources", "note", "placement"]);
    }

    #[test]
    fn only_real_nesting_counts() {
        let many = "(".repeat(MAX_NESTING + 6);
        let text = format!("/* {many} /* nested */ {many} */ [\"{many}\", r#\"{many}\"#, '(']");
        assert_eq!(check_text("p.ron", &text), []);
        let deep = format!(
            "{}{}",
            "[".repeat(MAX_NESTING + 1),
            "]".repeat(MAX_NESTING + 1)
        );
        let problems = check_text("p.ron", &deep);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].pos,
            Some(TextPos {
                line: 1,
                col: MAX_NESTING + 1
            })
        );
    }

    #[test]
    fn an_unclosed_string_is_left_to_the_parser() {
        let text = format!("(english: \"{}", "x".repeat(MAX_NAME_CHARS * 2));
        assert_eq!(check_text("p.ron", &text), []);
    }

    #[test]
    fn the_shipped_atlas_is_within_every_limit() {
        for file in crate::load::builtin_files() {
            assert_eq!(check_text(&file.path, &file.text), []);
        }
    }
}
