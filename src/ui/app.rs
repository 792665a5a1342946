//! The application: holds the atlas and the session, lays out the current mode around the
//! canvas, applies the commands the panels and shortcuts push, follows their effects, and
//! hands the kept settings to the saver when they change.

use super::canvas::{CanvasMemory, canvas_ui};
use super::export_job::{ExportJob, ExportKind};
use super::layout::{LayoutRects, side_panels_ui};
use super::loading::AtlasLoader;
use super::notices::{NoticeKey, Notices};
use super::panels::{overlays, present, top_bar, views};
use super::saver::SettingsSaver;
use super::screenshot::Screenshot;
use crate::load::load_builtin;
use crate::model::{Atlas, FigurePos, PointCode};
use crate::paint::{fonts, theme};
use crate::render::ViewExport;
use crate::session::{Command, Effect, Mode, SaveSchedule, Session, apply};
use crate::store::{Loaded, Settings, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The window's clock: time since the window opened (tests drive their own).
pub type Clock = Arc<dyn Fn() -> Duration + Send + Sync>;

/// Problems listed in the window at most; `check` and "Copy problems" give all of them.
const MAX_PROBLEMS_SHOWN: usize = 200;

pub struct AtlasApp {
    atlas: Atlas,
    /// Problems with the atlas folder the user named (the last good atlas is shown instead).
    problems: Vec<String>,
    session: Session,
    canvas: CanvasMemory,
    layout: LayoutRects,
    frames: u64,
    screenshot: Option<Screenshot>,
    saver: Option<SettingsSaver>,
    schedule: SaveSchedule,
    clock: Clock,
    notices: Notices,
    exports: Vec<ExportJob>,
    next_export: u64,
    focus_search: bool,
    /// A patient card to scroll into view on the next frame.
    show_card: Option<PointCode>,
    fullscreen: bool,
    loader: Option<AtlasLoader>,
    /// The stored settings, kept until the user's atlas folder has loaded so its ids resolve.
    resume: Option<Settings>,
    /// A size asked for on the command line, applied on the first frame (it wins over the
    /// size eframe remembers from the last run).
    initial_size: Option<egui::Vec2>,
}

impl AtlasApp {
    /// The window's app, with settings kept in eframe's storage folder.
    pub fn new(ctx: &egui::Context, dir: Option<&Path>) -> Self {
        let store = eframe::storage_dir("acupoint-atlas").map(Store::new);
        Self::with_store(ctx, dir, store)
    }

    /// The app with settings kept in `store` (none: nothing is kept, as in tests). Installs
    /// fonts and theme, shows the built-in atlas, and starts loading `dir` when given.
    pub fn with_store(ctx: &egui::Context, dir: Option<&Path>, store: Option<Store>) -> Self {
        let started = Instant::now();
        Self::with_clock(ctx, dir, store, Arc::new(move || started.elapsed()))
    }

    /// The app with its own clock (tests use a clock they drive).
    pub fn with_clock(
        ctx: &egui::Context,
        dir: Option<&Path>,
        store: Option<Store>,
        clock: Clock,
    ) -> Self {
        fonts::install(ctx);
        // Presentation scales its own text and dots; the interface itself stays at 1.
        ctx.set_zoom_factor(1.0);
        let now = clock();
        let mut notices = Notices::default();
        let (atlas, problems) = match load_builtin() {
            Ok(atlas) => (atlas, Vec::new()),
            // Only a broken build can get here; the window still opens and says why.
            Err(problems) => (
                crate::model::Atlas::empty(),
                problems.iter().map(ToString::to_string).collect(),
            ),
        };
        let loaded = store.as_ref().map(Store::load);
        if let Some(text) = loaded.as_ref().and_then(Loaded::notice) {
            notices.error(NoticeKey::Settings, text, now);
        }
        let mut kept = loaded.map(Loaded::into_settings).unwrap_or_default();
        if kept.progress.seed == 0 && store.is_some() {
            // A new profile gets its own question order, kept with its progress (without a
            // store, as in tests, the order is the fixed one of seed 0).
            kept.progress.seed = new_seed();
        }
        let session = Session::resume(&atlas, kept.clone());
        theme::apply(ctx, session.kept.theme);
        let folder_loader = dir.map(|d| {
            notices.news(
                NoticeKey::Reload,
                format!("Loading the atlas from {}…", d.display()),
                now,
            );
            AtlasLoader::start(d, ctx)
        });
        Self {
            atlas,
            problems,
            session,
            canvas: CanvasMemory::default(),
            layout: LayoutRects::default(),
            frames: 0,
            screenshot: None,
            saver: store.map(SettingsSaver::start),
            schedule: SaveSchedule::default(),
            clock,
            notices,
            exports: Vec::new(),
            next_export: 1,
            focus_search: false,
            show_card: None,
            fullscreen: false,
            resume: folder_loader.is_some().then_some(kept),
            loader: folder_loader,
            initial_size: None,
        }
    }

    /// Takes in a load of the atlas folder: a good atlas replaces the shown one and keeps the
    /// view (mode, selection while the point exists, zoom, toggles); problems are listed and
    /// the last good atlas stays.
    fn take_load(&mut self, outcome: super::loading::LoadOutcome) {
        let now = (self.clock)();
        let dir = self
            .loader
            .as_ref()
            .map_or_else(String::new, |l| l.dir().display().to_string());
        match outcome {
            Ok(atlas) => {
                self.problems.clear();
                self.canvas.forget_art();
                if let Some(kept) = self.resume.take() {
                    self.session.kept = kept;
                }
                self.session.retain_valid(&atlas);
                self.atlas = atlas;
                self.notices.news(
                    NoticeKey::Reload,
                    format!("Loaded the atlas from {dir}"),
                    now,
                );
            }
            Err(problems) => {
                self.problems = problems.iter().map(ToString::to_string).collect();
                self.notices.clear(NoticeKey::Reload);
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

    /// Shows an error notice from before the window opened (such as a set-aside state file).
    pub fn add_startup_notice(&mut self, text: impl Into<String>) {
        let now = (self.clock)();
        self.notices.error(NoticeKey::WindowState, text, now);
    }

    /// The session, for tests.
    pub fn session(&self) -> &Session {
        &self.session
    }

    /// The atlas shown.
    pub fn atlas(&self) -> &Atlas {
        &self.atlas
    }

    /// Where a point was drawn on the canvas in the last frame.
    pub fn point_on_screen(&self, code: &PointCode) -> Option<egui::Pos2> {
        self.canvas.screen_pos(&self.atlas, code)
    }

    /// Where a figure position was drawn in the last frame.
    pub fn figure_on_screen(&self, at: FigurePos) -> Option<egui::Pos2> {
        self.canvas.screen_from_figure(at)
    }

    /// Where the parts of the window were drawn in the last frame.
    pub fn layout(&self) -> LayoutRects {
        self.layout
    }

    /// What "Export view…" would export now: the canvas's scene and framing.
    pub fn view_export(&self) -> Option<ViewExport> {
        let scene = self.session.scene(&self.atlas)?;
        let rect = self.canvas.rect()?;
        Some(ViewExport {
            scene,
            framing: self.canvas.framing(),
            size_points: rect.size(),
        })
    }

    /// The problems listed for the atlas folder (empty when it loaded).
    pub fn problems(&self) -> &[String] {
        &self.problems
    }

    /// Whether the atlas folder is being loaded.
    pub fn loading(&self) -> bool {
        self.loader.as_ref().is_some_and(AtlasLoader::busy)
    }

    /// The notices shown along the bottom.
    pub fn notices(&self) -> Vec<&str> {
        self.notices.iter().map(|n| n.text.as_str()).collect()
    }

    /// How many times the settings have been handed to the writer (each is at most one
    /// write of the file; the writer skips copies superseded while it was busy).
    pub fn settings_writes(&self) -> usize {
        self.saver.as_ref().map_or(0, SettingsSaver::handed)
    }

    /// Waits for the settings writer to finish (tests read the file afterwards).
    pub fn flush_settings(&mut self) {
        self.save_now();
        if let Some(saver) = &mut self.saver {
            saver.finish();
        }
    }

    /// Runs a command as if a panel had pushed it (for tests and scripts).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        self.apply_all(ctx, vec![command]);
    }

    fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        if commands.is_empty() {
            return;
        }
        let before = self.session.kept.clone();
        let now_s = wall_clock_s();
        for command in commands {
            for effect in apply(&mut self.session, &self.atlas, command, now_s) {
                self.follow(ctx, effect);
            }
        }
        if self.session.kept != before {
            self.schedule.changed();
        }
    }

    fn follow(&mut self, ctx: &egui::Context, effect: Effect) {
        let selected = self.session.kept.selected.clone();
        match effect {
            Effect::ThemeChanged => theme::apply(ctx, self.session.kept.theme),
            Effect::FitView => self.canvas.request_fit(),
            Effect::RevealSelection => {
                if let Some(code) = selected {
                    self.canvas.request_reveal(code);
                }
            }
            Effect::FrameSelection => {
                if let Some(code) = selected {
                    self.canvas.request_frame(code);
                }
            }
            Effect::FrameQuestion(code) => self.canvas.request_question_frame(code),
            Effect::ToggleFullscreen => {
                self.fullscreen = !self.fullscreen;
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(self.fullscreen));
            }
            Effect::ExportView => self.start_export(ctx, false),
            Effect::ExportHandout => self.start_export(ctx, true),
            Effect::FocusSearch => self.focus_search = true,
            Effect::ShowCard(code) => self.show_card = Some(code),
            Effect::ResetLayout => {
                ctx.data_mut(
                    egui::util::IdTypeMap::remove_by_type::<egui::containers::panel::PanelState>,
                );
                self.canvas.request_fit();
            }
        }
    }

    fn start_export(&mut self, ctx: &egui::Context, handout: bool) {
        let now = (self.clock)();
        let kind = if handout {
            if self.session.kept.plan.is_empty() {
                self.notices.error(
                    NoticeKey::Request,
                    "Today's plan is empty: add points in Explore mode (P) before exporting a handout.",
                    now,
                );
                return;
            }
            let condition = self
                .atlas
                .plan_condition(
                    &self.session.kept.plan,
                    self.session.kept.condition.as_ref(),
                )
                .map(|c| c.id.clone());
            ExportKind::Handout {
                plan: self.session.kept.plan.clone(),
                condition,
                practitioner: self.session.kept.practitioner.clone(),
            }
        } else {
            let Some(export) = self.view_export() else {
                return;
            };
            ExportKind::View(Box::new(export))
        };
        self.notices.clear(NoticeKey::Request);
        let id = self.next_export;
        self.next_export += 1;
        self.notices.news(NoticeKey::Export(id), "Exporting…", now);
        self.exports
            .push(ExportJob::start(id, self.atlas.clone(), kind, ctx.clone()));
    }

    fn poll_exports(&mut self) {
        let now = (self.clock)();
        let mut finished = Vec::new();
        self.exports.retain(|job| match job.poll() {
            Some(result) => {
                finished.push((job.id(), result));
                false
            }
            None => true,
        });
        for (id, result) in finished {
            match result {
                Ok(path) => {
                    self.notices.news(
                        NoticeKey::Export(id),
                        format!("Saved {}", path.display()),
                        now,
                    );
                }
                Err(why) => {
                    self.notices
                        .error(NoticeKey::Export(id), format!("Export failed: {why}"), now);
                }
            }
        }
    }

    /// Hands the settings to the saver when the schedule says a write is due.
    fn save_if_due(&mut self, ctx: &egui::Context) {
        let now = (self.clock)();
        if self.schedule.due(now) {
            self.save_now();
        } else if let Some(wait) = self.schedule.wait(now) {
            ctx.request_repaint_after(wait);
        }
        if let Some(why) = self.saver.as_ref().and_then(SettingsSaver::failure) {
            self.notices.error(NoticeKey::Settings, why, now);
        }
    }

    fn save_now(&mut self) {
        if !self.schedule.is_dirty() || self.resume.is_some() {
            return;
        }
        if let Some(saver) = &self.saver {
            saver.save(&self.session.kept);
        }
        self.schedule.written((self.clock)());
    }

    /// The bar along the bottom: problems with the atlas folder, loading, and the notices.
    fn bottom_ui(&mut self, ui: &mut egui::Ui) -> Option<egui::Rect> {
        let now = (self.clock)();
        if let Some(wait) = self.notices.expire(now) {
            ui.ctx().request_repaint_after(wait);
        }
        let loading = self.loading();
        if self.notices.is_empty() && self.problems.is_empty() && !loading {
            return None;
        }
        let response = egui::Panel::bottom("notices").show(ui, |ui| {
            if loading {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(
                        "Checking the atlas folder; the atlas on screen stays usable meanwhile.",
                    );
                });
            }
            if !self.problems.is_empty() {
                problems_ui(ui, &self.problems);
            }
            self.notices.bar_ui(ui);
        });
        Some(response.response.rect)
    }
}

