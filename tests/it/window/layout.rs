//! The figure never leaves the screen: in every mode, at every size, in the states that stress
//! the layout, the canvas keeps its share of the window, the point in question is drawn inside
//! it, every panel's text stays inside its panel and the presentation's controls stay on
//! screen. Rectangles are read from the harness (the app's layout and the accessibility
//! tree), not from pixels.

use acupoint_atlas::model::{Atlas, PointCode};
use acupoint_atlas::session::{Command, Mode};
use acupoint_atlas::ui::{AtlasApp, LayoutRects, max_shares};
use egui::{Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

/// Window sizes in points, and pixels per point.
const SIZES: [(f32, f32, f32); 6] = [
    (1024.0, 768.0, 1.0),
    (1280.0, 800.0, 1.0),
    (1920.0, 1080.0, 1.0),
    (1280.0, 800.0, 2.0),
    (800.0, 600.0, 1.0),
    (3840.0, 2160.0, 1.0),
];

fn harness<'a>(w: f32, h: f32, ppp: f32) -> Harness<'a, AtlasApp> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(w, h))
        .with_pixels_per_point(ppp)
        .build_eframe(|cc| AtlasApp::with_store(&cc.egui_ctx, None, None));
    h.run();
    h
}

fn command(h: &mut Harness<'_, AtlasApp>, c: Command) {
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, c);
    h.run();
}

/// The point whose detail panel is longest: the most text to wrap.
fn longest_detail(atlas: &Atlas) -> PointCode {
    let size = |p: &acupoint_atlas::model::Point| {
        p.location.landmark.len()
            + p.location.measure.len()
            + p.location.palpate.len()
            + p.needling.note.len()
            + p.alternatives.iter().map(|a| a.text.len()).sum::<usize>()
            + p.safety.iter().map(|s| s.reason.len()).sum::<usize>()
            + 200 * p.sources.len()
            + 300 * atlas.mechanism_links(&p.code).len()
    };
    atlas
        .points()
        .iter()
        .max_by_key(|p| size(p))
        .unwrap()
        .code
        .clone()
}

/// Every rule of the screen, for the state the harness is in. `focus` is the point that must
/// be drawn inside the canvas.
fn check_screen(h: &Harness<'_, AtlasApp>, state: &str, focus: Option<&PointCode>) {
    let app = h.state();
    let l: LayoutRects = app.layout();
    let window = l.window.expect("a frame was drawn");
    let canvas = l.canvas.unwrap_or_else(|| panic!("{state}: no canvas"));
    let mode = app.session().mode;
    let (left_share, right_share) = max_shares(mode, window.width());
    let min_share = 1.0 - left_share - right_share;
    assert!(
        canvas.width() >= window.width() * min_share - 2.0,
        "{state}: the canvas is {} of {} points wide",
        canvas.width(),
        window.width()
    );
    assert!(
        canvas.height() >= window.height() * 0.6,
        "{state}: the canvas is {} of {} points tall",
        canvas.height(),
        window.height()
    );
    for (name, panel) in [("left", l.left), ("right", l.right)] {
        let Some(panel) = panel else { continue };
        assert!(
            window.expand(1.0).contains_rect(panel),
            "{state}: {name} panel {panel:?} off screen"
        );
        assert!(
            !panel.intersects(canvas.shrink(1.0)),
            "{state}: the {name} panel {panel:?} covers the canvas {canvas:?}"
        );
    }
    if let Some(code) = focus {
        let at = app
            .point_on_screen(code)
            .unwrap_or_else(|| panic!("{state}: {code} is not on the figure shown"));
        assert!(
            canvas.contains(at),
            "{state}: {code} at {at:?} is outside {canvas:?}"
        );
    }
    text_stays_in_panels(h, state, &l);
}

