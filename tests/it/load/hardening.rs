//! Hostile or unlucky atlas folders: ids that could become paths, huge strings, files that lie
//! about their size, things in the atlas folders that are not files, a broken file beside
//! sound ones, byte-order marks, brackets in comments and spans too small to place.

use crate::common::fixture::AtlasCopy;
use acupoint_atlas::load::load_dir;
use std::fmt::Write as _;
use std::path::Path;

fn mkfifo(path: &Path) {
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

#[test]
fn a_figure_id_that_could_become_a_path_is_refused_where_it_stands() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("figures/back.ron", "\"back\"", "\"../../../../tmp/x\"");
    copy.expect_at(
        "figures/back.ron",
        (line, col),
        "figure id `../../../../tmp/x` is not plain",
    );
}

#[test]
fn ids_of_every_kind_must_be_plain() {
    for (rel, from, to, what) in [
        (
            "regions.ron",
            "\"lower-back\"",
            "\"lower back\"",
            "region id",
        ),
        (
            "conditions.ron",
            "\"lower-back-pain\"",
            "\"a/b\"",
            "condition id",
        ),
        (
            "references.ron",
            "\"who2008\"",
            "\"who.2008\"",
            "reference id",
        ),
        (
            "figures/back.ron",
            "\"t3_spinous_lower\"",
            "\"t3 spinous\"",
            "landmark id",
        ),
        (
            "figures/back.ron",
            "\"back_scale\"",
            "\"back:scale\"",
            "span id",
        ),
        ("points/bladder.ron", "\"BL23\"", "\"BL 23\"", "point code"),
    ] {
        let copy = AtlasCopy::minimal();
        let (line, col) = copy.edit(rel, from, to);
        copy.expect_at(
            rel,
            (line, col),
            &format!("{what} `{}` is not plain", to.trim_matches('"')),
        );
    }
}

#[test]
fn a_point_name_of_a_megabyte_is_refused_at_the_name() {
    let copy = AtlasCopy::minimal();
    let long = "n".repeat(1024 * 1024);
    let (line, col) = copy.edit(
        "points/bladder.ron",
        "\"Kidney Shu\"",
        &format!("\"{long}\""),
    );
    copy.expect_at(
        "points/bladder.ron",
        (line, col),
        "`english` is 1048576 characters long",
    );
    let text = copy.problems().to_string();
    assert!(text.len() < 10_000, "the message does not repeat the name");
}

#[test]
fn long_prose_is_refused_but_a_few_paragraphs_pass() {
    let copy = AtlasCopy::minimal();
    let fine = "word ".repeat(600);
    copy.edit(
        "conditions.ron",
        "Pain between the ribs and the buttocks.",
        &fine,
    );
    assert!(load_dir(copy.dir.path()).is_ok());
    let long = "word ".repeat(2000);
    let (line, col) = copy.edit("conditions.ron", &fine, &long);
    copy.expect_at(
        "conditions.ron",
        (line, col - 1),
        "`summary` is 10000 characters long",
    );
}

#[test]
fn a_file_that_reports_a_small_size_is_read_only_to_the_limit() {
    let copy = AtlasCopy::minimal();
    // /proc files report a size of 0; this one holds gigabytes.
    std::os::unix::fs::symlink("/proc/self/pagemap", copy.path("points/huge.ron")).unwrap();
    copy.expect_file("points/huge.ron", "atlas files may be at most");
}

