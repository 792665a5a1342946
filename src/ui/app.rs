//! The application: holds the atlas and the session, starts on the built-in atlas (and loads a
//! folder's), and answers what tests and scripts ask of it. Each frame is drawn by
//! `app/frame.rs`; commands are applied and their effects followed by `app/commands.rs`.

mod commands;
mod frame;
mod presenter;

use super::canvas::CanvasMemory;
use super::dialogs::Dialogs;
use super::export_job::ExportJob;
use super::layout::LayoutRects;
use super::loading::AtlasLoader;
use super::notices::{NoticeKey, Notices};
use super::saver::SettingsSaver;
use super::screenshot::Screenshot;
use crate::load::load_builtin;
use crate::model::{Atlas, FigurePos, PointCode};
use crate::paint::{fonts, theme};
use crate::render::ViewExport;
use crate::session::{SaveSchedule, Session};
use crate::store::{Loaded, Settings, Store};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The window's clock: time since the window opened (tests drive their own).
pub type Clock = Arc<dyn Fn() -> Duration + Send + Sync>;

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
    /// Where the study history is kept (none: nothing is kept, as in tests).
    history_store: Option<Store>,
    schedule: SaveSchedule,
    clock: Clock,
    notices: Notices,
    exports: Vec<ExportJob>,
    next_export: u64,
    /// "Export handout…" or "Export view…" asking what to write.
    export_dialog: Option<crate::ui::export_dialog::ExportDialog>,
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
    /// The Menu's own dialogs (Open atlas, About).
    dialogs: Dialogs,
    /// The folder settings are kept in (none: nothing is kept, as in tests).
    data_dir: Option<PathBuf>,
    /// The atlas folder last asked for (the built-in atlas when none).
    atlas_dir: Option<PathBuf>,
    /// Explore mode's side panels hidden, the window left to the figure.
    sides_hidden: bool,
    /// The presenter view's timer, place and art.
    presenter: presenter::PresenterWindow,
    /// Commands from the command line, run once the atlas they name has loaded.
    startup: Vec<crate::session::Command>,
    /// A patient's photo, when one is open (never kept in the settings).
    photo: super::photo::PhotoUi,
}

impl AtlasApp {
    /// The window's app, with settings kept in eframe's storage folder.
    pub fn new(ctx: &egui::Context, dir: Option<&Path>) -> Self {
        let data = super::data_dir();
        let mut app = Self::with_store(ctx, dir, data.clone().map(Store::new));
        app.photo = super::photo::PhotoUi::with_data_dir(data);
        app
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
        let data_dir = store.as_ref().map(|s| s.dir().to_path_buf());
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
        let mut session = Session::resume(&atlas, kept.clone());
        if let Some(read) = store.as_ref().map(Store::load_history) {
            if let Some(text) = read.notice() {
                notices.error(NoticeKey::StudyHistory, text, now);
            }
            session.study.history = read.history();
        }
        session.plans_dir = store.as_ref().map(Store::plans_dir);
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
            history_store: store.clone(),
            saver: store.map(SettingsSaver::start),
            schedule: SaveSchedule::default(),
            clock,
            notices,
            exports: Vec::new(),
            next_export: 1,
            export_dialog: None,
            focus_search: false,
            show_card: None,
            fullscreen: false,
            resume: folder_loader.is_some().then_some(kept),
            loader: folder_loader,
            initial_size: None,
            dialogs: Dialogs::default(),
            data_dir,
            atlas_dir: dir.map(Path::to_path_buf),
            sides_hidden: false,
            presenter: presenter::PresenterWindow::default(),
            startup: Vec::new(),
            photo: super::photo::PhotoUi::default(),
        }
    }

    /// Starts loading the atlas in `dir` (the one on screen stays until it has loaded).
    pub fn open_atlas(&mut self, ctx: &egui::Context, dir: &Path) {
        let now = (self.clock)();
        self.notices.news(
            NoticeKey::Reload,
            format!("Loading the atlas from {}…", dir.display()),
            now,
        );
        self.loader = Some(AtlasLoader::start(dir, ctx));
        self.atlas_dir = Some(dir.to_path_buf());
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

    /// Opens `lesson` in Present mode on its first step (and the presenter view too) on the
    /// first frame, or once the atlas folder has loaded.
    pub fn start_lesson(&mut self, lesson: crate::model::LessonId, presenter: bool) {
        use crate::session::Command;
        self.startup = vec![Command::OpenLesson(Some(lesson))];
        if presenter {
            self.startup.push(Command::TogglePresenter);
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

    /// Shows news from before the window opened (such as settings moved into one folder).
    pub fn add_startup_news(&mut self, text: impl Into<String>) {
        let now = (self.clock)();
        self.notices.news(NoticeKey::DataFolder, text, now);
    }

    /// Opens a patient's photo (JPEG or PNG) or a marks file, as "Open photo…" does.
    pub fn open_photo(&mut self, path: &Path) {
        self.photo.open_path(&self.atlas, path);
    }

    /// The marks of the open photo, if one is open.
    pub fn photo_marks(&self) -> Option<&crate::model::PhotoMarks> {
        self.photo.marks()
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

    /// Where a point's label was drawn on the canvas in the last frame, if it was.
    pub fn label_on_screen(&self, code: &PointCode) -> Option<egui::Rect> {
        self.canvas.label_rect(code)
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
