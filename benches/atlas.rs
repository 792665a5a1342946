//! Loading and checking: the built-in atlas; generated atlases of 1,000 to 100,000 points to show
//! that the cost grows in proportion; and the large inputs that once took tens of seconds (an
//! 8 MiB figure file, a 200,000-point outline under 100,000 points), each now checked in well
//! under a second; and outlines of every shape (`shapes.rs`: a comb, a spiral, a star), whose
//! tall edges once made a comb of 380,000 vertices take over a minute.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

#[path = "../tests/common/generate.rs"]
mod generate;
#[path = "atlas/shapes.rs"]
mod shapes;

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

/// The built-in atlas with one generated figure of each shape and 10,000 points on it (none on
/// the spiral, whose strip is too thin for a bilateral point's mirror image).
fn outline_shapes(c: &mut Criterion) {
    let mut group = c.benchmark_group("outline shapes");
    group.sample_size(10);
    for (name, figure, points) in [
        ("comb of 380,000 vertices", shapes::comb(380_000), 10_000),
        ("spiral of 380,000 vertices", shapes::spiral(380_000), 0),
        ("star of 380,000 vertices", shapes::star(380_000), 10_000),
    ] {
        let mut files = acupoint_atlas::load::builtin_files();
        files.push(figure.file("generated/figures/shape.ron"));
        files.push(shapes::points_on("shape", points));
        let bytes = files.iter().map(|f| f.text.len()).max().unwrap_or(0);
        assert!(load_files("generated", &files).is_ok(), "{name}");
        group.bench_function(format!("{name} ({bytes} bytes)"), |b| {
            b.iter(|| black_box(load_files("generated", &files).unwrap()));
        });
    }
    group.finish();
}

criterion_group!(benches, load, outline_shapes);
criterion_main!(benches);
