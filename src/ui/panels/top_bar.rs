//! The bar along the top: the condition chooser, label and theme switches; and the strip of
//! views above the canvas.

use crate::model::Atlas;
use crate::ui::command::Command;
use crate::ui::theme::ThemeKind;
use crate::ui::view::ViewState;

pub fn top_bar_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Acupoint Atlas");
        ui.separator();
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
        let mut pinyin = view.pinyin_labels;
        if ui
            .checkbox(&mut pinyin, "Pinyin labels")
            .on_hover_text("Show pinyin beside each code on the figure")
            .changed()
        {
            commands.push(Command::TogglePinyinLabels);
        }
        let (label, next) = match view.theme {
            ThemeKind::Light => ("Dark theme", ThemeKind::Dark),
            ThemeKind::Dark => ("Light theme", ThemeKind::Light),
        };
        if ui
            .button(label)
            .on_hover_text("Switch between light and dark")
            .clicked()
        {
            commands.push(Command::SetTheme(next));
        }
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
    });
}
