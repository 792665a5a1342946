//! The command line as a script would use it: exit codes, summaries, problems and JSON.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::process::{Command, Output};

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

#[test]
fn check_prints_a_one_line_summary_and_exits_zero() {
    let out = run(&["check", FIXTURE]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 1);
    assert!(
        text.contains("OK: 1 points (2 placed sites), 1 figures"),
        "{text}"
    );
}

#[test]
fn check_on_the_built_in_atlas_passes() {
    let out = run(&["check"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).starts_with("built-in atlas: OK:"));
}

#[test]
fn check_on_a_damaged_copy_lists_each_problem_at_file_line_col_and_exits_one() {
    let dir = tempfile::tempdir().unwrap();
    for sub in ["figures", "points"] {
        std::fs::create_dir_all(dir.path().join(sub)).unwrap();
    }
    for rel in [
        "regions.ron",
        "references.ron",
        "conditions.ron",
        "mechanisms.ron",
        "guidance.ron",
        "figures/back.ron",
        "points/bladder.ron",
    ] {
        let mut text = std::fs::read_to_string(format!("{FIXTURE}/{rel}")).unwrap();
        if rel == "points/bladder.ron" {
            text = text
                .replace("\"lower-back\"", "\"lumbar\"")
                .replace("\"who2008\"", "\"who\"");
        }
        std::fs::write(dir.path().join(rel), text).unwrap();
    }
    let out = run(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    let problems: Vec<&str> = err.lines().filter(|l| l.contains(".ron:")).collect();
    assert_eq!(problems.len(), 2, "{err}");
    for line in problems {
        let rest = line.split(".ron:").nth(1).unwrap();
        let mut parts = rest.splitn(3, ':');
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
        assert!(parts.next().unwrap().parse::<usize>().is_ok(), "{line}");
    }
    assert!(err.contains("unknown region `lumbar`"));
    assert!(err.contains("unknown reference `who`"));
    assert!(err.ends_with("2 problems found\n"));
}

#[test]
fn check_on_a_missing_folder_says_so_and_exits_one() {
    let out = run(&["check", "/no/such/folder"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("/no/such/folder: folder not found"));
}

#[test]
fn points_json_has_the_documented_shape() {
    let out = run(&["--atlas", FIXTURE, "points", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let figure = &doc["figures"][0];
    assert_eq!(figure["id"], "back");
    assert_eq!(figure["midline_x"], 0.5);
    assert_eq!(
        figure["landmarks"]["l2_spinous_lower"],
        serde_json::json!([0.5, 0.46])
    );
    let point = &doc["points"][0];
    assert_eq!(point["code"], "BL23");
    assert_eq!(point["pinyin"], "Shènshū");
    assert_eq!(point["hanzi"], "肾俞");
    assert_eq!(point["hanzi_traditional"], "腎俞");
    assert_eq!(point["english"], "Kidney Shu");
    assert_eq!(point["meridian"], "BL");
    assert_eq!(point["regions"], serde_json::json!(["lower-back"]));
    assert_eq!(point["flags"], serde_json::json!(["organ"]));
    assert_eq!(point["conditions"][0]["id"], "lower-back-pain");
    assert_eq!(point["conditions"][0]["role"], "local");
    assert_eq!(
        point["positions"],
        serde_json::json!([
            {"figure": "back", "side": "left", "x": 0.47, "y": 0.46},
            {"figure": "back", "side": "right", "x": 0.53, "y": 0.46},
        ])
    );
}

#[test]
fn points_table_lists_each_point_with_its_figures() {
    let out = run(&[
        "--atlas",
        FIXTURE,
        "points",
        "--condition",
        "lower-back-pain",
    ]);
    assert!(out.status.success());
    let text = stdout(&out);
    assert!(text.lines().next().unwrap().starts_with("CODE"));
    assert!(
        text.contains("BL23") && text.contains("local") && text.contains("back(2)"),
        "{text}"
    );
    assert!(text.ends_with("1 points\n"));
}

#[test]
fn points_with_an_unknown_condition_names_the_known_ones_and_exits_one() {
    let out = run(&["--atlas", FIXTURE, "points", "--condition", "headache"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("unknown condition `headache`; known: lower-back-pain"));
}

#[test]
fn every_command_has_help() {
    for args in [&["--help"][..], &["check", "--help"], &["points", "--help"]] {
        let out = run(args);
        assert!(out.status.success());
        assert!(stdout(&out).contains("Usage: acupoint-atlas"), "{args:?}");
    }
}

#[test]
fn export_help_lists_the_views_and_conditions_it_accepts() {
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(["export", "--help"])
        .output()
        .unwrap();
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for word in ["posterior", "hand_dorsum", "lower-back-pain", "sciatica"] {
        assert!(help.contains(word), "{word} missing from:\n{help}");
    }
}
