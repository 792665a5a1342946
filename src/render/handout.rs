//! A one-page handout for a patient: today's points on the body, each in plain words with why
//! it is used, what the patient may feel, and the safety lines. Laid out for print.

use super::{RenderError, render_frame};
use crate::model::{Atlas, ConditionId, Figure, GuidanceTopic, Point, PointCode, Reader};
use crate::paint::projector::{PanZoom, Projector};
use crate::paint::{ArtCache, draw_scene, fonts, theme};
use crate::scene::{LabelStyle, Scene, SceneLayers, Theme};
use egui::{FontId, RichText};
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

/// The whole-body figures that show the plan's points, most points first, at most two.
fn figures_for<'a>(atlas: &'a Atlas, plan: &[PointCode]) -> Vec<&'a Figure> {
    let mut scored: Vec<(usize, &Figure)> = atlas
        .figures()
        .iter()
        .filter(|f| f.size.1 >= f.size.0 * 0.9)
        .map(|f| {
            let n = plan
                .iter()
                .filter(|c| atlas.sites_on(c, &f.id).next().is_some())
                .count();
            (n, f)
        })
        .filter(|(n, _)| *n > 0)
        .collect();
    scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.order.cmp(&b.1.order)));
    // Keep adding figures only while they show points the others do not.
    let mut chosen: Vec<&Figure> = Vec::new();
    let mut covered: BTreeSet<&PointCode> = BTreeSet::new();
    for (_, f) in scored {
        let new: Vec<&PointCode> = plan
            .iter()
            .filter(|c| !covered.contains(c) && atlas.sites_on(c, &f.id).next().is_some())
            .collect();
        if !new.is_empty() && chosen.len() < 2 {
            covered.extend(new);
            chosen.push(f);
        }
    }
    chosen
}

/// Renders the handout for `plan` (codes in the order they are numbered).
pub fn render_handout(
    atlas: &Atlas,
    plan: &[PointCode],
    condition: Option<&ConditionId>,
    paper: Paper,
) -> Result<image::RgbaImage, RenderError> {
    render_handout_with(atlas, plan, condition, paper, &SceneLayers::default())
}

/// Renders the handout with `layers` (channels, bones, nerves) drawn over its figures.
pub fn render_handout_with(
    atlas: &Atlas,
    plan: &[PointCode],
    condition: Option<&ConditionId>,
    paper: Paper,
    layers: &SceneLayers,
) -> Result<image::RgbaImage, RenderError> {
    let points: Vec<&Point> = plan
        .iter()
        .map(|c| {
            atlas
                .point(c)
                .ok_or_else(|| RenderError::UnknownPoint(c.to_string()))
        })
        .collect::<Result<_, _>>()?;
    let condition = condition.or_else(|| atlas.plan_condition(plan, None).map(|c| &c.id));
    let figures = figures_for(atlas, plan);
    if figures.is_empty() {
        return Err(RenderError::NothingToShow);
    }
    let size = paper.pixels();
    if points.len() > MAX_PLAN {
        return Err(RenderError::TooManyPoints(points.len(), MAX_PLAN));
    }
    // Longer plans are laid out smaller so the page still holds everything.
    let ppp = match points.len() {
        0..=5 => 3.0,
        6..=8 => 2.6,
        _ => 2.2,
    };
    let mut art = ArtCache::default();
    let scenes: Vec<(&Figure, Scene)> = figures
        .iter()
        .map(|f| {
            let mut scene = Scene::new(f.id.clone(), plan.to_vec());
            scene.condition = condition.cloned();
            scene.labels = LabelStyle::Numbered;
            scene.scale = 1.3;
            scene.layers = layers.clone();
            (*f, scene)
        })
        .collect();
    let arts: Vec<_> = figures.iter().map(|f| art.get(f)).collect();
    render_frame(size, ppp, Theme::Light, |ui| {
        let colors = theme::canvas_colors(Theme::Light);
        egui::CentralPanel::default()
            .frame(egui::Frame::new().fill(colors.background).inner_margin(40.0))
            .show(ui, |ui| {
                ui.label(RichText::new("Your acupuncture points").font(FontId::new(30.0, fonts::bold())));
                ui.label(RichText::new(format!(
                    "Where the needles went today ({} point{}), and why. The numbers on the figures match the list.",
                    points.len(),
                    if points.len() == 1 { "" } else { "s" }
                )).size(15.0));
                ui.add_space(8.0);
                // Figures on the left, the numbered list on the right; the lines on what to
                // expect below, in two columns, so a plan of up to a dozen points fits a page.
                let figure_height = 640.0;
                ui.columns(2, |cols| {
                    if let [left, right] = cols {
                        let height = figure_height / figures.len() as f32;
                        for ((figure, scene), figure_art) in scenes.iter().zip(&arts) {
                            left.allocate_ui(egui::vec2(left.available_width(), height), |ui| {
                                ui.vertical_centered(|ui| {
                                    ui.label(RichText::new(&figure.title).font(FontId::new(14.0, fonts::bold())));
                                    let (rect, _) = ui.allocate_exact_size(ui.available_size(), egui::Sense::hover());
                                    let proj = Projector::fit(rect, figure, PanZoom::default());
                                    let painter = ui.painter_at(rect);
                                    draw_scene(&painter, rect, atlas, scene, figure, figure_art, &proj, None);
                                });
                            });
                        }
                        for (n, point) in points.iter().enumerate() {
                            point_entry_ui(right, atlas, condition, n + 1, point);
                        }
                    }
                });
                ui.add_space(10.0);
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
                            col.label(RichText::new(&item.heading).font(FontId::new(14.0, fonts::bold())));
                            col.label(RichText::new(&item.text).size(12.5));
                            col.add_space(4.0);
                        }
                    }
                });
                ui.add_space(8.0);
                ui.label(RichText::new("This sheet is information, not medical advice. Ask your practitioner about anything that worries you.").size(12.0).weak());
            });
    })
}

fn point_entry_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    condition: Option<&ConditionId>,
    n: usize,
    point: &Point,
) {
    let place = atlas.place_name(point, condition);
    ui.label(
        RichText::new(format!("{n}. {place}  ({})", point.code))
            .font(FontId::new(15.0, fonts::bold())),
    );
    ui.label(RichText::new(&point.patient_note).size(13.5));
    if atlas.far_from_back(point, condition)
        && let Some(why) = atlas.why_here(&point.code, condition, Reader::Patient)
    {
        ui.label(
            RichText::new(format!("Why here: {}", why.reason))
                .size(13.5)
                .italics(),
        );
        if let Some(caveat) = why.caveat {
            ui.label(RichText::new(caveat).size(12.5).weak());
        }
    }
    ui.add_space(4.0);
}
