//! The application: loads the atlas, lays out the panels around the canvas, and applies the
//! commands the panels and shortcuts push.

use super::canvas::{CanvasInput, CanvasState, LabelStyle, canvas_ui};
use super::command::{self, Command};
use super::panels::{detail, guidance, mechanisms, navigator, top_bar};
use super::screenshot::Screenshot;
use super::theme::{self};
use super::view::{Tab, ViewState};
use crate::cli::load_atlas;
use crate::load::load_builtin;
use crate::model::Atlas;
use egui::{Key, Modifiers};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

pub struct AtlasApp {
    atlas: Option<Atlas>,
    /// Problems with the atlas folder the user named (the built-in atlas is shown instead).
    problems: Vec<String>,
    view: ViewState,
    canvas: CanvasState,
    frames: u64,
    screenshot: Option<Screenshot>,
}

impl AtlasApp {
    /// Installs fonts and theme, and loads the atlas in `dir` (or the built-in one). When the
    /// folder has problems, the built-in atlas is shown and the problems are listed.
    pub fn new(ctx: &egui::Context, dir: Option<&Path>) -> Self {
        super::fonts::install(ctx);
        let (atlas, problems) = match load_atlas(dir) {
            Ok(atlas) => (Some(atlas), Vec::new()),
            Err(problems) => {
                let list = problems.iter().map(ToString::to_string).collect();
                (load_builtin().ok(), list)
            }
        };
        let view = atlas.as_ref().map(ViewState::initial).unwrap_or_default();
        theme::apply(ctx, view.theme);
        Self {
            atlas,
            problems,
            view,
            canvas: CanvasState::default(),
            frames: 0,
            screenshot: None,
        }
    }

    /// Saves a PNG of the window to `path` after the first frames, then closes it.
    pub fn take_screenshot(&mut self, path: PathBuf, failure: Arc<Mutex<Option<String>>>) {
        self.screenshot = Some(Screenshot::new(path, failure));
    }

    /// The view state, for tests.
    pub fn view(&self) -> &ViewState {
        &self.view
    }

    /// The loaded atlas.
    pub fn atlas(&self) -> Option<&Atlas> {
        self.atlas.as_ref()
    }

    /// Where a point was drawn on the canvas in the last frame.
    pub fn point_on_screen(&self, code: &crate::model::PointCode) -> Option<egui::Pos2> {
        self.canvas.screen_pos(self.atlas.as_ref()?, code)
    }

    fn shortcuts(ctx: &egui::Context, commands: &mut Vec<Command>) {
        if ctx.memory(|m| m.focused().is_some()) {
            return;
        }
        ctx.input_mut(|i| {
            for (key, delta) in [
                (Key::ArrowRight, 1),
                (Key::ArrowDown, 1),
                (Key::ArrowLeft, -1),
                (Key::ArrowUp, -1),
            ] {
                if i.consume_key(Modifiers::NONE, key) {
                    commands.push(Command::Step(delta));
                }
            }
            if i.consume_key(Modifiers::NONE, Key::Escape) {
                commands.push(Command::ClearSelection);
            }
        });
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        let ctx = ui.ctx().clone();
        if let Some(shot) = &mut self.screenshot {
            shot.drive(&ctx, self.frames);
        }
        let Some(atlas) = &self.atlas else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading("No atlas could be loaded");
                for p in &self.problems {
                    ui.monospace(p);
                }
            });
            return;
        };
        let mut commands = Vec::new();
        Self::shortcuts(&ctx, &mut commands);
        let view = &self.view;
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            top_bar::top_bar_ui(ui, atlas, view, &mut commands);
            ui.add_space(2.0);
        });
        if !self.problems.is_empty() {
            egui::Panel::bottom("problems").show(ui, |ui| {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "The atlas folder has problems, so the built-in atlas is shown:",
                );
                egui::ScrollArea::vertical()
                    .max_height(120.0)
                    .show(ui, |ui| {
                        for p in &self.problems {
                            ui.monospace(p);
                        }
                    });
            });
        }
        egui::Panel::left("navigator")
            .default_size(250.0)
            .show(ui, |ui| {
                navigator::navigator_ui(ui, atlas, view, &mut commands);
            });
        egui::Panel::right("details")
            .default_size(400.0)
            .show(ui, |ui| tabs_ui(ui, atlas, view, &mut commands));
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                egui::Frame::new()
                    .fill(ui.visuals().panel_fill)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| top_bar::views_ui(ui, atlas, view, &mut commands));
                canvas_panel_ui(ui, &mut self.canvas, atlas, view, &mut commands);
            });
        for c in commands {
            let effects = command::apply(&mut self.view, atlas, c);
            if effects.theme_changed {
                theme::apply(&ctx, self.view.theme);
            }
            self.canvas.fit |= effects.fit_view;
            self.canvas.reveal |= effects.reveal_selection;
        }
    }
}

/// The right-hand panel: the Point, Mechanisms and Guidance tabs.
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

/// The body canvas of the current figure, with the points the view shows.
fn canvas_panel_ui(
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
    let points = view.visible_points(atlas);
    let highlighted = view.mechanism_points(atlas);
    let input = CanvasInput {
        atlas,
        figure,
        points: &points,
        condition: view.condition.as_ref(),
        selected: view.selected.as_ref(),
        highlighted: &highlighted,
        theme: view.theme,
        labels: if view.pinyin_labels {
            LabelStyle::Full
        } else {
            LabelStyle::Code
        },
        scale: 1.0,
    };
    let out = canvas_ui(ui, canvas, &input);
    if let Some(code) = out.clicked {
        commands.push(Command::SelectPoint(code));
    } else if out.clicked_empty {
        commands.push(Command::ClearSelection);
    }
}
