//! The table of actions: each command a user can reach from the menu, a shortcut or the help
//! overlay, with its label, tooltip and keys. Menus, shortcuts and help all read this one table.

use crate::session::{Blank, Command, LayerCommand, Mode, StudyCommand};
use egui::{Key, KeyboardShortcut, Modifiers};

/// One entry of the action table: its label, what it does, and its shortcuts.
pub struct Action {
    pub label: &'static str,
    pub tooltip: &'static str,
    pub keys: Vec<KeyboardShortcut>,
    pub command: Command,
    /// The modes where the keys work (all modes when empty).
    pub modes: &'static [Mode],
}

fn key(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::NONE, k)
}

fn ctrl(k: Key) -> KeyboardShortcut {
    KeyboardShortcut::new(Modifiers::COMMAND, k)
}

/// Every action with a shortcut, in the order the help overlay lists them. Built once.
pub fn actions() -> &'static [Action] {
    static TABLE: std::sync::OnceLock<Vec<Action>> = std::sync::OnceLock::new();
    TABLE.get_or_init(build_table)
}

/// The whole table, group by group.
fn build_table() -> Vec<Action> {
    [
        moving(),
        modes(),
        showing(),
        presenting(),
        saving(),
        layers(),
        answering(),
        window(),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// An action whose keys work in every mode.
fn a(
    label: &'static str,
    tooltip: &'static str,
    keys: Vec<KeyboardShortcut>,
    command: Command,
) -> Action {
    Action {
        label,
        tooltip,
        keys,
        command,
        modes: &[],
    }
}

/// An action whose keys work in study mode only.
fn study(
    label: &'static str,
    tooltip: &'static str,
    keys: Vec<KeyboardShortcut>,
    command: Command,
) -> Action {
    Action {
        modes: &[Mode::Study],
        ..a(label, tooltip, keys, command)
    }
}

/// Moving between points, and the overlays.
fn moving() -> Vec<Action> {
    vec![
        a(
            "Next point",
            "Select the next point of the condition, plan or presentation",
            vec![
                key(Key::ArrowRight),
                key(Key::ArrowDown),
                key(Key::PageDown),
            ],
            Command::Step(1),
        ),
        a(
            "Previous point",
            "Select the previous point",
            vec![key(Key::ArrowLeft), key(Key::ArrowUp), key(Key::PageUp)],
            Command::Step(-1),
        ),
        a(
            "Clear / close",
            "Close the open overlay, or clear the selection (in Present mode: leave full screen; the step stays)",
            vec![key(Key::Escape)],
            Command::Escape,
        ),
        a(
            "Search…",
            "Find a point by code, pinyin, characters, English name, region or condition",
            vec![ctrl(Key::F)],
            Command::OpenSearch,
        ),
    ]
}

/// The four modes.
fn modes() -> Vec<Action> {
    vec![
        a(
            "Explore mode",
            "Every point, with locations, mechanisms and guidance",
            vec![ctrl(Key::Num1)],
            Command::SetMode(Mode::Explore),
        ),
        a(
            "Patient mode",
            "Today's plan in plain words, for showing a patient",
            vec![ctrl(Key::Num2)],
            Command::SetMode(Mode::Patient),
        ),
        a(
            "Study mode",
            "Questions on location and names, scored in cun",
            vec![ctrl(Key::Num3)],
            Command::SetMode(Mode::Study),
        ),
        a(
            "Present mode",
            "Large text and dots, stepped with the keys, for a projector",
            vec![ctrl(Key::Num4)],
            Command::SetMode(Mode::Present),
        ),
    ]
}

/// What the canvas shows and how large, for a patient or a room.
fn showing() -> Vec<Action> {
    vec![
        a(
            "Add to or remove from today's plan",
            "Put the selected point in today's plan, or take it out",
            vec![key(Key::P)],
            Command::TogglePlanSelected,
        ),
        a(
            "Undo clearing the plan",
            "Bring back the plan that was cleared, started anew or replaced by a saved one",
            vec![ctrl(Key::Z)],
            Command::UndoPlan,
        ),
        a(
            "Hide labels for recall",
            "Present mode: labels appear only as each step reveals them",
            vec![key(Key::R)],
            Command::ToggleRecall,
        ),
        a(
            "Spotlight",
            "Dim everything but the area around the pointer",
            vec![key(Key::S)],
            Command::ToggleSpotlight,
        ),
        a(
            "Pinyin labels",
            "Show pinyin beside each code on the figure",
            vec![key(Key::L)],
            Command::TogglePinyinLabels,
        ),
        a(
            "Larger text",
            "Scale text and dots up (up to 3×)",
            vec![ctrl(Key::Plus), ctrl(Key::Equals)],
            Command::ScaleText(0.25),
        ),
        a(
            "Smaller text",
            "Scale text and dots down (down to 1×)",
            vec![ctrl(Key::Minus)],
            Command::ScaleText(-0.25),
        ),
        a(
            "Fit the figure",
            "Reset pan and zoom",
            vec![ctrl(Key::Num0)],
            Command::FitView,
        ),
        a(
            "Switch theme",
            "Light, dark, high contrast",
            vec![ctrl(Key::T)],
            Command::CycleTheme,
        ),
        a(
            "Full screen",
            "Fill the screen (for a projector)",
            vec![key(Key::F11)],
            Command::ToggleFullscreen,
        ),
    ]
}

/// An action whose keys work in Present mode only.
fn present(
    label: &'static str,
    tooltip: &'static str,
    keys: Vec<KeyboardShortcut>,
    command: Command,
) -> Action {
    Action {
        modes: &[Mode::Present],
        ..a(label, tooltip, keys, command)
    }
}

/// A room's habits: the presenter view, a clicker's black and white screens, the pen.
fn presenting() -> Vec<Action> {
    vec![
        a(
            "Presenter view",
            "Open the presenter's own window: the note, the next step, the time and the step list",
            vec![key(Key::F5)],
            Command::TogglePresenter,
        ),
        present(
            "Black screen",
            "Present mode: black out the audience's screen; any key brings it back",
            vec![key(Key::B), key(Key::Period)],
            Command::Blank(Blank::Black),
        ),
        present(
            "White screen",
            "Present mode: white out the audience's screen; any key brings it back",
            vec![key(Key::W)],
            Command::Blank(Blank::White),
        ),
        present(
            "Erase the pen",
            "Present mode: wipe what the pen drew (a right-button drag draws; each step starts clean)",
            vec![key(Key::E)],
            Command::ClearPen,
        ),
    ]
}

/// Saving pictures, and the authors' view.
fn saving() -> Vec<Action> {
    vec![
        a(
            "Export view…",
            "Save the figure as shown to a PDF or PNG file",
            vec![ctrl(Key::E)],
            Command::ExportView,
        ),
        a(
            "Export handout…",
            "Save a one-page handout of today's plan for the patient, as a PDF or PNG",
            vec![ctrl(Key::P)],
            Command::ExportHandout,
        ),
        a(
            "Open photo…",
            "Open a photo of the patient, mark its landmarks and see the points on their own body",
            vec![ctrl(Key::O)],
            Command::OpenPhoto,
        ),
        a(
            "Landmarks and spans",
            "Show every landmark and span of the figure with its name, for atlas authors",
            vec![ctrl(Key::K)],
            Command::ToggleCalibration,
        ),
    ]
}

/// The layers over the figure.
fn layers() -> Vec<Action> {
    vec![
        a(
            "Channels",
            "Draw every channel's course over the figure, or none",
            vec![key(Key::C)],
            Command::Layer(LayerCommand::ToggleChannels),
        ),
        a(
            "Direction of flow",
            "Arrows along the channels in the direction they flow",
            vec![key(Key::D)],
            Command::Layer(LayerCommand::ToggleFlow),
        ),
        a(
            "Bones",
            "Draw the bones the landmarks lie on, with the spinal levels",
            vec![key(Key::O)],
            Command::Layer(LayerCommand::ToggleBones),
        ),
        a(
            "Nerves",
            "Draw the sciatic nerve and its branches, and the nerves under nerve-flagged points",
            vec![key(Key::V)],
            Command::Layer(LayerCommand::ToggleNerves),
        ),
    ]
}

/// Study mode's answers.
fn answering() -> Vec<Action> {
    vec![
        study(
            "Answer 1",
            "Study mode: choose the first answer",
            vec![key(Key::Num1)],
            Command::AnswerChoice(0),
        ),
        study(
            "Answer 2",
            "Study mode: choose the second answer",
            vec![key(Key::Num2)],
            Command::AnswerChoice(1),
        ),
        study(
            "Answer 3",
            "Study mode: choose the third answer",
            vec![key(Key::Num3)],
            Command::AnswerChoice(2),
        ),
        study(
            "Answer 4",
            "Study mode: choose the fourth answer",
            vec![key(Key::Num4)],
            Command::AnswerChoice(3),
        ),
        study(
            "Next question",
            "Study mode: ask the next question",
            vec![key(Key::Enter), key(Key::N)],
            Command::NextQuestion,
        ),
        a(
            "Reset my progress…",
            "Study mode: forget every answer and every past session (asks first)",
            vec![KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Delete,
            )],
            Command::Study(StudyCommand::AskReset),
        ),
    ]
}

/// The window itself.
fn window() -> Vec<Action> {
    vec![
        a(
            "Reset layout",
            "Put the side panels back to their first widths and fit the figure",
            vec![KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::Num0,
            )],
            Command::ResetLayout,
        ),
        a(
            "Keyboard shortcuts",
            "Show or hide this list",
            vec![key(Key::Questionmark)],
            Command::ToggleHelp,
        ),
    ]
}

