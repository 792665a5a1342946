//! The application state and the frame it draws.

use super::canvas::{CanvasMemory, canvas_ui};
use crate::cli::load_atlas;
use crate::load::load_builtin;
use crate::model::{Atlas, FigureId, PointCode};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Frames drawn before a `--screenshot` is taken, so fonts and layout have settled.
const SCREENSHOT_AFTER_FRAMES: u64 = 5;

struct Screenshot {
    path: PathBuf,
    requested: bool,
    done: Arc<AtomicBool>,
    failure: Arc<Mutex<Option<String>>>,
}

pub struct AtlasApp {
    atlas: Option<Atlas>,
    problems: Vec<String>,
    figure: Option<FigureId>,
    selected: Option<PointCode>,
    canvas: HashMap<FigureId, CanvasMemory>,
    frames: u64,
    screenshot: Option<Screenshot>,
}

impl AtlasApp {
    /// Loads the atlas in `dir` (or the built-in one). When the folder has problems, the
    /// built-in atlas is shown and the problems are listed.
    pub fn new(_ctx: &egui::Context, dir: Option<&Path>) -> Self {
        let (atlas, problems) = match load_atlas(dir) {
            Ok(atlas) => (Some(atlas), Vec::new()),
            Err(problems) => {
                let list = problems.iter().map(ToString::to_string).collect();
                (load_builtin().ok(), list)
            }
        };
        let figure = atlas
            .as_ref()
            .and_then(|a| a.figures().first())
            .map(|f| f.id.clone());
        Self {
            atlas,
            problems,
            figure,
            selected: None,
            canvas: HashMap::new(),
            frames: 0,
            screenshot: None,
        }
    }

    /// Arranges for a PNG of the window to be saved to `path`, then the window to close.
    pub fn take_screenshot(&mut self, path: PathBuf, failure: Arc<Mutex<Option<String>>>) {
        self.screenshot = Some(Screenshot {
            path,
            requested: false,
            done: Arc::new(AtomicBool::new(false)),
            failure,
        });
    }

    fn drive_screenshot(&mut self, ctx: &egui::Context) {
        let Some(shot) = &mut self.screenshot else {
            return;
        };
        if shot.done.load(Ordering::SeqCst) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if shot.requested || self.frames < SCREENSHOT_AFTER_FRAMES {
            return;
        }
        shot.requested = true;
        let path = shot.path.clone();
        let done = shot.done.clone();
        let failure = shot.failure.clone();
        let repaint = ctx.clone();
        ctx.request_screenshot(move |image| {
            if let Err(e) = save_png(&image, &path)
                && let Ok(mut f) = failure.lock()
            {
                *f = Some(e);
            }
            done.store(true, Ordering::SeqCst);
            repaint.request_repaint();
        });
    }
}

fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
    let [w, h] = image.size;
    let bytes: Vec<u8> = image
        .pixels
        .iter()
        .flat_map(egui::Color32::to_array)
        .collect();
    let (w, h) = (
        u32::try_from(w).map_err(|e| e.to_string())?,
        u32::try_from(h).map_err(|e| e.to_string())?,
    );
    let buffer = image::RgbaImage::from_raw(w, h, bytes)
        .ok_or_else(|| "screenshot has the wrong number of pixels".to_owned())?;
    buffer
        .save(path)
        .map_err(|e| format!("cannot save {}: {e}", path.display()))
}

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frames += 1;
        let ctx = ui.ctx().clone();
        self.drive_screenshot(&ctx);
        let Some(atlas) = &self.atlas else {
            egui::CentralPanel::default().show(ui, |ui| {
                ui.heading("No atlas could be loaded");
                for p in &self.problems {
                    ui.monospace(p);
                }
            });
            return;
        };
        egui::Panel::top("figure_bar").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                ui.strong("View:");
                for figure in atlas.figures() {
                    let on = self.figure.as_ref() == Some(&figure.id);
                    if ui.selectable_label(on, &figure.title).clicked() {
                        self.figure = Some(figure.id.clone());
                    }
                }
            });
        });
        if !self.problems.is_empty() {
            egui::Panel::bottom("problems").show(ui, |ui| {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    "The atlas folder has problems; showing the built-in atlas:",
                );
                for p in &self.problems {
                    ui.monospace(p);
                }
            });
        }
        egui::CentralPanel::default().show(ui, |ui| {
            let figure = self
                .figure
                .as_ref()
                .and_then(|id| atlas.figure(id))
                .or_else(|| atlas.figures().first());
            if let Some(figure) = figure {
                let memory = self.canvas.entry(figure.id.clone()).or_default();
                let response = canvas_ui(ui, atlas, figure, memory, self.selected.as_ref());
                if let Some(code) = response.clicked {
                    self.selected = Some(code);
                }
            }
        });
    }
}
