//! The handout's text as blocks of laid-out lines, set ragged-right in near-black: each block
//! knows its height before it is drawn, so a page can be planned first and painted after.
//! One point of the page is one typographic point (the handout is drawn at 300/72 pixels per
//! point), so the sizes here are the sizes printed. Each text says what it is (a heading, a
//! paragraph, decoration), for the tagged PDF.

use crate::paint::marks::{self, Role};
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Painter, Pos2, Stroke, Vec2, vec2};
use std::sync::Arc;

/// Body text: near-black, far past 7:1 on the page.
pub const INK: Color32 = Color32::from_rgb(0x1A, 0x1A, 0x1A);
/// Caveats and the code beside a heading: a little lighter, still past 7:1.
pub const SOFT_INK: Color32 = Color32::from_rgb(0x3A, 0x3A, 0x3A);
/// The warning box: a dark rust, past 7:1 on the page.
pub const WARN_INK: Color32 = Color32::from_rgb(0x7A, 0x2E, 0x00);
/// Lines drawn for notes and between parts.
pub const RULE: Color32 = Color32::from_rgb(0x90, 0x90, 0x90);

/// Type sizes, in typographic points.
pub const TITLE: f32 = 24.0;
pub const HEADING: f32 = 13.5;
pub const BODY: f32 = 11.5;
pub const SMALL: f32 = 11.0;

/// What a block draws at an offset from its top left.
enum Mark {
    /// Text and what it is (a paragraph unless said otherwise).
    Text(Arc<Galley>, Role),
    /// A line this long, across.
    Rule(f32, Color32),
    /// A frame of this size.
    Frame(Vec2, Color32),
}

/// Laid-out content of a known size.
pub struct Block {
    marks: Vec<(Vec2, Mark)>,
    pub width: f32,
    pub height: f32,
}

/// How a run of text is set.
#[derive(Clone, Copy)]
pub struct Style {
    pub size: f32,
    pub bold: bool,
    pub italics: bool,
    pub color: Color32,
}

impl Style {
    pub const fn body() -> Self {
        Self {
            size: BODY,
            bold: false,
            italics: false,
            color: INK,
        }
    }

    pub const fn heading(size: f32) -> Self {
        Self {
            size,
            bold: true,
            italics: false,
            color: INK,
        }
    }

    pub const fn sized(mut self, size: f32) -> Self {
        self.size = size;
        self
    }

    pub const fn italic(mut self) -> Self {
        self.italics = true;
        self
    }

    pub const fn colored(mut self, color: Color32) -> Self {
        self.color = color;
        self
    }

    fn format(self) -> TextFormat {
        let family = if self.bold {
            crate::paint::fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        TextFormat {
            font_id: FontId::new(self.size, family),
            color: self.color,
            italics: self.italics,
            ..TextFormat::default()
        }
    }
}

impl Block {
    pub fn new(width: f32) -> Self {
        Self {
            marks: Vec::new(),
            width,
            height: 0.0,
        }
    }

    /// Runs of text as one paragraph, wrapped to the block's width less `indent`, left
    /// aligned and never stretched.
    pub fn text(&mut self, painter: &Painter, runs: &[(&str, Style)], indent: f32) {
        let mut job = LayoutJob::default();
        for (text, style) in runs {
            job.append(text, 0.0, style.format());
        }
        job.wrap.max_width = (self.width - indent).max(10.0);
        job.justify = false;
        let galley = painter.layout_job(job);
        let h = galley.size().y;
        self.marks.push((
            vec2(indent, self.height),
            Mark::Text(galley, Role::Paragraph),
        ));
        self.height += h;
    }

    /// A galley laid out elsewhere, below what the block holds.
    pub fn put_galley(&mut self, galley: Arc<Galley>) {
        let h = galley.size().y;
        self.marks
            .push((vec2(0.0, self.height), Mark::Text(galley, Role::Paragraph)));
        self.height += h;
    }

    /// A galley at `at`, beside what the block holds (the height grows to hold it).
    pub fn put_galley_at(&mut self, galley: Arc<Galley>, at: Vec2) {
        self.height = self.height.max(at.y + galley.size().y);
        self.marks.push((at, Mark::Text(galley, Role::Paragraph)));
    }

    /// One run of text on its own.
    pub fn line(&mut self, painter: &Painter, text: &str, style: Style) {
        self.text(painter, &[(text, style)], 0.0);
    }

    /// The text last added is a heading of `level` (1 the page's title).
    pub fn as_heading(&mut self, level: u8) {
        self.set_last_role(Role::Heading(level));
    }

    /// The text last added is an item of a list.
    pub fn as_list_item(&mut self) {
        self.set_last_role(Role::ListItem);
    }

    /// The text last added is there for the look only (a bullet), not to be read.
    pub fn as_decoration(&mut self) {
        self.set_last_role(Role::Decoration);
    }

    fn set_last_role(&mut self, to: Role) {
        let last = self.marks.iter_mut().rev().find_map(|(_, m)| match m {
            Mark::Text(_, role) => Some(role),
            _ => None,
        });
        if let Some(role) = last {
            *role = to;
        }
    }

    pub fn space(&mut self, h: f32) {
        self.height += h;
    }

    /// A hairline across the block.
    pub fn rule(&mut self, color: Color32) {
        self.marks
            .push((vec2(0.0, self.height), Mark::Rule(self.width, color)));
        self.height += 1.0;
    }

    /// `inner` inside a frame of `color`, `pad` from its edges; the block is as wide as this one.
    pub fn framed(&mut self, inner: Block, color: Color32, pad: f32) {
        let top = self.height;
        let size = vec2(self.width, inner.height + 2.0 * pad);
        self.marks.push((vec2(0.0, top), Mark::Frame(size, color)));
        self.put(inner, vec2(pad, top + pad));
        self.height = top + size.y;
    }

    /// `other` drawn with its top left at `at` in this block (the height grows to hold it).
    pub fn put(&mut self, other: Block, at: Vec2) {
        self.height = self.height.max(at.y + other.height);
        self.marks
            .extend(other.marks.into_iter().map(|(o, m)| (o + at, m)));
    }

    /// Two blocks side by side, `gap` apart, as one block as tall as the taller.
    pub fn beside(left: Block, right: Block, gap: f32) -> Block {
        let mut row = Block::new(left.width + gap + right.width);
        let x = left.width + gap;
        row.put(left, Vec2::ZERO);
        row.put(right, vec2(x, 0.0));
        row
    }

    pub fn paint(&self, painter: &Painter, at: Pos2) {
        for (offset, mark) in &self.marks {
            let p = at + *offset;
            match mark {
                Mark::Text(galley, role) => {
                    marks::galley(painter, p, galley.clone(), INK, role.clone());
                }
                Mark::Rule(w, color) => {
                    painter.line_segment([p, p + vec2(*w, 0.0)], Stroke::new(0.8, *color));
                }
                Mark::Frame(size, color) => {
                    painter.rect_stroke(
                        egui::Rect::from_min_size(p, *size),
                        4.0,
                        Stroke::new(1.4, *color),
                        egui::StrokeKind::Inside,
                    );
                }
            }
        }
    }
}
