//! Draws a view or a patient handout to pixels without a window, with the same drawing code as
//! the window (the paint layer), rendered by wgpu on the CPU (Mesa's lavapipe where there is no
//! GPU) through egui's wgpu renderer (`gpu.rs`), leaving out fills that change no pixel
//! (`clear.rs`).

mod alt;
mod clear;
mod diagram;
mod documents;
mod gpu;
mod handout;
mod paper;
mod pdf;
mod photo;
mod picture;
mod renderer;
mod slides;
mod view;

pub use diagram::render_diagram;
pub use documents::{
    DOTS_PER_METRE_300DPI, DeckStyle, Format, deck_pdf, deck_target, handout_pdf, handout_png,
    png_bytes, view_pdf,
};
pub use handout::{
    HandoutDetails, HandoutPhoto, MAX_PLAN, PHOTO_TITLE, PIXELS_PER_POINT, date_in_words,
    handout_pages, render_handout, render_handout_with, render_handout_with_photo, today,
};
pub use paper::{POINTS_PER_DOT, Paper, paper_points};
pub use pdf::{Sheet, write_pdf};
pub use photo::{MAX_PHOTO_RENDER_SIDE, fit_photo, photo_pdf, render_photo};
pub use picture::Picture;
pub use renderer::{Page, Renderer};
pub use slides::{render_slide, write_slides};
pub use view::{CAPTION_HEIGHT, ViewExport, draw_view, render_view, render_view_with, view_page};

use std::path::{Path, PathBuf};

/// Largest side of an exported image, in pixels.
pub const MAX_SIDE: u32 = 8192;

#[derive(Debug, thiserror::Error)]
pub enum RenderError {
    #[error("unknown view `{0}`; known: {1}")]
    UnknownView(String, String),
    #[error("unknown condition `{0}`; known: {1}")]
    UnknownCondition(String, String),
    #[error("unknown point code `{0}`")]
    UnknownPoint(String),
    #[error("a handout holds at most {1} points; the plan has {0}")]
    TooManyPoints(usize, usize),
    #[error("the plan has no points: give codes such as --plan BL23,BL40")]
    EmptyPlan,
    #[error("none of the points is shown on any whole-body view")]
    NothingToShow,
    #[error("bad size {0}x{1}: width and height must be between 64 and {MAX_SIDE} pixels")]
    BadSize(u32, u32),
    #[error(
        "cannot render: {0} (is a Vulkan driver such as Debian's mesa-vulkan-drivers installed?)"
    )]
    Render(String),
    #[error("cannot write {}: {why}", path.display())]
    Write { path: PathBuf, why: String },
    #[error("unknown mechanism `{0}`; known: {1}")]
    UnknownMechanism(String, String),
    #[error("mechanism `{0}` has no diagram")]
    NoDiagram(String),
    #[error("the diagram of `{0}` has steps 1 to {1}; there is no step {2}")]
    BadStep(String, usize, usize),
    #[error(
        "cannot write {}: give a file name ending in .pdf or .png (nothing was written)",
        .0.display()
    )]
    UnknownFormat(PathBuf),
    #[error("the lesson has no step {0}")]
    NoSuchSlide(usize),
}

/// Checks a requested image size.
pub fn check_size(width: u32, height: u32) -> Result<(), RenderError> {
    let ok = |v: u32| (64..=MAX_SIDE).contains(&v);
    if ok(width) && ok(height) {
        Ok(())
    } else {
        Err(RenderError::BadSize(width, height))
    }
}

impl From<crate::output::WriteError> for RenderError {
    fn from(e: crate::output::WriteError) -> Self {
        RenderError::Write {
            path: e.path,
            why: e.why,
        }
    }
}

/// Checks that `path` can be written before any rendering is done: a regular file or a new
/// path in an existing folder. Creates and removes nothing at `path` (see [`crate::output`]).
pub fn check_writable(path: &Path) -> Result<(), RenderError> {
    Ok(crate::output::check_target(path)?)
}

/// Writes an image as PNG through a temporary file, so a failed write leaves no half file and
/// nothing but a regular file is ever replaced (see [`crate::output`]).
pub fn write_png(image: &image::RgbaImage, path: &Path) -> Result<(), RenderError> {
    Ok(crate::output::write_with(path, |w| encode_png(image, w))?)
}

/// Writes bytes made in memory (a PDF, a PNG) through a temporary file, as [`write_png`].
pub fn write_bytes(bytes: &[u8], path: &Path) -> Result<(), RenderError> {
    Ok(crate::output::write_with(path, |w| w.write_all(bytes))?)
}

/// Encodes an image as PNG into `out`.
pub fn encode_png(image: &image::RgbaImage, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    image
        .write_with_encoder(image::codecs::png::PngEncoder::new(out))
        .map_err(std::io::Error::other)
}

/// A wgpu device for drawing on the CPU (or a GPU where there is one): Vulkan unless
/// `WGPU_BACKEND` names another, so no other graphics stack is probed. No driver is an error,
/// not a panic.
fn render_state() -> Result<egui_wgpu::RenderState, RenderError> {
    let mut setup = egui_kittest::wgpu::default_wgpu_setup();
    if let egui_wgpu::WgpuSetup::CreateNew(new) = &mut setup
        && std::env::var_os("WGPU_BACKEND").is_none()
    {
        new.instance_descriptor.backends = egui_wgpu::wgpu::Backends::VULKAN;
    }
    let instance = pollster::block_on(setup.new_instance());
    let config = egui_wgpu::WgpuConfiguration {
        wgpu_setup: setup,
        ..Default::default()
    };
    pollster::block_on(egui_wgpu::RenderState::create(
        &config,
        &instance,
        None,
        egui_wgpu::RendererOptions::PREDICTABLE,
    ))
    .map_err(|e| RenderError::Render(e.to_string()))
}
