//! Input never leaks past what is on top: `Esc` closes a menu or a drop-down first, keys
//! pressed while one is open act on it alone, and the click that closes it is never an answer.
//! The Menu's submenus, the shortcut list and the dialogs fit a 1024×768 window.

use crate::common::click_at;

use acupoint_atlas::session::{Command, Mode};
use acupoint_atlas::study::QuestionKind;
use acupoint_atlas::ui::AtlasApp;
use egui::Rect;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn harness<'a>(w: f32, h: f32) -> Harness<'a, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
    h.run();
    h
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

fn popup_open(h: &Harness<'_, AtlasApp>) -> bool {
    egui::Popup::is_any_open(&h.ctx)
}

/// Study mode, asked until a question answered by a click on the figure comes up.
fn study_with_click_question(h: &mut Harness<'_, AtlasApp>) {
    command(h, Command::SetMode(Mode::Study));
    for _ in 0..40 {
        if h.state()
            .session()
            .study
            .question
            .as_ref()
            .is_some_and(|q| matches!(q.kind, QuestionKind::Locate { .. }))
        {
            return;
        }
        command(h, Command::NextQuestion);
    }
    panic!("no locate question came up");
}

fn open_menu(h: &mut Harness<'_, AtlasApp>) {
    h.get_by_label("Menu").click();
    h.run();
    assert!(popup_open(h), "the Menu opened");
}

#[test]
fn escape_closes_the_menu_and_does_nothing_else() {
    let mut h = harness(1280.0, 800.0);
    command(
        &mut h,
        Command::SelectPoint(acupoint_atlas::model::PointCode::new("BL23")),
    );
    open_menu(&mut h);
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!popup_open(&h), "Esc closed the Menu");
    assert!(
        h.state().session().kept.selected.is_some(),
        "the Esc that closed the Menu did not also clear the selection"
    );
}

#[test]
fn a_key_pressed_while_the_menu_is_open_does_not_skip_the_question_behind_it() {
    let mut h = harness(1280.0, 800.0);
    study_with_click_question(&mut h);
    let before = h.state().session().study.seq;
    open_menu(&mut h);
    h.key_press(egui::Key::N);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(h.state().session().study.seq, before, "the question stayed");
    assert!(h.state().session().study.answer.is_none());
}

#[test]
fn a_key_pressed_while_the_shortcut_list_is_open_acts_on_the_list_alone() {
    let mut h = harness(1280.0, 800.0);
    study_with_click_question(&mut h);
    let before = h.state().session().study.seq;
    command(&mut h, Command::ToggleHelp);
    h.key_press(egui::Key::N);
    h.run();
    assert_eq!(h.state().session().study.seq, before, "the question stayed");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(!h.state().session().help_open, "Esc closed the list");
    assert_eq!(h.state().session().study.seq, before);
}

#[test]
fn the_click_that_closes_the_menu_is_not_an_answer() {
    let mut h = harness(1280.0, 800.0);
    study_with_click_question(&mut h);
    let canvas = h.state().layout().canvas.unwrap();
    open_menu(&mut h);
    click_at(&mut h, canvas.center());
    assert!(!popup_open(&h), "the click closed the Menu");
    assert!(
        h.state().session().study.answer.is_none(),
        "the click was not scored: {:?}",
        h.state().session().study.answer
    );
    // The next click on the figure is an answer.
    click_at(&mut h, canvas.center());
    assert!(h.state().session().study.answer.is_some(), "then it counts");
}

#[test]
fn the_click_that_closes_a_drop_down_is_not_an_answer() {
    let mut h = harness(1024.0, 768.0);
    study_with_click_question(&mut h);
    let canvas = h.state().layout().canvas.unwrap();
    // The view chooser's button, clicked where it is drawn.
    let chooser = h
        .query_all(egui_kittest::kittest::by().role(egui::accesskit::Role::ComboBox))
        .map(|n| n.rect())
        .max_by(|a, b| a.min.y.total_cmp(&b.min.y))
        .expect("a drop-down");
    click_at(&mut h, chooser.center());
    assert!(popup_open(&h), "the view chooser opened");
    click_at(&mut h, canvas.center());
    assert!(!popup_open(&h));
    assert!(h.state().session().study.answer.is_none());
}

/// The rectangle of the title of the window (an egui Window) titled `title`: the topmost
/// text of that name.
fn window_rect(h: &Harness<'_, AtlasApp>, title: &str) -> Rect {
    h.query_all_by_label(title)
        .map(|n| n.rect())
        .min_by(|a, b| a.min.y.total_cmp(&b.min.y))
        .unwrap_or_else(|| panic!("no {title}"))
}

