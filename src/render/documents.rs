//! What is exported, in the format the file's name asks for: a handout, a view and a lesson's
//! slides as PDFs (the same drawn pages as the PNGs, see [`super::pdf`]), and the handout's PNG
//! carrying its 300 dpi. Any other file name is refused before anything is drawn or written.

use super::paper::{POINTS_PER_DOT, Paper, paper_points};
use super::pdf::{Sheet, write_pdf};
use super::picture::Picture;
use super::slides::SLIDE_SCALE;
use super::{HandoutDetails, RenderError, Renderer, handout, view};
use crate::model::{Atlas, Lesson, PointCode};
use crate::paint::marks::{self, Role};
use crate::scene::{Framing, Scene, Theme, lesson_scene};
use egui::{Rect, RichText, pos2, vec2};
use std::path::{Path, PathBuf};

/// The kind of file an export writes, from its name's extension.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Png,
    Pdf,
}

impl Format {
    /// The format `path`'s extension names (`.png` or `.pdf`, in any case); any other is refused.
    pub fn of(path: &Path) -> Result<Self, RenderError> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("png") => Ok(Format::Png),
            Some("pdf") => Ok(Format::Pdf),
            _ => Err(RenderError::UnknownFormat(path.to_path_buf())),
        }
    }

    /// The extension, without its dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Png => "png",
            Format::Pdf => "pdf",
        }
    }
}

/// Dots per metre of a 300 dpi page, as a PNG's pHYs chunk gives them.
pub const DOTS_PER_METRE_300DPI: u32 = 11_811;

/// The handout as a PDF on `paper`, a page of the PDF for each page of the handout, with the
/// patient's photo (embedded, the plan numbered on it) when one is given.
pub fn handout_pdf(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    (paper, photo): (Paper, Option<&handout::HandoutPhoto>),
) -> Result<Vec<u8>, RenderError> {
    let pages = handout::handout_pages(renderer, atlas, plan, details, paper, photo)?;
    let title = format!(
        "Your acupuncture points, {}",
        handout::date_in_words(&details.date, paper)
    );
    let sheets: Vec<Sheet> = pages
        .into_iter()
        .map(|page| Sheet::whole(page, paper_points(paper)))
        .collect();
    write_pdf(&sheets, &title)
}

/// The handout's pages as PNG bytes at 300 dpi (the resolution written in each file).
pub fn handout_png(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
) -> Result<Vec<Vec<u8>>, RenderError> {
    handout::render_handout_with(renderer, atlas, plan, details, paper)?
        .iter()
        .map(|image| png_bytes(image, Some(DOTS_PER_METRE_300DPI)))
        .collect()
}

/// An image as PNG bytes, with its resolution when given (dots per metre).
pub fn png_bytes(
    image: &image::RgbaImage,
    dots_per_metre: Option<u32>,
) -> Result<Vec<u8>, RenderError> {
    let mut bytes = Vec::new();
    super::encode_png(image, &mut bytes).map_err(|e| RenderError::Render(e.to_string()))?;
    if let Some(dpm) = dots_per_metre {
        bytes = with_resolution(bytes, dpm);
    }
    Ok(bytes)
}

/// Puts a pHYs chunk (the same dots per metre across and down) right after the PNG's header
/// chunk, where the format wants it: 8 bytes of signature, then IHDR's 25.
fn with_resolution(png: Vec<u8>, dots_per_metre: u32) -> Vec<u8> {
    const AFTER_IHDR: usize = 8 + 25;
    if png.len() < AFTER_IHDR {
        return png;
    }
    let mut chunk = Vec::with_capacity(21);
    chunk.extend_from_slice(&9u32.to_be_bytes());
    chunk.extend_from_slice(b"pHYs");
    chunk.extend_from_slice(&dots_per_metre.to_be_bytes());
    chunk.extend_from_slice(&dots_per_metre.to_be_bytes());
    chunk.push(1); // the unit is the metre
    let crc = crc32(chunk.get(4..).unwrap_or_default());
    chunk.extend_from_slice(&crc.to_be_bytes());
    let (head, tail) = png.split_at(AFTER_IHDR);
    [head, &chunk, tail].concat()
}

/// The CRC-32 of PNG chunks (ISO 3309), bit by bit: a chunk of 13 bytes needs no table.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            let low = crc & 1;
            crc >>= 1;
            if low == 1 {
                crc ^= 0xEDB8_8320;
            }
        }
    }
    !crc
}

