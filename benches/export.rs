//! Drawing a view, a handout and a lesson without a window, on the CPU: as PNG pictures and as
//! PDFs.

#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{ConditionId, FigureId, LessonId, PointCode};
use acupoint_atlas::render::{
    DeckStyle, HandoutDetails, Paper, Picture, Renderer, deck_pdf, handout_pdf, render_handout,
    render_slide, render_view, write_slides,
};
use acupoint_atlas::scene::{Scene, Theme};
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
    // As `handout --out F.pdf` does it: a renderer of its own (no device: a PDF needs none).
    group.bench_function("handout A4 as PDF", |b| {
        b.iter(|| {
            let details = HandoutDetails {
                date: "2026-11-30".into(),
                ..HandoutDetails::default()
            };
            let mut renderer = Renderer::new();
            black_box(
                handout_pdf(&mut renderer, &atlas, &plan, &details, (Paper::A4, None)).unwrap(),
            )
        });
    });
    group.finish();
}

/// Lesson slides at 1920x1080: one renderer for all of them, as `lesson export` does. The first
/// slide pays for the device and fonts; each one after it costs only its drawing.
fn slides(c: &mut Criterion) {
    let atlas = load_builtin().unwrap();
    let lesson = atlas
        .lesson(&LessonId::new("chronic-back-pain"))
        .unwrap()
        .clone();
    let mut group = c.benchmark_group("slides");
    group.sample_size(20);
    let mut renderer = Renderer::new();
    // The first slide: the device, the fonts and their textures are made here.
    black_box(
        render_slide(
            &mut renderer,
            &atlas,
            &lesson,
            0,
            Theme::Light,
            (1920, 1080),
        )
        .unwrap(),
    );
    let mut next = 0;
    group.bench_function("a further slide of the built-in lesson, 1920x1080", |b| {
        b.iter(|| {
            next = (next + 1) % lesson.steps.len();
            black_box(
                render_slide(
                    &mut renderer,
                    &atlas,
                    &lesson,
                    next,
                    Theme::Light,
                    (1920, 1080),
                )
                .unwrap(),
            )
        });
    });
    let diagram = lesson
        .steps
        .iter()
        .position(|s| s.mechanism.is_some())
        .unwrap();
    group.bench_function("a further diagram slide, 1920x1080", |b| {
        b.iter(|| {
            black_box(
                render_slide(
                    &mut renderer,
                    &atlas,
                    &lesson,
                    diagram,
                    Theme::Light,
                    (1920, 1080),
                )
                .unwrap(),
            )
        });
    });
    group.sample_size(10);
    group.bench_function("a first slide with a new renderer, 1920x1080", |b| {
        b.iter(|| {
            let mut fresh = Renderer::new();
            black_box(
                render_slide(&mut fresh, &atlas, &lesson, 1, Theme::Light, (1920, 1080)).unwrap(),
            )
        });
    });
    group.finish();
}

/// A whole lesson written as PNG slides into a folder, as `lesson export` does.
fn deck(c: &mut Criterion) {
    let atlas = load_builtin().unwrap();
    let lesson = atlas
        .lesson(&LessonId::new("chronic-back-pain"))
        .unwrap()
        .clone();
    let mut group = c.benchmark_group("slides");
    group.sample_size(10);
    let dir = tempfile::tempdir().unwrap();
    group.bench_function(
        format!(
            "the built-in lesson's {} slides written as PNG files, 1920x1080",
            lesson.steps.len()
        ),
        |b| {
            b.iter(|| {
                black_box(
                    write_slides(
                        &atlas,
                        &lesson,
                        dir.path(),
                        Theme::Light,
                        (1920, 1080),
                        |_| {},
                    )
                    .unwrap(),
                )
            });
        },
    );
    for notes in [false, true] {
        let style = DeckStyle {
            theme: Theme::Light,
            size: (1920, 1080),
            paper: Paper::A4,
            notes,
        };
        let with = if notes { " with the notes" } else { "" };
        group.bench_function(
            format!(
                "the built-in lesson's {} slides as one PDF{with}, A4",
                lesson.steps.len()
            ),
            |b| b.iter(|| black_box(deck_pdf(&atlas, &lesson, style).unwrap())),
        );
    }
    group.finish();
}

criterion_group!(benches, export, slides, deck);
criterion_main!(benches);
