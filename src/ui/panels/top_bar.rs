//! The bar along the top: condition, view and theme.

use crate::model::Atlas;
use crate::ui::command::Command;
use crate::ui::theme::ThemeKind;
use crate::ui::view::ViewState;

pub fn top_bar_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        ui.heading("Acupoint Atlas");
        ui.separator();
        ui.label("Condition:");
        let current = view
            .condition
            .as_ref()
            .and_then(|c| atlas.condition(c))
            .map_or("All points", |c| c.name.as_str());
        egui::ComboBox::from_id_salt("condition")
            .selected_text(current)
            .width(200.0)
            .show_ui(ui, |ui| {
                for condition in atlas.conditions() {
                    let on = view.condition.as_ref() == Some(&condition.id);
                    if ui.selectable_label(on, &condition.name).clicked() {
                        commands.push(Command::SetCondition(Some(condition.id.clone())));
                    }
                }
                if ui
                    .selectable_label(view.condition.is_none(), "All points")
                    .clicked()
                {
                    commands.push(Command::SetCondition(None));
                }
            });
        ui.separator();
        ui.label("View:");
        for figure in atlas.figures() {
            let on = view.figure.as_ref() == Some(&figure.id);
            if ui
                .selectable_label(on, &figure.title)
                .on_hover_text(format!("Show the figure: {}", figure.title))
                .clicked()
            {
                commands.push(Command::SetFigure(figure.id.clone()));
            }
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
