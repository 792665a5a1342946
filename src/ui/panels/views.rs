//! The view chooser above the canvas: one row of small outline thumbnails of the figures (a
//! drop-down when the row would not fit), the current view's name, and the label toggles.
//! It takes one row, so the figure keeps the height.

use crate::model::{Atlas, Figure, ShapeKind};
use crate::paint::projector::{PanZoom, Projector};
use crate::paint::theme;
use crate::session::{Command, Mode, Session};
use crate::ui::widgets::action_checkbox;
use egui::{Rect, Sense, Stroke, vec2};

/// Size of one thumbnail, in points.
const THUMB: egui::Vec2 = vec2(30.0, 40.0);

pub fn views_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    let toggles = matches!(session.mode, Mode::Explore | Mode::Present);
    let thumbs = atlas.figures().len() as f32 * (THUMB.x + ui.spacing().item_spacing.x);
    let needed = thumbs + 80.0 + if toggles { 250.0 } else { 0.0 };
    let with_title = ui.available_width() >= needed + 160.0;
    ui.horizontal_wrapped(|ui| {
        if ui.available_width() >= needed {
            for figure in atlas.figures() {
                thumbnail_ui(ui, atlas, session, figure, commands);
            }
            if with_title
                && let Some(current) = session.kept.figure.as_ref().and_then(|f| atlas.figure(f))
            {
                ui.add_space(4.0);
                ui.label(egui::RichText::new(&current.title).strong());
            }
        } else {
            dropdown_ui(ui, atlas, session, commands);
        }
        ui.separator();
        super::layers_menu::layers_menu_ui(ui, atlas, session, commands);
        if toggles {
            ui.separator();
            action_checkbox(
                ui,
                session.kept.pinyin_labels,
                "Pinyin labels",
                &Command::TogglePinyinLabels,
                commands,
            );
            action_checkbox(
                ui,
                session.calibration,
                "Landmarks",
                &Command::ToggleCalibration,
                commands,
            );
        }
    });
}

/// Whether the selected point is drawn on `figure` (never while a study question waits for
/// its answer: the mark would give it away).
fn shows_selection(atlas: &Atlas, session: &Session, figure: &Figure) -> bool {
    if session.mode == Mode::Study && session.study.answer.is_none() {
        return false;
    }
    session.kept.selected.as_ref().is_some_and(|c| {
        !atlas
            .sites_for(c, &figure.id, session.kept.condition.as_ref())
            .is_empty()
    })
}

fn hover_text(atlas: &Atlas, session: &Session, figure: &Figure) -> String {
    if shows_selection(atlas, session, figure) {
        format!(
            "Show {}; the selected point is on this view",
            figure.title.to_lowercase()
        )
    } else {
        format!("Show {}", figure.title.to_lowercase())
    }
}

/// A small outline of a figure; the current one framed, a dot when it shows the selection.
fn thumbnail_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    figure: &Figure,
    commands: &mut Vec<Command>,
) {
    let on = session.kept.figure.as_ref() == Some(&figure.id);
    let (rect, response) = ui.allocate_exact_size(THUMB, Sense::click());
    response
        .widget_info(|| egui::WidgetInfo::selected(egui::Role::Button, true, on, &figure.title));
    let visuals = ui.style().interact_selectable(&response, on);
    let painter = ui.painter_at(rect);
    painter.rect(
        rect,
        4.0,
        visuals.weak_bg_fill,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    let proj = Projector::fit(rect.shrink(-8.0), figure, PanZoom::default());
    let ink = ui.visuals().strong_text_color();
    for shape in figure
        .shapes
        .iter()
        .filter(|s| s.kind == ShapeKind::Outline)
    {
        let mut pts: Vec<egui::Pos2> = shape
            .points
            .iter()
            .map(|p| proj.screen_from_figure(*p))
            .collect();
        if shape.closed
            && let Some(first) = pts.first().copied()
        {
            pts.push(first);
        }
        painter.add(egui::Shape::line(pts, Stroke::new(1.0, ink)));
    }
    if shows_selection(atlas, session, figure) {
        let mark = Rect::from_min_size(rect.right_top() + vec2(-9.0, 3.0), vec2(6.0, 6.0));
        painter.circle_filled(
            mark.center(),
            3.0,
            theme::canvas_colors(session.kept.theme).ruler,
        );
    }
    if response
        .on_hover_text(hover_text(atlas, session, figure))
        .clicked()
    {
        commands.push(Command::SetFigure(figure.id.clone()));
    }
}

/// The views as a drop-down, for narrow windows.
fn dropdown_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    let current = session
        .kept
        .figure
        .as_ref()
        .and_then(|f| atlas.figure(f))
        .map_or_else(String::new, |f| f.title.to_string());
    egui::ComboBox::from_label("View")
        .selected_text(current)
        .show_ui(ui, |ui| {
            for figure in atlas.figures() {
                let on = session.kept.figure.as_ref() == Some(&figure.id);
                let text = if shows_selection(atlas, session, figure) {
                    format!("{} (shows the selected point)", figure.title)
                } else {
                    figure.title.to_string()
                };
                if ui
                    .selectable_label(on, text)
                    .on_hover_text(hover_text(atlas, session, figure))
                    .clicked()
                {
                    commands.push(Command::SetFigure(figure.id.clone()));
                }
            }
        });
}
