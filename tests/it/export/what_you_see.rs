//! What you export is what you see: in every mode, the picture "Export view…" makes from the
//! window's scene and framing has the same pixels as the window's canvas, and the `export`
//! command builds the same scene as the window for the same choices.

use acupoint_atlas::cli::{ExportArgs, LabelsArg, ModeArg, ThemeArg, export_scene};
use acupoint_atlas::model::{ConditionId, PointCode};
use acupoint_atlas::render::{Picture, render_view};
use acupoint_atlas::session::{Command, Mode};
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;

const W: f32 = 1280.0;
const H: f32 = 800.0;

fn harness<'a>() -> Harness<'a, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(W, H))
        .wgpu()
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
    h.run();
    h
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

/// Share of pixels that differ by more than a little (anti-aliasing may differ slightly).
fn differing_share(a: &image::RgbaImage, b: &image::RgbaImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let differ = a
        .pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0.iter()).any(|(x, y)| x.abs_diff(*y) > 40))
        .count();
    differ as f64 / f64::from(a.width() * a.height())
}

/// Renders the window, crops its canvas, renders the export of the same view, and compares.
fn export_matches_canvas(h: &mut Harness<'_, AtlasApp>, state: &str) {
    // Keep the pointer off the canvas: a hovered dot is ringed on screen only.
    h.hover_at(egui::pos2(W - 5.0, 5.0));
    h.run();
    let window = h.render().unwrap();
    let app = h.state();
    let export = app.view_export().expect("the canvas was drawn");
    assert_eq!(
        Some(&export.scene),
        app.session().scene(app.atlas()).as_ref(),
        "{state}: the export describes the window's scene"
    );
    let canvas = app.layout().canvas.unwrap();
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "whole screen points"
    )]
    let (x, y, w, hgt) = (
        canvas.min.x.round() as u32,
        canvas.min.y.round() as u32,
        canvas.width().round() as u32,
        canvas.height().round() as u32,
    );
    let seen = image::imageops::crop_imm(&window, x, y, w, hgt).to_image();
    let picture = Picture {
        width: w,
        height: hgt,
        pixels_per_point: 1.0,
        caption: false,
    };
    let exported = render_view(app.atlas(), &export.scene, export.framing, picture).unwrap();
    let share = differing_share(&seen, &exported);
    if let Ok(dir) = std::env::var("SAVE_COMPARE") {
        let name = state.replace([' ', ','], "_");
        seen.save(format!("{dir}/{name}-window.png")).unwrap();
        exported.save(format!("{dir}/{name}-export.png")).unwrap();
    }
    assert!(
        share < 0.005,
        "{state}: {:.2}% of the canvas differs from the export",
        share * 100.0
    );
}

#[test]
fn the_exported_view_has_the_window_canvas_pixels_in_every_mode() {
    let mut h = harness();
    command(&mut h, Command::SelectPoint(PointCode::new("BL40")));
    command(&mut h, Command::AddToPlan(PointCode::new("BL40")));
    command(&mut h, Command::AddToPlan(PointCode::new("LI4")));
    export_matches_canvas(&mut h, "explore, BL40 selected");

    command(&mut h, Command::SetMode(Mode::Patient));
    export_matches_canvas(&mut h, "patient");

    command(&mut h, Command::SetMode(Mode::Study));

    command(
        &mut h,
        Command::Study(acupoint_atlas::session::StudyCommand::Start),
    );
    command(&mut h, Command::AnswerChoice(0));
    command(
        &mut h,
        Command::AnswerLocate(acupoint_atlas::model::FigurePos::new(0.5, 0.5)),
    );
    export_matches_canvas(&mut h, "study, answered");

    command(&mut h, Command::SetMode(Mode::Present));
    command(&mut h, Command::SetTextScale(2.0));
    command(&mut h, Command::Step(1));
    command(&mut h, Command::Step(1));
    export_matches_canvas(&mut h, "present at 2x, stepped and framed");
}

#[test]
fn the_export_command_builds_the_window_scene_for_the_same_choices() {
    let mut h = Harness::builder()
        .with_size(egui::vec2(W, H))
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
    h.run();
    for (mode, arg) in [
        (Mode::Explore, ModeArg::Explore),
        (Mode::Present, ModeArg::Present),
    ] {
        command(&mut h, Command::SetMode(mode));
        let app = h.state();
        let window = app.session().scene(app.atlas()).unwrap();
        let args = ExportArgs {
            view: window.figure.as_str(),
            condition: window.condition.as_ref().map(ConditionId::as_str),
            highlight: &[],
            mode: arg,
            labels: None::<LabelsArg>,
            scale: app.session().kept.text_scale,
            width: 1280,
            height: 800,
            theme: ThemeArg::Light,
            layers: &[],
            paper: acupoint_atlas::cli::PaperArg::A4,
            out: std::path::Path::new("unused.png"),
        };
        let cli = export_scene(app.atlas(), &args).unwrap();
        // Explore rings today's plan, which the command line has none of.
        let mut window = window;
        window.in_plan.clear();
        assert_eq!(cli, window, "{mode:?}");
    }
}
