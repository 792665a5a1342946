//! Tests of the tagged PDF: read back from the written file (content streams uncompressed) the
//! catalogue's marks of a tagged document, the structure tree in reading order, each figure's
//! words, and that every text is inside marked content.

use super::*;
use crate::model::PointCode;
use crate::render::{HandoutDetails, Paper, Renderer, handout_pages, paper_points};

/// One structure element under the document: its type, its title or alt text, its content.
#[derive(Debug)]
struct Element {
    kind: String,
    words: String,
    mcids: usize,
}

/// The body of object `n` (`n 0 obj … endobj`).
fn object(pdf: &str, n: &str) -> String {
    let head = format!("\n{n} 0 obj\n");
    let at = pdf.find(&head).unwrap() + head.len();
    let end = pdf[at..].find("endobj").unwrap();
    pdf[at..at + end].to_owned()
}

/// The text between `key` and the `close` after it.
fn field<'a>(dict: &'a str, key: &str, close: char) -> Option<&'a str> {
    let at = dict.find(key)? + key.len();
    let end = dict[at..].find(close)?;
    Some(&dict[at..at + end])
}

/// The elements under the document's root element, in the order the tree gives them.
fn reading_order(pdf: &[u8]) -> Vec<Element> {
    let pdf = String::from_utf8_lossy(pdf);
    let root = pdf.find("/S/Document").expect("no Document element");
    let kids = field(&pdf[root..], "/K[", ']').unwrap();
    kids.split(" 0 R")
        .map(str::trim)
        .filter(|n| !n.is_empty())
        .map(|n| {
            let dict = object(&pdf, n);
            let kind = field(&dict, "/S/", '/').unwrap().to_owned();
            let words = field(&dict, "/T(", ')')
                .or_else(|| field(&dict, "/Alt(", ')'))
                .unwrap_or_default()
                .to_owned();
            let mcids = field(&dict, "/K[", ']').map_or(0, |k| k.split_whitespace().count());
            Element { kind, words, mcids }
        })
        .collect()
}

/// A four-point handout's first page as an uncompressed PDF.
fn handout_pdf() -> Vec<u8> {
    let atlas = crate::load::load_builtin().unwrap();
    let plan: Vec<PointCode> = ["BL23", "BL40", "KI3", "LI4"].map(PointCode::new).to_vec();
    let details = HandoutDetails {
        date: "2026-12-06".into(),
        ..HandoutDetails::default()
    };
    let mut renderer = Renderer::new();
    let page = handout_pages(&mut renderer, &atlas, &plan, &details, Paper::A4, None)
        .unwrap()
        .remove(0);
    write_with(
        &[Sheet::whole(page, paper_points(Paper::A4))],
        "Handout",
        false,
    )
    .unwrap()
}

#[test]
fn the_handout_pdf_is_marked_tagged_in_english_with_its_title_shown() {
    let pdf = handout_pdf();
    let text = String::from_utf8_lossy(&pdf);
    let catalog = text.find("/Type/Catalog").unwrap();
    let catalog = field(&text[catalog..], "", '\n').unwrap();
    for wanted in [
        "/StructTreeRoot",
        "/MarkInfo<</Marked true",
        "/Lang(en)",
        "/DisplayDocTitle true",
        "/Outlines",
    ] {
        assert!(catalog.contains(wanted), "{wanted} not in {catalog}");
    }
}

#[test]
fn the_handout_reads_title_then_figures_then_each_heading_before_its_text() {
    let order = reading_order(&handout_pdf());
    let kinds: Vec<&str> = order.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds.first(), Some(&"H1"), "{order:?}");
    assert_eq!(order[0].words, "Your acupuncture points");
    let back = order
        .iter()
        .position(|e| e.kind == "Figure" && e.words.starts_with("Back of the body with points"))
        .unwrap_or_else(|| panic!("no figure of the back said in words: {order:?}"));
    assert!(
        order[back].words.contains("1 BL23, beside your spine"),
        "{}",
        order[back].words
    );
    let card = order
        .iter()
        .position(|e| e.kind == "H2" && e.words.starts_with("1. Beside your spine"))
        .unwrap_or_else(|| panic!("no heading for the first card: {order:?}"));
    assert!(back < card, "the figures come before the cards: {order:?}");
    assert_eq!(kinds.get(card + 1), Some(&"P"), "{order:?}");
    assert!(kinds.contains(&"H2") && kinds.iter().filter(|k| **k == "P").count() > 8);
    assert!(
        order.iter().all(|e| e.mcids > 0),
        "an empty element: {order:?}"
    );
}

