//! Generated figures whose one closed outline is an awkward shape for an index of edges: a comb
//! (a zig-zag of teeth each the whole height of the figure), a spiral (a thin strip wound many
//! times, long edges at every height) and a star (long spikes round a centre). Each has two
//! landmarks `shape_a` and `shape_b` inside the outline and a span `shape_span` between them.

#![allow(
    clippy::cast_precision_loss,
    reason = "generated counts are far below 2^52"
)]

use acupoint_atlas::load::{FileKind, SourceFile};
use std::fmt::Write as _;

/// A generated figure's text.
pub struct Generated {
    text: String,
}

impl Generated {
    pub fn file(self, path: &str) -> SourceFile {
        SourceFile {
            path: path.to_owned(),
            kind: FileKind::Figure,
            text: self.text,
        }
    }
}

/// The figure `shape` with these outline vertices (written with `digits` decimals) and its two
/// landmarks at `inside`.
fn figure(vertices: &[(f64, f64)], digits: usize, inside: [(f64, f64); 2]) -> Generated {
    let mut text = String::from(
        "Figure(id: \"shape\", title: \"Generated\", facing: Posterior, size: (1.0, 1.0), midline_x: Some(0.5), order: 99,\n shapes: [(kind: Outline, closed: true, points: [\n",
    );
    for (i, (x, y)) in vertices.iter().enumerate() {
        let _ = write!(text, "({x:.digits$},{y:.digits$}),");
        if i % 8 == 7 {
            text.push('\n');
        }
    }
    let [(ax, ay), (bx, by)] = inside;
    let _ = write!(
        text,
        "])],\n landmarks: [(id: \"shape_a\", name: \"A\", at: ({ax:.7}, {ay:.7})), (id: \"shape_b\", name: \"B\", at: ({bx:.7}, {by:.7}))],\n spans: [(id: \"shape_span\", name: \"A to B\", from: \"shape_a\", to: \"shape_b\", cun: 4.0)],\n)\n"
    );
    Generated { text }
}

/// A comb of `vertices` vertices: teeth from y = 0.1 to 0.9, closed along y = 0.05 (solid
/// below 0.1, where the landmarks are). Mirror-symmetric about the midline.
pub fn comb(vertices: usize) -> Generated {
    let teeth = (vertices - 3) & !1;
    let mut v: Vec<(f64, f64)> = (0..=teeth)
        .map(|i| {
            let x = 0.1 + 0.8 * i as f64 / teeth as f64;
            (x, if i % 2 == 0 { 0.1 } else { 0.9 })
        })
        .collect();
    v.extend([(0.9, 0.05), (0.1, 0.05)]);
    figure(&v, 6, [(0.3, 0.075), (0.7, 0.075)])
}

/// A spiral strip of `vertices` vertices, 16 to a turn on each side: the outer side winds out
/// from the centre, the inner side (half a turn's spacing inside it) winds back.
pub fn spiral(vertices: usize) -> Generated {
    const PER_TURN: usize = 16;
    let samples = vertices / 2;
    let turns = samples as f64 / PER_TURN as f64;
    let spacing = 0.4 / turns;
    let angle = |j: usize| j as f64 / PER_TURN as f64 * std::f64::consts::TAU;
    let radius = |j: usize| 0.05 + 0.4 * j as f64 / samples as f64;
    let at = |j: usize, r: f64| (0.5 + r * angle(j).cos(), 0.5 + r * angle(j).sin());
    let mut v: Vec<(f64, f64)> = (0..samples).map(|j| at(j, radius(j))).collect();
    v.extend((0..samples).rev().map(|j| at(j, radius(j) - spacing / 2.0)));
    // Inside the strip on two rays of the outer turn.
    let inside = |j: usize| at(j, radius(j) - spacing / 4.0);
    figure(&v, 6, [inside(samples - 5), inside(samples - 3)])
}

/// A star of `vertices` vertices: spikes out to 0.45 from a ring of 0.2 round the centre.
/// Mirror-symmetric about the midline when the number of spikes is even.
pub fn star(vertices: usize) -> Generated {
    let n = vertices & !3;
    let v: Vec<(f64, f64)> = (0..n)
        .map(|i| {
            let a = i as f64 / n as f64 * std::f64::consts::TAU;
            let r = if i % 2 == 0 { 0.45 } else { 0.2 };
            (0.5 + r * a.cos(), 0.5 + r * a.sin())
        })
        .collect();
    figure(&v, 6, [(0.45, 0.5), (0.55, 0.5)])
}

/// A points file of `n` bilateral points measured from `{id}_a` on `{id}_span`.
pub fn points_on(id: &str, n: usize) -> SourceFile {
    let mut text = String::from("[\n");
    for i in 0..n {
        let across = 0.1 * (i % 5) as f32;
        let _ = writeln!(
            text,
            r#"Point(code: "EX-S{i}", pinyin: "Shènshū", hanzi: "肾俞", hanzi_traditional: "腎俞", english: "Generated", meridian: EX, regions: ["lower-back"], laterality: Bilateral, placement: [Offset(from: "{id}_a", scale: "{id}_span", across: {across})], location: (landmark: "L2", measure: "out", palpate: "soft"), needling: (angle: Perpendicular, note: "n"), safety: [], patient_note: "p", sources: ["who2008"]),"#
        );
    }
    text.push(']');
    SourceFile {
        path: format!("generated/points/{id}.ron"),
        kind: FileKind::Points,
        text,
    }
}
