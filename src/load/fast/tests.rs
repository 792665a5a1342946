//! The fast parser's pieces on small inputs: what it reads, what it leaves to `ron`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use super::from_str;
use crate::load::limits::{MAX_NAME_CHARS, MAX_PROSE_CHARS};
use crate::load::parse::MAX_NESTING;
use crate::model::MAX_ID_CHARS;
use serde::Deserialize;

#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Named {
    name: String,
    #[serde(default)]
    note: Option<String>,
    #[serde(default)]
    at: Option<(f32, f32)>,
    #[serde(default)]
    count: usize,
    #[serde(default)]
    shift: i32,
    #[serde(default)]
    flag: bool,
}

#[derive(Debug, PartialEq, Deserialize)]
enum Rule {
    At(String),
    Offset {
        from: String,
        #[serde(default)]
        across: f32,
    },
    Pair(String, String),
    Plain,
}

fn named(name: &str) -> Named {
    Named {
        name: name.to_owned(),
        note: None,
        at: None,
        count: 0,
        shift: 0,
        flag: false,
    }
}

#[test]
fn structs_with_or_without_their_name_and_trailing_commas() {
    let want = named("a");
    assert_eq!(from_str::<Named>("Named(name: \"a\")"), Some(want));
    assert_eq!(from_str::<Named>(" ( name : \"a\" , ) "), Some(named("a")));
    assert_eq!(
        from_str::<Named>("Other(name: \"a\")"),
        None,
        "another name"
    );
    assert_eq!(
        from_str::<Named>("(name: \"a\", extra: 1)"),
        None,
        "unknown field"
    );
    assert_eq!(from_str::<Named>("(note: None)"), None, "missing field");
    assert_eq!(
        from_str::<Named>("(name: \"a\" note: None)"),
        None,
        "no comma"
    );
    assert_eq!(from_str::<Named>("(name: \"a\",,)"), None);
    assert_eq!(from_str::<Named>("(name: \"a\") x"), None, "trailing text");
    assert_eq!(from_str::<Named>("(\"name\": \"a\")"), None, "quoted key");
}

#[test]
fn options_numbers_and_booleans() {
    let text = "(name: \"a\", note: Some(\"n\",), at: Some((1.5, -2e-3)), count: 7, shift: -3, flag: true)";
    let got = from_str::<Named>(text).unwrap();
    assert_eq!(got.note.as_deref(), Some("n"));
    assert_eq!(got.at, Some((1.5, -0.002)));
    assert_eq!((got.count, got.shift, got.flag), (7, -3, true));
    for bad in [
        "(name: \"a\", note: \"bare\")",
        "(name: \"a\", at: Some((1.5)))",
        "(name: \"a\", at: Some((1, 2, 3)))",
        "(name: \"a\", at: Some((1., 2)))",
        "(name: \"a\", at: Some((.5, 2)))",
        "(name: \"a\", at: Some((+1, 2)))",
        "(name: \"a\", at: Some((1f32, 2)))",
        "(name: \"a\", at: Some((1_0, 2)))",
        "(name: \"a\", at: Some((inf, 2)))",
        "(name: \"a\", at: Some((0x1, 2)))",
        "(name: \"a\", count: -1)",
        "(name: \"a\", count: 1.0)",
        "(name: \"a\", shift: 99999999999)",
        "(name: \"a\", flag: True)",
        "(name: \"a\", flag: truex)",
    ] {
        assert_eq!(from_str::<Named>(bad), None, "{bad}");
    }
}