/// The atlas folder's problems: the first few hundred, selectable, and a button that copies
/// all of them.
fn problems_ui(ui: &mut egui::Ui, problems: &[String]) {
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "The atlas folder has {} problem{}; the last good atlas is shown until they are fixed:",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
        );
        if ui
            .small_button("Copy problems")
            .on_hover_text("Copy every problem, one per line")
            .clicked()
        {
            ui.ctx().copy_text(problems.join("\n"));
        }
    });
    egui::ScrollArea::vertical()
        .max_height(140.0)
        .show(ui, |ui| {
            for p in problems.iter().take(MAX_PROBLEMS_SHOWN) {
                ui.add(egui::Label::new(egui::RichText::new(p).monospace()).selectable(true));
            }
            if problems.len() > MAX_PROBLEMS_SHOWN {
                ui.label(format!(
                    "…and {} more (Copy problems copies all; `acupoint-atlas check` lists all).",
                    problems.len() - MAX_PROBLEMS_SHOWN
                ));
            }
        });
}

/// A seed for a new profile's question order: the clock's nanoseconds, never zero.
fn new_seed() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(1, |d| d.as_nanos());
    u64::try_from(nanos % u128::from(u64::MAX))
        .unwrap_or(1)
        .max(1)
}

fn wall_clock_s() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
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
        if let Some(outcome) = self.loader.as_mut().and_then(|l| l.poll(&ctx)) {
            self.take_load(outcome);
        }
        let mut commands = super::actions::shortcuts_pressed(&ctx, self.session.mode);
        let window = ui.max_rect();
        let bottom = self.bottom_ui(ui);
        let atlas = &self.atlas;
        let session = &self.session;
        let bare = self.fullscreen && session.mode == Mode::Present;
        let top = (!bare).then(|| {
            egui::Panel::top("top_bar")
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    top_bar::top_bar_ui(ui, atlas, session, &mut commands);
                    ui.add_space(2.0);
                })
                .response
                .rect
        });
        let show_card = self.show_card.take();
        let (left, right) = side_panels_ui(
            ui,
            window.width(),
            atlas,
            session,
            show_card.as_ref(),
            &mut commands,
        );
        let mut canvas_rect = None;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(ui.visuals().panel_fill))
            .show(ui, |ui| {
                egui::Frame::new()
                    .fill(ui.visuals().panel_fill)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if session.mode == Mode::Present {
                            present::step_bar_ui(ui, atlas, session, bare, &mut commands);
                        }
                        // A lesson or a diagram sets the canvas itself: no view chooser.
                        if !bare && !session.present_sets_canvas(atlas) {
                            views::views_ui(ui, atlas, session, &mut commands);
                        }
                    });
                let Some(scene) = session.scene(atlas) else {
                    ui.label("This atlas has no figures to draw.");
                    return;
                };
                let out = canvas_ui(ui, &mut self.canvas, atlas, &scene);
                canvas_rect = self.canvas.rect();
                let answering = session.mode == Mode::Study
                    && session.study.answer.is_none()
                    && session
                        .study
                        .question
                        .as_ref()
                        .is_some_and(|q| q.kind.is_click());
                if answering {
                    if let Some(at) = out.clicked_at {
                        commands.push(Command::AnswerLocate(at));
                    }
                } else if let Some(code) = out.clicked {
                    commands.push(Command::SelectPoint(code));
                } else if out.clicked_empty && session.mode == Mode::Explore {
                    commands.push(Command::ClearSelection);
                }
            });
        self.layout = LayoutRects {
            window: Some(window),
            top,
            left: left.map(|l| l.0),
            right: right.map(|r| r.0),
            bottom,
            canvas: canvas_rect,
            left_id: left.map(|l| l.1),
            right_id: right.map(|r| r.1),
        };
        let focus = std::mem::take(&mut self.focus_search);
        overlays::search_ui(&ctx, &self.atlas, &mut self.session, focus, &mut commands);
        overlays::help_ui(&ctx, &self.session, &mut commands);
        self.apply_all(&ctx, commands);
        self.save_if_due(&ctx);
    }

    fn on_exit(&mut self) {
        self.flush_settings();
    }
}

impl Drop for AtlasApp {
    fn drop(&mut self) {
        self.flush_settings();
    }
}
