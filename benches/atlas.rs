//! Loading and checking the built-in atlas, and generated atlases of 1,000 to 10,000 points to
//! show that the cost grows in proportion.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::load::{FileKind, SourceFile, builtin_files, load_builtin, load_files};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::fmt::Write as _;
use std::hint::black_box;

/// The built-in atlas with `n` generated extra points on the back, spread over 25 files.
fn generated(n: usize) -> Vec<SourceFile> {
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
    files
}

fn load(c: &mut Criterion) {
    c.bench_function("load and check the built-in atlas (embedded text)", |b| {
        b.iter(|| black_box(load_builtin().unwrap()));
    });
    let mut group = c.benchmark_group("load generated atlas");
    group.sample_size(10);
    for n in [1_000, 5_000, 10_000] {
        let files = generated(n);
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| black_box(load_files("generated", files).unwrap()));
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
