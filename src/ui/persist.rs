//! The bridge between the window's view state and the stored settings.

use super::theme::ThemeKind;
use super::view::ViewState;
use crate::model::{Atlas, ConditionId, FigureId, PointCode};
use crate::store::{Settings, ThemeSetting};

/// The parts of the view that last between runs.
pub fn settings_of(view: &ViewState) -> Settings {
    Settings {
        theme: match view.theme {
            ThemeKind::Light => ThemeSetting::Light,
            ThemeKind::Dark => ThemeSetting::Dark,
            ThemeKind::HighContrast => ThemeSetting::HighContrast,
        },
        text_scale: view.text_scale,
        pinyin_labels: view.pinyin_labels,
        figure: view.figure.as_ref().map(ToString::to_string),
        condition: view.condition.as_ref().map(ToString::to_string),
        selected: view.selected.as_ref().map(ToString::to_string),
        plan: view.plan.iter().map(ToString::to_string).collect(),
        progress: view.study.progress.clone(),
    }
}

/// Restores stored settings onto a view, dropping ids this atlas does not have.
pub fn restore(view: &mut ViewState, atlas: &Atlas, s: Settings) {
    view.theme = match s.theme {
        ThemeSetting::Light => ThemeKind::Light,
        ThemeSetting::Dark => ThemeKind::Dark,
        ThemeSetting::HighContrast => ThemeKind::HighContrast,
    };
    view.text_scale = s.text_scale.clamp(1.0, 3.0);
    view.pinyin_labels = s.pinyin_labels;
    if let Some(f) = s
        .figure
        .map(FigureId::new)
        .filter(|f| atlas.figure(f).is_some())
    {
        view.figure = Some(f);
    }
    match s.condition {
        Some(c) => {
            let id = ConditionId::new(c);
            if atlas.condition(&id).is_some() {
                view.condition = Some(id);
            }
        }
        None => view.condition = None,
    }
    view.selected = s
        .selected
        .map(PointCode::new)
        .filter(|c| atlas.point(c).is_some());
    view.plan = s
        .plan
        .into_iter()
        .map(PointCode::new)
        .filter(|c| atlas.point(c).is_some())
        .collect();
    view.study.progress = s.progress;
}
