//! `--screenshot FILE`: save the window as PNG after its first frames, then close.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Frames drawn before the picture is taken, so fonts and layout have settled.
const AFTER_FRAMES: u64 = 5;

pub struct Screenshot {
    path: PathBuf,
    requested: bool,
    done: Arc<AtomicBool>,
    failure: Arc<Mutex<Option<String>>>,
}

impl Screenshot {
    /// `failure` receives the reason when the picture cannot be saved.
    pub fn new(path: PathBuf, failure: Arc<Mutex<Option<String>>>) -> Self {
        Self {
            path,
            requested: false,
            done: Arc::new(AtomicBool::new(false)),
            failure,
        }
    }

    /// Called every frame: asks for the picture once enough frames are drawn, and closes the
    /// window once it is saved.
    pub fn drive(&mut self, ctx: &egui::Context, frames: u64) {
        if self.done.load(Ordering::SeqCst) {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        ctx.request_repaint();
        if self.requested || frames < AFTER_FRAMES {
            return;
        }
        self.requested = true;
        let (path, done, failure, repaint) = (
            self.path.clone(),
            self.done.clone(),
            self.failure.clone(),
            ctx.clone(),
        );
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

/// Writes an egui image as PNG (refusing a pipe, a device, a folder or a link at `path`).
pub fn save_png(image: &egui::ColorImage, path: &Path) -> Result<(), String> {
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
        .ok_or_else(|| "the screenshot has the wrong number of pixels".to_owned())?;
    // Through `output`: only a regular file is ever written, by temporary file and rename.
    crate::render::write_png(&buffer, path).map_err(|e| e.to_string())
}
