//! The photo in the window: a marks file opened shows the photo with its actions and the
//! "palpate to confirm" note; the landmark walk asks for the missing mark and a click marks it.

use super::picture::{back_picture, true_marks};
use crate::common::click_at;
use acupoint_atlas::model::FigureId;
use egui_kittest::kittest::Queryable;

#[test]
fn a_marks_file_opens_as_a_photo_and_a_click_in_the_walk_marks_the_missing_landmark() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    back_picture(view)
        .save(dir.path().join("back.png"))
        .unwrap();
    let mut marks = true_marks(view, "back.png");
    marks.landmarks.remove("l2_spinous_lower");
    let all = marks.landmarks.len();

    let mut h = super::app_with_photo(dir.path(), &marks);
    assert!(h.query_by_label("Forget this photo").is_some());
    assert!(h.query_by_label_contains("Palpate to confirm").is_some());
    h.get_by_label("Mark landmarks").click();
    h.run();
    assert!(h.query_by_label_contains("L2 spinous process").is_some());
    let canvas = h.state().layout().canvas.unwrap();
    click_at(&mut h, canvas.center());
    assert_eq!(h.state().photo_marks().unwrap().landmarks.len(), all + 1);
    assert!(
        h.state()
            .photo_marks()
            .unwrap()
            .landmarks
            .contains_key("l2_spinous_lower")
    );
}

#[test]
fn present_keeps_its_step_bar_while_the_photo_is_shown() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    back_picture(view)
        .save(dir.path().join("back.png"))
        .unwrap();

    let mut h = super::app_with_photo(dir.path(), &true_marks(view, "back.png"));
    let ctx = h.ctx.clone();
    h.state_mut().run_command(
        &ctx,
        acupoint_atlas::session::Command::SetMode(acupoint_atlas::session::Mode::Present),
    );
    h.run();
    assert!(h.query_by_label("Forget this photo").is_some());
    assert!(h.query_by_label("Next").is_some());
    assert!(h.query_by_label("Previous").is_some());
    // The wheel zooms in for the picture (the zoom itself is tested in `ui::photo::view`).
    let canvas = h.state().layout().canvas.unwrap();
    h.event(egui::Event::PointerMoved(canvas.center()));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, 300.0),
        modifiers: egui::Modifiers::NONE,
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
    });
    for _ in 0..20 {
        h.step();
    }
    if let Some(keep) = std::env::var_os("PHOTO_DEMO_DIR") {
        let image = h.render().unwrap();
        image
            .save(std::path::Path::new(&keep).join("present-photo-zoomed.png"))
            .unwrap();
    }
}

#[test]
fn the_walk_passes_over_landmarks_the_marks_so_far_put_off_the_photo_until_asked() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    // A photo of the back down to the buttocks: the figure 1000 pixels tall, its top 100
    // above the photo, the photo 450 pixels tall, so the knees and ankles are far below it.
    super::blank_png(&dir.path().join("back.png"), 1000, 450);
    let mut marks = super::marks_of(view, "back.png", 1000.0, (0.0, -100.0));
    let keep = [
        "t3_spinous_lower",
        "scapula_medial_border_t3_left",
        "scapula_medial_border_t3_right",
        "l4_spinous_lower",
    ];
    marks
        .landmarks
        .retain(|name, _| keep.contains(&name.as_str()));

    let mut h = super::app_with_photo(dir.path(), &marks);
    h.get_by_label("Mark landmarks").click();
    h.run();
    assert!(
        h.query_by_label_contains("that the marks so far place outside the photo are passed over")
            .is_some()
    );
    h.get_by_label("Ask for them too").click();
    h.run();
    assert!(h.query_by_label("Ask for them too").is_none());
}
