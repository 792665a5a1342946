//! The bar along the top: the menu, the modes, the condition (buttons when there is room, a
//! drop-down when there is not), search, theme and help.

use crate::model::Atlas;
use crate::session::Command;
use crate::session::{Mode, Session};
use crate::ui::actions::{Action, actions, shortcut_text};
use crate::ui::dialogs::MenuRequest;
use crate::ui::panels::groups::Group;
use crate::ui::widgets::action_button;

/// The Menu: a submenu per group, each short enough for an 800-pixel screen, with the actions
/// of the table (and their shortcuts) and the window's own entries (open an atlas, quit,
/// about). Returns what the window itself is asked to do.
fn menu_ui(ui: &mut egui::Ui, commands: &mut Vec<Command>) -> Option<MenuRequest> {
    let mut request = None;
    ui.menu_button("Menu", |ui| {
        for group in Group::ALL {
            ui.menu_button(group.name(), |ui| {
                if group == Group::File {
                    request = request.or(window_entry_ui(
                        ui,
                        "Open atlas…",
                        "Load an atlas from a folder (an edited copy of the atlas files)",
                        MenuRequest::OpenAtlas,
                    ));
                    ui.separator();
                }
                for action in actions().iter().filter(|a| Group::of(&a.command) == group) {
                    action_entry_ui(ui, action, commands);
                }
                match group {
                    Group::File => {
                        ui.separator();
                        request = request.or(window_entry_ui(
                            ui,
                            "Quit",
                            "Close the window (settings are saved)",
                            MenuRequest::Quit,
                        ));
                    }
                    Group::View => {
                        ui.separator();
                        request = request.or(window_entry_ui(
                            ui,
                            "Side panels (show or hide)",
                            "Explore mode: give the whole window to the figure, or bring the \
                             region list and the point's details back",
                            MenuRequest::ToggleSidePanels,
                        ));
                    }
                    Group::Help => {
                        request = request.or(window_entry_ui(
                            ui,
                            "About Acupoint Atlas",
                            "The version, sources and licences, and where your settings are kept",
                            MenuRequest::About,
                        ));
                    }
                    _ => {}
                }
            });
        }
    });
    request
}

/// One action of the table as a menu entry, with its shortcuts.
fn action_entry_ui(ui: &mut egui::Ui, action: &Action, commands: &mut Vec<Command>) {
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

/// A menu entry the window answers itself.
fn window_entry_ui(
    ui: &mut egui::Ui,
    label: &str,
    tooltip: &str,
    request: MenuRequest,
) -> Option<MenuRequest> {
    if ui.button(label).on_hover_text(tooltip).clicked() {
        ui.close();
        Some(request)
    } else {
        None
    }
}

/// The bar; returns what its Menu asks of the window itself.
pub fn top_bar_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) -> Option<MenuRequest> {
    let mut request = None;
    ui.horizontal_wrapped(|ui| {
        request = menu_ui(ui, commands);
        ui.label(
            egui::RichText::new("Acupoint Atlas")
                .font(egui::FontId::new(18.0, crate::paint::fonts::bold())),
        );
        ui.separator();
        for mode in Mode::ALL {
            let tip = actions()
                .iter()
                .find(|a| a.command == Command::SetMode(mode))
                .map_or("", |a| a.tooltip);
            if ui
                .selectable_label(session.mode == mode, mode.name())
                .on_hover_text(tip)
                .clicked()
            {
                commands.push(Command::SetMode(mode));
            }
        }
        ui.separator();
        if session.hides_conditions() {
            // The chooser would answer the question being asked.
            ui.label(egui::RichText::new("Condition hidden during this question").weak());
            ui.separator();
        } else if session.mode != Mode::Patient {
            conditions_ui(ui, atlas, session, commands);
            ui.separator();
        }
        action_button(ui, "Search", &Command::OpenSearch, commands);
        action_button(
            ui,
            session.kept.theme.name(),
            &Command::CycleTheme,
            commands,
        );
        action_button(ui, "?", &Command::ToggleHelp, commands);
    });
    request
}

/// The condition chooser: one button per condition (and All points) when the bar is wide
/// enough, else a drop-down.
fn conditions_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    let current = session.kept.condition.as_ref();
    let name_of = |c: Option<&crate::model::ConditionId>| {
        c.and_then(|c| atlas.condition(c))
            .map_or("All points", |c| c.name.as_str())
            .to_owned()
    };
    let mut choices: Vec<(Option<crate::model::ConditionId>, String)> = atlas
        .conditions()
        .iter()
        .map(|c| (Some(c.id.clone()), c.name.to_string()))
        .collect();
    choices.push((None, "All points".to_owned()));
    let wide = ui.ctx().content_rect().width() >= 1400.0;
    if wide {
        for (id, name) in choices {
            let hover = id.as_ref().map_or_else(
                || "Show every point in the atlas".to_owned(),
                |_| format!("Show the points for {}", name.to_lowercase()),
            );
            if ui
                .selectable_label(current == id.as_ref(), &name)
                .on_hover_text(hover)
                .clicked()
            {
                commands.push(Command::SetCondition(id));
            }
        }
    } else {
        egui::ComboBox::from_id_salt("condition")
            .selected_text(name_of(current))
            .show_ui(ui, |ui| {
                for (id, name) in choices {
                    if ui.selectable_label(current == id.as_ref(), name).clicked() {
                        commands.push(Command::SetCondition(id));
                    }
                }
            })
            .response
            .on_hover_text("The condition whose points are shown");
    }
}
