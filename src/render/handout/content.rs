//! What the handout says, as blocks: the header with the date in words, one card per point
//! headed by where it is, the warning signs, what to expect, notes and the disclaimer.

use super::HandoutDetails;
use super::blocks::{BODY, Block, HEADING, INK, RULE, SMALL, SOFT_INK, Style, TITLE, WARN_INK};
use crate::model::{Atlas, ConditionId, GuidanceItem, GuidanceTopic, Point, Reader};
use crate::render::paper::Paper;
use egui::Painter;
use egui::text::LayoutJob;

/// The page's title.
pub const TITLE_TEXT: &str = "Your acupuncture points";

/// Most lines the date and practitioner take; a name longer than that is cut with an
/// ellipsis rather than push the figures down.
pub const MAX_WHO_ROWS: usize = 3;

/// Room between two columns.
pub const COLUMN_GAP: f32 = 18.0;

/// The title, the date in words and the practitioner (wrapped, at most [`MAX_WHO_ROWS`]
/// lines), and one line on how to read the page.
pub fn header(
    painter: &Painter,
    width: f32,
    details: &HandoutDetails,
    paper: Paper,
    count: usize,
) -> Block {
    let mut b = Block::new(width);
    b.line(painter, TITLE_TEXT, Style::heading(TITLE));
    b.as_heading(1);
    b.space(4.0);
    let date = super::date::date_in_words(&details.date, paper);
    let name = details.practitioner.trim();
    // The date first, so it is never the part cut off.
    let who = if name.is_empty() {
        format!("Date: {date}")
    } else {
        format!("Date: {date}      Practitioner: {name}")
    };
    let mut job = LayoutJob::simple(who, egui::FontId::proportional(BODY), INK, width);
    job.wrap.max_rows = MAX_WHO_ROWS;
    job.wrap.overflow_character = Some('…');
    b.put_galley(painter.layout_job(job));
    b.space(6.0);
    let plural = if count == 1 { "" } else { "s" };
    b.line(
        painter,
        &format!(
            "Where the needles went today ({count} point{plural}), and why. The numbers on the figures match the numbered notes below."
        ),
        Style::body(),
    );
    b
}

/// One point: its number and where it is, what it is, why it is used and the caveat that
/// travels with the reason.
pub fn card(
    painter: &Painter,
    width: f32,
    atlas: &Atlas,
    condition: Option<&ConditionId>,
    n: usize,
    point: &Point,
) -> Block {
    let mut b = Block::new(width);
    let place = atlas.place_name(point, condition);
    let code = format!("   {}", point.code);
    b.text(
        painter,
        &[
            (&format!("{n}. {place}"), Style::heading(HEADING)),
            (&code, Style::body().sized(SMALL).colored(SOFT_INK)),
        ],
        0.0,
    );
    b.as_heading(2);
    b.space(2.0);
    b.line(painter, &point.patient_note, Style::body());
    if let Some(why) = atlas.why_here(&point.code, condition, Reader::Patient) {
        b.space(2.0);
        b.line(
            painter,
            &format!("Why here: {}", why.reason),
            Style::body().italic(),
        );
        if let Some(caveat) = why.caveat {
            b.space(2.0);
            b.line(painter, caveat, Style::body().colored(SOFT_INK));
        }
    }
    b
}

/// Blocks two to a row, `width` wide in all; the last alone when they are odd.
pub fn in_rows(mut blocks: Vec<Block>, width: f32) -> Vec<Block> {
    let mut rows = Vec::new();
    let mut it = blocks.drain(..);
    while let Some(left) = it.next() {
        if let Some(right) = it.next() {
            rows.push(Block::beside(left, right, COLUMN_GAP));
        } else {
            let mut row = Block::new(width);
            row.put(left, egui::Vec2::ZERO);
            rows.push(row);
        }
    }
    rows
}

/// The width of one of two columns.
pub fn column_width(width: f32) -> f32 {
    (width - COLUMN_GAP) / 2.0
}

