//! The lesson and mechanism commands as a script would use them: `lesson list`, `lesson
//! export` (by id or file, one numbered PNG per step, nothing left behind on failure),
//! `mechanisms --json` and `export --mechanism`, with their refusals and exit codes; the notes
//! written with `--notes`, and `--lesson` refusing a lesson the atlas lacks.

use super::{run, stderr, stdout};
use std::path::Path;

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// A lesson file of two steps: the body with BL23 ringed, then a diagram.
fn two_step_lesson(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("two-steps.ron");
    std::fs::write(
        &path,
        "Lesson(\n    title: \"Two steps\",\n    view: Some(\"posterior\"),\n    steps: [\n        (title: \"One: BL23\", note: \"first\", select: Some(\"BL23\")),\n        (title: \"Two\", note: \"second\", mechanism: Some(\"adenosine\"), diagram_step: Some(2)),\n    ],\n)\n",
    )
    .unwrap();
    path
}

#[test]
fn lesson_list_prints_each_lessons_id_title_and_steps_on_a_line() {
    let out = run(&["lesson", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let line = text
        .lines()
        .find(|l| l.starts_with("chronic-back-pain\t"))
        .unwrap_or_else(|| panic!("{text}"));
    let fields: Vec<&str> = line.split('\t').collect();
    assert_eq!(fields.len(), 3, "{line}");
    assert_eq!(fields[1], "Acupuncture for chronic back pain");
    let steps: usize = fields[2].trim_end_matches(" steps").parse().unwrap();
    assert!((12..=20).contains(&steps));
}

#[test]
fn mechanisms_json_has_the_documented_shape() {
    let out = run(&["mechanisms", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let list = json["mechanisms"].as_array().unwrap();
    assert_eq!(list.len(), 10);
    for m in list {
        let obj = m.as_object().unwrap();
        let keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 4, "{m}");
        for key in ["id", "title", "grade"] {
            assert!(!m[key].as_str().unwrap().is_empty(), "{m}");
        }
        assert!(
            [
                "human-studies",
                "human-conflicting",
                "animal-studies",
                "theory-only",
                "not-supported"
            ]
            .contains(&m["grade"].as_str().unwrap()),
            "{m}"
        );
        assert!((3..=8).contains(&m["steps"].as_u64().unwrap()), "{m}");
    }
    assert!(
        list.iter()
            .any(|m| m["id"] == "electromagnetic" && m["grade"] == "not-supported")
    );
}

#[test]
fn export_mechanism_draws_a_step_of_a_diagram() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gate.png");
    let out = run(&[
        "export",
        "--mechanism",
        "nerve-stimulation",
        "--step",
        "2",
        "--width",
        "640",
        "--height",
        "400",
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let image = image::open(&file).unwrap();
    assert_eq!((image.width(), image.height()), (640, 400));
    assert_eq!(names(dir.path()), ["gate.png"]);
}

#[test]
fn export_mechanism_refuses_unknown_ids_and_steps_with_exit_one_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.png");
    let f = file.to_str().unwrap();
    for (args, words) in [
        (
            vec!["export", "--mechanism", "magic", "--out", f],
            "unknown mechanism `magic`; known: nerve-stimulation",
        ),
        (
            vec![
                "export",
                "--mechanism",
                "adenosine",
                "--step",
                "0",
                "--out",
                f,
            ],
            "has steps 1 to 4; there is no step 0",
        ),
        (
            vec![
                "export",
                "--mechanism",
                "adenosine",
                "--step",
                "9",
                "--out",
                f,
            ],
            "has steps 1 to 4; there is no step 9",
        ),
        (
            vec![
                "export",
                "--mechanism",
                "adenosine",
                "--out",
                "/no/such/dir/x.png",
            ],
            "does not exist",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
    assert!(names(dir.path()).is_empty());
    let both = run(&[
        "export",
        "--mechanism",
        "adenosine",
        "--view",
        "posterior",
        "--out",
        f,
    ]);
    assert_eq!(
        both.status.code(),
        Some(2),
        "a view and a diagram at once is a usage error"
    );
}

#[test]
fn lesson_export_from_a_file_writes_one_numbered_png_per_step() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = two_step_lesson(dir.path());
    let slides = dir.path().join("slides");
    let out = run(&[
        "lesson",
        "export",
        lesson.to_str().unwrap(),
        "--out-dir",
        slides.to_str().unwrap(),
        "--size",
        "480x300",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        names(&slides),
        [".two-steps.deck", "01-one-bl23.png", "02-two.png"],
        "the slides and the deck's list of them"
    );
    let image = image::open(slides.join("02-two.png")).unwrap();
    assert_eq!((image.width(), image.height()), (480, 300));
    assert!(
        stdout(&out).contains("2 slides of \"Two steps\""),
        "{}",
        stdout(&out)
    );
}

#[test]
fn lesson_export_refuses_unknown_lessons_bad_files_and_folders_with_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.ron");
    std::fs::write(
        &bad,
        "Lesson(\n    title: \"Bad\",\n    steps: [(title: \"A\", note: \"n\", points: [\"ZZ9\"])],\n)\n",
    )
    .unwrap();
    let a_file = dir.path().join("not-a-folder");
    std::fs::write(&a_file, "x").unwrap();
    let out_dir = dir.path().join("out");
    let o = out_dir.to_str().unwrap();
    let bad_at = format!("{}:3:", bad.display());
    for (args, words) in [
        (
            vec!["lesson", "export", "no-such-lesson", "--out-dir", o],
            "unknown lesson `no-such-lesson` (known: chronic-back-pain)",
        ),
        (
            vec!["lesson", "export", "missing/lesson.ron", "--out-dir", o],
            "cannot read file",
        ),
        (
            vec!["lesson", "export", bad.to_str().unwrap(), "--out-dir", o],
            bad_at.as_str(),
        ),
        (
            vec![
                "lesson",
                "export",
                "chronic-back-pain",
                "--out-dir",
                "/no/such/parent/slides",
            ],
            "does not exist",
        ),
        (
            vec![
                "lesson",
                "export",
                "chronic-back-pain",
                "--out-dir",
                a_file.to_str().unwrap(),
            ],
            "is not a folder",
        ),
    ] {
        let out = run(&args);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {}", stderr(&out));
        assert!(stderr(&out).contains(words), "{args:?}: {}", stderr(&out));
    }
    assert!(!out_dir.exists(), "no folder is left behind");
    let tiny = run(&[
        "lesson",
        "export",
        "chronic-back-pain",
        "--out-dir",
        o,
        "--size",
        "10x10",
    ]);
    assert_eq!(
        tiny.status.code(),
        Some(1),
        "a size out of range is refused, as the README says"
    );
    assert!(stderr(&tiny).contains("10x10"), "{}", stderr(&tiny));
}

#[test]
fn a_slide_that_fails_takes_the_slides_written_before_it_away() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = two_step_lesson(dir.path());
    let slides = dir.path().join("slides");
    std::fs::create_dir(&slides).unwrap();
    // The second slide's name is taken by a folder, so writing it fails.
    std::fs::create_dir(slides.join("02-two.png")).unwrap();
    let out = run(&[
        "lesson",
        "export",
        lesson.to_str().unwrap(),
        "--out-dir",
        slides.to_str().unwrap(),
        "--size",
        "320x200",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("02-two.png"), "{}", stderr(&out));
    assert_eq!(
        names(&slides),
        ["02-two.png"],
        "the first slide was taken away"
    );
}

#[test]
fn lesson_export_with_notes_writes_each_steps_title_and_note_to_notes_md() {
    let dir = tempfile::tempdir().unwrap();
    let lesson = two_step_lesson(dir.path());
    let slides = dir.path().join("slides");
    let out = run(&[
        "lesson",
        "export",
        lesson.to_str().unwrap(),
        "--out-dir",
        slides.to_str().unwrap(),
        "--size",
        "480x300",
        "--notes",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let notes = std::fs::read_to_string(slides.join("notes.md")).unwrap();
    assert_eq!(
        notes,
        "# Two steps: presenter's notes\n\n## 1. One: BL23\n\nSlide: `01-one-bl23.png`\n\nfirst\n\n## 2. Two\n\nSlide: `02-two.png`\n\nsecond\n"
    );
    assert!(stdout(&out).contains("notes.md"), "{}", stdout(&out));
    let plain = dir.path().join("plain");
    let out = run(&[
        "lesson",
        "export",
        lesson.to_str().unwrap(),
        "--out-dir",
        plain.to_str().unwrap(),
        "--size",
        "480x300",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!plain.join("notes.md").exists(), "only when asked");
}

#[test]
fn opening_the_window_on_an_unknown_lesson_lists_the_known_ones_and_exits_one() {
    let out = run(&["--lesson", "no-such-lesson", "--presenter"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("unknown lesson `no-such-lesson` (known: chronic-back-pain)"),
        "{}",
        stderr(&out)
    );
    let alone = run(&["--presenter"]);
    assert_eq!(alone.status.code(), Some(2), "--presenter needs --lesson");
}
