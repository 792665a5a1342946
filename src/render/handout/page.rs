//! The handout's pages: the header, the figures and the numbered cards first, then the
//! warning signs, what to expect, the disclaimer and lines for notes, flowed onto as many
//! pages as they need (most plans take the two sides of one sheet). The figures take what the
//! first page leaves, up to the size past which the page's width stops them growing; the last
//! page ends in note lines down to its foot, so no page ends in an empty band.

use super::HandoutDetails;
use super::blocks::Block;
use super::content::{self, NOTE_PITCH};
use super::figures::{self, View};
use super::photo::{self, HandoutPhoto};
use crate::model::{Atlas, ConditionId, Point};
use crate::render::paper::Paper;
use egui::{Rect, pos2, vec2};

/// Everything a handout's pages are made from.
pub struct Sheet<'a> {
    pub atlas: &'a Atlas,
    pub views: Vec<View<'a>>,
    pub points: Vec<&'a Point>,
    pub condition: Option<&'a ConditionId>,
    pub details: &'a HandoutDetails,
    pub paper: Paper,
    /// The patient's photo with the plan numbered on it, beside the figures.
    pub photo: Option<&'a HandoutPhoto>,
}

/// The page's margin, in points, inside the picture's own 8.
pub const MARGIN: f32 = 22.0;
/// Room between two parts of a page.
const GAP: f32 = 12.0;
/// The most room added between parts of a full page that has some to spare.
const MAX_SPREAD: f32 = 24.0;
/// Pages a handout may take to give a closer view's numbers room.
const ROOMY_PAGES: usize = 3;
/// Note lines the last page always has.
const MIN_NOTE_LINES: usize = 2;

/// The heights a page plan is made from.
#[derive(Clone, Debug, PartialEq)]
pub struct Heights {
    pub page: f32,
    pub header: f32,
    /// The flowing parts, in order.
    pub flow: Vec<f32>,
    /// "Notes" with its fewest lines.
    pub notes: f32,
    pub figures_min: f32,
    pub figures_max: f32,
}

/// One page of the plan.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PagePlan {
    /// The flowing parts on this page.
    pub flow: Vec<usize>,
    /// The figures' band (first page only).
    pub figures: f32,
    /// Room added after each part.
    pub spread: f32,
    /// Note lines, on the last page.
    pub note_lines: Option<usize>,
    used: f32,
}

/// Flows the parts onto pages: each part on the page where it first fits whole (a part
/// taller than a page gets one of its own), then the notes where they fit on the last page; then gives the first page's spare
/// room to the figures, and the last page's to note lines.
pub fn paginate(h: &Heights) -> Vec<PagePlan> {
    let mut pages = vec![PagePlan {
        used: h.header + GAP + h.figures_min,
        figures: h.figures_min,
        ..PagePlan::default()
    }];
    let parts = h.flow.iter().copied().enumerate();
    for part in parts.map(Some).chain([None]) {
        let height = part.map_or(h.notes, |(_, height)| height);
        let needs_new = pages.last().is_some_and(|p| {
            p.used + GAP + height > h.page && (!p.flow.is_empty() || p.figures > 0.0)
        });
        if needs_new {
            // Lines for notes are worth no page of their own.
            if part.is_none() {
                break;
            }
            pages.push(PagePlan::default());
        }
        if let Some(page) = pages.last_mut() {
            page.used += if page.used > 0.0 { GAP } else { 0.0 } + height;
            match part {
                Some((i, _)) => page.flow.push(i),
                None => page.note_lines = Some(MIN_NOTE_LINES),
            }
        }
    }
    if let Some(first) = pages.first_mut() {
        let grow = (h.page - first.used).clamp(0.0, (h.figures_max - h.figures_min).max(0.0));
        first.figures += grow;
        first.used += grow;
    }
    for page in &mut pages {
        let spare = (h.page - page.used).max(0.0);
        if let Some(lines) = &mut page.note_lines {
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                reason = "a few dozen lines at most"
            )]
            let more = (spare / (NOTE_PITCH + 1.0)).floor() as usize;
            *lines += more;
        } else {
            #[allow(clippy::cast_precision_loss, reason = "a few parts")]
            let joins = page.flow.len().max(1) as f32;
            page.spread = (spare / joins).min(MAX_SPREAD);
        }
    }
    pages
}