#[test]
fn a_dangling_link_a_loop_a_pipe_and_a_folder_in_points_are_each_reported() {
    let copy = AtlasCopy::minimal();
    std::os::unix::fs::symlink(
        copy.path("points/nowhere.ron"),
        copy.path("points/dangling.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        copy.path("points/loop-b.ron"),
        copy.path("points/loop-a.ron"),
    )
    .unwrap();
    std::os::unix::fs::symlink(
        copy.path("points/loop-a.ron"),
        copy.path("points/loop-b.ron"),
    )
    .unwrap();
    mkfifo(&copy.path("points/pipe.ron"));
    std::fs::create_dir(copy.path("points/old")).unwrap();
    copy.expect_file("points/dangling.ron", "symbolic link to nothing");
    copy.expect_file("points/loop-a.ron", "cannot be read");
    copy.expect_file("points/pipe.ron", "named pipe");
    copy.expect_file("points/old", "is a folder");
}

#[test]
fn a_pipe_in_figures_and_at_the_top_level_is_reported_and_never_opened() {
    let copy = AtlasCopy::minimal();
    mkfifo(&copy.path("figures/pipe.ron"));
    std::fs::remove_file(copy.path("guidance.ron")).unwrap();
    mkfifo(&copy.path("guidance.ron"));
    let (tx, rx) = std::sync::mpsc::channel();
    let dir = copy.dir.path().to_owned();
    std::thread::spawn(move || {
        let _ = tx.send(load_dir(&dir).unwrap_err().to_string());
    });
    let text = rx
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("loading blocked on a pipe");
    assert!(
        text.contains("figures/pipe.ron: cannot be read as an atlas file: is a named pipe"),
        "{text}"
    );
    assert!(
        text.contains("guidance.ron: cannot be read as an atlas file: is a named pipe"),
        "{text}"
    );
    assert!(!text.contains("guidance.ron: file is missing"), "{text}");
}

#[test]
fn editors_hidden_files_and_other_files_in_points_are_ignored() {
    let copy = AtlasCopy::minimal();
    // Emacs leaves a dangling link as its lock file; vim a swap file.
    std::os::unix::fs::symlink("user@host.1234", copy.path("points/.#bladder.ron")).unwrap();
    copy.write("points/.bladder.ron.swp", "junk");
    copy.write("points/README.md", "notes");
    assert!(load_dir(copy.dir.path()).is_ok());
}

#[test]
fn a_syntax_error_in_one_file_hides_nothing_in_the_others() {
    let copy = AtlasCopy::minimal();
    copy.write("mechanisms.ron", "[ Mechanism(id: ");
    let (line, col) = copy.edit("points/bladder.ron", "\"lower-back\"", "\"lumbar\"");
    copy.edit("conditions.ron", "\"who2008\"", "\"who2009\"");
    let problems = copy.problems();
    assert_eq!(problems.len(), 3, "{problems}");
    copy.expect_at("points/bladder.ron", (line, col), "unknown region `lumbar`");
    assert!(
        problems.to_string().contains("mechanisms.ron:1:"),
        "{problems}"
    );
}

#[test]
fn ids_a_broken_file_defines_are_not_reported_as_unknown_elsewhere() {
    let copy = AtlasCopy::minimal();
    // A missing comma after the id: the region cannot be read, but its id is plain to see.
    copy.edit("regions.ron", "\"lower-back\",", "\"lower-back\"");
    let problems = copy.problems();
    assert_eq!(problems.len(), 1, "only the syntax error: {problems}");
    assert!(
        problems.to_string().contains("regions.ron:2:"),
        "{problems}"
    );

    // A figure cut short inside a string may define anything: no unknown landmarks or spans.
    let copy = AtlasCopy::minimal();
    let text = copy.read("figures/back.ron");
    let cut = text.find("l2_spinous_lower").unwrap() + 3;
    copy.write("figures/back.ron", &text[..cut]);
    let problems = copy.problems();
    assert_eq!(problems.len(), 1, "{problems}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let copy = AtlasCopy::minimal();
    for rel in ["regions.ron", "figures/back.ron", "points/bladder.ron"] {
        let text = copy.read(rel);
        copy.write(rel, &format!("\u{feff}{text}"));
    }
    assert!(load_dir(copy.dir.path()).is_ok());
    let (line, col) = copy.edit("points/bladder.ron", "\"lower-back\"", "\"lumbar\"");
    copy.expect_at("points/bladder.ron", (line, col), "unknown region");
}

#[test]
fn brackets_in_comments_and_strings_are_not_nesting() {
    let copy = AtlasCopy::minimal();
    let many = "(".repeat(70);
    let text = copy.read("regions.ron");
    copy.write(
        "regions.ron",
        &format!(
            "/* {many} */\n// {many}\n{}",
            text.replace("your lower back", &many)
        ),
    );
    assert!(load_dir(copy.dir.path()).is_ok());
}

#[test]
fn a_span_too_small_to_place_is_refused_by_name() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("figures/back.ron", "cun: 3.0", "cun: 1e-45");
    copy.expect_at("figures/back.ron", (line, col + 5), "span `back_scale`");
    let text = copy.problems().to_string();
    assert!(text.contains("too small"), "{text}");
}

/// The figure text with every coordinate (`size`, `midline_x`, shape `points`, landmark `at`)
/// multiplied by `k`; cun counts, orders and comments are left as they are.
fn scaled_figure(text: &str, k: f64) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut field = String::new();
    let mut word = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                out.push(c);
                for c in chars.by_ref() {
                    out.push(c);
                    if c == '\n' {
                        break;
                    }
                }
            }
            '"' => {
                out.push(c);
                while let Some(c) = chars.next() {
                    out.push(c);
                    if c == '\\' {
                        out.extend(chars.next());
                    } else if c == '"' {
                        break;
                    }
                }
            }
            c if c.is_ascii_digit()
                || (c == '-' && chars.peek().is_some_and(char::is_ascii_digit)) =>
            {
                let mut number = c.to_string();
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_digit() || d == '.' || d == 'e' || d == 'E' {
                        number.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                if ["size", "midline_x", "points", "at"].contains(&field.as_str()) {
                    let v: f64 = number.parse().unwrap();
                    let _ = write!(out, "{:e}", v * k);
                } else {
                    out.push_str(&number);
                }
            }
            c if c.is_ascii_alphabetic() || c == '_' => {
                word.clear();
                word.push(c);
                while let Some(&d) = chars.peek() {
                    if d.is_ascii_alphanumeric() || d == '_' {
                        word.push(d);
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push_str(&word);
                let rest: String = chars.clone().take_while(|c| c.is_whitespace()).collect();
                if chars.clone().nth(rest.chars().count()) == Some(':') {
                    field.clone_from(&word);
                }
            }
            _ => out.push(c),
        }
    }
    out
}

