//! A one-page handout for a patient: the date and the practitioner, today's points numbered on
//! every view that holds one (the back, the front, a hand or foot close-up), each point in plain
//! words with why it is used and the caveat on the evidence, what to expect, and lines for
//! notes. Laid out for print: the figures take the height the text leaves.

use super::{RenderError, Renderer};
use crate::model::{Atlas, ConditionId, Figure, GuidanceTopic, Point, PointCode, Reader};
use crate::paint::projector::Projector;
use crate::paint::{ArtCache, draw_scene, fonts, theme};
use crate::scene::{Framing, LabelStyle, Scene, SceneLayers, Theme};
use egui::{FontId, RichText};
use std::cell::Cell;
use std::collections::BTreeSet;

/// The most points one page holds legibly.
pub const MAX_PLAN: usize = 12;

/// Paper sizes at 300 dots per inch.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    Letter,
}

impl Paper {
    pub fn pixels(self) -> [u32; 2] {
        match self {
            Paper::A4 => [2480, 3508],
            Paper::Letter => [2550, 3300],
        }
    }
}

/// What the page says besides the points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HandoutDetails {
    /// The condition the plan is for (its reasons are used); `None`: the one that uses most of
    /// the plan's points.
    pub condition: Option<ConditionId>,
    /// The date printed, such as `2026-11-30`.
    pub date: String,
    /// The practitioner's name; left out when empty.
    pub practitioner: String,
    /// Channels, bones or nerves drawn over the figures (none unless asked for).
    pub layers: SceneLayers,
}

/// The figures that show the plan: whole-body views until every point is on one (at most
/// two), then a close-up for hand and foot points (at most two), then whatever still covers a
/// point no chosen view shows.
fn figures_for<'a>(
    atlas: &'a Atlas,
    plan: &[PointCode],
    condition: Option<&ConditionId>,
) -> Vec<&'a Figure> {
    let mut cover = Cover {
        atlas,
        plan,
        condition,
        chosen: Vec::new(),
    };
    let whole: Vec<&Figure> = atlas
        .figures()
        .iter()
        .filter(|f| !f.is_close_up())
        .collect();
    let close: Vec<&Figure> = atlas.figures().iter().filter(|f| f.is_close_up()).collect();
    let mut covered = BTreeSet::new();
    cover.add_best(&whole, &|_| true, 2, &mut covered);
    // Hand and foot points are specks on a whole body: show them on a close-up too.
    let distal = |c: &PointCode| {
        atlas
            .point(c)
            .is_some_and(|p| atlas.far_from_back(p, condition))
    };
    cover.add_best(&close, &distal, 2, &mut BTreeSet::new());
    let all: Vec<&Figure> = atlas.figures().iter().collect();
    cover.add_best(&all, &|_| true, 4, &mut covered);
    cover.chosen
}

/// Chooses figures greedily, each time the one showing the most points still wanted.
struct Cover<'a, 'p> {
    atlas: &'a Atlas,
    plan: &'p [PointCode],
    condition: Option<&'p ConditionId>,
    chosen: Vec<&'a Figure>,
}

impl<'a> Cover<'a, '_> {
    fn shows(&self, figure: &Figure, code: &PointCode) -> bool {
        !self
            .atlas
            .sites_for(code, &figure.id, self.condition)
            .is_empty()
    }

    fn add_best(
        &mut self,
        pool: &[&'a Figure],
        wanted: &dyn Fn(&PointCode) -> bool,
        limit: usize,
        covered: &mut BTreeSet<PointCode>,
    ) {
        for _ in 0..limit {
            let best = pool
                .iter()
                .filter(|f| !self.chosen.iter().any(|c| c.id == f.id))
                .map(|f| {
                    let n = self
                        .plan
                        .iter()
                        .filter(|c| wanted(c) && !covered.contains(*c) && self.shows(f, c))
                        .count();
                    (n, *f)
                })
                .filter(|(n, _)| *n > 0)
                .max_by(|a, b| a.0.cmp(&b.0).then(b.1.order.cmp(&a.1.order)));
            let Some((_, figure)) = best else { break };
            for code in self.plan {
                if wanted(code) && self.shows(figure, code) {
                    covered.insert(code.clone());
                }
            }
            self.chosen.push(figure);
        }
    }
}