/// A view as a one-page PDF: the captioned picture laid out on the whole sheet, turned
/// landscape when the view is wider than tall.
pub fn view_pdf(
    renderer: &mut Renderer,
    atlas: &Atlas,
    scene: &Scene,
    framing: Option<Framing>,
    paper: Paper,
    landscape: bool,
) -> Result<Vec<u8>, RenderError> {
    let [mut w, mut h] = paper.pixels();
    if landscape {
        std::mem::swap(&mut w, &mut h);
    }
    let page = view::view_page(renderer, atlas, scene, framing, Picture::captioned(w, h))?;
    let size = vec2(w as f32, h as f32) * POINTS_PER_DOT;
    let title = view::document_title(atlas, scene);
    write_pdf(&[Sheet::whole(page, size)], &title)
}

/// How a lesson's deck is printed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct DeckStyle {
    pub theme: Theme,
    /// The slides' size in pixels (their text is laid out for it).
    pub size: (u32, u32),
    pub paper: Paper,
    /// The presenter's note under each slide (on upright paper), or slides alone (landscape).
    pub notes: bool,
}

/// Margin around a deck's slide, in PDF points.
const DECK_MARGIN: f32 = 36.0;

/// A lesson as a PDF, one page per step.
pub fn deck_pdf(atlas: &Atlas, lesson: &Lesson, style: DeckStyle) -> Result<Vec<u8>, RenderError> {
    super::check_size(style.size.0, style.size.1)?;
    let mut renderer = Renderer::new();
    let upright = paper_points(style.paper);
    let sheet_size = if style.notes {
        upright
    } else {
        vec2(upright.y, upright.x)
    };
    let inner = sheet_size.x - 2.0 * DECK_MARGIN;
    let aspect = style.size.1 as f32 / style.size.0 as f32;
    let mut sheets = Vec::with_capacity(lesson.steps.len());
    for (index, step) in lesson.steps.iter().enumerate() {
        let mut scene =
            lesson_scene(atlas, lesson, index).ok_or(RenderError::NoSuchSlide(index + 1))?;
        scene.theme = style.theme;
        scene.scale = SLIDE_SCALE;
        let picture = Picture {
            caption: false,
            ..Picture::captioned(style.size.0, style.size.1)
        };
        let slide = view::view_page(&mut renderer, atlas, &scene, None, picture)?;
        let mut items = Vec::with_capacity(2);
        if style.notes {
            let slide_rect =
                Rect::from_min_size(pos2(DECK_MARGIN, DECK_MARGIN), vec2(inner, inner * aspect));
            items.push((slide, slide_rect));
            let top = slide_rect.bottom() + 18.0;
            let height = sheet_size.y - DECK_MARGIN - top;
            let heading = format!("{}. {}", index + 1, step.title);
            let note = notes_page(&mut renderer, &heading, &step.note, vec2(inner, height))?;
            items.push((
                note,
                Rect::from_min_size(pos2(DECK_MARGIN, top), vec2(inner, height)),
            ));
        } else {
            let tall = sheet_size.y - 2.0 * DECK_MARGIN;
            let fit = vec2(inner, inner * aspect);
            let fit = if fit.y > tall {
                vec2(tall / aspect, tall)
            } else {
                fit
            };
            let min = pos2((sheet_size.x - fit.x) / 2.0, (sheet_size.y - fit.y) / 2.0);
            items.push((slide, Rect::from_min_size(min, fit)));
        }
        sheets.push(Sheet {
            size: sheet_size,
            items,
        });
    }
    write_pdf(&sheets, &lesson.title)
}

/// The presenter's note for a slide, laid out by egui at one point per PDF point.
fn notes_page(
    renderer: &mut Renderer,
    heading: &str,
    note: &str,
    size: egui::Vec2,
) -> Result<super::Page, RenderError> {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "a part of a sheet of paper: positive, under a thousand points"
    )]
    let size_px = [size.x.max(64.0) as u32, size.y.max(64.0) as u32];
    renderer.page(size_px, 1.0, Theme::Light, |ui| {
        let heading = ui.label(
            RichText::new(heading).font(egui::FontId::new(13.0, crate::paint::fonts::bold())),
        );
        ui.add_space(4.0);
        let note = ui.label(RichText::new(note).size(12.0));
        // The note is read after its slide, under the slide's title.
        marks::mark(ui.ctx(), heading.rect, Role::Heading(2));
        marks::mark(ui.ctx(), note.rect, Role::Paragraph);
    })
}

/// Where a deck's PDF goes: `path` itself (the folder it is in must exist).
pub fn deck_target(path: &Path) -> Result<PathBuf, RenderError> {
    super::check_writable(path)?;
    if Format::of(path)? != Format::Pdf {
        return Err(RenderError::UnknownFormat(path.to_path_buf()));
    }
    Ok(path.to_path_buf())
}
