//! The eframe window: the body canvas in the centre, the panels of the current mode around it.
//! The session (`crate::session`) says what is shown; this module lays it out and draws it.

mod actions;
mod app;
mod canvas;
mod dialogs;
mod export_dialog;
mod export_job;
mod layout;
mod loading;
mod notices;
mod panels;
mod photo;
mod reload;
mod saver;
mod screenshot;
pub mod startup;
mod thumbnail;
mod widgets;

pub use actions::{Action, actions};
pub use app::{AtlasApp, Clock};
pub use canvas::{CanvasMemory, CanvasResponse, canvas_ui};
pub use layout::{LayoutRects, max_shares};
pub use notices::{NoticeKey, Notices};

/// The folder everything kept between runs lives in (settings, progress, window state).
pub fn data_dir() -> Option<PathBuf> {
    eframe::storage_dir(APP_NAME)
}

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

/// The name eframe is started under; its state file (`app.ron`) and the settings both live in
/// `eframe::storage_dir(APP_NAME)`, one folder for everything kept between runs.
const APP_NAME: &str = "acupoint-atlas";

/// The name earlier versions started eframe under: its folder held `app.ron` apart from the
/// settings, and is moved into the one folder on start.
const OLD_APP_NAME: &str = "Acupoint Atlas";

/// Opens the window on the built-in atlas, or the atlas in `atlas_dir`. With `screenshot`,
/// saves a PNG of the window after its first frames and closes. `size` is in screen points.
/// With `lesson`, opens in Present mode on that lesson's first step (and with `true`, the
/// presenter view too).
pub fn run_window(
    atlas_dir: Option<PathBuf>,
    screenshot: Option<PathBuf>,
    size: Option<(f32, f32)>,
    lesson: Option<(crate::model::LessonId, bool)>,
) -> Result<(), String> {
    let (w, h) = size.unwrap_or((1280.0, 800.0));
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Acupoint Atlas")
            .with_inner_size([w, h])
            .with_min_inner_size([800.0, 560.0]),
        // An explicit --size wins over the size remembered from the last run.
        persist_window: size.is_none(),
        ..Default::default()
    };
    // eframe keeps its own state in `app.ron` in the storage folder of the name given to
    // `run_native`; a pipe or a huge file there would block or flood the start.
    let data_dir = eframe::storage_dir(APP_NAME);
    let moved_notice = data_dir.as_ref().and_then(|new| {
        let old = eframe::storage_dir(OLD_APP_NAME)?;
        crate::store::move_into_one_folder(&old, new)
    });
    let app_state_notice = data_dir
        .as_ref()
        .and_then(|d| crate::store::set_aside_bad_app_state(d));
    let failed = Arc::new(Mutex::new(None::<String>));
    let failed_in_app = failed.clone();
    eframe::run_native(
        APP_NAME,
        options,
        Box::new(move |cc| {
            startup::stage("window and graphics ready");
            let mut app = AtlasApp::new(&cc.egui_ctx, atlas_dir.as_deref());
            startup::stage("fonts, built-in atlas and settings ready");
            if let Some(text) = app_state_notice {
                app.add_startup_notice(text);
            }
            if let Some(text) = moved_notice {
                app.add_startup_news(text);
            }
            if size.is_some() {
                app.set_initial_size(egui::vec2(w, h));
            }
            if let Some((id, presenter)) = lesson {
                app.start_lesson(id, presenter);
            }
            if let Some(path) = screenshot {
                app.take_screenshot(path, failed_in_app);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| format!("cannot open the window: {e}"))?;
    let failure = failed.lock().ok().and_then(|mut f| f.take());
    failure.map_or(Ok(()), Err)
}
