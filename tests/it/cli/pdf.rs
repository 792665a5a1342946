//! PDF and PNG by the file's extension: `handout`, `export` and `lesson export --pdf` write a
//! PDF whose text reads back (with poppler's `pdftotext`, which CI installs), a PNG carrying its
//! 300 dpi, and refuse any other name without writing anything.

use super::{run, stderr, stdout};
use std::path::Path;

fn temp() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

/// The text of a PDF, as poppler reads it.
fn pdf_text(path: &Path) -> String {
    let out = std::process::Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is needed to read the PDFs back");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The pHYs chunk's dots per metre across, down, and its unit.
fn png_resolution(bytes: &[u8]) -> Option<(u32, u32, u8)> {
    let at = bytes.windows(4).position(|w| w == b"pHYs")? + 4;
    let field = |i: usize| u32::from_be_bytes(bytes[at + i..at + i + 4].try_into().unwrap());
    Some((field(0), field(4), bytes[at + 8]))
}

#[test]
fn a_handout_named_pdf_is_a_pdf_whose_point_names_read_back_as_text() {
    let dir = temp();
    let file = dir.path().join("sheet.pdf");
    let f = file.to_str().unwrap();
    let out = run(&["handout", "--plan", "BL23,BL40,KI3,LI4", "--out", f]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("PDF"), "{}", stdout(&out));
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"%PDF"), "not a PDF");
    // Words wrap where the page wraps them: compare with the lines joined.
    let text = pdf_text(&file)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for words in ["Your acupuncture points", "BL23", "KI3", "behind your knee"] {
        assert!(
            text.contains(words),
            "`{words}` is not in the PDF's text:\n{text}"
        );
    }
}

#[test]
fn a_handout_on_letter_paper_is_a_letter_sized_pdf() {
    let dir = temp();
    let file = dir.path().join("letter.pdf");
    let f = file.to_str().unwrap();
    let out = run(&["handout", "--plan", "BL23", "--paper", "letter", "--out", f]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&file).unwrap();
    let text = String::from_utf8_lossy(&bytes);
    assert!(text.contains("/MediaBox[0 0 612 792]"), "not a Letter page");
}

#[test]
fn a_handout_named_png_is_a_png_that_says_it_is_300_dpi() {
    let dir = temp();
    let file = dir.path().join("sheet.PNG");
    let out = run(&["handout", "--plan", "BL23", "--out", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let bytes = std::fs::read(&file).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(png_resolution(&bytes), Some((11_811, 11_811, 1)));
}

#[test]
fn a_file_name_that_is_neither_pdf_nor_png_is_refused_and_nothing_is_written() {
    let dir = temp();
    for name in ["sheet.pdg", "sheet", "sheet.jpg", "sheet.pdf.txt"] {
        let file = dir.path().join(name);
        let f = file.to_str().unwrap();
        for args in [
            vec!["handout", "--plan", "BL23", "--out", f],
            vec!["export", "--view", "posterior", "--out", f],
            vec!["lesson", "export", "chronic-back-pain", "--pdf", f],
        ] {
            let out = run(&args);
            assert_eq!(out.status.code(), Some(1), "{args:?}");
            assert!(stderr(&out).contains(".pdf or .png"), "{}", stderr(&out));
            assert!(!file.exists(), "{args:?} wrote {name}");
        }
    }
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn an_exported_view_named_pdf_is_a_landscape_pdf_with_its_title_as_text() {
    let dir = temp();
    let file = dir.path().join("view.pdf");
    let f = file.to_str().unwrap();
    let out = run(&[
        "export",
        "--view",
        "posterior",
        "--condition",
        "lower-back-pain",
        "--out",
        f,
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = pdf_text(&file);
    assert!(text.contains("Lower back pain"), "{text}");
    assert!(text.contains("BL23"), "{text}");
    let bytes = String::from_utf8_lossy(&std::fs::read(&file).unwrap()).into_owned();
    assert!(
        bytes.contains("/MediaBox[0 0 841.92 595.2]"),
        "not landscape A4"
    );
}

#[test]
fn a_lesson_deck_is_one_pdf_page_per_step_with_the_notes_when_asked() {
    let dir = temp();
    let file = dir.path().join("deck.pdf");
    let f = file.to_str().unwrap();
    let out = run(&[
        "lesson",
        "export",
        "chronic-back-pain",
        "--pdf",
        f,
        "--notes",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let info = std::process::Command::new("pdfinfo")
        .arg(&file)
        .output()
        .unwrap();
    let info = String::from_utf8_lossy(&info.stdout).into_owned();
    assert!(
        info.lines()
            .any(|l| l.split_whitespace().eq(["Pages:", "20"])),
        "{info}"
    );
    let text = pdf_text(&file);
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let lesson = &atlas.lessons()[0];
    let note: String = lesson.steps[0]
        .note
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        text.contains(&note),
        "the first note `{note}` is not in:\n{text}"
    );
}

/// What poppler's `pdfinfo` prints for `path` with `args`; `None` when pdfinfo is missing.
fn pdfinfo(args: &[&str], path: &Path) -> Option<String> {
    let out = std::process::Command::new("pdfinfo")
        .args(args)
        .arg(path)
        .output()
        .ok()?;
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

#[test]
fn the_handout_view_and_deck_pdfs_are_tagged_with_headings_text_and_figures() {
    let dir = temp();
    let path = |name: &str| dir.path().join(name).to_str().unwrap().to_owned();
    let (handout, view, deck) = (path("h.pdf"), path("v.pdf"), path("d.pdf"));
    let runs: [(&[&str], &str, &[&str]); 3] = [
        (
            &["handout", "--plan", "BL23,BL40,KI3,LI4", "--out", &handout],
            &handout,
            &["H1", "H2", "P", "Figure"],
        ),
        (
            &["export", "--view", "posterior", "--out", &view],
            &view,
            &["H1", "P", "Figure"],
        ),
        (
            &[
                "lesson",
                "export",
                "chronic-back-pain",
                "--notes",
                "--pdf",
                &deck,
            ],
            &deck,
            &["H1", "H2", "P", "Figure"],
        ),
    ];
    for (args, file, kinds) in runs {
        let out = run(args);
        assert!(out.status.success(), "{}", stderr(&out));
        let Some(info) = pdfinfo(&[], Path::new(file)) else {
            eprintln!("pdfinfo (poppler-utils) is missing: the tags were not read back");
            return;
        };
        assert!(
            info.lines()
                .any(|l| l.split_whitespace().eq(["Tagged:", "yes"])),
            "{file} is not tagged:\n{info}"
        );
        let tree = pdfinfo(&["-struct"], Path::new(file)).unwrap_or_default();
        let found: Vec<&str> = tree
            .lines()
            .filter_map(|l| l.split_whitespace().next())
            .map(|k| k.trim_end_matches(':'))
            .collect();
        assert_eq!(found.first(), Some(&"Document"), "{tree}");
        for kind in kinds {
            assert!(
                found.contains(kind),
                "no {kind} in the tree of {file}:\n{tree}"
            );
        }
    }
}
