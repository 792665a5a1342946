//! Everything a user can ask for, as one enum. Panels and shortcuts push commands during the
//! frame; the app applies them at its end, so no panel changes state another is drawing.

use super::theme::ThemeKind;
use super::view::{Tab, ViewState};
use crate::model::{Atlas, ConditionId, FigureId, MechanismId, PointCode, RegionId};

#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    SelectPoint(PointCode),
    ClearSelection,
    SetFigure(FigureId),
    SetCondition(Option<ConditionId>),
    ToggleRegion(RegionId),
    SelectMechanism(Option<MechanismId>),
    /// Move to the next (or previous) point of the current condition.
    Step(i32),
    SetTab(Tab),
    SetTheme(ThemeKind),
    TogglePinyinLabels,
    FitView,
}

/// What applying a command asks of the window beyond the view state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Effects {
    pub theme_changed: bool,
    pub fit_view: bool,
    /// Bring the selected point into view on the canvas.
    pub reveal_selection: bool,
}

/// Applies a command to the view state.
pub fn apply(view: &mut ViewState, atlas: &Atlas, command: Command) -> Effects {
    let mut effects = Effects::default();
    match command {
        Command::SelectPoint(code) => {
            if atlas.point(&code).is_some() {
                if !on_figure(view, atlas, &code) {
                    // Switch to the first figure that shows the point.
                    if let Some(site) = atlas.sites(&code).first() {
                        view.figure = Some(site.figure.clone());
                    }
                }
                view.selected = Some(code);
                view.tab = Tab::Point;
                effects.reveal_selection = true;
            }
        }
        Command::ClearSelection => {
            view.selected = None;
            view.mechanism = None;
        }
        Command::SetFigure(id) => view.figure = Some(id),
        Command::SetCondition(id) => view.condition = id,
        Command::ToggleRegion(id) => {
            if !view.hidden_regions.remove(&id) {
                view.hidden_regions.insert(id);
            }
        }
        Command::SelectMechanism(id) => {
            view.mechanism = id;
        }
        Command::Step(delta) => {
            let visible: Vec<PointCode> = view
                .visible_points(atlas)
                .into_iter()
                .map(|p| p.code.clone())
                .collect();
            if let Some(code) = step(&visible, view.selected.as_ref(), delta) {
                return apply(view, atlas, Command::SelectPoint(code));
            }
        }
        Command::SetTab(tab) => view.tab = tab,
        Command::SetTheme(kind) => {
            view.theme = kind;
            effects.theme_changed = true;
        }
        Command::TogglePinyinLabels => view.pinyin_labels = !view.pinyin_labels,
        Command::FitView => effects.fit_view = true,
    }
    effects
}

fn on_figure(view: &ViewState, atlas: &Atlas, code: &PointCode) -> bool {
    view.figure
        .as_ref()
        .is_some_and(|f| atlas.sites_on(code, f).next().is_some())
}

/// The point `delta` places after `current` in `list`, wrapping around; the first (or last)
/// when nothing is selected.
fn step(list: &[PointCode], current: Option<&PointCode>, delta: i32) -> Option<PointCode> {
    let n = i64::try_from(list.len()).ok()?;
    if n == 0 {
        return None;
    }
    let index = match current.and_then(|c| list.iter().position(|x| x == c)) {
        Some(i) => i64::try_from(i).ok()? + i64::from(delta),
        None if delta >= 0 => 0,
        None => n - 1,
    };
    let wrapped = usize::try_from(index.rem_euclid(n)).ok()?;
    list.get(wrapped).cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(list: &[&str]) -> Vec<PointCode> {
        list.iter().map(|c| PointCode::new(*c)).collect()
    }

    #[test]
    fn stepping_wraps_around_the_list_in_both_directions() {
        let list = codes(&["BL23", "BL40", "KI3"]);
        assert_eq!(step(&list, Some(&list[2]), 1), Some(list[0].clone()));
        assert_eq!(step(&list, Some(&list[0]), -1), Some(list[2].clone()));
        assert_eq!(step(&list, None, 1), Some(list[0].clone()));
        assert_eq!(step(&list, None, -1), Some(list[2].clone()));
        assert_eq!(step(&[], None, 1), None);
    }
}
