//! The crate's layers, read from its source: each module uses only the modules below it, the
//! data layers use no egui, and the allowed uses form no circle. Test code inside `src` (a
//! `#[cfg(test)]` module or a `tests.rs` file) may use anything.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("fxhash", &[]),
    ("output", &["model"]),
    ("placement", &["model", "fxhash"]),
    ("load", &["model", "placement", "output", "fxhash"]),
    ("study", &["model", "placement"]),
    ("search", &["model"]),
    ("scene", &["model"]),
    ("store", &["model", "load", "scene", "study", "output"]),
    (
        "session",
        &["model", "placement", "scene", "store", "study", "search"],
    ),
    ("paint", &["model", "placement", "scene"]),
    (
        "render",
        &["model", "placement", "scene", "paint", "output"],
    ),
    (
        "ui",
        &[
            "model",
            "placement",
            "load",
            "scene",
            "store",
            "study",
            "search",
            "session",
            "paint",
            "render",
            "output",
        ],
    ),
    (
        "cli",
        &[
            "model",
            "placement",
            "load",
            "scene",
            "store",
            "study",
            "search",
            "session",
            "render",
            "ui",
            "output",
        ],
    ),
];

/// Modules that never touch egui, eframe or the window.
const WITHOUT_EGUI: &[&str] = &[
    "model",
    "fxhash",
    "output",
    "placement",
    "load",
    "study",
    "search",
    "scene",
    "store",
    "session",
];

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// The files of a top-level module: `src/name.rs` and everything under `src/name/`.
fn files_of(module: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let single = src().join(format!("{module}.rs"));
    if single.is_file() {
        out.push(single);
    }
    let mut stack = vec![src().join(module)];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|x| x == "rs") {
                out.push(path);
            }
        }
    }
    out
}

/// The non-test code of a file: everything before a `#[cfg(test)]` line; nothing of a
/// `tests.rs` file.
fn code_of(path: &Path) -> String {
    if path.file_name().is_some_and(|n| n == "tests.rs") {
        return String::new();
    }
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .take_while(|l| l.trim() != "#[cfg(test)]")
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The top-level modules a piece of code names as `crate::x`.
fn crate_uses(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        let name: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        if !name.is_empty() {
            out.insert(name);
        }
    }
    // `use crate::{a, b}` names several at once.
    for (i, _) in code.match_indices("crate::{") {
        let rest = &code[i + "crate::{".len()..];
        let list = rest.split('}').next().unwrap_or("");
        for item in list.split(',') {
            let name: String = item
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

fn names_egui(code: &str) -> bool {
    ["egui::", "egui_kittest", "eframe", "use egui"]
        .iter()
        .any(|w| code.contains(w))
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut broken = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for (module, may) in ALLOWED {
        let files = files_of(module);
        assert!(!files.is_empty(), "module {module} has no files");
        for file in files {
            for used in crate_uses(&code_of(&file)) {
                seen.insert(((*module).to_owned(), used.clone()));
                let known = allowed.contains_key(used.as_str());
                if known && used != *module && !may.contains(&used.as_str()) {
                    broken.push(format!("{} uses crate::{used}", file.display()));
                }
            }
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
    // The scanner sees the uses that are known to be there.
    for (a, b) in [
        ("ui", "session"),
        ("render", "paint"),
        ("load", "placement"),
        ("placement", "fxhash"),
    ] {
        assert!(
            seen.contains(&(a.to_owned(), b.to_owned())),
            "{a} -> {b} not seen"
        );
    }
}

#[test]
fn the_data_layers_use_no_egui() {
    let mut broken = Vec::new();
    for module in WITHOUT_EGUI {
        for file in files_of(module) {
            if names_egui(&code_of(&file)) {
                broken.push(file.display().to_string());
            }
        }
    }
    assert!(
        broken.is_empty(),
        "egui in data layers:\n{}",
        broken.join("\n")
    );
}

#[test]
fn every_top_level_module_has_a_place_in_the_layers() {
    let listed: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    for entry in std::fs::read_dir(src()).unwrap() {
        let path = entry.unwrap().path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if ["lib", "main"].contains(&stem) {
            continue;
        }
        assert!(
            listed.contains(stem),
            "src/{stem} is not in the layer table"
        );
    }
}

#[test]
fn the_allowed_uses_form_no_circle() {
    // Repeatedly remove modules that use nothing left; a circle would leave some behind.
    let mut left: BTreeMap<&str, BTreeSet<&str>> = ALLOWED
        .iter()
        .map(|(m, may)| (*m, may.iter().copied().collect()))
        .collect();
    while !left.is_empty() {
        let free: Vec<&str> = left
            .iter()
            .filter(|(_, uses)| uses.iter().all(|u| !left.contains_key(u)))
            .map(|(m, _)| *m)
            .collect();
        assert!(!free.is_empty(), "a circle among {:?}", left.keys());
        for m in free {
            left.remove(m);
        }
    }
}