#[test]
fn strings_borrow_unless_escaped_and_odd_escapes_are_left_to_ron() {
    assert_eq!(
        from_str::<Named>(r#"(name: "a \"b\" \\ \n\t")"#)
            .unwrap()
            .name,
        "a \"b\" \\ \n\t"
    );
    assert_eq!(
        from_str::<Named>("(name: \"Shènshū 肾俞\")").unwrap().name,
        "Shènshū 肾俞"
    );
    for bad in [
        r#"(name: "\u{41}")"#,
        r#"(name: "\x41")"#,
        "(name: \"a\\\n b\")",
        r##"(name: r#"raw"#)"##,
        "(name: \"open)",
        "(name: b\"bytes\")",
    ] {
        assert_eq!(from_str::<Named>(bad), None, "{bad}");
    }
}

#[test]
fn comments_and_whitespace_between_any_tokens() {
    let text = "// lead\n/* a /* nested */ b */ Named /**/ ( name // x\n : \"a\" , ) // end";
    assert_eq!(from_str::<Named>(text), Some(named("a")));
    assert_eq!(from_str::<Named>("(name: \"a\") /* open"), None);
    assert_eq!(from_str::<Named>("(name: \"a\") / "), None);
    assert_eq!(from_str::<Named>("(name:\u{b}\"a\")"), None, "vertical tab");
    assert_eq!(
        from_str::<Named>("(name:\u{a0}\"a\")"),
        None,
        "no-break space"
    );
}

#[test]
fn enums_of_every_shape() {
    let text = "[At(\"x\"), Offset(from: \"y\", across: 1.5), Offset(from: \"z\"), Pair(\"a\", \"b\",), Plain]";
    assert_eq!(
        from_str::<Vec<Rule>>(text),
        Some(vec![
            Rule::At("x".into()),
            Rule::Offset {
                from: "y".into(),
                across: 1.5
            },
            Rule::Offset {
                from: "z".into(),
                across: 0.0
            },
            Rule::Pair("a".into(), "b".into()),
            Rule::Plain,
        ])
    );
    for bad in [
        "[Nope]",
        "[Plain()]",
        "[At]",
        "[At(\"x\" \"y\")]",
        "[r#At(\"x\")]",
        "[At-(\"x\")]",
    ] {
        assert_eq!(from_str::<Vec<Rule>>(bad), None, "{bad}");
    }
}

#[test]
fn strings_are_held_to_the_limit_of_the_field_they_stand_in() {
    let ok = "x".repeat(MAX_NAME_CHARS);
    let long = "x".repeat(MAX_NAME_CHARS + 1);
    assert!(from_str::<Named>(&format!("(name: \"{ok}\")")).is_some());
    assert!(from_str::<Named>(&format!("(name: \"{long}\")")).is_none());
    // Characters count, not bytes; and escapes count as written.
    let wide = "é".repeat(MAX_NAME_CHARS);
    assert!(from_str::<Named>(&format!("(name: \"{wide}\")")).is_some());
    let escaped = "\\n".repeat(MAX_NAME_CHARS / 2 + 1);
    assert!(from_str::<Named>(&format!("(name: \"{escaped}\")")).is_none());
    // An option's string takes the option's field; a list's its list's.
    let prose = "p".repeat(MAX_PROSE_CHARS);
    assert!(from_str::<Named>(&format!("(name: \"a\", note: Some(\"{prose}\"))")).is_some());
    let id = "i".repeat(MAX_ID_CHARS + 1);
    let text = format!("[Offset(from: \"{id}\")]");
    assert!(from_str::<Vec<Rule>>(&text).is_none());
    assert!(
        from_str::<Vec<Rule>>(&format!("[At(\"{id}\")]")).is_some(),
        "top field"
    );
}

#[derive(Debug, PartialEq, Deserialize)]
struct Tree {
    kids: Vec<Tree>,
}

fn tree(depth: usize) -> String {
    format!(
        "{}(kids: []){}",
        "(kids: [".repeat(depth),
        "])".repeat(depth)
    )
}

#[test]
fn deep_nesting_is_refused_without_recursing_deeply() {
    assert!(from_str::<Tree>(&tree(8)).is_some());
    assert!(from_str::<Tree>(&tree(100_000)).is_none());
    // Each level of a tree spends four of ron's recursion levels: far below MAX_NESTING
    // brackets, the fast path stops first.
    assert!(from_str::<Tree>(&tree(MAX_NESTING / 4)).is_none());
}

#[test]
fn empty_or_odd_text_never_panics() {
    for text in [
        "", " ", "(", "\"", "/", "/*", "-", "1e", "é", "Named", "Named(", "(name:",
    ] {
        assert_eq!(from_str::<Named>(text), None, "{text:?}");
    }
}
