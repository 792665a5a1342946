//! A lesson as slides: one picture per step, each what Present mode shows for that step (the
//! banner, then the body or the diagram), all drawn by one renderer so that after the first
//! each slide costs only its drawing. A deck of slides is written whole or not at all, and a
//! failed export leaves the folder as it was.

use super::picture::Picture;
use super::{RenderError, Renderer, encode_png, render_view_with};
use crate::model::{Atlas, Lesson};
use crate::output::Deck;
use crate::scene::{Theme, lesson_scene};
use std::path::{Path, PathBuf};

/// The scale of text and dots on slides: larger than on a desk, for the back of a room.
pub const SLIDE_SCALE: f32 = 1.5;

/// Renders step `index` (from 0) of a lesson as a slide of `width` x `height` pixels.
pub fn render_slide(
    renderer: &mut Renderer,
    atlas: &Atlas,
    lesson: &Lesson,
    index: usize,
    theme: Theme,
    (width, height): (u32, u32),
) -> Result<image::RgbaImage, RenderError> {
    let mut scene =
        lesson_scene(atlas, lesson, index).ok_or(RenderError::NoSuchSlide(index + 1))?;
    scene.theme = theme;
    scene.scale = SLIDE_SCALE;
    // Text sized for the room: a point is a thousandth of the slide's shorter side, so a slide
    // reads the same at 1280x800 as at 3840x2160.
    let picture = Picture {
        caption: false,
        ..Picture::captioned(width, height)
    };
    render_view_with(renderer, atlas, &scene, None, picture)
}

/// Writes every step of `lesson` into `dir` as `01-title.png`, `02-…`; returns the files
/// written. Each slide is written under a temporary name, and only when every one was written
/// are they renamed into place, together with the deck's list of files; then the slides of an
/// earlier export of the same lesson that this one no longer has are removed (see
/// [`crate::output::Deck`]). When a slide fails, nothing in `dir` has changed. `written` hears
/// of each file once all are in place.
pub fn write_slides(
    atlas: &Atlas,
    lesson: &Lesson,
    dir: &Path,
    theme: Theme,
    size: (u32, u32),
    mut written: impl FnMut(&Path),
) -> Result<Vec<PathBuf>, RenderError> {
    super::check_size(size.0, size.1)?;
    let mut renderer = Renderer::new();
    let mut deck = Deck::new(dir, lesson.id.as_str());
    for index in 0..lesson.steps.len() {
        let image = render_slide(&mut renderer, atlas, lesson, index, theme, size)?;
        deck.add(&lesson.slide_name(index), |w| encode_png(&image, w))?;
    }
    let done = deck.commit()?;
    for path in &done {
        written(path);
    }
    Ok(done)
}
