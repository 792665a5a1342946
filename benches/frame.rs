//! One whole frame of the body canvas (egui pass and tessellation) with every point and label,
//! the same with every channel and the bones layer, and a search.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::FigureId;
use acupoint_atlas::scene::{LabelStyle, Scene, SceneLayers};
use acupoint_atlas::search::search;
use acupoint_atlas::ui::{CanvasMemory, canvas_ui};
use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;

fn frame(c: &mut Criterion) {
    let atlas = load_builtin().unwrap();
    let mut scene = Scene::new(
        FigureId::new("posterior"),
        atlas.points().iter().map(|p| p.code.clone()).collect(),
    );
    scene.labels = LabelStyle::Full;
    let mut group = c.benchmark_group("frame");
    for (name, w, h) in [("1920x1080", 1920.0, 1080.0), ("3840x2160", 3840.0, 2160.0)] {
        let ctx = egui::Context::default();
        ctx.set_fonts(acupoint_atlas::paint::fonts::definitions());
        let raw = egui::RawInput {
            screen_rect: Some(egui::Rect::from_min_size(
                egui::Pos2::ZERO,
                egui::vec2(w, h),
            )),
            ..Default::default()
        };
        let mut memory = CanvasMemory::default();
        let mut run = || {
            let out = ctx.run_ui(raw.clone(), |ui| {
                canvas_ui(ui, &mut memory, &atlas, &scene);
            });
            ctx.tessellate(out.shapes, out.pixels_per_point)
        };
        // Settle fonts and caches before measuring.
        for _ in 0..3 {
            run();
        }
        group.bench_function(format!("posterior, every point and label, {name}"), |b| {
            b.iter(|| black_box(run()));
        });
    }
    // The same frame with every channel and the bones layer drawn over the figure.
    let mut layered = scene.clone();
    layered.layers = SceneLayers {
        channels: atlas.channels().iter().map(|c| c.id.clone()).collect(),
        bones: true,
        ..SceneLayers::default()
    };
    let ctx = egui::Context::default();
    ctx.set_fonts(acupoint_atlas::paint::fonts::definitions());
    let raw = egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(1920.0, 1080.0),
        )),
        ..Default::default()
    };
    let mut memory = CanvasMemory::default();
    let mut run = || {
        let out = ctx.run_ui(raw.clone(), |ui| {
            canvas_ui(ui, &mut memory, &atlas, &layered);
        });
        ctx.tessellate(out.shapes, out.pixels_per_point)
    };
    for _ in 0..3 {
        run();
    }
    group.bench_function(
        "posterior, every point and label, all channels and bones, 1920x1080",
        |b| b.iter(|| black_box(run())),
    );
    group.finish();
    c.bench_function("search `wěizhōng`", |b| {
        b.iter(|| black_box(search(&atlas, black_box("wěizhōng"))));
    });
}

criterion_group!(benches, frame);
criterion_main!(benches);
