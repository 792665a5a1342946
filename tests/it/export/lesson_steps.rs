//! Slides that show what they say: every body step of every shipped lesson, drawn as the window
//! and `lesson export` draw it (one framing for both), at the sizes and scales a classroom uses,
//! shows each point it names inside the frame, labelled (never folded into a "+N"), clear of
//! the key and the ruler's texts, and apart from the other named points' dots.

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{Atlas, PointCode, StructureId};
use acupoint_atlas::paint::{ArtCache, fonts};
use acupoint_atlas::render::draw_view;
use acupoint_atlas::scene::{Scene, lesson_scene};
use egui::{Pos2, Rect, Vec2, vec2};

/// The canvases a step is drawn on, in points, with the scale of text and dots: the exported
/// slide at 1920x1080, and the window's canvas beside Present mode's card at 1920x1080 and
/// 1280x800, at 2x and 3x.
const CANVASES: [(Vec2, f32); 5] = [
    (vec2(1778.0, 1000.0), 1.5),
    (vec2(1344.0, 1030.0), 2.0),
    (vec2(1344.0, 1030.0), 3.0),
    (vec2(896.0, 750.0), 2.0),
    (vec2(896.0, 750.0), 3.0),
];

/// Where things went on one drawn step.
struct Seen {
    body: Rect,
    dots: Vec<(PointCode, Pos2, f32)>,
    labels: Vec<(PointCode, Rect)>,
    overlays: Vec<Rect>,
    folded: Vec<PointCode>,
}

/// Draws `scene` on a canvas of `size` through the renderer's own drawing (no GPU needed).
fn draw(ctx: &egui::Context, atlas: &Atlas, scene: &Scene, size: Vec2) -> Seen {
    let figure = atlas.figure(&scene.figure).unwrap();
    let art = ArtCache::default().get(figure);
    let rect = Rect::from_min_size(Pos2::ZERO, size);
    let mut seen = None;
    for _ in 0..2 {
        let input = egui::RawInput {
            screen_rect: Some(rect),
            ..Default::default()
        };
        let mut output = ctx.run_ui(input, |ui| {
            let painter = ui.painter().with_clip_rect(rect);
            let (body, drawn) = draw_view(&painter, rect, atlas, scene, figure, &art, None);
            seen = Some(Seen {
                body,
                dots: drawn
                    .dots
                    .iter()
                    .map(|d| (d.point.code.clone(), d.at, d.radius))
                    .collect(),
                labels: drawn.labels.iter().map(|(r, c)| (c.clone(), *r)).collect(),
                overlays: drawn.overlays.clone(),
                folded: drawn.clusters.iter().flat_map(|c| c.1.clone()).collect(),
            });
        });
        // No textures are uploaded anywhere: the fonts' atlas is dropped on purpose.
        output.textures_delta.clear();
    }
    seen.unwrap()
}

/// What is wrong with how one step shows the points it names (empty when nothing is).
fn problems(scene: &Scene, seen: &Seen) -> Vec<String> {
    let mut out = Vec::new();
    let named: Vec<&PointCode> = scene.highlighted.iter().chain(&scene.selected).collect();
    for code in &named {
        let dots: Vec<_> = seen.dots.iter().filter(|d| &&d.0 == code).collect();
        if dots.is_empty() {
            out.push(format!("{code} is not drawn on the step's view"));
        }
        for (_, at, r) in &dots {
            if !seen.body.shrink(*r).contains(*at) {
                out.push(format!(
                    "{code} at {at:?} is outside the frame {:?}",
                    seen.body
                ));
            }
            if seen.overlays.iter().any(|o| o.expand(*r).contains(*at)) {
                out.push(format!(
                    "{code} at {at:?} is covered by a key or a ruler's text"
                ));
            }
            // Enlarged dots may touch on a whole-body overview, but never hide each other's
            // middle, where a leader lands.
            let hiding = seen.dots.iter().find(|(other, p, q)| {
                other != *code && named.contains(&other) && p.distance(*at) < r.max(*q)
            });
            if let Some((other, ..)) = hiding {
                out.push(format!("{code}'s dot is hidden by {other}'s"));
            }
        }
        if !scene.labels_point(code) {
            continue;
        }
        match seen.labels.iter().find(|(c, _)| c == *code) {
            None if seen.folded.contains(code) => out.push(format!("{code} is folded into a +N")),
            None => out.push(format!("{code} has no label")),
            Some((_, label)) => {
                if !seen.body.contains_rect(*label) {
                    out.push(format!("{code}'s label is outside the frame"));
                }
                if seen.overlays.iter().any(|o| o.intersects(*label)) {
                    out.push(format!("{code}'s label is under a key or a ruler's text"));
                }
            }
        }
    }
    out
}

