//! Presentation mode: controls for scale, recall and spotlight, and the current point's card in
//! large type.

use crate::model::Atlas;
use crate::model::capitalise;
use crate::ui::command::Command;
use crate::ui::view::ViewState;
use crate::ui::widgets::{action_button, action_checkbox};
use egui::{FontId, RichText};

/// The strip of controls above the canvas.
pub fn controls_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        let points = view.visible_points(atlas);
        let at = view
            .selected
            .as_ref()
            .and_then(|c| points.iter().position(|p| &p.code == c))
            .map_or(0, |i| i + 1);
        action_button(ui, "Previous", &Command::Step(-1), commands);
        ui.label(RichText::new(format!("{at} / {}", points.len())).strong());
        action_button(ui, "Next", &Command::Step(1), commands);
        ui.separator();
        let mut scale = view.text_scale;
        if ui
            .add(
                egui::Slider::new(&mut scale, 1.0..=3.0)
                    .step_by(0.25)
                    .text("Text and dots"),
            )
            .on_hover_text("Scale text and dots for the back row (Ctrl+Plus, Ctrl+Minus)")
            .changed()
        {
            commands.push(Command::SetTextScale(scale));
        }
        action_checkbox(
            ui,
            view.present.recall,
            "Recall",
            &Command::ToggleRecall,
            commands,
        );
        action_checkbox(
            ui,
            view.present.spotlight,
            "Spotlight",
            &Command::ToggleSpotlight,
            commands,
        );
        action_button(ui, "Full screen", &Command::ToggleFullscreen, commands);
    });
}

/// The current point's card, large.
pub fn card_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState) {
    let Some(point) = view.selected.as_ref().and_then(|c| atlas.point(c)) else {
        ui.label(
            RichText::new("Press the Right arrow or PageDown to step through the points.")
                .size(20.0),
        );
        return;
    };
    ui.label(
        RichText::new(format!("{}  {}", point.code, point.hanzi))
            .font(FontId::new(40.0, crate::ui::fonts::bold())),
    );
    ui.label(RichText::new(&point.pinyin).size(28.0));
    ui.label(RichText::new(&point.english).size(22.0).italics());
    if let Some(entry) = view
        .condition
        .as_ref()
        .and_then(|c| atlas.condition(c))
        .and_then(|c| c.entry(&point.code))
    {
        ui.add_space(8.0);
        ui.label(
            RichText::new(format!("{} point", capitalise(entry.role.id())))
                .size(20.0)
                .strong(),
        );
        ui.label(RichText::new(&entry.reason).size(19.0));
    }
    ui.add_space(8.0);
    for text in [
        &point.location.landmark,
        &point.location.measure,
        &point.location.palpate,
    ] {
        ui.label(RichText::new(text).size(18.0));
        ui.add_space(4.0);
    }
}