/// Every widget that starts or ends inside a side panel lies wholly inside it (text cut off
/// at the panel's edge, or pushed past it, fails).
fn text_stays_in_panels(h: &Harness<'_, AtlasApp>, state: &str, l: &LayoutRects) {
    let ppp = h.ctx.pixels_per_point();
    let panels: Vec<Rect> = [l.left, l.right].into_iter().flatten().collect();
    for node in h.query_all(egui_kittest::kittest::by()) {
        let node = node.accesskit_node();
        let Some(b) = node.bounding_box() else {
            continue;
        };
        if node.role() == egui::accesskit::Role::Splitter {
            continue; // the resize handle straddles the panel's edge by design
        }
        #[allow(clippy::cast_possible_truncation, reason = "screen coordinates")]
        let r = Rect::from_min_max(
            pos2(b.x0 as f32 / ppp, b.y0 as f32 / ppp),
            pos2(b.x1 as f32 / ppp, b.y1 as f32 / ppp),
        );
        for p in &panels {
            let rows_overlap = r.min.y < p.max.y && r.max.y > p.min.y;
            let starts_in = r.min.x >= p.min.x && r.min.x < p.max.x;
            let ends_in = r.max.x > p.min.x && r.max.x <= p.max.x;
            if rows_overlap && (starts_in || ends_in) {
                assert!(
                    r.min.x >= p.min.x - 1.0 && r.max.x <= p.max.x + 1.0,
                    "{state}: {:?} {:?} at {r:?} leaves its panel {p:?}",
                    node.role(),
                    node.label().or(node.value())
                );
            }
        }
    }
}

fn step_buttons_on_screen(h: &Harness<'_, AtlasApp>, state: &str) {
    let window = h.state().layout().window.unwrap();
    for name in ["Previous", "Next"] {
        let r = h.get_by_label(name).rect();
        assert!(
            window.contains_rect(r),
            "{state}: {name} at {r:?} is off screen"
        );
    }
}

#[test]
fn every_mode_keeps_the_figure_on_screen_at_every_size() {
    for (w, hgt, ppp) in SIZES {
        let at = format!("{w}x{hgt}@{ppp}");
        let mut h = harness(w, hgt, ppp);
        check_screen(&h, &format!("{at} explore, nothing selected"), None);

        let long = longest_detail(h.state().atlas());
        command(&mut h, Command::SetCondition(None));
        command(&mut h, Command::SelectPoint(long.clone()));
        h.run();
        check_screen(&h, &format!("{at} explore, {long} selected"), Some(&long));

        command(
            &mut h,
            Command::SetCondition(Some(acupoint_atlas::model::ConditionId::new(
                "lower-back-pain",
            ))),
        );
        let plan: Vec<PointCode> = h
            .state()
            .atlas()
            .condition_points(h.state().session().kept.condition.as_ref())
            .iter()
            .take(12)
            .map(|p| p.code.clone())
            .collect();
        for code in &plan {
            command(&mut h, Command::AddToPlan(code.clone()));
        }
        command(&mut h, Command::SetMode(Mode::Patient));
        let last = plan.last().unwrap().clone();
        command(&mut h, Command::SelectPoint(last.clone()));
        check_screen(&h, &format!("{at} patient, 12-point plan"), Some(&last));

        command(&mut h, Command::SetMode(Mode::Study));

        command(
            &mut h,
            Command::Study(acupoint_atlas::session::StudyCommand::Start),
        );
        let kind = h.state().session().study.question.clone().unwrap();
        match kind.kind {
            acupoint_atlas::study::QuestionKind::Locate { .. }
            | acupoint_atlas::study::QuestionKind::Landmark { .. } => {
                let c = h.state().layout().canvas.unwrap().center();
                let at_fig = h
                    .state()
                    .figure_on_screen(acupoint_atlas::model::FigurePos::new(0.0, 0.0));
                assert!(at_fig.is_some());
                let figure_pos = {
                    // Answer at the canvas centre, in figure coordinates.
                    let o = at_fig.unwrap();
                    let one = h
                        .state()
                        .figure_on_screen(acupoint_atlas::model::FigurePos::new(1.0, 1.0))
                        .unwrap();
                    acupoint_atlas::model::FigurePos::new(
                        (c.x - o.x) / (one.x - o.x),
                        (c.y - o.y) / (one.y - o.y),
                    )
                };
                command(&mut h, Command::AnswerLocate(figure_pos));
            }
            acupoint_atlas::study::QuestionKind::Choose { .. } => {
                command(&mut h, Command::AnswerChoice(0));
            }
        }
        h.run();
        check_screen(&h, &format!("{at} study, answered"), Some(&kind.code));

        command(&mut h, Command::SetMode(Mode::Present));
        for scale in [1.0, 2.0, 3.0] {
            command(&mut h, Command::SetTextScale(scale));
            command(&mut h, Command::Step(1));
            h.run();
            let stepped = h.state().session().kept.selected.clone().unwrap();
            let state = format!("{at} present at {scale}x, {stepped}");
            check_screen(&h, &state, Some(&stepped));
            step_buttons_on_screen(&h, &state);
        }

        command(&mut h, Command::SetMode(Mode::Explore));
        check_screen(
            &h,
            &format!("{at} explore after presenting"),
            h.state().session().kept.selected.clone().as_ref(),
        );
    }
}

