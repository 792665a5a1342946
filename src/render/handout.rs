//! A patient handout: the date and the practitioner, today's points numbered on every view
//! that holds one (the back, the front, a hand or foot close-up), each point headed by where
//! it is, in plain words with why it is used and the caveat on the evidence, then the warning
//! signs, what to expect, and lines for notes. Set for print at 300 dpi with one point of the
//! page to one typographic point, body text 12 pt in near-black, ragged-right; the parts
//! flow onto a second page (the back of the sheet) when one will not hold them at that size.

mod blocks;
mod content;
mod crowd;
mod date;
mod figures;
mod page;
mod photo;

pub use date::{date_in_words, today};
#[cfg(test)]
use page::{Heights, paginate};
pub use photo::{HandoutPhoto, PHOTO_TITLE};

use super::paper::Paper;
use super::{RenderError, Renderer};
use crate::model::{Atlas, ConditionId, Point, PointCode};
use crate::paint::ArtCache;
use crate::scene::{LabelStyle, Scene, SceneLayers, Theme};
use std::cell::Cell;

/// The most points one handout holds.
pub const MAX_PLAN: usize = 15;

/// Pixels per point: 300 dots per inch, 72 points per inch, so a point of the page is a
/// typographic point.
pub const PIXELS_PER_POINT: f32 = 300.0 / 72.0;

/// The most pages a handout takes (a guard: the most points take two).
const MAX_PAGES: usize = 4;

/// Label size on the figures, in points.
const FIGURE_LABEL_PT: f32 = 12.0;

/// What the page says besides the points.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HandoutDetails {
    /// The condition the plan is for (its reasons are used); `None`: the one that uses most of
    /// the plan's points.
    pub condition: Option<ConditionId>,
    /// The date printed, given as `2026-11-30` and printed in words.
    pub date: String,
    /// The practitioner's name; left out when empty.
    pub practitioner: String,
    /// Channels, bones or nerves drawn over the figures (none unless asked for).
    pub layers: SceneLayers,
}

/// Renders the handout for `plan` (codes in the order they are numbered), one picture per
/// page.
pub fn render_handout(
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
) -> Result<Vec<image::RgbaImage>, RenderError> {
    render_handout_with(&mut Renderer::new(), atlas, plan, details, paper)
}

/// [`render_handout`] with a renderer kept between pictures.
pub fn render_handout_with(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
) -> Result<Vec<image::RgbaImage>, RenderError> {
    render_handout_with_photo(renderer, atlas, plan, details, paper, None)
}

/// [`render_handout_with`] with the patient's photo, the plan numbered on it, beside the
/// figures.
pub fn render_handout_with_photo(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
    photo: Option<&HandoutPhoto>,
) -> Result<Vec<image::RgbaImage>, RenderError> {
    handout_pages(renderer, atlas, plan, details, paper, photo)?
        .into_iter()
        .map(|page| renderer.rasterise(page))
        .collect()
}

/// The handout's pages drawn (the shapes both the PNG and the PDF are made from), at 300 dpi
/// with one point of the drawing a typographic point; the patient's photo beside the figures
/// when there is one.
pub fn handout_pages(
    renderer: &mut Renderer,
    atlas: &Atlas,
    plan: &[PointCode],
    details: &HandoutDetails,
    paper: Paper,
    photo: Option<&HandoutPhoto>,
) -> Result<Vec<super::Page>, RenderError> {
    let mut sheet = sheet(atlas, plan, details, paper)?;
    sheet.photo = photo;
    let count = Cell::new(1);
    let mut pages = Vec::new();
    while pages.len() < count.get().min(MAX_PAGES) {
        let index = pages.len();
        pages.push(
            renderer.page(paper.pixels(), PIXELS_PER_POINT, Theme::Light, |ui| {
                count.set(page::page_ui(ui, &sheet, index));
            })?,
        );
    }
    Ok(pages)
}

/// Checks the plan and gathers what the pages are made from: the points, the condition, and
/// the views that show them, numbered.
fn sheet<'a>(
    atlas: &'a Atlas,
    plan: &[PointCode],
    details: &'a HandoutDetails,
    paper: Paper,
) -> Result<page::Sheet<'a>, RenderError> {
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
        .and_then(|c| atlas.condition(c).map(|c| &c.id))
        .or_else(|| atlas.plan_condition(plan, None).map(|c| &c.id));
    let chosen = figures::figures_for(atlas, plan, condition);
    if chosen.is_empty() {
        return Err(RenderError::NothingToShow);
    }
    let close_shown = on_close_ups(atlas, plan, &chosen, condition);
    let mut art = ArtCache::default();
    let mut views = Vec::new();
    for figure in chosen {
        let mut scene = Scene::new(figure.id.clone(), plan.to_vec());
        scene.condition = condition.cloned();
        scene.labels = LabelStyle::Numbered;
        scene.scale = FIGURE_LABEL_PT / crate::paint::point_labels::LABEL_SIZE;
        scene.layers = details.layers.clone();
        let crowd = crowd::crowd(atlas, figure, plan, condition);
        let mut zoom = None;
        if let Some((codes, framing)) = crowd {
            // The crowded points are numbered on a closer look beside the whole figure, which
            // numbers only the rest.
            let mut closer = scene.clone();
            closer.label_only = Some(codes.iter().cloned().collect());
            let others = plan
                .iter()
                .filter(|c| !codes.contains(c))
                .cloned()
                .collect();
            scene.label_only = Some(others);
            zoom = Some(figures::View {
                figure,
                art: art.get(figure),
                framing,
                scene: closer,
                zoomed: true,
                spare: Vec::new(),
            });
        }
        views.push(figures::View {
            figure,
            art: art.get(figure),
            framing: figures::outline_framing(figure),
            scene,
            zoomed: false,
            spare: if figure.is_close_up() {
                Vec::new()
            } else {
                close_shown.iter().map(|c| (*c).clone()).collect()
            },
        });
        views.extend(zoom);
    }
    Ok(page::Sheet {
        atlas,
        views,
        points,
        condition,
        details,
        paper,
        photo: None,
    })
}

/// The plan's points that a chosen close-up shows (and numbers).
fn on_close_ups<'p>(
    atlas: &Atlas,
    plan: &'p [PointCode],
    chosen: &[&crate::model::Figure],
    condition: Option<&ConditionId>,
) -> Vec<&'p PointCode> {
    plan.iter()
        .filter(|c| {
            chosen
                .iter()
                .any(|f| f.is_close_up() && !atlas.sites_for(c, &f.id, condition).is_empty())
        })
        .collect()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests;
