//! Drawing a view and a handout without a window, on the CPU.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{ConditionId, FigureId, PointCode};
use acupoint_atlas::render::{HandoutDetails, Paper, Picture, render_handout, render_view};
use acupoint_atlas::scene::Scene;
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn export(c: &mut Criterion) {
    let atlas = load_builtin().unwrap();
    let mut group = c.benchmark_group("export");
    group.sample_size(10);
    for (name, w, h) in [("1920x1080", 1920, 1080), ("print 2480x3508", 2480, 3508)] {
        let condition = ConditionId::new("lower-back-pain");
        let points = atlas
            .condition_points(Some(&condition))
            .iter()
            .map(|p| p.code.clone())
            .collect();
        let mut scene = Scene::new(FigureId::new("posterior"), points);
        scene.condition = Some(condition);
        let picture = Picture::captioned(w, h);
        group.bench_function(format!("posterior view {name}"), |b| {
            b.iter(|| black_box(render_view(&atlas, &scene, None, picture).unwrap()));
        });
    }
    let plan: Vec<PointCode> = ["BL23", "BL40", "KI3", "LI4"]
        .into_iter()
        .map(PointCode::new)
        .collect();
    group.bench_function("handout A4 (2480x3508)", |b| {
        b.iter(|| {
            black_box(
                render_handout(
                    &atlas,
                    &plan,
                    &HandoutDetails {
                        date: "2026-11-30".into(),
                        ..HandoutDetails::default()
                    },
                    Paper::A4,
                )
                .unwrap(),
            )
        });
    });
    group.finish();
}

criterion_group!(benches, export);
criterion_main!(benches);