/// Whether each text object (`BT`) of the content streams is inside marked content, and
/// whether that content is an artifact rather than read.
fn texts_marked(pdf: &[u8]) -> Vec<Option<bool>> {
    let pdf = String::from_utf8_lossy(pdf);
    let mut open: Vec<bool> = Vec::new();
    let mut found = Vec::new();
    let mut last = 0;
    let bytes = pdf.as_bytes();
    let boundary = |i: usize| i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
    for (at, _) in pdf.match_indices(['B', 'E']) {
        let rest = &pdf[at..];
        let after = |n: usize| bytes.get(at + n).is_none_or(u8::is_ascii_whitespace);
        if !boundary(at) {
            continue;
        }
        if (rest.starts_with("BDC") || rest.starts_with("BMC")) && after(3) {
            let head = &pdf[last.max(at.saturating_sub(80))..at];
            open.push(head.contains("/Artifact"));
            last = at;
        } else if rest.starts_with("EMC") && after(3) {
            open.pop();
        } else if rest.starts_with("BT") && after(2) {
            found.push(open.last().copied());
        }
    }
    found
}

#[test]
fn every_text_of_the_handout_is_in_marked_content_and_read_but_the_bullets() {
    let pdf = handout_pdf();
    let marked = texts_marked(&pdf);
    assert!(marked.len() > 20, "too few texts found: {}", marked.len());
    assert!(
        marked.iter().all(Option::is_some),
        "text outside marked content"
    );
    let artifacts = marked.iter().filter(|m| **m == Some(true)).count();
    // The warning signs' bullets are decoration; everything else is read.
    assert!(artifacts <= 8, "{artifacts} texts are left unread");
    let text = String::from_utf8_lossy(&pdf);
    assert!(
        text.contains("<</MCID 0>>BDC"),
        "no marked content with an id"
    );
}

#[test]
fn a_deck_reads_each_slide_title_words_and_figure_then_its_note() {
    let atlas = crate::load::load_builtin().unwrap();
    let lesson = &atlas.lessons()[0];
    let style = crate::render::DeckStyle {
        theme: crate::scene::Theme::Light,
        size: (640, 400),
        paper: Paper::A4,
        notes: true,
    };
    let order = reading_order(&crate::render::deck_pdf(&atlas, lesson, style).unwrap());
    let kinds: Vec<&str> = order.iter().take(6).map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["H1", "P", "P", "Figure", "H2", "P"], "{order:?}");
    assert_eq!(order[0].words, lesson.steps[0].title.to_string());
    assert_eq!(order[4].words, format!("1. {}", lesson.steps[0].title));
    let slides = order.iter().filter(|e| e.kind == "H1").count();
    assert_eq!(slides, lesson.steps.len(), "one title per slide");
}

#[test]
fn text_no_mark_holds_is_read_as_a_paragraph_and_a_pasted_byte_order_mark_is_no_error() {
    let mut renderer = Renderer::new();
    let page = renderer
        .page([300, 100], 1.0, crate::scene::Theme::Light, |ui| {
            ui.label("\u{FEFF}Dr Li");
        })
        .unwrap();
    let pdf = write_with(&[Sheet::whole(page, egui::vec2(300.0, 100.0))], " ", false).unwrap();
    let order = reading_order(&pdf);
    let kinds: Vec<&str> = order.iter().map(|e| e.kind.as_str()).collect();
    assert_eq!(kinds, ["P"], "{order:?}");
    assert!(String::from_utf8_lossy(&pdf).contains("/Title(Acupoint Atlas)"));
}
