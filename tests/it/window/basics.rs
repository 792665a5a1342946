//! The window, driven as a user would: by accessible labels, clicks and keys. No GPU needed
//! except for the snapshot images, which render on the CPU (see `.cargo/config.toml`).

use crate::common::{click_at, selected};

use acupoint_atlas::model::PointCode;
use acupoint_atlas::session::Tab;
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness<'a>() -> Harness<'a, AtlasApp> {
    crate::common::app_harness(None, None)
}

/// Clicks a point in the (scrolling) list of points.
fn choose_in_list(h: &mut Harness<'_, AtlasApp>, label: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
}

#[test]
fn choosing_a_point_in_the_list_shows_its_details() {
    let mut h = harness();
    h.run();
    choose_in_list(&mut h, "BL40  Wěizhōng");
    assert_eq!(selected(&h).as_deref(), Some("BL40"));
    assert!(
        h.query_by_label_contains("Bend Middle").is_some(),
        "the English name is shown"
    );
    assert!(
        h.query_by_label("1. Landmark:").is_some(),
        "the location steps are shown"
    );
}

#[test]
fn clicking_a_dot_on_the_figure_selects_that_point() {
    let mut h = harness();
    h.run();
    let at = h
        .state()
        .point_on_screen(&PointCode::new("BL23"))
        .expect("BL23 is drawn on the first figure");
    click_at(&mut h, at);
    assert_eq!(selected(&h).as_deref(), Some("BL23"));
    assert!(h.query_by_label_contains("Kidney Shu").is_some());
}

#[test]
fn switching_condition_changes_the_points_shown() {
    let mut h = harness();
    h.run();
    assert!(h.query_by_label("BL23  Shènshū").is_some());
    assert!(h.query_by_label("GB21  Jiānjǐng").is_none());
    // At 1280 points wide the conditions are a drop-down.
    h.get_by_role_and_label(
        egui::accesskit::Role::ComboBox,
        "The condition whose points are shown",
    )
    .click();
    h.run();
    h.get_by_label("Upper back pain").click();
    h.run();
    assert!(h.query_by_label("GB21  Jiānjǐng").is_some());
    assert!(h.query_by_label("BL23  Shènshū").is_none());
}

#[test]
fn arrow_keys_step_through_the_condition_and_escape_clears() {
    let mut h = harness();
    h.run();
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let first = selected(&h).expect("a point is selected");
    h.key_press(egui::Key::ArrowRight);
    h.run();
    let second = selected(&h).unwrap();
    assert_ne!(first, second);
    h.key_press(egui::Key::ArrowLeft);
    h.run();
    assert_eq!(selected(&h), Some(first));
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(selected(&h), None);
}

#[test]
fn selecting_a_mechanism_highlights_the_points_it_bears_on() {
    let mut h = harness();
    h.run();
    h.get_by_label("Mechanisms").click();
    h.run();
    assert_eq!(h.state().session().tab, Tab::Mechanisms);
    h.get_all_by_label("Highlight its points")
        .next()
        .unwrap()
        .click();
    h.run();
    let app = h.state();
    let lit = app.session().mechanism_points(app.atlas());
    assert!(app.session().mechanism.is_some());
    assert!(
        !lit.is_empty(),
        "the mechanism bears on some visible points"
    );
    assert!(h.query_by_label("Stop highlighting").is_some());
}

#[test]
fn a_selected_point_lists_the_mechanisms_that_bear_on_it() {
    let mut h = harness();
    h.run();
    choose_in_list(&mut h, "BL40  Wěizhōng");
    assert!(h.query_by_label("Proposed mechanisms").is_some());
}

#[test]
fn the_guidance_tab_shows_safety_course_and_evidence() {
    let mut h = harness();
    h.run();
    h.get_by_label("Guidance").click();
    h.run();
    let app = h.state();
    for section in app.atlas().guidance() {
        assert!(
            h.query_all_by_label_contains(&section.title)
                .next()
                .is_some(),
            "{}",
            section.title
        );
    }
}

#[test]
fn the_main_screens_match_their_snapshots() {
    let mut h = harness();
    h.run();
    h.snapshot("window_lower_back_pain");
    choose_in_list(&mut h, "BL40  Wěizhōng");
    h.snapshot("window_bl40_selected");
}

#[test]
fn the_guidance_contents_open_a_closed_section() {
    let mut h = harness();
    h.run();
    h.get_by_label("Guidance").click();
    h.run();
    let (title, heading) = {
        let app = h.state();
        let last = app.atlas().guidance().last().unwrap();
        (last.title.clone(), last.items[0].heading.clone())
    };
    assert!(
        h.query_by_label(&heading).is_none(),
        "sections after the first start closed"
    );
    h.get_by_label(&format!("• {title}")).click();
    h.run();
    assert!(h.query_by_label(&heading).is_some(), "its section opened");
}

#[test]
fn the_guidance_tab_opens_on_the_warning_signs_that_need_a_doctor_first() {
    let mut h = harness();
    h.run();
    h.get_by_label("Guidance").click();
    h.run();
    let signs = h.state().atlas().red_flags().unwrap().list.clone();
    assert!(signs.len() >= 7, "{signs:?}");
    for sign in &signs {
        assert!(
            h.query_by_label(&format!("• {sign}")).is_some(),
            "the sign is shown without opening anything: {sign}"
        );
    }
}