/// The commands whose keys still work while an overlay is open.
const OVERLAY_COMMANDS: [Command; 3] = [Command::Escape, Command::ToggleHelp, Command::OpenSearch];

/// A shortcut as text, such as `Ctrl+F` (and `?` for the question mark, not its key name).
pub fn shortcut_text(ctx: &egui::Context, s: KeyboardShortcut) -> String {
    if s.logical_key == Key::Questionmark && s.modifiers.is_none() {
        return "?".to_owned();
    }
    ctx.format_shortcut(&s)
}

/// Whether a key was pressed this frame; the presses are used up (a blanked screen comes back
/// on any key, and that key does nothing else).
pub fn take_any_key(ctx: &egui::Context) -> bool {
    ctx.input_mut(|i| {
        let pressed = i
            .events
            .iter()
            .any(|e| matches!(e, egui::Event::Key { pressed: true, .. }));
        if pressed {
            i.events.retain(|e| {
                !matches!(
                    e,
                    egui::Event::Key { .. } | egui::Event::Text(_) | egui::Event::Copy
                )
            });
        }
        pressed
    })
}

/// The commands for the shortcuts pressed this frame in `mode`. Letter shortcuts are skipped
/// while a text field has the keyboard. While a popup (a menu, a drop-down) is open, the keys
/// are its own: none is taken here, so `Esc` reaches it and closes it. While an overlay
/// (`overlay`: the shortcut list, search) is open, only the keys that close or switch it work.
pub fn shortcuts_pressed(ctx: &egui::Context, mode: Mode, overlay: bool) -> Vec<Command> {
    if egui::Popup::is_any_open(ctx) {
        return Vec::new();
    }
    let typing = ctx.memory(|m| m.focused().is_some()) && ctx.egui_wants_keyboard_input();
    let here = move |a: &&Action| {
        (a.modes.is_empty() || a.modes.contains(&mode))
            && (!overlay || OVERLAY_COMMANDS.contains(&a.command))
    };
    // Shortcuts with modifiers first, so Ctrl+P is not taken for P.
    let ordered = actions()
        .iter()
        .filter(here)
        .flat_map(|a| a.keys.iter().map(move |k| (*k, &a.command)))
        .filter(|(k, _)| !k.modifiers.is_none())
        .chain(
            actions()
                .iter()
                .filter(here)
                .flat_map(|a| a.keys.iter().map(move |k| (*k, &a.command)))
                .filter(|(k, _)| k.modifiers.is_none()),
        );
    let mut out = Vec::new();
    ctx.input_mut(|i| {
        for (shortcut, command) in ordered {
            let plain = shortcut.modifiers.is_none();
            // Ctrl+Z in a text field undoes the typing, not the plan.
            let text_undo = shortcut.logical_key == Key::Z;
            if typing && (plain || text_undo) && shortcut.logical_key != Key::Escape {
                continue;
            }
            if i.consume_shortcut(&shortcut) {
                out.push(command.clone());
            }
        }
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_a_label_a_tooltip_and_a_distinct_shortcut() {
        let mut seen = std::collections::BTreeSet::new();
        for action in actions() {
            assert!(!action.label.is_empty() && !action.tooltip.is_empty());
            assert!(!action.keys.is_empty(), "{}", action.label);
            for k in &action.keys {
                assert!(
                    seen.insert(format!("{k:?}")),
                    "{} reuses {k:?}",
                    action.label
                );
            }
        }
    }
}