/// Renders the handout for `plan` (codes in the order they are numbered).
pub fn render_handout(
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
) -> Result<image::RgbaImage, RenderError> {
    render_handout_with(&mut Renderer::new(), atlas, plan, details, paper)
}

/// [`render_handout`] with a renderer kept between pictures.
pub fn render_handout_with(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
) -> Result<image::RgbaImage, RenderError> {
    let page = handout_page(renderer, atlas, plan, details, paper)?;
    renderer.rasterise(page)
}

/// The handout drawn (the shapes both the PNG and the PDF are made from), at 300 dpi.
pub fn handout_page(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
) -> Result<super::Page, RenderError> {
    let points: Vec<&Point> = plan
        .iter()
        .map(|c| {
            atlas
                .point(c)
                .ok_or_else(|| RenderError::UnknownPoint(c.to_string()))
        })
        .collect::<Result<_, _>>()?;
    if points.is_empty() {
        return Err(RenderError::EmptyPlan);
    }
    if points.len() > MAX_PLAN {
        return Err(RenderError::TooManyPoints(points.len(), MAX_PLAN));
    }
    let condition = details
        .condition
        .as_ref()
        .or_else(|| atlas.plan_condition(plan, None).map(|c| &c.id));
    let figures = figures_for(atlas, plan, condition);
    if figures.is_empty() {
        return Err(RenderError::NothingToShow);
    }
    let mut art = ArtCache::default();
    let views: Vec<(&Figure, Scene, crate::paint::Art)> = figures
        .iter()
        .map(|f| {
            let mut scene = Scene::new(f.id.clone(), plan.to_vec());
            scene.condition = condition.cloned();
            scene.labels = LabelStyle::Numbered;
            // Smaller dots leave room for every number beside a crowded back.
            scene.scale = if plan.len() > 6 { 1.0 } else { 1.25 };
            scene.layers = details.layers.clone();
            (*f, scene, art.get(f))
        })
        .collect();
    // The text's height is measured on one frame and the figures take what is left on the next.
    let text_height = Cell::new(None::<f32>);
    // Longer plans are set a little smaller, so the page holds them with room for the figures
    // (and the warning signs, which every page carries).
    let ppp = match points.len() {
        0..=4 => 2.6,
        5..=8 => 2.5,
        _ => 2.25,
    };
    renderer.page(paper.pixels(), ppp, Theme::Light, |ui| {
        let colors = theme::canvas_colors(Theme::Light);
        egui::CentralPanel::default()
            .frame(
                egui::Frame::new()
                    .fill(colors.background)
                    .inner_margin(40.0),
            )
            .show(ui, |ui| {
                let page = ui.available_rect_before_wrap();
                header_ui(ui, details, points.len());
                let top_of_figures = ui.cursor().top();
                let band = text_height
                    .get()
                    .map_or(380.0, |t| (page.height() - t).clamp(240.0, 640.0));
                figures_ui(ui, atlas, &views, band);
                let below = ui.cursor().top();
                list_ui(ui, atlas, condition, &points);
                if let Some(flags) = atlas.red_flags() {
                    super::handout_flags::red_flags_ui(ui, flags);
                }
                closing_ui(ui, atlas);
                let used = ui.min_rect().bottom() - page.top();
                text_height.set(Some(used - (below - top_of_figures) + 8.0));
            });
    })
}

/// The page's title.
const TITLE: &str = "Your acupuncture points";

