//! Loading and checking the built-in atlas.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::load::{builtin_files, load_builtin, load_files};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn load(c: &mut Criterion) {
    c.bench_function("load and check the built-in atlas", |b| {
        b.iter(|| black_box(load_builtin().unwrap()));
    });
    let files = builtin_files();
    c.bench_function("parse and check (text already in memory)", |b| {
        b.iter(|| black_box(load_files("atlas", &files).unwrap()));
    });
}

criterion_group!(benches, load);
criterion_main!(benches);
