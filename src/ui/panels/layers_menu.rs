//! The "Layers" menu in the row above the canvas: every channel at once or one by one, the
//! direction of flow, bones and nerves. It stays open while boxes are ticked, and takes one
//! button's width in the row.

use crate::model::Atlas;
use crate::paint::theme;
use crate::session::{Command, LayerCommand, Session};
use crate::ui::widgets::action_checkbox;
use egui::containers::menu::{MenuButton, MenuConfig};
use egui::{PopupCloseBehavior, RichText};

/// The menu button and its contents.
pub fn layers_menu_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    let switches = session.layers.switches(session.mode);
    let on = usize::from(switches.any_channel())
        + usize::from(switches.bones)
        + usize::from(switches.nerves);
    let label = if on == 0 {
        "Layers".to_owned()
    } else {
        format!("Layers ({on})")
    };
    let config = MenuConfig::new().close_behavior(PopupCloseBehavior::CloseOnClickOutside);
    let response = MenuButton::new(label).config(config).ui(ui, |ui| {
        ui.set_min_width(220.0);
        action_checkbox(
            ui,
            switches.all_channels,
            "All channels",
            &Command::Layer(LayerCommand::ToggleChannels),
            commands,
        );
        ui.indent("channels", |ui| {
            for channel in atlas.channels() {
                let ink = theme::channel_text_color(
                    channel.id.as_str(),
                    session.kept.theme,
                    ui.visuals().window_fill,
                );
                let mut shown = switches.shows_channel(&channel.id);
                let text = RichText::new(format!("{}  {}", channel.id, channel.name)).color(ink);
                if ui
                    .checkbox(&mut shown, text)
                    .on_hover_text(&channel.course)
                    .changed()
                {
                    commands.push(Command::Layer(LayerCommand::ToggleChannel(
                        channel.id.clone(),
                    )));
                }
            }
        });
        action_checkbox(
            ui,
            switches.flow,
            "Direction of flow",
            &Command::Layer(LayerCommand::ToggleFlow),
            commands,
        );
        ui.separator();
        action_checkbox(
            ui,
            switches.bones,
            "Bones",
            &Command::Layer(LayerCommand::ToggleBones),
            commands,
        );
        action_checkbox(
            ui,
            switches.nerves,
            "Nerves",
            &Command::Layer(LayerCommand::ToggleNerves),
            commands,
        );
    });
    response
        .0
        .on_hover_text("Channels, bones and nerves over the figure");
}
