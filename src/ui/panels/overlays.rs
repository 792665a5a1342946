//! Overlays above everything: the search box (Ctrl+F) and the list of shortcuts (`?`).

use crate::model::Atlas;
use crate::search::{Hit, Summary, results};
use crate::session::Command;
use crate::session::Session;
use crate::ui::actions::{actions, shortcut_text};
use egui::{Key, RichText};

/// Results shown at most.
const MAX_RESULTS: usize = 12;

/// The search window. `session.search` holds the query; typing updates it directly because it is
/// the text field's own state. Enter selects the highlighted result.
pub fn search_ui(
    ctx: &egui::Context,
    atlas: &Atlas,
    session: &mut Session,
    focus: bool,
    commands: &mut Vec<Command>,
) {
    if !session.search.open {
        return;
    }
    let mut open = true;
    egui::Window::new("Search")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .default_width(420.0)
        .anchor(egui::Align2::CENTER_TOP, egui::vec2(0.0, 60.0))
        .show(ctx, |ui| {
            let mut output = egui::TextEdit::singleline(&mut session.search.query)
                .hint_text("Code, pinyin, characters, name, channel, body part or condition")
                .desired_width(f32::INFINITY)
                .show(ui);
            let edit = output.response.response.clone();
            if focus {
                // Reopened: the old query is selected, so typing replaces it.
                edit.request_focus();
                let all = egui::text::CCursorRange::select_all_str(&session.search.query);
                output.state.cursor.set_char_range(Some(all));
                output.state.store(ui.ctx(), edit.id);
            }
            let hits = results(atlas, &session.search.query);
            let shown = hits.len().min(MAX_RESULTS);
            if edit.has_focus() {
                ui.input_mut(|i| {
                    if i.consume_key(egui::Modifiers::NONE, Key::ArrowDown) && shown > 0 {
                        session.search.cursor = (session.search.cursor + 1).min(shown - 1);
                    }
                    if i.consume_key(egui::Modifiers::NONE, Key::ArrowUp) {
                        session.search.cursor = session.search.cursor.saturating_sub(1);
                    }
                });
            }
            session.search.cursor = session.search.cursor.min(shown.saturating_sub(1));
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            if session.search.query.trim().is_empty() {
                ui.label(
                    RichText::new(
                        "Try bl40, wei zhong, 委中, bladder, kidney, back of knee, ankle or sciatica.",
                    )
                        .weak(),
                );
            } else if hits.is_empty() {
                ui.label("No point matches.");
            }
            egui::ScrollArea::vertical()
                .max_height(ui.ctx().content_rect().height() * 0.6)
                .show(ui, |ui| {
                    for (i, (hit, summary)) in hits.iter().take(MAX_RESULTS).enumerate() {
                        let chosen = result_ui(ui, atlas, hit, summary, i == session.search.cursor);
                        if chosen || (enter && i == session.search.cursor) {
                            commands.push(Command::SelectPoint(hit.code.clone()));
                            commands.push(Command::CloseSearch);
                        }
                    }
                });
        });
    if !open {
        commands.push(Command::CloseSearch);
    }
}

/// One result: the point's code and names, then where it lies and the conditions that use it.
/// Returns whether it was clicked.
fn result_ui(ui: &mut egui::Ui, atlas: &Atlas, hit: &Hit, summary: &Summary, on: bool) -> bool {
    let Some(point) = atlas.point(&hit.code) else {
        return false;
    };
    let used = if summary.conditions.is_empty() {
        "No condition here uses it".to_owned()
    } else {
        format!("For {}", summary.conditions.join(", "))
    };
    let mut text = egui::text::LayoutJob::default();
    let style = ui.style();
    RichText::new(format!(
        "{}  {}  {}  {}\n",
        point.code, point.pinyin, point.hanzi, point.english
    ))
    .strong()
    .append_to(
        &mut text,
        style,
        egui::FontSelection::Default,
        egui::Align::LEFT,
    );
    RichText::new(format!("{}. {used}.", summary.place))
        .small()
        .append_to(
            &mut text,
            style,
            egui::FontSelection::Default,
            egui::Align::LEFT,
        );
    ui.add(egui::Button::selectable(on, text).wrap())
        .on_hover_text(format!("Matched by {}", hit.why))
        .clicked()
}

/// Every action with its shortcuts.
pub fn help_ui(ctx: &egui::Context, session: &Session, commands: &mut Vec<Command>) {
    if !session.help_open {
        return;
    }
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .show(ctx, |ui| {
            egui::Grid::new("shortcuts")
                .striped(true)
                .num_columns(3)
                .show(ui, |ui| {
                    for action in actions() {
                        let keys: Vec<String> =
                            action.keys.iter().map(|k| shortcut_text(ctx, *k)).collect();
                        ui.label(RichText::new(keys.join("  ")).monospace());
                        ui.label(RichText::new(action.label).strong());
                        ui.label(action.tooltip);
                        ui.end_row();
                    }
                });
        });
    if !open {
        commands.push(Command::ToggleHelp);
    }
}