/// The rectangles of the popups shown (menus and submenus, drop-downs).
fn popup_rects(h: &Harness<'_, AtlasApp>) -> Vec<Rect> {
    h.ctx.memory(|m| {
        m.areas()
            .visible_layer_ids()
            .into_iter()
            .filter(|l| l.order == egui::Order::Foreground)
            .filter_map(|l| m.area_rect(l.id))
            .collect()
    })
}

#[test]
fn the_shortcut_list_fits_a_small_window_with_its_title_and_close_button() {
    for (w, hgt) in [(1024.0, 768.0), (800.0, 560.0), (1920.0, 1080.0)] {
        let mut h = harness(w, hgt);
        command(&mut h, Command::ToggleHelp);
        h.run();
        let screen = Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(w, hgt));
        let title = window_rect(&h, "Keyboard shortcuts");
        assert!(screen.contains_rect(title), "{w}x{hgt}: title at {title:?}");
        let close = h.get_by_label("Close window").rect();
        assert!(screen.contains_rect(close), "{w}x{hgt}: close at {close:?}");
        // The keys of the first action are on screen (not cut off on the left).
        let first = h.get_by_label("Next point").rect();
        assert!(screen.contains_rect(first), "{w}x{hgt}: {first:?}");
    }
}

/// The Menu's entry `label`: the leftmost of that name below the top bar (the mode buttons and
/// the view chooser share some names).
fn menu_entry<'h>(h: &'h Harness<'_, AtlasApp>, label: &'h str) -> egui_kittest::Node<'h> {
    h.query_all_by_label(label)
        .filter(|n| n.rect().min.y > 36.0)
        .min_by(|a, b| a.rect().min.x.total_cmp(&b.rect().min.x))
        .unwrap_or_else(|| panic!("no Menu entry {label}"))
}

#[test]
fn every_submenu_of_the_menu_fits_an_800_pixel_screen() {
    let mut h = harness(1024.0, 768.0);
    open_menu(&mut h);
    for group in ["File", "View", "Modes", "Layers", "Study", "Help"] {
        menu_entry(&h, group).hover();
        h.run();
        h.run();
        let popups = popup_rects(&h);
        assert!(
            popups.len() >= 2,
            "{group}: the Menu and its submenu are open"
        );
        let bottom = popups.iter().map(|r| r.max.y).fold(0.0, f32::max);
        assert!(bottom <= 760.0, "{group} reaches down to {bottom}");
    }
    menu_entry(&h, "File").hover();
    h.run();
    for entry in ["Open atlas…", "Export view…", "Export handout…", "Quit"] {
        h.get_by_label_contains(entry);
    }
    menu_entry(&h, "Help").hover();
    h.run();
    h.get_by_label("About Acupoint Atlas").click();
    h.run();
    h.get_by_label_contains("Program: MIT or Apache-2.0");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(
        h.query_by_label_contains("Program: MIT").is_none(),
        "Esc closed About"
    );
}

#[test]
fn the_side_panels_hide_from_the_view_menu_and_the_figure_takes_the_window() {
    let mut h = harness(1024.0, 768.0);
    let before = h.state().layout().canvas.unwrap().width();
    assert!(
        before >= 1024.0 * 0.58,
        "the figure keeps most of the width: {before}"
    );
    for hidden in [true, false] {
        open_menu(&mut h);
        menu_entry(&h, "View").hover();
        h.run();
        h.get_by_label("Side panels (show or hide)").click();
        h.run();
        h.run();
        let l = h.state().layout();
        assert_eq!(l.left.is_none(), hidden);
        assert_eq!(l.right.is_none(), hidden);
        let canvas = l.canvas.unwrap().width();
        if hidden {
            assert!(canvas >= 1020.0, "the figure has the window: {canvas}");
        }
    }
}

#[test]
fn choosing_upper_back_pain_frames_the_upper_back() {
    use acupoint_atlas::model::{ConditionId, PointCode};
    let mut h = harness(1024.0, 768.0);
    command(
        &mut h,
        Command::SetCondition(Some(ConditionId::new("upper-back-pain"))),
    );
    h.run();
    let canvas = h.state().layout().canvas.unwrap();
    let bl17 = h.state().point_on_screen(&PointCode::new("BL17")).unwrap();
    let gv14 = h.state().point_on_screen(&PointCode::new("GV14")).unwrap();
    assert!(canvas.contains(bl17) && canvas.contains(gv14));
    // Zoomed to the upper back: C7 to the level of T7 spans a good part of the canvas.
    assert!(
        (bl17.y - gv14.y) > canvas.height() * 0.2,
        "GV14 {gv14:?} to BL17 {bl17:?} in {canvas:?}"
    );
    // The distal foot point is off the figure's frame.
    if let Some(foot) = h.state().point_on_screen(&PointCode::new("BL60")) {
        assert!(!canvas.contains(foot), "BL60 at {foot:?}");
    }
}