/// The parts that flow: the cards two to a row, the warning signs, what to expect and the
/// disclaimer.
fn flow(sheet: &Sheet<'_>, painter: &egui::Painter, width: f32) -> Vec<Block> {
    let col = content::column_width(width);
    let cards = sheet
        .points
        .iter()
        .enumerate()
        .map(|(k, p)| content::card(painter, col, sheet.atlas, sheet.condition, k + 1, p))
        .collect();
    let mut parts = content::in_rows(cards, width);
    if let Some(flags) = sheet.atlas.red_flags() {
        parts.push(content::red_flags(painter, width, flags));
    }
    parts.push(content::expectations(painter, width, sheet.atlas));
    parts.push(content::disclaimer(painter, width));
    parts
}

/// The share of the page's height the figures would rather have: more when a closer view
/// numbers a crowd of points, whose numbers need room beside their dots more than the cards
/// need the first page.
fn min_share(views: &[View<'_>]) -> f32 {
    if views.iter().any(|v| v.zoomed) {
        0.45
    } else {
        0.3
    }
}

/// The pages with the figures taking at least `share` of the page, when that keeps the
/// handout to the two sides of one sheet and a third page, or costs no page more than `h`
/// does.
fn roomier(h: &Heights, share: f32) -> Vec<PagePlan> {
    let plain = paginate(h);
    let wanted = Heights {
        figures_min: (share * h.page).min(h.figures_max).max(h.figures_min),
        ..h.clone()
    };
    let roomy = paginate(&wanted);
    if roomy.len() <= plain.len().max(ROOMY_PAGES) {
        roomy
    } else {
        plain
    }
}

/// Lays the handout out on pages the size of `ui`'s and draws page `index` (from 0); returns
/// how many pages the handout has.
pub fn page_ui(ui: &mut egui::Ui, sheet: &Sheet<'_>, index: usize) -> usize {
    let area = ui.available_rect_before_wrap().shrink(MARGIN);
    let painter = ui.painter().clone();
    let width = area.width();
    let header = content::header(
        &painter,
        width,
        sheet.details,
        sheet.paper,
        sheet.points.len(),
    );
    let parts = flow(sheet, &painter, width);
    let figures_max = match sheet.photo {
        // The photo takes up to half the band's width, the figures the rest.
        Some(p) => figures::max_height(&sheet.views, (width - GAP) / 2.0)
            .max(photo::height_at(p, (width - GAP) / 2.0)),
        None => figures::max_height(&sheet.views, width),
    }
    .min(0.62 * area.height());
    let heights = Heights {
        page: area.height(),
        header: header.height,
        flow: parts.iter().map(|b| b.height).collect(),
        notes: content::notes(&painter, width, MIN_NOTE_LINES).height,
        figures_min: (0.3 * area.height()).min(figures_max),
        figures_max,
    };
    let pages = roomier(&heights, min_share(&sheet.views));
    let Some(page) = pages.get(index) else {
        return pages.len();
    };
    let mut y = area.top();
    if index == 0 {
        header.paint(&painter, area.min);
        y += header.height + GAP;
        let mut band = Rect::from_min_size(pos2(area.left(), y), vec2(width, page.figures));
        if let Some(p) = sheet.photo {
            let w = photo::width_in(p, width - GAP, page.figures);
            let place = band.with_max_x(band.left() + w);
            photo::draw(&painter, p, place);
            let words = crate::render::alt::photo_words(photo::PHOTO_TITLE, &p.scene);
            crate::paint::marks::mark(ui.ctx(), place, crate::paint::marks::Role::Figure(words));
            band.min.x += w + GAP;
        }
        figures::draw(&painter, sheet.atlas, &sheet.views, band);
        y += page.figures;
    }
    for (k, &i) in page.flow.iter().enumerate() {
        if let Some(part) = parts.get(i) {
            if index == 0 || k > 0 {
                y += GAP;
            }
            part.paint(&painter, pos2(area.left(), y));
            y += part.height + page.spread;
        }
    }
    if let Some(lines) = page.note_lines {
        y += GAP;
        content::notes(&painter, width, lines).paint(&painter, pos2(area.left(), y));
    }
    ui.allocate_rect(area, egui::Sense::hover());
    pages.len()
}
