//! Loading and checking: the built-in atlas; generated atlases of 1,000 to 100,000 points to show
//! that the cost grows in proportion; and the large inputs that once took tens of seconds (an
//! 8 MiB figure file, a 200,000-point outline under 100,000 points), each now checked in well
//! under a second.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/common/generate.rs"]
mod generate;

use acupoint_atlas::load::{load_builtin, load_files};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use generate::{big_figure, with_points};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    c.bench_function("load and check the built-in atlas (embedded text)", |b| {
        b.iter(|| black_box(load_builtin().unwrap()));
    });
    let mut group = c.benchmark_group("load generated atlas");
    group.sample_size(10);
    for n in [1_000, 5_000, 10_000, 100_000] {
        let files = with_points(n, None);
        group.bench_with_input(BenchmarkId::from_parameter(n), &files, |b, files| {
            b.iter(|| black_box(load_files("generated", files).unwrap()));
        });
    }
    group.finish();

    let mut group = c.benchmark_group("large inputs");
    group.sample_size(10);
    let figure = big_figure(8 * 1024 * 1024 - 4096, 100_000);
    let files = with_points(0, Some(figure));
    let bytes = files.last().map_or(0, |f| f.text.len());
    group.bench_function(format!("an 8 MiB figure file ({bytes} bytes)"), |b| {
        b.iter(|| black_box(load_files("generated", &files).unwrap()));
    });
    let figure = big_figure(0, 200_000);
    let files = with_points(100_000, Some(figure));
    group.bench_function("100,000 points on a 200,000-point outline", |b| {
        b.iter(|| black_box(load_files("generated", &files).unwrap()));
    });
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
