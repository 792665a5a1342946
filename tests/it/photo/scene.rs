//! What the photo canvas shows besides the points: in Explore, today's plan ringed on the photo
//! as on the drawn figure; the points that need more marks named with the landmarks they need.

use super::{blank_png, marks_of, write_marks};
use acupoint_atlas::load::{load_builtin, load_photo_marks};
use acupoint_atlas::model::{ConditionId, FigureId, PointCode};
use acupoint_atlas::placement::{place_marked_photo, unplaced_line, unplaced_needs};
use acupoint_atlas::scene::Theme;
use acupoint_atlas::session::photo_scene::{PhotoLabels, PhotoSceneInput, photo_scene};

#[test]
fn todays_plan_is_ringed_on_the_photo_and_the_missing_marks_are_named() {
    let atlas = load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    let mut marks = marks_of(view, "back.png", 1000.0, (150.0, 80.0));
    for dropped in [
        "popliteal_crease_centre_left",
        "popliteal_crease_centre_right",
    ] {
        assert!(marks.landmarks.remove(dropped).is_some());
    }
    let dir = tempfile::tempdir().unwrap();
    blank_png(&dir.path().join("back.png"), 1300, 1150);
    let path = dir.path().join("back.marks.ron");
    write_marks(&path, &marks);
    let loaded = load_photo_marks(&atlas, &path).unwrap();
    let size = (loaded.image.width as f32, loaded.image.height as f32);
    let condition = ConditionId::new("lower-back-pain");
    let points = atlas.condition_points(Some(&condition));
    let (figure, placement) =
        place_marked_photo(&atlas, &loaded.marks, size, &points, Some(&condition)).unwrap();
    let plan = [PointCode::new("BL23"), PointCode::new("GB30")];
    let scene = photo_scene(&PhotoSceneInput {
        atlas: &atlas,
        figure: &figure,
        placement: &placement,
        size,
        condition: Some(&condition),
        labels: PhotoLabels::Codes,
        selected: None,
        ringed: &plan,
        theme: Theme::Light,
    });
    for dot in &scene.dots {
        assert_eq!(dot.in_plan, plan.contains(&dot.code), "{}", dot.code);
    }
    assert_eq!(
        scene.dots.iter().filter(|d| d.in_plan).count(),
        4,
        "both sides of each"
    );

    // BL40 lies on the knee crease, dropped on both sides.
    let line = unplaced_line(&placement.unplaced);
    assert!(line.starts_with("Not placed yet: "), "{line}");
    assert!(line.contains("BL40"), "{line}");
    let needs = unplaced_needs(view, &placement.unplaced);
    assert!(
        needs.contains(&"BL40: Popliteal crease, midpoint (both sides)".to_owned()),
        "{needs:?}"
    );
    assert!(
        needs.iter().all(|n| !n.contains('_')),
        "no mark ids: {needs:?}"
    );
}