#[test]
fn every_step_of_every_shipped_lesson_frames_labels_and_uncovers_each_point_it_names() {
    let atlas = load_builtin().unwrap();
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let mut failures = Vec::new();
    let mut walked = 0;
    for lesson in atlas.lessons() {
        for index in 0..lesson.steps.len() {
            let Some(mut scene) = lesson_scene(&atlas, lesson, index) else {
                continue;
            };
            if scene.diagram.is_some() {
                continue;
            }
            for (size, scale) in CANVASES {
                scene.scale = scale;
                let seen = draw(&ctx, &atlas, &scene, size);
                walked += 1;
                for p in problems(&scene, &seen) {
                    failures.push(format!(
                        "{} step {} at {}x{} {scale}x: {p}",
                        lesson.id,
                        index + 1,
                        size.x,
                        size.y
                    ));
                }
            }
        }
    }
    assert!(walked > 0, "no body step was walked");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn a_step_naming_landmarks_draws_the_bones_and_frames_them() {
    let atlas = load_builtin().unwrap();
    let lesson = atlas.lessons().first().unwrap();
    let index = lesson
        .steps
        .iter()
        .position(|s| s.title.as_str() == "Finding BL23: the landmarks")
        .unwrap();
    let scene = lesson_scene(&atlas, lesson, index).unwrap();
    assert!(scene.layers.bones);
    let named: Vec<&str> = scene.layers.named.iter().map(StructureId::as_str).collect();
    for id in ["intercristal_line", "l4_spinous", "l2_spinous"] {
        assert!(named.contains(&id), "{id} not named: {named:?}");
    }
    assert!(scene.frame_step);
}

#[test]
fn the_window_frames_each_lesson_step_as_its_slide_does() {
    use acupoint_atlas::model::LessonId;
    use acupoint_atlas::session::{Command, Mode};
    let mut h = crate::common::app_harness(None, None);
    h.run();
    let command = |h: &mut egui_kittest::Harness<'_, acupoint_atlas::ui::AtlasApp>, c| {
        let ctx = h.ctx.clone();
        h.state_mut().run_command(&ctx, c);
        h.run();
        h.run();
    };
    command(&mut h, Command::SetMode(Mode::Present));
    command(&mut h, Command::SetTextScale(2.0));
    let id = LessonId::new("chronic-back-pain");
    command(&mut h, Command::OpenLesson(Some(id)));
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let mut compared = 0;
    for target in 0..8 {
        // Stepping forward turns a long card's pages first.
        for _ in 0..6 {
            let at = h
                .state()
                .session()
                .lesson_play(h.state().atlas())
                .map(|p| p.1);
            if at == Some(target) {
                break;
            }
            command(&mut h, Command::Step(1));
        }
        let app = h.state();
        let scene = app.session().scene(app.atlas()).unwrap();
        if !scene.frame_step {
            continue;
        }
        let canvas = app.layout().canvas.unwrap();
        let seen = draw(&ctx, app.atlas(), &scene, canvas.size());
        for code in scene.highlighted.iter().chain(&scene.selected) {
            let sites = app
                .atlas()
                .sites_for(code, &scene.figure, scene.condition.as_ref());
            let window = app.figure_on_screen(sites[0].at).unwrap() - canvas.min;
            let slide = seen.dots.iter().find(|d| &d.0 == code).unwrap().1 - Pos2::ZERO;
            assert!(
                (window - slide).length() < 1.0,
                "step {}: {code} at {window:?} in the window, {slide:?} on the slide",
                target + 1
            );
            compared += 1;
        }
    }
    assert!(compared > 10, "{compared} points compared");
}
