//! Text in the PDF from egui's galleys: each glyph where egui laid it out (same face, size and
//! colour, same position), written as real text so it can be selected, searched and read aloud.
//! Nothing is laid out again; only the glyph id is looked up, as egui's galley keeps the
//! character but not its glyph.

use super::fonts::{FontSet, Found};
use egui::Color32;
use egui::epaint::TextShape;
use krilla::geom::{Point, Transform};
use krilla::surface::Surface;
use krilla::text::KrillaGlyph;

/// A run of glyphs drawn with one font, size and colour on one baseline.
struct Run {
    face: usize,
    size: f32,
    color: Color32,
    italics: bool,
    baseline: f32,
    /// Each glyph's x and what it is.
    glyphs: Vec<(f32, Found)>,
    text: String,
    /// Each glyph's byte range in `text`.
    ranges: Vec<std::ops::Range<usize>>,
}

/// Writes a text shape (in the surface's coordinates, egui points).
pub fn draw_text(surface: &mut Surface<'_>, fonts: &mut FontSet, shape: &TextShape) {
    let galley = &shape.galley;
    let job = &galley.job;
    let section_of = sections_by_char(job);
    let rotated = shape.angle != 0.0;
    if rotated {
        let (x, y) = (shape.pos.x, shape.pos.y);
        surface.push_transform(&Transform::from_rotate_at(shape.angle.to_degrees(), x, y));
    }
    let mut char_index = 0;
    let mut run: Option<Run> = None;
    for row in &galley.rows {
        let origin = shape.pos + row.pos.to_vec2();
        for (k, glyph) in row.glyphs.iter().enumerate() {
            let section = section_of
                .get(char_index + k)
                .or(section_of.last())
                .and_then(|s| job.sections.get(*s));
            let Some(section) = section else { continue };
            let format = &section.format;
            let color = color_of(shape, format.color);
            let at = origin + glyph.pos.to_vec2();
            let Some(found) = fonts.find(&format.font_id.family, glyph.chr) else {
                continue;
            };
            let same = run.as_ref().is_some_and(|r| {
                r.face == found.face
                    && r.size == format.font_id.size
                    && r.color == color
                    && r.italics == format.italics
                    && (r.baseline - at.y).abs() < 0.01
            });
            if !same && let Some(done) = run.take() {
                emit(surface, fonts, &done);
            }
            let r = run.get_or_insert_with(|| Run {
                face: found.face,
                size: format.font_id.size,
                color,
                italics: format.italics,
                baseline: at.y,
                glyphs: Vec::new(),
                text: String::new(),
                ranges: Vec::new(),
            });
            // A character a ligature took in (egui gives it no width) sits after the one
            // before it, at its own advance, so the cluster keeps its width and its text.
            let x = match r.glyphs.last() {
                Some((px, prev)) if glyph.advance_width == 0.0 && !glyph.chr.is_whitespace() => {
                    px + prev.advance * r.size
                }
                _ => at.x,
            };
            let start = r.text.len();
            r.text.push(glyph.chr);
            r.ranges.push(start..r.text.len());
            r.glyphs.push((x, found));
        }
        char_index += row.glyphs.len() + usize::from(row.ends_with_newline);
    }
    if let Some(done) = run.take() {
        emit(surface, fonts, &done);
    }
    if rotated {
        surface.pop();
    }
}

/// The section of every character of a job, so each glyph finds its font, size and colour.
fn sections_by_char(job: &egui::text::LayoutJob) -> Vec<usize> {
    let last = job.sections.len().saturating_sub(1);
    job.text
        .char_indices()
        .map(|(at, _)| {
            let at = egui::epaint::text::ByteIndex(at);
            job.sections
                .iter()
                .position(|s| s.byte_range.contains(&at))
                .unwrap_or(last)
        })
        .collect()
}

/// The colour egui paints a glyph of format colour `color` in (as its tessellator does).
fn color_of(shape: &TextShape, color: Color32) -> Color32 {
    let color = match shape.override_text_color {
        Some(c) => c,
        None if color == Color32::PLACEHOLDER => shape.fallback_color,
        None => color,
    };
    if shape.opacity_factor < 1.0 {
        color.gamma_multiply(shape.opacity_factor)
    } else {
        color
    }
}

/// Draws one run: each glyph at its x, advances taken from the gaps between them.
fn emit(surface: &mut Surface<'_>, fonts: &mut FontSet, run: &Run) {
    let Some(font) = fonts.krilla(run.face) else {
        return;
    };
    let Some((x0, _)) = run.glyphs.first() else {
        return;
    };
    let x0 = *x0;
    let size = run.size.max(0.01);
    let glyphs: Vec<KrillaGlyph> = run
        .glyphs
        .iter()
        .enumerate()
        .map(|(i, (x, found))| {
            let advance = run
                .glyphs
                .get(i + 1)
                .map_or(found.advance, |(next, _)| (next - x) / size);
            let range = run.ranges.get(i).cloned().unwrap_or(0..0);
            KrillaGlyph::new(found.glyph, advance, 0.0, 0.0, 0.0, range, None)
        })
        .collect();
    surface.set_stroke(None);
    surface.set_fill(Some(super::paint::fill(run.color)));
    if run.italics {
        // egui slants a glyph by a quarter of its height, leaning right above the baseline.
        let b = run.baseline;
        surface.push_transform(&Transform::from_row(1.0, 0.0, -0.25, 1.0, 0.25 * b, 0.0));
    }
    surface.draw_glyphs(
        Point::from_xy(x0, run.baseline),
        &glyphs,
        font,
        &run.text,
        size,
        false,
    );
    if run.italics {
        surface.pop();
    }
}
