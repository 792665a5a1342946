//! The bar along the top (mode, condition, search, theme, help) and the strip of views above
//! the canvas.

use crate::model::Atlas;
use crate::ui::actions::{actions, shortcut_text};
use crate::ui::command::Command;
use crate::ui::view::{Mode, ViewState};
use crate::ui::widgets::{action_button, action_checkbox};

/// Every action of the table in one menu, with its shortcut.
fn menu_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) {
    ui.menu_button("Menu", |ui| {
        for action in actions() {
            let keys: Vec<String> = action
                .keys
                .iter()
                .map(|k| shortcut_text(ui.ctx(), *k))
                .collect();
            let button = egui::Button::new(action.label).shortcut_text(keys.join(", "));
            if ui.add(button).on_hover_text(action.tooltip).clicked() {
                commands.push(action.command.clone());
                ui.close();
            }
        }
    });
}

pub fn top_bar_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        menu_ui(ui, commands);
        ui.label(
            egui::RichText::new("Acupoint Atlas")
                .font(egui::FontId::new(18.0, crate::ui::fonts::bold())),
        );
        ui.separator();
        for mode in Mode::ALL {
            let tip = actions()
                .iter()
                .find(|a| a.command == Command::SetMode(mode))
                .map_or("", |a| a.tooltip);
            if ui
                .selectable_label(view.mode == mode, mode.name())
                .on_hover_text(tip)
                .clicked()
            {
                commands.push(Command::SetMode(mode));
            }
        }
        ui.separator();
        if view.mode != Mode::Patient {
            for condition in atlas.conditions() {
                let on = view.condition.as_ref() == Some(&condition.id);
                if ui
                    .selectable_label(on, &condition.name)
                    .on_hover_text(format!(
                        "Show the points for {}",
                        condition.name.to_lowercase()
                    ))
                    .clicked()
                {
                    commands.push(Command::SetCondition(Some(condition.id.clone())));
                }
            }
            if ui
                .selectable_label(view.condition.is_none(), "All points")
                .on_hover_text("Show every point in the atlas")
                .clicked()
            {
                commands.push(Command::SetCondition(None));
            }
            ui.separator();
        }
        action_button(ui, "Search", &Command::OpenSearch, commands);
        action_button(ui, view.theme.name(), &Command::CycleTheme, commands);
        action_button(ui, "?", &Command::ToggleHelp, commands);
    });
}

/// The views of the body, as tabs above the canvas. The selection is kept when switching.
pub fn views_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.label("View:");
        for figure in atlas.figures() {
            let on = view.figure.as_ref() == Some(&figure.id);
            let shows_selection = view
                .selected
                .as_ref()
                .is_some_and(|c| atlas.sites_on(c, &figure.id).next().is_some());
            let text = if shows_selection {
                format!("{} •", figure.title)
            } else {
                figure.title.clone()
            };
            let hover = if shows_selection {
                format!(
                    "Show {}; the selected point is on this view",
                    figure.title.to_lowercase()
                )
            } else {
                format!("Show {}", figure.title.to_lowercase())
            };
            if ui.selectable_label(on, text).on_hover_text(hover).clicked() {
                commands.push(Command::SetFigure(figure.id.clone()));
            }
        }
        ui.separator();
        action_checkbox(
            ui,
            view.pinyin_labels,
            "Pinyin labels",
            &Command::TogglePinyinLabels,
            commands,
        );
        action_checkbox(
            ui,
            view.calibration,
            "Landmarks",
            &Command::ToggleCalibration,
            commands,
        );
    });
}