#[test]
fn remembered_panels_wider_than_the_window_are_clamped() {
    for (w, hgt, ppp) in [(1280.0, 800.0, 1.0), (1920.0, 1080.0, 1.0)] {
        let mut h = harness(w, hgt, ppp);
        command(&mut h, Command::SelectPoint(PointCode::new("BL23")));
        let l = h.state().layout();
        // As if egui's saved memory from an earlier run held panels wider than the window.
        for id in [l.left_id, l.right_id].into_iter().flatten() {
            h.ctx.data_mut(|d| {
                d.insert_persisted(
                    id,
                    egui::containers::panel::PanelState {
                        outer_rect: Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(5000.0, 700.0)),
                    },
                );
            });
        }
        h.run();
        check_screen(
            &h,
            &format!("{w}x{hgt} with oversized remembered panels"),
            Some(&PointCode::new("BL23")),
        );
        command(&mut h, Command::ResetLayout);
        h.run();
        let after = h.state().layout();
        assert!(
            after.right.unwrap().width() <= 400.0,
            "Reset layout puts the panel back to its first width: {:?}",
            after.right
        );
    }
}

/// Drags from `from` to `to` in a few moves, as a hand does.
fn drag(h: &mut Harness<'_, AtlasApp>, from: egui::Pos2, to: egui::Pos2) {
    h.hover_at(from);
    h.run();
    h.event(egui::Event::PointerButton {
        pos: from,
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    for k in 1..=4 {
        let at = from + (to - from) * (k as f32 / 4.0);
        h.event(egui::Event::PointerMoved(at));
        h.run();
    }
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.run();
    // Move away, so no tooltip of whatever is under the pointer stays open.
    h.hover_at(pos2(600.0, 400.0));
    h.run();
}

#[test]
fn dragging_a_panel_edge_works_within_its_limits() {
    let mut h = harness(1280.0, 800.0, 1.0);
    let right = h.state().layout().right.unwrap();
    // Just inside the panel: the handle straddles the edge, and the canvas takes the other side.
    let edge = pos2(right.min.x + 2.0, right.center().y);
    drag(&mut h, edge, edge + egui::vec2(100.0, 0.0));
    let narrower = h.state().layout().right.unwrap();
    assert!(
        narrower.width() < right.width() - 50.0,
        "the drag narrowed the panel: {right:?} -> {narrower:?}"
    );
    let edge = pos2(narrower.min.x + 2.0, narrower.center().y);
    drag(&mut h, edge, pos2(20.0, edge.y));
    let widest = h.state().layout().right.unwrap();
    assert!(
        widest.width() <= 1280.0 * max_shares(Mode::Explore, 1280.0).1 + 1.0,
        "the panel stops at its limit: {widest:?}"
    );
    check_screen(&h, "after dragging the right panel's edge far left", None);
}

#[test]
fn presenting_at_twice_the_size_draws_labels_a_back_row_can_read() {
    let mut h = harness(1280.0, 800.0, 1.0);
    command(&mut h, Command::SetMode(Mode::Present));
    command(&mut h, Command::SetTextScale(2.0));
    let scene = {
        let app = h.state();
        app.session().scene(app.atlas()).unwrap()
    };
    let font = egui::FontId::proportional(acupoint_atlas::paint::scene::LABEL_SIZE * scene.scale);
    let height = h.ctx.fonts_mut(|f| f.row_height(&font));
    assert!(height >= 28.0, "labels are {height} points tall at 2x");
}
