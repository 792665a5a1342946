//! What a user waits for when the program starts, stage by stage (in process, without a
//! window system): the fonts, the built-in atlas, and the window's state with its first frame.
//! `scripts/startup-time.sh` measures the whole start of the real window under Xvfb.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::ui::AtlasApp;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use std::hint::black_box;

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("start");
    group.sample_size(10);
    group.bench_function("fonts installed and a first line of text laid out", |b| {
        b.iter(|| {
            let ctx = egui::Context::default();
            acupoint_atlas::paint::fonts::install(&ctx);
            let out = ctx.run_ui(egui::RawInput::default(), |ui| {
                ui.label("Wěizhōng 委中 BL40");
            });
            black_box(ctx.tessellate(out.shapes, out.pixels_per_point))
        });
    });
    group.bench_function("the built-in atlas loaded and checked", |b| {
        b.iter(|| black_box(load_builtin().unwrap()));
    });
    group.bench_function(
        "the window's state built and its first frame, 1280x800",
        |b| {
            b.iter(|| {
                let mut h = Harness::builder()
                    .with_size(egui::vec2(1280.0, 800.0))
                    .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
                h.step();
                black_box(h)
            });
        },
    );
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
