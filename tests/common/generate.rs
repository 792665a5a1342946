//! Generated atlases for benchmarks and scale tests: the built-in atlas plus many points, and a
//! figure file as large as an atlas file may be.

#![allow(dead_code, reason = "each user takes what it needs")]
#![allow(clippy::cast_precision_loss, reason = "generated counts are small")]

use acupoint_atlas::load::{FileKind, SourceFile, builtin_files};
use std::fmt::Write as _;

/// The built-in atlas with `n` generated extra points on the back, spread over 25 files, and
/// `figure` (a generated figure file's text) if given.
pub fn with_points(n: usize, figure: Option<String>) -> Vec<SourceFile> {
    let mut files = builtin_files();
    let per_file = n.div_ceil(25);
    for f in 0..25 {
        let mut text = String::from("[\n");
        for i in (f * per_file)..((f + 1) * per_file).min(n) {
            let across = 0.5 + (i % 5) as f32 * 0.5;
            let _ = writeln!(
                text,
                r#"Point(code: "EX-G{i}", pinyin: "Shènshū", hanzi: "肾俞", hanzi_traditional: "腎俞", english: "Generated", meridian: EX, regions: ["lower-back"], laterality: Bilateral, placement: [Offset(from: "l2_spinous_lower", scale: "back_scale", across: {across})], location: (landmark: "L2", measure: "out", palpate: "soft"), needling: (angle: Perpendicular, note: "n"), safety: [], patient_note: "p", sources: ["who2008"]),"#
            );
        }
        text.push(']');
        files.push(SourceFile {
            path: format!("generated/points-{f}.ron"),
            kind: FileKind::Points,
            text,
        });
    }
    if let Some(text) = figure {
        files.push(SourceFile {
            path: "generated/figures/big.ron".to_owned(),
            kind: FileKind::Figure,
            text,
        });
    }
    files
}

/// A posterior figure whose closed outline is a many-sided oval of `outline_points` points, with
/// the landmarks and span the generated points are measured from, and as many extra landmarks
/// and spans between them as make the file about `bytes` long (none for 0).
pub fn big_figure(bytes: usize, outline_points: usize) -> String {
    let mut text = String::from(
        "Figure(\n    id: \"big\",\n    title: \"Generated\",\n    facing: Posterior,\n    size: (1.0, 1.0),\n    midline_x: Some(0.5),\n    order: 99,\n    shapes: [\n        (kind: Outline, closed: true, points: [\n",
    );
    for i in 0..outline_points {
        let a = i as f64 / outline_points as f64 * std::f64::consts::TAU;
        let _ = write!(
            text,
            "({:.6}, {:.6}), ",
            0.5 + 0.45 * a.cos(),
            0.5 + 0.48 * a.sin()
        );
        if i % 8 == 7 {
            text.push('\n');
        }
    }
    text.push_str(
        "]),\n    ],\n    landmarks: [\n        (id: \"l2_spinous_lower\", name: \"L2\", at: (0.5, 0.46)),\n        (id: \"t3_spinous_lower\", name: \"T3\", at: (0.5, 0.25)),\n        (id: \"scapula_medial_border_t3\", name: \"Scapula\", at: (0.44, 0.25)),\n",
    );
    let mut spans = String::from(
        "    ],\n    spans: [\n        (id: \"back_scale\", name: \"Midline to scapula\", from: \"t3_spinous_lower\", to: \"scapula_medial_border_t3\", cun: 3.0),\n",
    );
    let closing = "    ],\n)\n";
    // Extra landmarks, each with a span from the one before, while they fit in `bytes`.
    for i in 0usize.. {
        let x = 0.3 + 0.4 * ((i * 7919) % 1000) as f64 / 1000.0;
        let y = 0.2 + 0.6 * ((i * 104_729) % 1000) as f64 / 1000.0;
        let landmark =
            format!("        (id: \"lm_{i}\", name: \"Landmark {i}\", at: ({x:.4}, {y:.4})),\n");
        let span = if i == 0 {
            String::new()
        } else {
            format!(
                "        (id: \"sp_{i}\", name: \"Span {i}\", from: \"lm_{}\", to: \"lm_{i}\", cun: 2.0),\n",
                i - 1
            )
        };
        if text.len() + spans.len() + landmark.len() + span.len() + closing.len() > bytes {
            break;
        }
        text.push_str(&landmark);
        spans.push_str(&span);
    }
    text.push_str(&spans);
    text.push_str(closing);
    text
}
