//! The application: loads the atlas and the stored settings, lays out the panels of the current
//! mode around the canvas, applies the commands the panels and shortcuts push, and saves what
//! lasts between runs.

use super::canvas::{CanvasState, LabelStyle};
use super::command::{self, Command, Effects};
use super::export_job::{ExportJob, ExportKind};
use super::panels::{overlays, present, top_bar};
use super::persist;
use super::screenshot::Screenshot;
use super::theme;
use super::view::{Mode, ViewState};
use crate::cli::load_atlas;
use crate::load::load_builtin;
use crate::model::Atlas;
use crate::render::{ViewRequest, ViewStyle};
use crate::store::{Loaded, Settings, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// A message shown along the bottom until dismissed.
struct Notice {
    text: String,
    error: bool,
}

pub struct AtlasApp {
    atlas: Option<Atlas>,
    /// Problems with the atlas folder the user named (the built-in atlas is shown instead).
    problems: Vec<String>,
    view: ViewState,
    canvas: CanvasState,
    frames: u64,
    screenshot: Option<Screenshot>,
    store: Option<Store>,
    saved: Settings,
    notices: Vec<Notice>,
    exports: Vec<ExportJob>,
    focus_search: bool,
    fullscreen: bool,
    watcher: Option<super::reload::AtlasWatcher>,
    /// A size asked for on the command line, applied on the first frame (it wins over the
    /// size eframe remembers from the last run).
    initial_size: Option<egui::Vec2>,
}

fn now_s() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

impl AtlasApp {
    /// The window's app, with settings kept in eframe's storage folder.
    pub fn new(ctx: &egui::Context, dir: Option<&Path>) -> Self {
        let store = eframe::storage_dir("acupoint-atlas").map(Store::new);
        Self::with_store(ctx, dir, store)
    }

    /// The app with settings kept in `store` (none: nothing is kept, as in tests).
    /// Installs fonts and theme, and loads the atlas in `dir` (or the built-in one). When the
    /// folder has problems, the built-in atlas is shown and the problems are listed.
    pub fn with_store(ctx: &egui::Context, dir: Option<&Path>, store: Option<Store>) -> Self {
        super::fonts::install(ctx);
        let (atlas, problems) = match load_atlas(dir) {
            Ok(atlas) => (Some(atlas), Vec::new()),
            Err(problems) => {
                let list = problems.iter().map(ToString::to_string).collect();
                (load_builtin().ok(), list)
            }
        };
        let mut view = atlas.as_ref().map(ViewState::initial).unwrap_or_default();
        let mut notices = Vec::new();
        let loaded = store.as_ref().map(Store::load);
        if let Some(text) = loaded.as_ref().and_then(Loaded::notice) {
            notices.push(Notice { text, error: true });
        }
        if let (Some(atlas), Some(loaded)) = (&atlas, loaded) {
            persist::restore(&mut view, atlas, loaded.into_settings());
        }
        theme::apply(ctx, view.theme);
        ctx.set_zoom_factor(view.text_scale);
        let saved = persist::settings_of(&view);
        Self {
            atlas,
            problems,
            view,
            canvas: CanvasState::default(),
            frames: 0,
            screenshot: None,
            store,
            saved,
            notices,
            exports: Vec::new(),
            focus_search: false,
            fullscreen: false,
            watcher: dir.and_then(|d| super::reload::AtlasWatcher::start(d, ctx.clone()).ok()),
            initial_size: None,
        }
    }

    /// Shows a problem found before the window started (such as eframe's state file set
    /// aside) as an error notice.
    pub fn add_startup_notice(&mut self, text: String) {
        self.notices.push(Notice { text, error: true });
    }

    /// Reloads the atlas folder after it changed. On problems, the last good atlas stays and
    /// the problems are listed until they are fixed.
    fn reload_if_due(&mut self, ctx: &egui::Context) {
        let Some(watcher) = &mut self.watcher else {
            return;
        };
        if !watcher.due(ctx) {
            return;
        }
        match crate::load::load_dir(watcher.dir()) {
            Ok(atlas) => {
                self.problems.clear();
                self.canvas.clear_cache();
                let settings = persist::settings_of(&self.view);
                let mut view = ViewState::initial(&atlas);
                view.mode = self.view.mode;
                view.tab = self.view.tab;
                view.hidden_regions = std::mem::take(&mut self.view.hidden_regions);
                persist::restore(&mut view, &atlas, settings);
                self.view = view;
                self.atlas = Some(atlas);
                self.notices.push(Notice {
                    text: format!("Reloaded the atlas from {}", watcher.dir().display()),
                    error: false,
                });
                self.notices.retain(|n| {
                    !n.text.starts_with("Reloaded")
                        || n.text.ends_with(&watcher.dir().display().to_string())
                });
            }
            Err(problems) => {
                self.problems = problems.iter().map(ToString::to_string).collect();
            }
        }
    }

    /// Resizes the window to `size` on the first frame.
    pub fn set_initial_size(&mut self, size: egui::Vec2) {
        self.initial_size = Some(size);
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

    /// Where a figure position was drawn in the last frame.
    pub fn figure_on_screen(&self, at: crate::model::FigurePos) -> Option<egui::Pos2> {
        self.canvas.screen_from_figure(at)
    }

    /// The problems listed for the atlas folder (empty when it loaded).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// The notices shown along the bottom.
    pub fn notices(&self) -> Vec<&str> {
        self.notices.iter().map(|n| n.text.as_str()).collect()
    }

    /// Runs a command as if a panel had pushed it (for tests and scripts).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        self.apply_all(ctx, vec![command]);
    }

    fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        let mut all = Effects::default();
        if let Some(atlas) = &self.atlas {
            for c in commands {
                let e = command::apply(&mut self.view, atlas, c, now_s());
                all = merge(all, e);
            }
        }
        self.follow(ctx, all);
        self.canvas.frame_on_reveal = self.view.mode == Mode::Present;
    }

    fn follow(&mut self, ctx: &egui::Context, effects: Effects) {
        if effects.theme_changed {
            theme::apply(ctx, self.view.theme);
        }
        if effects.scale_changed {
            ctx.set_zoom_factor(self.view.text_scale);
        }
        if effects.toggle_fullscreen {
            self.fullscreen = !self.fullscreen;
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
        }
        self.canvas.fit |= effects.fit_view;
        self.canvas.reveal |= effects.reveal_selection;
        self.focus_search |= effects.focus_search;
        if effects.export_view {
            self.start_export(ctx, false);
        }
        if effects.export_handout {
            self.start_export(ctx, true);
        }
    }

    fn start_export(&mut self, ctx: &egui::Context, handout: bool) {
        let Some(atlas) = &self.atlas else { return };
        let kind = if handout {
            if self.view.plan.is_empty() {
                self.notices.push(Notice {
                    text: "Today's plan is empty: add points in Explore mode (P) before exporting a handout.".into(),
                    error: true,
                });
                return;
            }
            ExportKind::Handout(self.view.plan.clone())
        } else {
            let Some(figure) = self.view.figure.clone() else {
                return;
            };
            let mode = self.view.mode;
            ExportKind::View(ViewRequest {
                figure,
                condition: self.view.condition.clone(),
                highlight: match mode {
                    Mode::Patient => self.view.plan.clone(),
                    _ => self.view.selected.iter().cloned().collect(),
                },
                style: match mode {
                    Mode::Patient => ViewStyle::Patient,
                    Mode::Present => ViewStyle::Present,
                    Mode::Explore | Mode::Study => ViewStyle::Explore,
                },
                labels: if self.view.pinyin_labels {
                    LabelStyle::Full
                } else {
                    LabelStyle::Code
                },
                width: 1920,
                height: 1080,
                theme: self.view.theme,
            })
        };
        self.notices.push(Notice {
            text: "Exporting…".into(),
            error: false,
        });
        self.exports
            .push(ExportJob::start(atlas.clone(), kind, now_s(), ctx.clone()));
    }

    fn poll_exports(&mut self) {
        let mut finished = Vec::new();
        self.exports.retain(|job| match job.poll() {
            Some(result) => {
                finished.push(result);
                false
            }
            None => true,
        });
        for result in finished {
            self.notices.retain(|n| n.text != "Exporting…");
            self.notices.push(match result {
                Ok(path) => Notice {
                    text: format!("Saved {}", path.display()),
                    error: false,
                },
                Err(why) => Notice {
                    text: format!("Export failed: {why}"),
                    error: true,
                },
            });
        }
    }

    fn save_if_changed(&mut self) {
        let now = persist::settings_of(&self.view);
        if now == self.saved {
            return;
        }
        if let Some(store) = &self.store
            && let Err(e) = store.save(&now)
        {
            self.notices.push(Notice {
                text: format!(
                    "Settings could not be saved to {}: {e}",
                    store.path().display()
                ),
                error: true,
            });
        }
        self.saved = now;
    }

    fn notices_ui(&mut self, ui: &mut egui::Ui) {
        if self.notices.is_empty() && self.problems.is_empty() {
            return;
        }
        let mut dismiss = None;
        egui::Panel::bottom("notices").show(ui, |ui| {
            if !self.problems.is_empty() {
                ui.horizontal(|ui| {
                    ui.colored_label(
                        ui.visuals().error_fg_color,
                        "The atlas folder has problems; the last good atlas is shown until they are fixed:",
                    );
                    if ui.small_button("Copy problems").clicked() {
                        ui.ctx().copy_text(self.problems.join("\n"));
                    }
                });
                egui::ScrollArea::vertical().max_height(140.0).show(ui, |ui| {
                    for p in &self.problems {
                        ui.add(egui::Label::new(egui::RichText::new(p).monospace()).selectable(true));
                    }
                });
            }
            for (i, notice) in self.notices.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    if notice.error {
                        ui.colored_label(ui.visuals().error_fg_color, &notice.text);
                    } else {
                        ui.label(&notice.text);
                    }
                    if ui.small_button("Dismiss").clicked() {
                        dismiss = Some(i);
                    }
                });
            }
        });
        if let Some(i) = dismiss {
            self.notices.remove(i);
        }
    }
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        let ctx = ui.ctx().clone();
        if let Some(size) = self.initial_size.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        }
        if let Some(shot) = &mut self.screenshot {
            shot.drive(&ctx, self.frames);
        }
        self.poll_exports();
        self.reload_if_due(&ctx);
        if self.atlas.is_none() {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading("No atlas could be loaded");
                for p in &self.problems {
                    ui.monospace(p);
                }
            });
            return;
        }
        let mut commands = super::actions::shortcuts_pressed(&ctx);
        self.notices_ui(ui);
        let Some(atlas) = &self.atlas else { return };
        let view = &self.view;
        egui::Panel::top("top_bar").show(ui, |ui| {
            ui.add_space(4.0);
            top_bar::top_bar_ui(ui, atlas, view, &mut commands);
            ui.add_space(2.0);
        });
        super::layout::side_panels_ui(ui, atlas, view, &mut commands);
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(ui.visuals().panel_fill))
            .show(ui, |ui| {
                egui::Frame::new()
                    .fill(ui.visuals().panel_fill)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if view.mode == Mode::Present {
                            present::controls_ui(ui, atlas, view, &mut commands);
                        }
                        top_bar::views_ui(ui, atlas, view, &mut commands);
                    });
                super::layout::canvas_panel_ui(ui, &mut self.canvas, atlas, view, &mut commands);
            });
        let focus = std::mem::take(&mut self.focus_search);
        overlays::search_ui(&ctx, atlas, &mut self.view, focus, &mut commands);
        overlays::help_ui(&ctx, &self.view, &mut commands);
        self.apply_all(&ctx, commands);
        self.save_if_changed();
    }

    fn on_exit(&mut self) {
        self.save_if_changed();
    }
}

/// Both sets of effects (toggles that fired twice cancel out, as pressing twice would).
fn merge(a: Effects, b: Effects) -> Effects {
    Effects {
        theme_changed: a.theme_changed | b.theme_changed,
        fit_view: a.fit_view | b.fit_view,
        reveal_selection: a.reveal_selection | b.reveal_selection,
        toggle_fullscreen: a.toggle_fullscreen ^ b.toggle_fullscreen,
        scale_changed: a.scale_changed | b.scale_changed,
        export_view: a.export_view | b.export_view,
        export_handout: a.export_handout | b.export_handout,
        focus_search: a.focus_search | b.focus_search,
    }
}
