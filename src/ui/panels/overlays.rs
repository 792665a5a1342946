//! Overlays above everything: the search box (Ctrl+F) and the list of shortcuts (`?`).

use crate::model::Atlas;
use crate::search::{Hit, Summary, results};
use crate::session::Command;
use crate::session::Session;
use crate::ui::actions::{actions, shortcut_text};
use crate::ui::panels::groups::Group;
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

/// Width of one column of the shortcut list, in points.
const HELP_COLUMN_W: f32 = 330.0;
/// Width of the keys beside each action.
const HELP_KEYS_W: f32 = 96.0;

/// Every action with its shortcuts, grouped as the Menu is, in as many columns as the window
/// has room for, scrolling when they are taller than it: the title and the close button stay
/// on screen at any window size from 800×560 up.
pub fn help_ui(ctx: &egui::Context, session: &Session, commands: &mut Vec<Command>) {
    if !session.help_open {
        return;
    }
    let room = ctx.content_rect().size() - egui::vec2(32.0, 72.0);
    let columns: u8 = if room.x >= 3.0 * HELP_COLUMN_W {
        3
    } else if room.x >= 2.0 * HELP_COLUMN_W {
        2
    } else {
        1
    };
    let width = (HELP_COLUMN_W * f32::from(columns)).min(room.x);
    let columns = usize::from(columns);
    let mut open = true;
    egui::Window::new("Keyboard shortcuts")
        .open(&mut open)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .fixed_size(egui::vec2(width, room.y.max(100.0)))
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    ui.columns(columns, |cols| {
                        for (group, col) in balance(columns) {
                            if let Some(ui) = cols.get_mut(col) {
                                help_group_ui(ui, group);
                            }
                        }
                    });
                });
        });
    if !open {
        commands.push(Command::ToggleHelp);
    }
}

/// Which column each group goes in: each in turn to the column holding the fewest rows so far
/// (an action and its line of text count two rows, a group's name one).
fn balance(columns: usize) -> Vec<(Group, usize)> {
    let rows = |g: Group| {
        2 * actions()
            .iter()
            .filter(|a| Group::of(&a.command) == g)
            .count()
            + 1
    };
    let mut filled = vec![0; columns.max(1)];
    let mut out = Vec::new();
    for group in Group::ALL {
        let col = filled
            .iter()
            .enumerate()
            .min_by_key(|(_, f)| **f)
            .map_or(0, |(c, _)| c);
        out.push((group, col));
        if let Some(f) = filled.get_mut(col) {
            *f += rows(group);
        }
    }
    out
}

/// One group of the shortcut list: its name, then each action's keys, name and what it does.
fn help_group_ui(ui: &mut egui::Ui, group: Group) {
    let mut any = false;
    for action in actions().iter().filter(|a| Group::of(&a.command) == group) {
        if !any {
            ui.add_space(4.0);
            ui.label(RichText::new(group.name()).heading());
            any = true;
        }
        let keys: Vec<String> = action
            .keys
            .iter()
            .map(|k| shortcut_text(ui.ctx(), *k))
            .collect();
        ui.horizontal_top(|ui| {
            ui.allocate_ui_with_layout(
                egui::vec2(HELP_KEYS_W, 0.0),
                egui::Layout::top_down(egui::Align::Min),
                |ui| {
                    ui.set_width(HELP_KEYS_W);
                    ui.add(egui::Label::new(RichText::new(keys.join("  ")).monospace()).wrap());
                },
            );
            ui.vertical(|ui| {
                ui.label(RichText::new(action.label).strong());
                ui.add(egui::Label::new(RichText::new(action.tooltip).small()).wrap());
            });
        });
        ui.add_space(2.0);
    }
}