/// The warning signs in a framed box: the heading, its text, then the signs in two columns.
pub fn red_flags(painter: &Painter, width: f32, item: &GuidanceItem) -> Block {
    let pad = 8.0;
    let inner_w = width - 2.0 * pad;
    let mut inner = Block::new(inner_w);
    inner.line(
        painter,
        &item.heading,
        Style::heading(HEADING).colored(WARN_INK),
    );
    inner.as_heading(2);
    inner.space(2.0);
    inner.line(painter, &item.text, Style::body().sized(SMALL));
    inner.space(4.0);
    let half = item.list.len().div_ceil(2).max(1);
    let col_w = column_width(inner_w);
    let mut cols = item.list.chunks(half).map(|chunk| {
        let mut col = Block::new(col_w);
        for sign in chunk {
            let bullet = painter.layout_no_wrap("•".into(), egui::FontId::proportional(BODY), INK);
            let y = col.height;
            col.text(
                painter,
                &[(sign.as_str(), Style::body().sized(SMALL))],
                12.0,
            );
            col.as_list_item();
            col.put_galley_at(bullet, egui::vec2(0.0, y));
            col.as_decoration();
            col.space(2.0);
        }
        col
    });
    if let (Some(l), r) = (cols.next(), cols.next()) {
        let y = inner.height;
        let row = Block::beside(l, r.unwrap_or_else(|| Block::new(col_w)), COLUMN_GAP);
        inner.put(row, egui::vec2(0.0, y));
    }
    let mut b = Block::new(width);
    b.framed(inner, WARN_INK, pad);
    b
}

/// What to expect: the patient guidance, each item a heading and its text, two to a row.
pub fn expectations(painter: &Painter, width: f32, atlas: &Atlas) -> Block {
    let col_w = column_width(width);
    let items: Vec<Block> = atlas
        .guidance()
        .iter()
        .filter(|s| s.topic == GuidanceTopic::Patient)
        .flat_map(|s| s.items.iter())
        .map(|item| {
            let mut b = Block::new(col_w);
            b.line(painter, &item.heading, Style::heading(HEADING));
            b.as_heading(2);
            b.space(2.0);
            b.line(painter, &item.text, Style::body().sized(SMALL));
            b
        })
        .collect();
    let mut b = Block::new(width);
    b.rule(RULE);
    b.space(8.0);
    let y = b.height;
    b.put(balanced(items, col_w), egui::vec2(0.0, y));
    b
}

/// Blocks in two columns of `col_w`, in order down the first and then the second, split
/// where the taller column is shortest.
pub fn balanced(items: Vec<Block>, col_w: f32) -> Block {
    let gap = 6.0;
    let heights: Vec<f32> = items.iter().map(|b| b.height + gap).collect();
    let total: f32 = heights.iter().sum();
    let split = (0..=items.len())
        .min_by(|&a, &b| {
            let tall = |k: usize| {
                let left: f32 = heights.iter().take(k).sum();
                left.max(total - left)
            };
            tall(a).total_cmp(&tall(b))
        })
        .unwrap_or(0);
    let (mut left, mut right) = (Block::new(col_w), Block::new(col_w));
    for (k, item) in items.into_iter().enumerate() {
        let col = if k < split { &mut left } else { &mut right };
        let y = col.height;
        col.put(item, egui::vec2(0.0, y));
        col.space(gap);
    }
    Block::beside(left, right, COLUMN_GAP)
}

/// Space between note lines.
pub const NOTE_PITCH: f32 = 28.0;

/// "Notes" and `lines` ruled lines to write on.
pub fn notes(painter: &Painter, width: f32, lines: usize) -> Block {
    let mut b = Block::new(width);
    b.line(painter, "Notes", Style::heading(HEADING));
    b.as_heading(2);
    for _ in 0..lines {
        b.space(NOTE_PITCH);
        b.rule(RULE);
    }
    b
}

/// The last line of the sheet.
pub fn disclaimer(painter: &Painter, width: f32) -> Block {
    let mut b = Block::new(width);
    b.line(
        painter,
        "This sheet is information, not medical advice. Ask your practitioner about anything that worries you.",
        Style::body().sized(SMALL).colored(SOFT_INK),
    );
    b
}
