//! `photo` on the command line, on a generated picture of a back: JSON in the photo's pixels,
//! the unplaced points with what they need, and the photo drawn with today's plan numbered.

use super::picture::{HEIGHT, WIDTH, back_picture, true_marks};
use super::write_marks;
use acupoint_atlas::model::FigureId;
use std::path::Path;
use std::process::Command;

/// The generated photo and its marks in `dir` (less `dropped`); returns the marks file.
fn demo(dir: &Path, dropped: &[&str]) -> std::path::PathBuf {
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    back_picture(view).save(dir.join("back.png")).unwrap();
    let mut marks = true_marks(view, "back.png");
    for d in dropped {
        marks.landmarks.remove(*d);
    }
    let path = dir.join("back.marks.ron");
    write_marks(&path, &marks);
    path
}

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn photo_json_gives_the_plans_points_in_the_photos_pixels_and_what_the_rest_need() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &["psis_right"]);
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--plan",
        "BL23,GV4,BL40",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["image"]["width"], WIDTH);
    assert_eq!(doc["image"]["height"], HEIGHT);
    assert_eq!(doc["view"], "posterior");
    let points = doc["points"].as_array().unwrap();
    let sides = |code: &str| -> Vec<&str> {
        points
            .iter()
            .filter(|p| p["code"] == code)
            .map(|p| p["side"].as_str().unwrap())
            .collect()
    };
    assert_eq!(sides("BL23"), ["left", "right"]);
    assert_eq!(sides("GV4"), ["midline"]);
    for p in points {
        let (x, y) = (p["x"].as_f64().unwrap(), p["y"].as_f64().unwrap());
        assert!(
            x > 0.0 && x < f64::from(WIDTH) && y > 0.0 && y < f64::from(HEIGHT),
            "{p}"
        );
    }
    assert_eq!(doc["unplaced"], serde_json::json!([]));
}

#[test]
fn photo_lists_a_condition_point_it_cannot_place_with_the_mark_it_needs() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &["popliteal_crease_centre_right"]);
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--condition",
        "lower-back-pain",
        "--json",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let bl40 = doc["unplaced"]
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["code"] == "BL40")
        .unwrap();
    assert_eq!(
        bl40["needs"],
        serde_json::json!(["popliteal_crease_centre_right"])
    );
}

#[test]
fn photo_out_draws_the_photo_with_the_plan_at_the_photos_shape() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &[]);
    let out = dir.path().join("plan.png");
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--plan",
        "BL23,BL40,GV4",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let img = image::open(&out).unwrap();
    assert_eq!((img.width(), img.height()), (WIDTH, HEIGHT));
    if let Some(keep) = std::env::var_os("PHOTO_DEMO_DIR") {
        for f in ["back.png", "back.marks.ron", "plan.png"] {
            std::fs::copy(dir.path().join(f), Path::new(&keep).join(f)).unwrap();
        }
    }
}

#[test]
fn photo_with_a_bad_marks_file_prints_where_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("m.ron");
    std::fs::write(
        &path,
        "PhotoMarks(image: \"none.png\", view: \"posterior\", landmarks: {})",
    )
    .unwrap();
    let o = run(&["photo", path.to_str().unwrap(), "--json"]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8_lossy(&o.stderr);
    assert!(
        text.contains("m.ron:1:19: photo `") && text.ends_with("1 problem found\n"),
        "{text}"
    );
}

#[test]
fn photo_handout_writes_the_patients_handout_pages_with_the_photo() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &[]);
    let out = dir.path().join("handout.png");
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--plan",
        "BL23,BL40,GV4,KI3",
        "--handout",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let img = image::open(&out).unwrap();
    // A4 at 300 dpi, like every handout.
    assert_eq!((img.width(), img.height()), (2480, 3508));
    assert!(String::from_utf8_lossy(&o.stdout).contains("handout.png"));
}

#[test]
fn photo_handout_without_a_plan_is_refused_by_the_arguments() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &[]);
    let out = dir.path().join("handout.png");
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--handout",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(!o.status.success());
    assert!(!out.exists());
}

/// The words `pdftotext` reads from a PDF, each run of spaces and line ends one space (a
/// sentence may break across lines), or `None` where poppler is not installed.
fn pdf_text(path: &Path) -> Option<String> {
    let o = Command::new("pdftotext")
        .args([path.to_str().unwrap(), "-"])
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&o.stdout).into_owned();
    Some(text.split_whitespace().collect::<Vec<_>>().join(" "))
}

#[test]
fn photo_handout_as_pdf_embeds_the_photo_beside_the_text_on_the_paper_asked_for() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &[]);
    let out = dir.path().join("handout.pdf");
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--plan",
        "BL23,BL40,GV4,KI3",
        "--handout",
        "--paper",
        "letter",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let raw = String::from_utf8_lossy(&bytes);
    // The photo, once, as the JPEG a photo is; Letter is 612 by 792 points.
    assert_eq!(raw.matches("/Subtype/Image").count(), 1);
    assert!(raw.contains("/DCTDecode"));
    assert!(raw.contains("/MediaBox[0 0 612 792]"), "Letter pages");
    assert!(!dir.path().join("handout-2.pdf").exists(), "one file");
    if let Some(text) = pdf_text(&out) {
        assert!(text.contains("On your own photo"), "{text}");
        assert!(text.contains("Palpate to confirm"), "{text}");
    }
}

#[test]
fn photo_out_as_pdf_is_the_photo_with_its_points_and_the_approximate_note() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &[]);
    let out = dir.path().join("plan.pdf");
    let o = run(&[
        "photo",
        marks.to_str().unwrap(),
        "--plan",
        "BL23,BL40,GV4",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let raw = String::from_utf8_lossy(&std::fs::read(&out).unwrap()).into_owned();
    assert_eq!(raw.matches("/Subtype/Image").count(), 1);
    if let Some(text) = pdf_text(&out) {
        assert!(text.contains("Palpate to confirm"), "{text}");
    }
}

#[test]
fn photo_out_with_another_extension_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let marks = demo(dir.path(), &[]);
    for name in ["plan.jpg", "plan"] {
        let out = dir.path().join(name);
        for handout in [false, true] {
            let mut args = vec!["photo", marks.to_str().unwrap(), "--plan", "BL23"];
            if handout {
                args.push("--handout");
            }
            args.extend(["--out", out.to_str().unwrap()]);
            let o = run(&args);
            assert_eq!(o.status.code(), Some(1), "{name}");
            assert!(
                String::from_utf8_lossy(&o.stderr).contains(".pdf"),
                "{name}"
            );
            assert!(!out.exists(), "{name}");
        }
    }
}
