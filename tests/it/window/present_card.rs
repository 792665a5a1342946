//! Present mode's point card for a room: at 3x on a 1280x800 screen its whole text is shown,
//! its type stepping down and then its pages turning with the step ("1/2"), so a safety
//! sentence is never cut; and its type grows with the presentation's scale.

use acupoint_atlas::model::PointCode;
use acupoint_atlas::session::{Command, Mode};
use acupoint_atlas::ui::AtlasApp;
use egui::{Rect, pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

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
    h.run();
}

/// The rectangles of the widgets whose text contains `part`.
fn rects_of(h: &Harness<'_, AtlasApp>, part: &str) -> Vec<Rect> {
    let ppp = h.ctx.pixels_per_point();
    h.query_all(egui_kittest::kittest::by().label_contains(part))
        .filter_map(|n| n.accesskit_node().bounding_box())
        .map(|b| {
            #[allow(clippy::cast_possible_truncation, reason = "screen coordinates")]
            Rect::from_min_max(
                pos2(b.x0 as f32 / ppp, b.y0 as f32 / ppp),
                pos2(b.x1 as f32 / ppp, b.y1 as f32 / ppp),
            )
        })
        .collect()
}

#[test]
fn the_card_shows_bl40s_artery_warning_whole_at_3x_on_1280x800_turning_pages_with_the_step() {
    let mut h = harness(1280.0, 800.0);
    command(&mut h, Command::SetMode(Mode::Present));
    command(&mut h, Command::SetTextScale(3.0));
    command(&mut h, Command::SelectPoint(PointCode::new("BL40")));
    let warning = "popliteal artery, which the needle must not reach";
    let card = h.state().session().present.card.clone();
    assert_eq!(card.code, Some(PointCode::new("BL40")));
    assert!(card.pages >= 1);
    let mut whole = false;
    for page in 0..card.pages {
        let panel = h.state().layout().right.expect("the card's panel");
        let window = h.state().layout().window.unwrap();
        for r in rects_of(&h, warning) {
            // Shown on this page: then all of it, inside the card and on screen.
            assert!(
                panel.expand(1.0).contains_rect(r) && window.contains_rect(r),
                "page {}: the warning at {r:?} is cut by the card {panel:?}",
                page + 1
            );
            whole = true;
        }
        if card.pages > 1 {
            let marker = format!("{}/{}", page + 1, card.pages);
            assert!(
                !rects_of(&h, &marker).is_empty(),
                "page {} has no {marker}",
                page + 1
            );
        }
        command(&mut h, Command::Step(1));
        let still = h.state().session().kept.selected.clone();
        if page + 1 < card.pages {
            assert_eq!(
                still,
                Some(PointCode::new("BL40")),
                "a page turned, not the step"
            );
        } else {
            assert_ne!(
                still,
                Some(PointCode::new("BL40")),
                "the last page steps on"
            );
        }
    }
    assert!(whole, "the warning was on no page");
}

#[test]
fn the_cards_type_grows_with_the_presentations_scale() {
    let mut h = harness(1920.0, 1080.0);
    command(&mut h, Command::SetMode(Mode::Present));
    command(&mut h, Command::SelectPoint(PointCode::new("BL23")));
    let height = |h: &Harness<'_, AtlasApp>| {
        rects_of(h, "BL23  ")
            .iter()
            .map(Rect::height)
            .fold(0.0, f32::max)
    };
    let at_one = height(&h);
    command(&mut h, Command::SetTextScale(2.0));
    let at_two = height(&h);
    assert!(at_one > 0.0);
    assert!(at_two >= at_one * 1.5, "{at_one} at 1x, {at_two} at 2x");
}
