//! The PDF target: the same drawn pages the PNG target rasterises (egui's shapes from the paint
//! layer, before tessellation) written as PDF vector paths and real text with the window's own
//! fonts, embedded and subset. A sheet of paper holds one or more pages, each scaled into its
//! place (a handout fills its sheet; a slide sits above its presenter's note). The PDF is
//! tagged for screen readers (PDF/UA-1): its text read in order as headings and paragraphs,
//! its figures said in words, decoration left out (see [`tags`]).

mod fonts;
mod images;
mod paint;
mod shapes;
mod tags;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tags_tests;
#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
mod text;

use super::{Page, RenderError};
use egui::Rect;
use egui::emath::TSTransform;
use egui::epaint::ClippedShape;
use fonts::FontSet;
use images::ImageSet;
use krilla::configure::{ConfigurationBuilder, validate::Accessibility};
use krilla::geom::{PathBuilder, Transform};
use krilla::page::PageSettings;
use krilla::paint::FillRule;
use krilla::surface::Surface;
use krilla::{Document, SerializeSettings};
use tags::Tagger;

/// One page of the PDF: its size in PDF points and the drawn pages on it, each in its place
/// (in PDF points, from the top left).
pub struct Sheet {
    pub size: egui::Vec2,
    pub items: Vec<(Page, Rect)>,
}

impl Sheet {
    /// A sheet that is one drawn page, edge to edge.
    pub fn whole(page: Page, size: egui::Vec2) -> Self {
        Self {
            size,
            items: vec![(page, Rect::from_min_size(egui::Pos2::ZERO, size))],
        }
    }
}

/// Writes the sheets as a PDF document titled `title`.
pub fn write_pdf(sheets: &[Sheet], title: &str) -> Result<Vec<u8>, RenderError> {
    write_with(sheets, title, true)
}

/// [`write_pdf`], with the content streams compressed or (for tests that read them) not.
fn write_with(sheets: &[Sheet], title: &str, compress: bool) -> Result<Vec<u8>, RenderError> {
    // PDF/UA-1: krilla then checks what it can (a title shown as the window's title, the
    // language, alt text on every figure, a title on every heading, an outline) and refuses
    // to write a document that fails.
    let configuration = ConfigurationBuilder::new()
        .with_accessibility_validator(Accessibility::UA1)
        .finish()
        .map_err(|e| RenderError::Render(format!("configuring the PDF: {e:?}")))?;
    let settings = SerializeSettings {
        compress_content_streams: compress,
        enable_tagging: true,
        configuration,
        ..SerializeSettings::default()
    };
    let mut document = Document::new_with(settings);
    document.set_metadata(
        krilla::metadata::Metadata::new()
            .title(if title.trim().is_empty() {
                "Acupoint Atlas".to_owned()
            } else {
                title.to_owned()
            })
            .language(tags::LANGUAGE.to_owned())
            .creator("Acupoint Atlas".to_owned()),
    );
    let mut fonts = FontSet::new();
    let mut pictures = ImageSet::default();
    let mut tagger = Tagger::default();
    for (index, sheet) in sheets.iter().enumerate() {
        let settings = PageSettings::from_wh(sheet.size.x, sheet.size.y)
            .ok_or_else(|| RenderError::Render(format!("bad page size {:?}", sheet.size)))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for (drawn, place) in &sheet.items {
            let scale = place.width() / drawn.size.x.max(1.0);
            tagger.begin(&drawn.marks, index, *place, scale);
            let tools = (&mut fonts, &mut pictures);
            draw_page(&mut surface, tools, &mut tagger, drawn, *place);
        }
        surface.finish();
        page.finish();
    }
    let (tree, outline) = tagger.finish();
    document.set_tag_tree(tree);
    document.set_outline(outline);
    document
        .finish()
        .map_err(|e| RenderError::Render(format!("writing the PDF: {e:?}")))
}

/// Draws a page's shapes scaled into `place`, over its background and clipped to it.
fn draw_page(
    surface: &mut Surface<'_>,
    (fonts, pictures): (&mut FontSet, &mut ImageSet),
    tagger: &mut Tagger,
    page: &Page,
    place: Rect,
) {
    let scale = place.width() / page.size.x.max(1.0);
    surface.push_transform(&Transform::from_row(
        scale,
        0.0,
        0.0,
        scale,
        place.min.x,
        place.min.y,
    ));
    let area = Rect::from_min_size(egui::Pos2::ZERO, page.size);
    let clipped = push_clip(surface, area);
    let background = egui::Shape::rect_filled(area, 0.0, page.background);
    tagger.decoration(surface, |surface| {
        shapes::draw_shape(surface, fonts, &background);
    });
    let kept = super::clear::without_clear_fills(page.shapes.clone(), page.background);
    for clipped in &kept {
        draw_clipped(surface, (fonts, pictures), tagger, &page.images, clipped);
    }
    tagger.close(surface);
    if clipped {
        surface.pop();
    }
    surface.pop();
}

/// One shape, clipped where its clip cuts it, moved as egui moves it after tessellation.
fn draw_clipped(
    surface: &mut Surface<'_>,
    (fonts, pictures): (&mut FontSet, &mut ImageSet),
    tagger: &mut Tagger,
    images: &super::renderer::PageImages,
    clipped: &ClippedShape,
) {
    let moved = clipped.transform_after_tessellation;
    let shape = &clipped.shape;
    let bounds = moved * shape.visual_bounding_rect();
    if !clipped.clip_rect.intersects(bounds) {
        return;
    }
    let cut = !clipped.clip_rect.contains_rect(bounds);
    let is_moved = moved != TSTransform::IDENTITY;
    if cut || is_moved {
        tagger.close(surface);
    }
    if cut && !push_clip(surface, clipped.clip_rect) {
        return;
    }
    if is_moved {
        let (s, t) = (moved.scaling, moved.translation);
        surface.push_transform(&Transform::from_row(s, 0.0, 0.0, s, t.x, t.y));
    }
    tagger.tagged(surface, shape, bounds, !cut && !is_moved, |surface| {
        if images::is_picture(shape) {
            images::draw(surface, pictures, images, shape);
        } else {
            shapes::draw_shape(surface, fonts, shape);
        }
    });
    if is_moved {
        surface.pop();
    }
    if cut {
        surface.pop();
    }
}

/// Clips what follows to `rect`; false (and nothing pushed) when `rect` is empty.
fn push_clip(surface: &mut Surface<'_>, rect: Rect) -> bool {
    let mut pb = PathBuilder::new();
    let Some(r) =
        krilla::geom::Rect::from_ltrb(rect.left(), rect.top(), rect.right(), rect.bottom())
    else {
        return false;
    };
    pb.push_rect(r);
    match pb.finish() {
        Some(path) => {
            surface.push_clip_path(&path, &FillRule::NonZero);
            true
        }
        None => false,
    }
}
