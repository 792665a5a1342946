//! The crate's layers, read from its source: each module uses only the modules below it, the
//! data layers use no egui, the allowed uses form no circle, and no files use each other in a
//! circle, not even two files of one folder. Every file is read whole; test code inside `src`
//! (an item marked `#[cfg(test)]`, such as a `mod tests` block or a `mod tests;` file) may use
//! anything, and the code after it is read on.

mod graph;
mod source;

use graph::{Crate, a_loop, circles};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may use.
const ALLOWED: &[(&str, &[&str])] = &[
    ("model", &[]),
    ("output", &["model"]),
    ("placement", &["model"]),
    ("load", &["model", "placement", "output"]),
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

/// The top-level module a file under `src/` belongs to (`load` for `load/check/layer_jobs.rs`).
fn top_of(rel: &str) -> &str {
    let first = rel.split('/').next().unwrap_or(rel);
    first.strip_suffix(".rs").unwrap_or(first)
}

fn names_egui(code: &[source::Tok]) -> bool {
    code.iter().any(|t| {
        matches!(t, source::Tok::Ident(w)
            if ["egui", "eframe", "egui_kittest", "egui_wgpu", "wgpu", "winit"].contains(&w.as_str()))
    })
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = ALLOWED.iter().copied().collect();
    let mut broken = Vec::new();
    let mut seen: BTreeSet<(String, String)> = BTreeSet::new();
    for ((from, to), path) in Crate::read(&src()).edges() {
        let (a, b) = (top_of(&from), top_of(&to));
        if a == b || a == "lib" {
            continue;
        }
        seen.insert((a.to_owned(), b.to_owned()));
        let may = allowed.get(a).copied().unwrap_or(&[]);
        if allowed.contains_key(b) && !may.contains(&b) {
            broken.push(format!("src/{from} uses {b} (`{path}`)"));
        }
    }
    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
    // The scanner sees the uses that are known to be there.
    for (a, b) in [
        ("ui", "session"),
        ("render", "paint"),
        ("load", "placement"),
        ("session", "study"),
    ] {
        assert!(
            seen.contains(&(a.to_owned(), b.to_owned())),
            "{a} -> {b} not seen"
        );
    }
}

#[test]
fn the_data_layers_use_no_egui() {
    let krate = Crate::read(&src());
    let broken: Vec<&str> = krate
        .files
        .values()
        .filter(|f| WITHOUT_EGUI.contains(&top_of(&f.rel)) && names_egui(&f.toks))
        .map(|f| f.rel.as_str())
        .collect();
    assert!(
        broken.is_empty(),
        "egui in data layers:\n{}",
        broken.join("\n")
    );
    assert!(
        krate.files.values().any(|f| names_egui(&f.toks)),
        "the scanner sees egui where it is used"
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

/// Each circle as its files, one loop through it, and every use inside it with the path that
/// makes it, so whoever breaks the circle sees where to cut.
fn describe_circles(edges: &graph::Edges) -> Vec<String> {
    circles(edges)
        .iter()
        .map(|circle| {
            let mut text = format!(
                "{} files: {}\n  loop: {}",
                circle.len(),
                circle.join(", "),
                a_loop(circle, edges).join(" -> ")
            );
            for ((from, to), path) in edges {
                if circle.contains(from) && circle.contains(to) {
                    let _ = write!(text, "\n  {from} -> {to}  (`{path}`)");
                }
            }
            text
        })
        .collect()
}

/// The module path of a file under `src/` (`load/check/mod.rs` is `load::check`).
fn module_of(rel: &str) -> Vec<&str> {
    let mut path: Vec<&str> = rel.trim_end_matches(".rs").split('/').collect();
    if path.last() == Some(&"mod") {
        path.pop();
    }
    path
}

/// The uses that count for circles: a file's use of a module it sits inside (`super::Ctx`,
/// its parent's own item) is left out, since a submodule is a part of its parent as a `mod
/// tests` block is. Its parent's use of it, and every use between siblings, count.
fn without_uses_of_parents(edges: graph::Edges) -> graph::Edges {
    edges
        .into_iter()
        .filter(|((from, to), _)| !module_of(from).starts_with(&module_of(to)))
        .collect()
}

#[test]
fn no_files_use_each_other_in_a_circle() {
    let found = describe_circles(&without_uses_of_parents(Crate::read(&src()).edges()));
    assert!(
        found.is_empty(),
        "{} circles of imports between files under src/ (a type both sides need belongs in \
         the file it is about, or in a small file of its own):\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_scanner_reads_every_path_form_and_the_code_after_a_test_block() {
    let krate = Crate::from_texts(&[
        ("", "pub mod a; pub mod b; pub mod c; mod d; mod e;"),
        (
            "a",
            "mod inner;\n\
             use super::b::{self as bee, X as _};\n\
             #[cfg(test)]\nmod tests { use crate::d::Z; }\n\
             #[cfg(test)]\nfn helper() { crate::d::z(); }\n\
             // crate::d::in_a_comment\n\
             const S: &str = \"crate::d::in_a_string\";\n\
             fn after() { crate::c::run(); inner::go(); }",
        ),
        ("a/inner", "use super::super::{e::{self, Y}};"),
        ("b", "pub use self::x_home::X;\nmod x_home;"),
        ("b/x_home", "pub struct X;"),
        ("c", "pub fn run() { crate::b::X; }"),
        ("d", ""),
        ("e", ""),
    ]);
    let edges: BTreeSet<(String, String)> = krate.edges().into_keys().collect();
    let want: BTreeSet<(String, String)> = [
        ("a.rs", "b.rs"),
        ("a.rs", "b/x_home.rs"),
        ("a.rs", "c.rs"),
        ("a.rs", "a/inner.rs"),
        ("a/inner.rs", "e.rs"),
        ("c.rs", "b/x_home.rs"),
    ]
    .iter()
    .map(|(f, t)| ((*f).to_owned(), (*t).to_owned()))
    .collect();
    assert_eq!(edges, want);
}

#[test]
fn the_scanner_reports_each_circle_with_a_loop_through_it() {
    let krate = Crate::from_texts(&[
        ("", "mod m; mod n;"),
        ("m", "mod p; mod q; mod r; use p::P; pub struct M;"),
        ("m/p", "use super::q::Q; pub struct P;"),
        ("m/q", "use super::r::R; pub struct Q;"),
        ("m/r", "pub struct R(crate::m::p::P, super::M);"),
        ("n", "use crate::m::p::P;"),
    ]);
    let found = describe_circles(&without_uses_of_parents(krate.edges()));
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with(
            "3 files: m/p.rs, m/q.rs, m/r.rs\n  loop: m/p.rs -> m/q.rs -> m/r.rs -> m/p.rs"
        ),
        "{}",
        found[0]
    );
}
