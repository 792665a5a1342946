//! Temporary: pictures of Patient mode and the Guidance tab for a human to look at.
#![allow(clippy::unwrap_used)]
mod common;
use acupoint_atlas::model::PointCode;
use acupoint_atlas::session::{Command, Mode};
use egui_kittest::kittest::Queryable;

#[test]
fn shots() {
    let mut h = common::app_harness(None, None);
    h.run();
    for c in ["BL23", "BL40", "KI3", "LI4"] {
        let ctx = h.ctx.clone();
        h.state_mut().run_command(&ctx, Command::SelectPoint(PointCode::new(c)));
        h.run();
        h.key_press(egui::Key::P);
        h.run();
    }
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::SetMode(Mode::Patient));
    h.run();
    h.render().unwrap().save("/tmp/c1/patient.png").unwrap();
    let ctx = h.ctx.clone();
    h.state_mut().run_command(&ctx, Command::SetMode(Mode::Explore));
    h.run();
    h.get_by_label("Guidance").click();
    h.run();
    h.render().unwrap().save("/tmp/c1/guidance.png").unwrap();
    h.get_by_label("Mechanisms").click();
    h.run();
    h.render().unwrap().save("/tmp/c1/mechanisms.png").unwrap();
}
