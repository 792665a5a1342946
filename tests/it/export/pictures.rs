//! Pictures without a window: `export` and `handout` write correct PNGs, refuse bad requests
//! with a clear message and exit 1, and match their reference images.

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{ConditionId, FigureId, PointCode};
use acupoint_atlas::render::{HandoutDetails, Paper, Picture, render_handout, render_view};
use acupoint_atlas::scene::Scene;
use egui_kittest::{SnapshotOptions, image_snapshot_options};
use std::process::Command;

fn run(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(args)
        .output()
        .unwrap()
}

/// Anti-aliasing differs a little between CPU renderers; shapes and layout may not.
fn options() -> SnapshotOptions {
    SnapshotOptions::new().threshold(1.0).max_failed_pixels(50)
}

/// The explore-mode picture of a figure with a condition's points (or all of them).
fn view(figure: &str, condition: Option<&str>, width: u32, height: u32) -> image::RgbaImage {
    let atlas = load_builtin().unwrap();
    let condition = condition.map(ConditionId::new);
    let points = atlas
        .condition_points(condition.as_ref())
        .iter()
        .map(|p| p.code.clone())
        .collect();
    let mut scene = Scene::new(FigureId::new(figure), points);
    scene.condition = condition;
    render_view(&atlas, &scene, None, Picture::captioned(width, height)).unwrap()
}

#[test]
fn export_writes_a_png_of_the_requested_size() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("back.png");
    let o = run(&[
        "export",
        "--view",
        "posterior",
        "--condition",
        "lower-back-pain",
        "--highlight",
        "BL23,bl40",
        "--width",
        "800",
        "--height",
        "600",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let img = image::open(&out).unwrap();
    assert_eq!((img.width(), img.height()), (800, 600));
}

#[test]
fn export_refuses_bad_requests_with_a_message_and_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("x.png");
    let out = out.to_str().unwrap();
    // Each request as it would be typed (`OUT` is the output file, `''` an empty argument).
    let cases: &[(&str, &str)] = &[
        (
            "export --view sideways --out OUT",
            "unknown view `sideways`",
        ),
        (
            "export --view posterior --condition gout --out OUT",
            "unknown condition `gout`",
        ),
        (
            "export --view posterior --highlight BL99 --out OUT",
            "unknown point code `BL99`",
        ),
        (
            "export --view posterior --width 0 --out OUT",
            "bad size 0x1080",
        ),
        (
            "export --view posterior --height 100000 --out OUT",
            "bad size",
        ),
        (
            "export --view posterior --out /no/such/dir/x.png",
            "does not exist",
        ),
        (
            "handout --plan BL23,XX1 --out OUT",
            "unknown point code `XX1`",
        ),
        ("handout --plan '' --out OUT", "the plan has no points"),
    ];
    for (line, words) in cases {
        let args: Vec<&str> = line
            .split(' ')
            .map(|a| match a {
                "OUT" => out,
                "''" => "",
                a => a,
            })
            .collect();
        let o = run(&args);
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(1), "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
        assert!(!err.contains("panicked"), "{args:?}: {err}");
    }
    assert!(
        !std::path::Path::new(out).exists(),
        "nothing is written on failure"
    );
}

#[test]
fn handout_is_print_sized() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("handout.png");
    let o = run(&[
        "handout",
        "--plan",
        "BL23,BL40,KI3,GV3",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let img = image::open(&out).unwrap();
    assert_eq!((img.width(), img.height()), (2480, 3508));
}

#[test]
fn the_exported_pictures_match_their_snapshots() {
    let atlas = load_builtin().unwrap();
    let back = view("posterior", Some("lower-back-pain"), 960, 720);
    image_snapshot_options(&back, "export_posterior_lower_back_pain", &options());
    let front = view("anterior", None, 960, 720);
    image_snapshot_options(&front, "export_anterior_all", &options());
    let hand = view("hand_dorsum", Some("lower-back-pain"), 720, 720);
    image_snapshot_options(&hand, "export_hand_dorsum", &options());
    let plan: Vec<PointCode> = ["BL23", "BL40", "KI3", "LI4"]
        .into_iter()
        .map(PointCode::new)
        .collect();
    let handout = render_handout(
        &atlas,
        &plan,
        &HandoutDetails {
            date: "2026-11-30".into(),
            ..HandoutDetails::default()
        },
        Paper::A4,
    )
    .unwrap();
    assert_eq!(
        handout.len(),
        2,
        "the points on the front, what to expect on the back"
    );
    for (k, page) in handout.iter().enumerate() {
        let small = image::imageops::resize(page, 620, 877, image::imageops::FilterType::Triangle);
        let name = if k == 0 {
            "handout_a4".to_owned()
        } else {
            format!("handout_a4_page{}", k + 1)
        };
        image_snapshot_options(&small, &name, &options());
    }
}