/// Most lines the date and practitioner take when they do not fit beside the title; a name
/// longer than that is cut with an ellipsis rather than push the figures down.
const MAX_WHO_ROWS: usize = 3;

/// The title, the date and the practitioner, and one line on how to read the page. The date
/// and the name sit beside the title when they fit there; otherwise they wrap on lines of their
/// own below it, so a long name never runs over the title or off the sheet.
fn header_ui(ui: &mut egui::Ui, details: &HandoutDetails, count: usize) {
    let title_font = FontId::new(28.0, fonts::bold());
    let who_font = FontId::proportional(14.0);
    let ink = ui.visuals().text_color();
    let name = details.practitioner.trim();
    let beside = if name.is_empty() {
        format!("Date: {}", details.date)
    } else {
        format!("Practitioner: {name}    Date: {}", details.date)
    };
    let width_of = |text: &str, font: &FontId| {
        ui.painter()
            .layout_no_wrap(text.to_owned(), font.clone(), ink)
            .size()
            .x
    };
    let fits =
        width_of(TITLE, &title_font) + 32.0 + width_of(&beside, &who_font) <= ui.available_width();
    if fits {
        ui.horizontal(|ui| {
            ui.label(RichText::new(TITLE).font(title_font));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                ui.label(RichText::new(beside).size(14.0));
            });
        });
    } else {
        ui.label(RichText::new(TITLE).font(title_font));
        // The date first, so it is never the part cut off.
        let below = format!("Date: {}    Practitioner: {name}", details.date);
        let mut job = egui::text::LayoutJob::simple(below, who_font, ink, ui.available_width());
        job.wrap.max_rows = MAX_WHO_ROWS;
        job.wrap.overflow_character = Some('…');
        let galley = ui.painter().layout_job(job);
        ui.label(galley);
    }
    ui.label(
        RichText::new(format!(
            "Where the needles went today ({count} point{}), and why. The numbers on the figures match the list below.",
            if count == 1 { "" } else { "s" }
        ))
        .size(14.0),
    );
    ui.add_space(6.0);
}

/// The views side by side, each as wide as its shape needs at `height`, shrunk together when
/// they would not fit the page's width.
fn figures_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    views: &[(&Figure, Scene, crate::paint::Art)],
    height: f32,
) {
    let title_h = 22.0;
    let gap = 16.0;
    // Each figure is framed on its outline, not its frame, so the body fills its place.
    let framings: Vec<Framing> = views.iter().map(|(f, _, _)| outline_framing(f)).collect();
    let want: Vec<f32> = framings
        .iter()
        .map(|fr| (height - title_h) * fr.half_width / fr.half_height.max(1e-6) + 12.0)
        .collect();
    let total: f32 = want.iter().sum::<f32>() + gap * (views.len().saturating_sub(1)) as f32;
    // A little slack, so rounding never pushes the row past the page's edge.
    let shrink = ((ui.available_width() - 8.0) / total.max(1.0)).min(1.0);
    let row_w = total * shrink;
    ui.horizontal(|ui| {
        ui.add_space(((ui.available_width() - row_w) / 2.0).max(0.0));
        for (k, (((figure, scene, figure_art), w), framing)) in
            views.iter().zip(&want).zip(&framings).enumerate()
        {
            if k > 0 {
                ui.add_space(gap * shrink);
            }
            let size = egui::vec2(w * shrink, height);
            ui.allocate_ui(size, |ui| {
                ui.vertical_centered(|ui| {
                    ui.label(RichText::new(&figure.title).font(FontId::new(14.0, fonts::bold())));
                    let (rect, _) = ui.allocate_exact_size(
                        egui::vec2(size.x, height - title_h),
                        egui::Sense::hover(),
                    );
                    let proj = Projector::framed(rect, figure, *framing);
                    draw_scene(
                        &ui.painter_at(rect),
                        rect,
                        atlas,
                        scene,
                        figure,
                        figure_art,
                        &proj,
                        None,
                    );
                });
            });
        }
    });
    ui.add_space(6.0);
}

