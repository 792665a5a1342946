//! Small shared widgets: coloured badges and section headings.

use super::actions::{actions, shortcut_text};
use crate::session::Command;
use egui::{Color32, CornerRadius, FontId, RichText};

/// A filled, rounded label such as an evidence grade or a safety flag. It stays on one line
/// when it fits, and wraps rather than push its panel wider when it does not.
pub fn badge_ui(ui: &mut egui::Ui, text: &str, fill: Color32, ink: Color32) -> egui::Response {
    let label = RichText::new(text)
        .font(FontId::new(13.5, crate::paint::fonts::bold()))
        .color(ink);
    let room = ui.available_width() - 16.0;
    egui::Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(9))
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| {
            ui.set_max_width(room.max(40.0));
            ui.add(egui::Label::new(label).wrap())
        })
        .response
}

/// A small bold heading inside a panel.
pub fn section_ui(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).font(FontId::new(16.0, crate::paint::fonts::bold())));
}

/// The tooltip of an action in the table, with its shortcuts, such as
/// "Fill the screen (for a projector) (F11)".
fn action_hover(ctx: &egui::Context, command: &Command) -> String {
    actions()
        .iter()
        .find(|a| &a.command == command)
        .map_or_else(String::new, |a| {
            let keys: Vec<String> = a.keys.iter().map(|k| shortcut_text(ctx, *k)).collect();
            format!("{} ({})", a.tooltip, keys.join(", "))
        })
}

/// A button for an action in the table; its tooltip and shortcut come from the table.
pub fn action_button(
    ui: &mut egui::Ui,
    text: &str,
    command: &Command,
    commands: &mut Vec<Command>,
) {
    let hover = action_hover(ui.ctx(), command);
    if ui.button(text).on_hover_text(hover).clicked() {
        commands.push(command.clone());
    }
}

/// A checkbox showing `on` for a toggling action in the table.
pub fn action_checkbox(
    ui: &mut egui::Ui,
    on: bool,
    text: &str,
    command: &Command,
    commands: &mut Vec<Command>,
) {
    let hover = action_hover(ui.ctx(), command);
    let mut value = on;
    if ui.checkbox(&mut value, text).on_hover_text(hover).changed() {
        commands.push(command.clone());
    }
}

/// How an answer went, for [`verdict_ui`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    Right,
    Close,
    Wrong,
}

/// A painted mark (a tick in a disc for right, a cross for wrong, a tilde for close) and the
/// words beside it, in `ink`: colour, symbol and words, so no one depends on colour alone.
pub fn verdict_ui(ui: &mut egui::Ui, verdict: Verdict, text: &str, ink: Color32, size: f32) {
    ui.horizontal_wrapped(|ui| {
        let diameter = size * 1.1;
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(diameter, diameter), egui::Sense::hover());
        let painter = ui.painter();
        let c = rect.center();
        let r = diameter * 0.45;
        painter.circle_filled(c, r, ink);
        let mark = egui::Stroke::new(diameter * 0.12, ui.visuals().extreme_bg_color);
        let p = |x: f32, y: f32| c + egui::vec2(x * r, y * r);
        match verdict {
            Verdict::Right => {
                painter.line_segment([p(-0.5, 0.0), p(-0.12, 0.4)], mark);
                painter.line_segment([p(-0.12, 0.4), p(0.5, -0.4)], mark);
            }
            Verdict::Wrong => {
                painter.line_segment([p(-0.42, -0.42), p(0.42, 0.42)], mark);
                painter.line_segment([p(-0.42, 0.42), p(0.42, -0.42)], mark);
            }
            Verdict::Close => {
                painter.line_segment([p(-0.5, 0.0), p(0.5, 0.0)], mark);
            }
        }
        ui.label(RichText::new(text).size(size).strong().color(ink));
    });
}
