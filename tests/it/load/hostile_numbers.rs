//! Numbers and files that once hung the loader or buried their cause: a figure a ten-millionth
//! wide, figures 1e30 wide, needling 15 cun deep, shapes far off their frame or with no length,
//! a band wider than the page, an arrow to itself, outlines shaped as combs, spirals and stars,
//! and a points file that cannot be read. Self-contained (its own small helpers).

use acupoint_atlas::load::{
    Diagnostics, FileKind, SourceFile, builtin_files, load_dir, load_files,
};
use std::fmt::Write as _;
use std::path::Path;

/// The built-in atlas with `from` replaced by `to` in the file whose path ends with `file`;
/// returns the files and the 1-based line and column of the change.
fn edited(file: &str, from: &str, to: &str) -> (Vec<SourceFile>, String, usize, usize) {
    let mut files = builtin_files();
    let f = files
        .iter_mut()
        .find(|f| f.path.ends_with(file))
        .unwrap_or_else(|| panic!("no {file}"));
    let at = f
        .text
        .find(from)
        .unwrap_or_else(|| panic!("`{from}` not in {file}"));
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

/// A figure file whose one closed outline has the given vertices, with two landmarks at
/// `inside` (and a span between them) where generated points are placed.
fn shape_figure(id: &str, vertices: &[(f64, f64)], inside: [(f64, f64); 2]) -> SourceFile {
    let mut text = format!(
        "Figure(id: \"{id}\", title: \"Generated\", facing: Posterior, size: (1.0, 1.0), midline_x: Some(0.5), order: 99,\n shapes: [(kind: Outline, closed: true, points: [\n"
    );
    for (x, y) in vertices {
        let _ = writeln!(text, "({x:.7}, {y:.7}),");
    }
    let [(ax, ay), (bx, by)] = inside;
    let _ = write!(
        text,
        "])],\n landmarks: [(id: \"{id}_a\", name: \"A\", at: ({ax:.7}, {ay:.7})), (id: \"{id}_b\", name: \"B\", at: ({bx:.7}, {by:.7}))],\n spans: [(id: \"{id}_span\", name: \"A to B\", from: \"{id}_a\", to: \"{id}_b\", cun: 4.0)],\n)\n"
    );
    SourceFile {
        path: format!("generated/figures/{id}.ron"),
        kind: FileKind::Figure,
        text,
    }
}

/// A points file of `n` points placed on a generated figure's span.
fn points_on(id: &str, n: usize) -> SourceFile {
    let mut text = String::from("[\n");
    for i in 0..n {
        let across = 0.1 * (i % 5) as f32;
        let _ = writeln!(
            text,
            r#"Point(code: "EX-G{i}", pinyin: "Shènshū", hanzi: "肾俞", hanzi_traditional: "腎俞", english: "Generated", meridian: EX, regions: ["lower-back"], laterality: Bilateral, placement: [Offset(from: "{id}_a", scale: "{id}_span", across: {across})], location: (landmark: "L2", measure: "out", palpate: "soft"), needling: (angle: Perpendicular, note: "n"), safety: [], patient_note: "p", sources: ["who2008"]),"#
        );
    }
    text.push(']');
    SourceFile {
        path: format!("generated/points/{id}.ron"),
        kind: FileKind::Points,
        text,
    }
}

/// A comb: a zig-zag of `teeth` edges, each the whole height of the figure, closed along the
/// bottom; solid below y = 0.1.
fn comb(teeth: usize) -> Vec<(f64, f64)> {
    let mut v: Vec<(f64, f64)> = (0..=teeth)
        .map(|i| {
            let x = 0.1 + 0.8 * i as f64 / teeth as f64;
            (x, if i % 2 == 0 { 0.1 } else { 0.9 })
        })
        .collect();
    v.extend([(0.9, 0.05), (0.1, 0.05)]);
    v
}

/// A star of `spikes` long spikes round the centre.
fn star(spikes: usize) -> Vec<(f64, f64)> {
    (0..spikes * 2)
        .map(|i| {
            let a = i as f64 / (spikes * 2) as f64 * std::f64::consts::TAU;
            let r = if i % 2 == 0 { 0.45 } else { 0.2 };
            (0.5 + r * a.cos(), 0.5 + r * a.sin())
        })
        .collect()
}

#[test]
fn a_figure_a_ten_millionth_wide_is_refused_at_its_size_and_the_check_ends() {
    for (size, shown) in [
        ("(1e-7, 1e-7)", "1e-7 x 1e-7"),
        ("(1e-5, 1e-5)", "1e-5 x 1e-5"),
    ] {
        let (files, path, line, col) = edited(
            "figures/posterior.ron",
            "size: (1.0000, 1.0000)",
            &format!("size: {size}"),
        );
        let found = problems(&files);
        expect_at(&found, &path, line, col + 6, &format!("not {shown}"));
    }
}

#[test]
fn a_figure_or_schematic_1e30_wide_is_refused_with_the_range_it_must_lie_in() {
    let (files, path, line, col) = edited(
        "figures/posterior.ron",
        "size: (1.0000, 1.0000)",
        "size: (1e30, 1e30)",
    );
    expect_at(
        &problems(&files),
        &path,
        line,
        col + 6,
        "between 1e-4 and 1e7",
    );
    let (files, path, line, col) = edited(
        "schematics/nervous-system.ron",
        "size: (120.0, 100.0)",
        "size: (3.4e38, 100.0)",
    );
    expect_at(&problems(&files), &path, line, col + 6, "not 3.4e38 x 100");
}

#[test]
fn a_span_of_a_thousand_cun_is_refused_at_its_length() {
    let (files, path, line, col) = edited("figures/posterior.ron", "cun: 3.0", "cun: 1e3");
    expect_at(
        &problems(&files),
        &path,
        line,
        col + 5,
        "no measure of the body",
    );
}

#[test]
fn a_needling_depth_deeper_than_any_standard_text_is_refused_with_the_reason() {
    for deep in ["15.0", "3.4e38"] {
        let (files, path, line, col) = edited(
            "points/bladder.ron",
            "depth_cun: Some((0.8, 1.2))",
            &format!("depth_cun: Some((0.8, {deep}))"),
        );
        let found = problems(&files);
        expect_at(
            &found,
            &path,
            line,
            col + 11,
            "deeper than any standard text",
        );
        assert!(
            !found.to_string().contains("340000000000"),
            "numbers are written short:\n{found}"
        );
    }
    // Five cun is the most: GB30's 1.5 to 2.5 and anything up to 5 pass.
    let (files, ..) = edited(
        "points/bladder.ron",
        "depth_cun: Some((0.8, 1.2))",
        "depth_cun: Some((0.8, 5.0))",
    );
    load_files("atlas", &files).unwrap_or_else(|p| panic!("{p}"));
}

#[test]
fn an_outline_point_far_off_the_figure_is_refused_at_the_point() {
    let (files, path, line, col) = edited(
        "figures/posterior.ron",
        "(0.4548, 0.0860)",
        "(0.4548, 1e30)",
    );
    expect_at(&problems(&files), &path, line, col, "outside the frame");
}

#[test]
fn a_shape_with_no_length_is_refused() {
    let (files, path, line, col) = edited(
        "figures/posterior.ron",
        "points: [(0.4548, 0.0860), (0.4540, 0.0950), (0.4552, 0.1040), (0.4572, 0.1110)]",
        "points: [(0.4548, 0.0860), (0.4548, 0.0860)]",
    );
    // Reported at the shape, which opens just before its points.
    let found = problems(&files);
    assert!(
        found.iter().any(|p| p.path == path
            && p.pos.is_some_and(|at| at.line == line && at.col < col)
            && p.message.contains("draws nothing")),
        "{found}"
    );
}

#[test]
fn a_band_wider_than_its_schematic_and_an_arrow_to_itself_are_refused() {
    let (files, path, line, col) =
        edited("schematics/nervous-system.ron", "width: 2.6", "width: 1e30");
    expect_at(
        &problems(&files),
        &path,
        line,
        col + 7,
        "no larger than the schematic",
    );
    let (files, path, line, col) = edited(
        "diagrams/cortisol-inflammation.ron",
        "to: Some(\"pituitary\")",
        "to: Some(\"hypothalamus\")",
    );
    expect_at(&problems(&files), &path, line, col + 4, "to itself");
}

#[test]
fn combs_and_stars_of_many_edges_load_with_their_points_inside() {
    // Each tooth of the comb spans the whole height: every test once met every tooth.
    for (id, vertices, inside) in [
        ("comb", comb(20_000), [(0.3, 0.075), (0.7, 0.075)]),
        ("star", star(10_000), [(0.45, 0.5), (0.55, 0.5)]),
    ] {
        let mut files = builtin_files();
        files.push(shape_figure(id, &vertices, inside));
        files.push(points_on(id, 2_000));
        let atlas = load_files("generated", &files).unwrap_or_else(|p| panic!("{id}: {p}"));
        let sites = atlas.sites(&atlas.points().last().unwrap().code).len();
        assert_eq!(sites, 2, "{id}: a bilateral point has two sites");
    }
}

#[test]
fn an_unreadable_points_file_is_named_first_with_what_follows_from_it_folded_under_it() {
    type Spoil = fn(&Path);
    let causes: [(&str, Spoil); 4] = [
        ("not UTF-8", |p| std::fs::write(p, b"\xff\xfe [").unwrap()),
        ("bytes", |p| std::fs::write(p, vec![b' '; 9 << 20]).unwrap()),
        ("pipe", |p| {
            let ok = std::process::Command::new("mkfifo")
                .arg(p)
                .status()
                .unwrap();
            assert!(ok.success());
        }),
        ("link", |p| std::os::unix::fs::symlink(p, p).unwrap()),
    ];
    for (words, spoil) in causes {
        let dir = tempfile::tempdir().unwrap();
        write_builtin(dir.path());
        let bladder = dir.path().join("points/bladder.ron");
        std::fs::remove_file(&bladder).unwrap();
        spoil(&bladder);
        let found = load_dir(dir.path()).unwrap_err();
        let first = found.iter().next().unwrap();
        assert_eq!(first.path, bladder.display().to_string(), "{found}");
        assert!(first.message.contains(words), "{words}: {found}");
        assert!(first.message.contains("that follow from it"), "{found}");
        assert!(!found.to_string().contains("unknown point"), "{found}");
    }
}
