//! The command line as a script would use it: exit codes, summaries, problems and JSON.

use super::{run, stderr, stdout};
use crate::common::fixture::{AtlasCopy, MINIMAL};
use std::process::{Command, Output};

#[test]
fn check_prints_a_one_line_summary_and_exits_zero() {
    let out = run(&["check", MINIMAL]);
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
    let copy = AtlasCopy::minimal();
    let text = copy.read("points/bladder.ron");
    copy.write(
        "points/bladder.ron",
        &text
            .replace("\"lower-back\"", "\"lumbar\"")
            .replace("\"who2008\"", "\"who\""),
    );
    let dir = &copy.dir;
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
    let out = run(&["--atlas", MINIMAL, "points", "--json"]);
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
fn points_json_for_a_condition_lists_only_the_levels_it_uses_with_their_flags() {
    let out = run(&["points", "--condition", "lower-back-pain", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let points = doc["points"].as_array().unwrap();
    let jiaji = points.iter().find(|p| p["code"] == "EX-B2").unwrap();
    assert_eq!(jiaji["levels"], serde_json::json!(["lumbar"]));
    assert_eq!(jiaji["regions"], serde_json::json!(["lower-back"]));
    let flags = jiaji["flags"].as_array().unwrap();
    assert!(!flags.contains(&serde_json::json!("lung")), "{flags:?}");
    let positions = jiaji["positions"].as_array().unwrap();
    assert_eq!(positions.len(), 10, "L1 to L5, both sides");
    for site in positions {
        let level = site["level"].as_str().unwrap();
        assert!(level.starts_with('L'), "{site}");
    }
    // A point without levels keeps every site and says nothing of levels.
    let bl23 = points.iter().find(|p| p["code"] == "BL23").unwrap();
    assert!(bl23.get("levels").is_none(), "{bl23}");
    // The upper back uses the thoracic levels, where the lung flag applies.
    let out = run(&["points", "--condition", "upper-back-pain", "--json"]);
    let doc: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let jiaji = doc["points"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["code"] == "EX-B2")
        .unwrap();
    assert_eq!(jiaji["levels"], serde_json::json!(["thoracic"]));
    assert!(
        jiaji["flags"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("lung"))
    );
    assert!(
        jiaji["positions"]
            .as_array()
            .unwrap()
            .iter()
            .all(|s| s["level"].as_str().unwrap().starts_with('T'))
    );
}

#[test]
fn points_table_lists_each_point_with_its_figures() {
    let out = run(&[
        "--atlas",
        MINIMAL,
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
    let out = run(&["--atlas", MINIMAL, "points", "--condition", "headache"]);
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

/// Runs the program, killing it (and failing the test) if it has not finished in 60 seconds.
fn run_bounded(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(args)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let start = std::time::Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > std::time::Duration::from_mins(1) {
            child.kill().unwrap();
            panic!("acupoint-atlas {args:?} hung");
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn export_to_a_named_pipe_is_refused_at_once_with_exit_one() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("view.png");
    assert!(
        Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let out = run_bounded(&[
        "export",
        "--view",
        "posterior",
        "--out",
        fifo.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("named pipe"), "{}", stderr(&out));
    let kind = std::fs::symlink_metadata(&fifo).unwrap().file_type();
    assert!(std::os::unix::fs::FileTypeExt::is_fifo(&kind));
}

#[test]
fn export_to_a_dangling_symlink_is_refused_and_the_link_is_left_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("view.png");
    std::os::unix::fs::symlink(dir.path().join("elsewhere.png"), &link).unwrap();
    let out = run_bounded(&[
        "export",
        "--view",
        "posterior",
        "--out",
        link.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
    assert_eq!(names.len(), 1, "nothing else was created");
}

#[test]
fn a_handout_to_a_device_is_refused_before_drawing() {
    let out = run_bounded(&["handout", "--plan", "BL23", "--out", "/dev/null"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("device"), "{}", stderr(&out));
}

#[test]
fn a_malformed_command_line_exits_two_and_refusals_exit_one() {
    for args in [
        &["no-such-command"][..],
        &["export", "--view"],
        &[
            "export",
            "--view",
            "posterior",
            "--width",
            "wide",
            "--out",
            "x.png",
        ],
        &["--size", "huge"],
        &["handout", "--out", "x.png"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
    let out = run(&[
        "export",
        "--view",
        "posterior",
        "--width",
        "9",
        "--out",
        "x.png",
    ]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
}

#[test]
fn a_handout_plan_takes_the_spellings_search_takes_and_each_point_once() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("plan.png");
    let o = run(&[
        "handout",
        "--plan",
        "bl 40,BL-23,weizhong,Kidney Shu,ki3",
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout).contains("3 points"),
        "BL40 and BL23 are named twice, KI3 once"
    );
}
