//! Tests of the PDF target: text written at the sizes and in the colours the paint layer asked
//! for, read back from the PDF's (uncompressed) content streams; the CJK font embedded.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "sizes and colour channels read back are small and positive"
)]

use super::*;
use crate::model::PointCode;
use crate::render::{HandoutDetails, Paper, Renderer, handout_pages, paper_points};
use crate::scene::Theme;
use egui::Color32;
use std::collections::BTreeSet;

/// A text run's size (hundredths of a PDF point) and colour.
type Look = (u32, [u8; 3]);

/// Every (size, colour) of text in the content streams: `q a b c d e f cm r g b rg BT … /fN
/// size Tf`, the size scaled by the transform.
fn looks_in_pdf(pdf: &[u8]) -> BTreeSet<Look> {
    // krilla writes `cm/g0 gs` (an opacity) without a space.
    let text = String::from_utf8_lossy(pdf).replace("cm/", "cm /");
    let mut found = BTreeSet::new();
    for block in text.split("\nQ\n").flat_map(|b| b.split("Q\nq ")) {
        let Some(bt) = block.find("BT") else { continue };
        let head: Vec<&str> = block[..bt].split_whitespace().collect();
        let Some(cm) = head.iter().rposition(|w| *w == "cm") else {
            continue;
        };
        let Some(rg) = head.iter().rposition(|w| *w == "rg") else {
            continue;
        };
        let scale: f32 = head[cm - 6].parse().unwrap();
        let rgb: Vec<u8> = head[rg - 3..rg]
            .iter()
            .map(|v| (v.parse::<f32>().unwrap() * 255.0).round() as u8)
            .collect();
        let tail: Vec<&str> = block[bt..].split_whitespace().collect();
        let tf = tail.iter().position(|w| *w == "Tf").unwrap();
        let size: f32 = tail[tf - 1].parse().unwrap();
        found.insert((
            (size * scale * 100.0).round() as u32,
            [rgb[0], rgb[1], rgb[2]],
        ));
    }
    found
}

/// Every (size, colour) the page's text shapes ask for, each section with something to show.
fn looks_asked(page: &Page, scale: f32) -> BTreeSet<Look> {
    let mut asked = BTreeSet::new();
    let mut shapes: Vec<&egui::Shape> = page.shapes.iter().map(|c| &c.shape).collect();
    while let Some(shape) = shapes.pop() {
        match shape {
            egui::Shape::Vec(v) => shapes.extend(v),
            egui::Shape::Text(t) => {
                for section in &t.galley.job.sections {
                    let range = section.byte_range.start.0..section.byte_range.end.0;
                    let words = t.galley.job.text.get(range).unwrap_or_default();
                    if words.trim().is_empty() {
                        continue;
                    }
                    let color = match (t.override_text_color, section.format.color) {
                        (None, Color32::PLACEHOLDER) => t.fallback_color,
                        (over, own) => over.unwrap_or(own),
                    };
                    let [r, g, b, _] = color.to_srgba_unmultiplied();
                    let size = section.format.font_id.size * scale;
                    asked.insert(((size * 100.0).round() as u32, [r, g, b]));
                }
            }
            _ => {}
        }
    }
    asked
}

#[test]
fn the_handouts_text_has_the_sizes_and_colours_the_paint_layer_asked_for() {
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
    let size = paper_points(Paper::A4);
    let asked = looks_asked(&page, size.x / page.size.x);
    let pdf = write_with(&[Sheet::whole(page, size)], "t", false).unwrap();
    let written = looks_in_pdf(&pdf);
    assert!(
        asked.len() >= 3,
        "too few kinds of text to compare: {asked:?}"
    );
    assert_eq!(written, asked);
}

/// The relative luminance of an sRGB colour (WCAG 2).
fn luminance([r, g, b]: [u8; 3]) -> f32 {
    let lin = |c: u8| {
        let c = f32::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

#[test]
fn the_handout_pdf_is_set_for_its_reader_on_every_page_and_paper() {
    let atlas = crate::load::load_builtin().unwrap();
    let mut renderer = Renderer::new();
    let four = ["BL23", "BL40", "KI3", "LI4"];
    let twelve = [
        "BL23", "BL25", "BL40", "GB30", "GB34", "KI3", "LI4", "GV4", "BL60", "SI3", "BL52", "EX-B2",
    ];
    for paper in [Paper::A4, Paper::Letter] {
        for plan in [&four[..], &twelve[..]] {
            let plan: Vec<PointCode> = plan.iter().map(|c| PointCode::new(*c)).collect();
            let details = HandoutDetails {
                date: "2026-12-06".into(),
                ..HandoutDetails::default()
            };
            let sheets: Vec<Sheet> =
                handout_pages(&mut renderer, &atlas, &plan, &details, paper, None)
                    .unwrap()
                    .into_iter()
                    .map(|page| Sheet::whole(page, paper_points(paper)))
                    .collect();
            let looks = looks_in_pdf(&write_with(&sheets, "t", false).unwrap());
            assert!(
                !looks.is_empty(),
                "{paper:?} {}: no text read back",
                plan.len()
            );
            for (size, rgb) in &looks {
                assert!(
                    *size >= 900,
                    "{paper:?} {}: text at {size}/100 pt",
                    plan.len()
                );
                let contrast = 1.05 / (luminance(*rgb) + 0.05);
                assert!(
                    contrast >= 7.0,
                    "{paper:?} {}: {rgb:?} on white",
                    plan.len()
                );
            }
            assert!(
                looks.iter().any(|(size, _)| *size >= 1100),
                "{paper:?} {}: no body text at 11 pt",
                plan.len()
            );
        }
    }
}

#[test]
fn chinese_characters_are_written_in_the_cjk_font_embedded_as_a_subset() {
    let mut renderer = Renderer::new();
    let page = renderer
        .page([400, 120], 1.0, Theme::Light, |ui| {
            ui.label(egui::RichText::new("Shènshū 腎俞").size(16.0));
        })
        .unwrap();
    let pdf = write_with(&[Sheet::whole(page, egui::vec2(400.0, 120.0))], "t", false).unwrap();
    let text = String::from_utf8_lossy(&pdf);
    // A subset's name carries a six-letter tag: /BaseFont/ABCDEF+DroidSansFallback.
    let subset = |family: &str| {
        text.match_indices(&format!("+{family}")).any(|(at, _)| {
            text.get(at.saturating_sub(7)..at).is_some_and(|t| {
                t.starts_with('/') && t[1..].bytes().all(|b| b.is_ascii_uppercase())
            })
        })
    };
    assert!(subset("DroidSansFallback"), "no CJK subset font");
    assert!(subset("NotoSans-Regular"), "no Latin subset font");
    // The characters map back to their code points (腎 U+814E, 俞 U+4FDE, ū U+016B).
    for code in ["<814E>", "<4FDE>", "<016B>"] {
        assert!(text.contains(code), "{code} is not in a ToUnicode map");
    }
}
