//! The window's export: "Export handout…" asks for PDF or PNG and the paper, remembers the
//! choice, and its notices float over the canvas instead of pushing it up.

use acupoint_atlas::model::PointCode;
use acupoint_atlas::session::Command;
use acupoint_atlas::store::{ExportFormat, PaperChoice};
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness<'a>() -> Harness<'a, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
    h.run();
    h
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

#[test]
fn export_handout_asks_for_pdf_or_png_and_the_paper_and_cancel_writes_nothing() {
    let mut h = harness();
    command(&mut h, Command::AddToPlan(PointCode::new("BL23")));
    command(&mut h, Command::ExportHandout);
    for label in [
        "Export handout",
        "PDF",
        "PNG picture (300 dpi)",
        "A4",
        "Letter",
    ] {
        assert!(
            h.query_by_label(label).is_some(),
            "no `{label}` in the dialog"
        );
    }
    h.get_by_label("Letter").click();
    h.run();
    h.get_by_label("Cancel").click();
    h.run();
    assert!(
        h.query_by_label("Export handout").is_none(),
        "the dialog stayed"
    );
    assert!(h.state().notices().is_empty(), "{:?}", h.state().notices());
    assert_eq!(
        h.state().session().kept.paper,
        PaperChoice::A4,
        "a cancelled choice is kept"
    );
}

#[test]
fn the_export_choice_is_kept_in_the_settings() {
    let mut h = harness();
    command(
        &mut h,
        Command::SetExportChoice(ExportFormat::Png, PaperChoice::Letter),
    );
    let kept = &h.state().session().kept;
    assert_eq!(
        (kept.export_format, kept.paper),
        (ExportFormat::Png, PaperChoice::Letter)
    );
    let text = ron::to_string(kept).unwrap();
    assert!(text.contains("paper:Letter"), "{text}");
}

#[test]
fn a_notice_floats_over_the_canvas_without_moving_it() {
    let mut h = harness();
    let before = h.state().layout().canvas;
    // A handout of an empty plan is refused with a notice.
    command(&mut h, Command::ExportHandout);
    assert!(!h.state().notices().is_empty());
    h.run();
    assert_eq!(h.state().layout().canvas, before);
    assert_eq!(h.state().layout().bottom, None);
}
