//! Hot reload as an educator feels it: from saving a points file (as an editor does, by
//! renaming a copy over it) to the window showing the change.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::model::PointCode;
use acupoint_atlas::ui::AtlasApp;
use criterion::{Criterion, criterion_group, criterion_main};
use egui_kittest::Harness;
use std::path::Path;
use std::time::{Duration, Instant};

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

fn english(h: &Harness<'_, AtlasApp>) -> String {
    h.state()
        .atlas()
        .point(&PointCode::new("BL40"))
        .map(|p| p.english.to_string())
        .unwrap_or_default()
}

/// Steps the window every 5 ms until BL40 is called `want` (a frame after the change lands).
fn until_shown(h: &mut Harness<'_, AtlasApp>, want: &str) {
    let start = Instant::now();
    while english(h) != want {
        assert!(start.elapsed() < Duration::from_secs(30), "never reloaded");
        std::thread::sleep(Duration::from_millis(5));
        h.step();
    }
}

fn reload(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/atlas")),
        dir.path(),
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, Some(dir.path()), None));
    until_shown(&mut h, "Bend Middle");
    let file = dir.path().join("points/bladder.ron");
    let text = std::fs::read_to_string(&file).unwrap();
    let mut round = 0_u64;
    let mut group = c.benchmark_group("hot reload");
    group.sample_size(10);
    group.bench_function("a saved points file shown in the window", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                round += 1;
                let want = format!("Bend Middle {round}");
                let tmp = file.with_extension("ron.swp");
                std::fs::write(
                    &tmp,
                    text.replace("\"Bend Middle\"", &format!("\"{want}\"")),
                )
                .unwrap();
                let start = Instant::now();
                std::fs::rename(&tmp, &file).unwrap();
                until_shown(&mut h, &want);
                total += start.elapsed();
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, reload);
criterion_main!(benches);