#[test]
fn the_built_in_atlas_drawn_a_thousand_times_smaller_or_a_million_times_larger_places_alike() {
    use acupoint_atlas::load::{FileKind, builtin_files, load_files};
    let count = |atlas: &acupoint_atlas::model::Atlas| -> (usize, usize) {
        let sites = atlas
            .points()
            .iter()
            .map(|p| atlas.sites(&p.code).len())
            .sum();
        let midline = atlas
            .points()
            .iter()
            .flat_map(|p| atlas.sites(&p.code))
            .filter(|s| s.side == acupoint_atlas::model::Side::Midline)
            .count();
        (sites, midline)
    };
    let original = load_files("atlas", &builtin_files()).unwrap();
    let want = count(&original);
    // (A figure 1e30 wide is refused: see hostile_numbers.rs.)
    for k in [1e-3, 1e6] {
        let mut files = builtin_files();
        for f in files.iter_mut().filter(|f| f.kind == FileKind::Figure) {
            f.text = scaled_figure(&f.text, k);
        }
        let atlas =
            load_files("scaled", &files).unwrap_or_else(|problems| panic!("at x{k}: {problems}"));
        assert_eq!(count(&atlas), want, "sites and midline sites at x{k}");
    }
}

#[test]
fn the_generated_benchmark_atlases_are_sound_and_within_the_limits() {
    use crate::common::generate::{big_figure, with_points};
    use acupoint_atlas::load::{MAX_FILE_BYTES, load_files};
    let limit = usize::try_from(MAX_FILE_BYTES).unwrap() - 4096;
    let figure = big_figure(limit, 1_000);
    assert!(
        figure.len() <= limit && figure.len() > limit - 200,
        "{}",
        figure.len()
    );
    let files = with_points(200, Some(big_figure(200_000, 5_000)));
    let atlas = load_files("generated", &files).unwrap_or_else(|p| panic!("{p}"));
    assert_eq!(atlas.points().len(), 62 + 200);
}

#[test]
fn an_unknown_landmark_inside_one_of_is_reported_at_the_landmark() {
    let copy = AtlasCopy::minimal();
    copy.edit(
        "points/bladder.ron",
        "Offset(from: \"l2_spinous_lower\", scale: \"back_scale\", across: 1.5),",
        "OneOf([At(\"t3_spinous_lower\"), Offset(from: \"l2_spinus\", scale: \"back_scale\", across: 1.5)]),",
    );
    let text = copy.read("points/bladder.ron");
    let at = text.find("\"l2_spinus\"").unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let col = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
    copy.expect_at(
        "points/bladder.ron",
        (line, col),
        "unknown landmark `l2_spinus`",
    );
}
