//! The photo in the window: a marks file opened shows the photo with its actions and the
//! "palpate to confirm" note; the landmark walk asks for the missing mark and a click marks it.

use super::picture::{back_picture, true_marks};
use super::write_marks;
use crate::common::{app_harness, click_at};
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
    let path = dir.path().join("back.marks.ron");
    write_marks(&path, &marks);

    let mut h = app_harness(None, None);
    h.run();
    h.state_mut().open_photo(&path);
    h.run();
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