/// The figure's outline with a little room around it (its whole frame when it has none).
fn outline_framing(figure: &Figure) -> Framing {
    let (min, max) = figure.outline_bounds().unwrap_or((
        crate::model::FigurePos::new(0.0, 0.0),
        crate::model::FigurePos::new(figure.size.0, figure.size.1),
    ));
    let margin = 0.04 * (max.y - min.y).max(max.x - min.x);
    Framing {
        center: crate::model::FigurePos::new(
            f32::midpoint(min.x, max.x),
            f32::midpoint(min.y, max.y),
        ),
        half_width: (max.x - min.x) / 2.0 + margin,
        half_height: (max.y - min.y) / 2.0 + margin,
    }
}

/// The numbered points in two columns.
fn list_ui(ui: &mut egui::Ui, atlas: &Atlas, condition: Option<&ConditionId>, points: &[&Point]) {
    ui.separator();
    let half = points.len().div_ceil(2);
    let small = points.len() > 6;
    ui.columns(2, |cols| {
        for (c, col) in cols.iter_mut().enumerate() {
            for (n, point) in points.iter().enumerate().skip(c * half).take(half) {
                point_entry_ui(col, atlas, condition, n + 1, point, small);
            }
        }
    });
}

fn point_entry_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    condition: Option<&ConditionId>,
    n: usize,
    point: &Point,
    small: bool,
) {
    let body = if small { 11.5 } else { 13.0 };
    let place = atlas.place_name(point, condition);
    ui.label(
        RichText::new(format!("{n}. {place}  ({})", point.code))
            .font(FontId::new(body + 1.5, fonts::bold())),
    );
    ui.label(RichText::new(&point.patient_note).size(body));
    if let Some(why) = atlas.why_here(&point.code, condition, Reader::Patient) {
        ui.label(
            RichText::new(format!("Why here: {}", why.reason))
                .size(body)
                .italics(),
        );
        if let Some(caveat) = why.caveat {
            ui.label(RichText::new(caveat).size(body - 0.5).weak());
        }
    }
    ui.add_space(4.0);
}

/// What to expect, lines for notes, and the disclaimer.
fn closing_ui(ui: &mut egui::Ui, atlas: &Atlas) {
    ui.separator();
    let items: Vec<_> = atlas
        .guidance()
        .iter()
        .filter(|s| s.topic == GuidanceTopic::Patient)
        .flat_map(|s| s.items.iter())
        .collect();
    let half = items.len().div_ceil(2);
    ui.columns(2, |cols| {
        for (col, chunk) in cols.iter_mut().zip(items.chunks(half.max(1))) {
            for item in chunk {
                col.label(RichText::new(&item.heading).font(FontId::new(13.0, fonts::bold())));
                col.label(RichText::new(&item.text).size(11.5));
                col.add_space(3.0);
            }
        }
    });
    ui.add_space(6.0);
    ui.label(RichText::new("Notes").font(FontId::new(13.0, fonts::bold())));
    let ink = egui::Stroke::new(0.6, egui::Color32::from_gray(150));
    for _ in 0..3 {
        let (rect, _) =
            ui.allocate_exact_size(egui::vec2(ui.available_width(), 22.0), egui::Sense::hover());
        ui.painter()
            .line_segment([rect.left_bottom(), rect.right_bottom()], ink);
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new(
            "This sheet is information, not medical advice. Ask your practitioner about anything that worries you.",
        )
        .size(11.0)
        .weak(),
    );
}

/// Today's date as `2026-11-30` (UTC).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let (y, m, d) = civil_from_days(i64::try_from(secs / 86_400).unwrap_or(0));
    format!("{y:04}-{m:02}-{d:02}")
}

/// The calendar date of a day count since 1970-01-01 (proleptic Gregorian).
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
