//! Where everything goes in each mode: the side panels, and the canvas as the mode wants it.

use super::canvas::{CanvasInput, CanvasState, LabelStyle, canvas_ui};
use super::command::Command;
use super::panels::{detail, guidance, mechanisms, navigator, patient, present, study};
use super::view::{Answer, Mode, Tab, ViewState};
use crate::model::Atlas;
use crate::study::QuestionKind;
use std::collections::BTreeSet;

/// The left and right panels of the current mode.
pub fn side_panels_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    match view.mode {
        Mode::Explore => {
            egui::Panel::left("navigator")
                .default_size(250.0)
                .show(ui, |ui| navigator::navigator_ui(ui, atlas, view, commands));
            egui::Panel::right("details")
                .default_size(400.0)
                .show(ui, |ui| tabs_ui(ui, atlas, view, commands));
        }
        Mode::Patient => {
            egui::Panel::left("plan")
                .default_size(280.0)
                .show(ui, |ui| patient::plan_ui(ui, atlas, view, commands));
            egui::Panel::right("patient_cards")
                .default_size(420.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| patient::cards_ui(ui, atlas, view));
                });
        }
        Mode::Study => {
            egui::Panel::left("study_progress")
                .default_size(250.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| study::progress_ui(ui, atlas, view, commands));
                });
            egui::Panel::right("question")
                .default_size(400.0)
                .show(ui, |ui| study::question_ui(ui, atlas, view, commands));
        }
        Mode::Present => {
            egui::Panel::right("present_card")
                .default_size(440.0)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| present::card_ui(ui, atlas, view));
                });
        }
    }
}

/// The right-hand panel of explore mode: the Point, Mechanisms and Guidance tabs.
fn tabs_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, commands: &mut Vec<Command>) {
    ui.horizontal(|ui| {
        for (tab, name) in [
            (Tab::Point, "Point"),
            (Tab::Mechanisms, "Mechanisms"),
            (Tab::Guidance, "Guidance"),
        ] {
            if ui.selectable_label(view.tab == tab, name).clicked() {
                commands.push(Command::SetTab(tab));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt("details_scroll")
        .show(ui, |ui| match view.tab {
            Tab::Point => detail::detail_ui(ui, atlas, view, commands),
            Tab::Mechanisms => mechanisms::mechanisms_ui(ui, atlas, view, commands),
            Tab::Guidance => guidance::guidance_ui(ui, atlas),
        });
}

/// The body canvas of the current figure, drawn as the mode wants it.
pub fn canvas_panel_ui(
    ui: &mut egui::Ui,
    canvas: &mut CanvasState,
    atlas: &Atlas,
    view: &ViewState,
    commands: &mut Vec<Command>,
) {
    let Some(figure) = view
        .figure
        .as_ref()
        .and_then(|id| atlas.figure(id))
        .or_else(|| atlas.figures().first())
    else {
        return;
    };
    let highlighted = view.mechanism_points(atlas);
    let mut points = view.visible_points(atlas);
    let mut input = CanvasInput::new(atlas, figure, &[]);
    input.condition = view.condition.as_ref();
    input.selected = view.selected.as_ref();
    input.highlighted = &highlighted;
    input.theme = view.theme;
    input.calibration = view.calibration;
    input.labels = if view.pinyin_labels {
        LabelStyle::Full
    } else {
        LabelStyle::Code
    };
    let mut answering = false;
    match view.mode {
        Mode::Explore => {}
        Mode::Patient => {
            input.scale = 1.6;
            input.labels = if view.patient_codes {
                LabelStyle::Code
            } else {
                LabelStyle::Numbered
            };
        }
        Mode::Study => {
            input.labels = LabelStyle::None;
            if let Some(q) = &view.study.question {
                points = atlas.point(&q.code).into_iter().collect();
                input.selected = Some(&q.code);
                match (&q.kind, &view.study.answer) {
                    (QuestionKind::Locate { .. }, None) => {
                        input.show_dots = false;
                        input.selected = None;
                        answering = true;
                    }
                    (QuestionKind::Locate { .. }, Some(Answer::Located(r))) => {
                        input.marker = Some(r.clicked);
                    }
                    _ => {}
                }
            }
        }
        Mode::Present => {
            input.scale = 1.3;
            input.spotlight = view.present.spotlight;
            if view.present.recall {
                input.label_only = Some(&view.present.revealed);
            }
        }
    }
    let empty = BTreeSet::new();
    if view.mode != Mode::Explore {
        input.highlighted = &empty;
    }
    input.points = &points;
    let out = canvas_ui(ui, canvas, &input);
    if answering {
        if let Some(at) = out.clicked_at {
            commands.push(Command::AnswerLocate(at));
        }
    } else if let Some(code) = out.clicked {
        commands.push(Command::SelectPoint(code));
    } else if out.clicked_empty && view.mode == Mode::Explore {
        commands.push(Command::ClearSelection);
    }
}
