//! Explore's selection: choosing a point (search, list, label) frames it so it and its
//! neighbours read apart, the point list scrolls to it, and a label is a way to choose it.

use crate::common::{click_at, selected};
use acupoint_atlas::model::PointCode;
use acupoint_atlas::session::Command;
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness<'a>() -> Harness<'a, AtlasApp> {
    crate::common::app_harness(None, None)
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

/// Screen distance from `code`'s drawn site to the nearest other point shown.
fn nearest_on_screen(h: &Harness<'_, AtlasApp>, code: &str) -> f32 {
    let app = h.state();
    let at = app.point_on_screen(&PointCode::new(code)).unwrap();
    let figure = app.session().kept.figure.clone().unwrap();
    let atlas = app.atlas();
    app.session()
        .visible_points(atlas)
        .iter()
        .filter(|p| p.code.as_str() != code)
        .flat_map(|p| atlas.sites_on(&p.code, &figure))
        .filter_map(|s| app.figure_on_screen(s.at))
        .map(|p| p.distance(at))
        .fold(f32::INFINITY, f32::min)
}

#[test]
fn a_point_chosen_by_search_is_zoomed_until_its_neighbours_read_apart() {
    let mut h = harness();
    h.run();
    let before = nearest_on_screen(&h, "BL23");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run();
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("bl 23");
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
    assert_eq!(selected(&h).as_deref(), Some("BL23"));
    let after = nearest_on_screen(&h, "BL23");
    assert!(before < 20.0, "the lumbar grid is dense at fit: {before}");
    assert!(
        after >= 30.0,
        "BL23 is {after} points from its nearest neighbour"
    );
    let at = h.state().point_on_screen(&PointCode::new("BL23")).unwrap();
    assert!(h.state().layout().canvas.unwrap().contains(at));
}

#[test]
fn the_point_list_scrolls_to_a_point_selected_elsewhere() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SelectPoint(PointCode::new("BL65")));
    h.run();
    let left = h.state().layout().left.unwrap();
    let row = h.get_by_label_contains("BL65  Shùgǔ").rect();
    assert!(left.contains(row.center()), "{row:?} outside {left:?}");
}

#[test]
fn a_click_on_a_label_selects_its_point() {
    let mut h = harness();
    h.run();
    command(&mut h, Command::SelectPoint(PointCode::new("BL40")));
    h.run();
    let label = h
        .state()
        .label_on_screen(&PointCode::new("BL39"))
        .expect("BL39 is labelled beside BL40");
    click_at(&mut h, label.center());
    assert_eq!(selected(&h).as_deref(), Some("BL39"));
}
