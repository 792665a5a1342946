//! The handout's figures: which views show the plan (whole-body views first, then a close-up
//! for hand and foot points), and how they share the band the page gives them, as large as
//! it allows: in one row, or with the close-ups stacked beside the whole-body views, whichever
//! draws the body larger.

use crate::model::{Atlas, ConditionId, Figure, FigurePos, PointCode};
use crate::paint::projector::Projector;
use crate::paint::{Art, draw_scene};
use crate::scene::{Framing, Scene};
use egui::{Painter, Rect, pos2, vec2};
use std::collections::BTreeSet;

/// A figure's title line above its drawing.
pub const TITLE_H: f32 = 18.0;
/// Room between two figures.
const GAP: f32 = 14.0;

/// One view on the page: its figure, what it shows, its art, and the part of it framed.
pub struct View<'a> {
    pub figure: &'a Figure,
    pub scene: Scene,
    pub art: Art,
    pub framing: Framing,
    /// A closer look at part of a whole-body view (drawn beside it, like a close-up).
    pub zoomed: bool,
}

impl View<'_> {
    /// Whether the view goes in the column of close-ups.
    fn is_close(&self) -> bool {
        self.zoomed || self.figure.is_close_up()
    }

    /// Width over height of the framed drawing.
    fn aspect(&self) -> f32 {
        self.framing.half_width / self.framing.half_height.max(1e-6)
    }
}

/// The figures that show the plan: whole-body views until every point is on one (at most
/// two), then a close-up for hand and foot points (at most two), then whatever still covers a
/// point no chosen view shows.
pub fn figures_for<'a>(
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

/// The figure's outline with a little room around it (its whole frame when it has none).
pub fn outline_framing(figure: &Figure) -> Framing {
    let (min, max) = figure.outline_bounds().unwrap_or((
        FigurePos::new(0.0, 0.0),
        FigurePos::new(figure.size.0, figure.size.1),
    ));
    let margin = 0.04 * (max.y - min.y).max(max.x - min.x);
    Framing {
        center: FigurePos::new(f32::midpoint(min.x, max.x), f32::midpoint(min.y, max.y)),
        half_width: (max.x - min.x) / 2.0 + margin,
        half_height: (max.y - min.y) / 2.0 + margin,
    }
}

/// The plan's points on the back or belly of a whole-body figure, when there are enough of
/// them to crowd its numbers: with the framing that shows just them, a little room around.
pub fn crowd(
    atlas: &Atlas,
    figure: &Figure,
    plan: &[PointCode],
    condition: Option<&ConditionId>,
) -> Option<(Vec<PointCode>, Framing)> {
    if figure.is_close_up() {
        return None;
    }
    let near: Vec<&PointCode> = plan
        .iter()
        .filter(|c| {
            atlas
                .point(c)
                .is_some_and(|p| !atlas.far_from_back(p, condition))
        })
        .collect();
    let sites: Vec<FigurePos> = near
        .iter()
        .flat_map(|c| atlas.sites_for(c, &figure.id, condition))
        .map(|s| s.at)
        .collect();
    let first = *sites.first()?;
    if near.len() < CROWD {
        return None;
    }
    let (mut min, mut max) = (first, first);
    for p in &sites {
        min = FigurePos::new(min.x.min(p.x), min.y.min(p.y));
        max = FigurePos::new(max.x.max(p.x), max.y.max(p.y));
    }
    // Square-ish, with room for the numbers around the dots.
    let room = 0.35 * (max.x - min.x).max(max.y - min.y).max(0.05 * figure.size.1);
    let half = ((max.x - min.x).max(max.y - min.y) / 2.0 + room).max(1e-3);
    let framing = Framing {
        center: FigurePos::new(f32::midpoint(min.x, max.x), f32::midpoint(min.y, max.y)),
        half_width: half,
        half_height: half,
    };
    let codes = near.into_iter().cloned().collect();
    Some((codes, framing))
}

/// How many points on the back of one figure earn it a closer look.
const CROWD: usize = 4;

/// Where each view goes in a band `height` tall (title included), relative to the band's top
/// left, and the width the arrangement takes; `stacked` puts the close-ups in a column.
fn arrange(views: &[View<'_>], height: f32, stacked: bool) -> (Vec<Rect>, f32) {
    let close = |v: &View<'_>| stacked && v.is_close();
    let n_close = views.iter().filter(|v| close(v)).count();
    let mut rects = vec![Rect::NOTHING; views.len()];
    let mut x = 0.0;
    for (k, v) in views.iter().enumerate().filter(|(_, v)| !close(v)) {
        let w = v.aspect() * (height - TITLE_H).max(1.0);
        if let Some(r) = rects.get_mut(k) {
            *r = Rect::from_min_size(pos2(x, 0.0), vec2(w, height));
        }
        x += w + GAP;
    }
    if n_close == 0 {
        return (rects, (x - GAP).max(0.0));
    }
    #[allow(clippy::cast_precision_loss, reason = "a handful of views")]
    // Close-ups stay smaller than the whole body beside them.
    let slot = ((height - GAP * (n_close - 1) as f32) / n_close as f32).min(0.6 * height);
    let mut y = 0.0;
    let mut column = 0.0_f32;
    for (k, v) in views.iter().enumerate().filter(|(_, v)| close(v)) {
        let w = v.aspect() * (slot - TITLE_H).max(1.0);
        column = column.max(w);
        if let Some(r) = rects.get_mut(k) {
            *r = Rect::from_min_size(pos2(x, y), vec2(w, slot));
        }
        y += slot + GAP;
    }
    (rects, x + column)
}

/// The tallest band, up to `height`, whose arrangement fits `width`; with the drawing height
/// of its whole-body views (its close-ups' when it has none).
fn fitting(views: &[View<'_>], width: f32, height: f32, stacked: bool) -> (f32, f32) {
    let (mut lo, mut hi) = (TITLE_H + 1.0, height.max(TITLE_H + 1.0));
    if arrange(views, hi, stacked).1 > width {
        for _ in 0..30 {
            let mid = f32::midpoint(lo, hi);
            if arrange(views, mid, stacked).1 > width {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi = lo;
    }
    let (rects, _) = arrange(views, hi, stacked);
    let body = views
        .iter()
        .zip(&rects)
        .filter(|(v, _)| !(stacked && v.is_close()))
        .map(|(_, r)| r.height())
        .fold(0.0, f32::max);
    (hi, if body > 0.0 { body } else { hi / 2.0 })
}

/// The band height past which the figures grow no larger on a page `width` wide.
pub fn max_height(views: &[View<'_>], width: f32) -> f32 {
    [false, true]
        .into_iter()
        .map(|stacked| fitting(views, width, 4000.0, stacked).0)
        .fold(0.0, f32::max)
}

/// Draws the views in the band `band`, arranged to draw the bodies largest, centred.
pub fn draw(painter: &Painter, atlas: &Atlas, views: &[View<'_>], band: Rect) {
    let choose = |stacked| fitting(views, band.width(), band.height(), stacked);
    let (a, b) = (choose(false), choose(true));
    let stacked = b.1 > a.1 + 0.5;
    let height = if stacked { b.0 } else { a.0 };
    let (rects, used) = arrange(views, height, stacked);
    let offset = vec2(
        band.left() + ((band.width() - used) / 2.0).max(0.0),
        band.top() + ((band.height() - height) / 2.0).max(0.0),
    );
    for (view, rect) in views.iter().zip(rects) {
        let rect = rect.translate(offset);
        let text = if view.zoomed {
            format!("{}, closer", view.figure.title)
        } else {
            view.figure.title.to_string()
        };
        // A title wider than its figure steps down (to 9 pt) rather than run into the next.
        let lay = |size: f32| {
            painter.layout_no_wrap(
                text.clone(),
                egui::FontId::new(size, crate::paint::fonts::bold()),
                super::blocks::INK,
            )
        };
        let mut title = lay(12.0);
        if title.size().x > rect.width() {
            title = lay((12.0 * rect.width() / title.size().x).clamp(9.0, 12.0));
        }
        let at = pos2(rect.center().x - title.size().x / 2.0, rect.top());
        painter.galley(at, title, super::blocks::INK);
        let drawing = Rect::from_min_max(pos2(rect.left(), rect.top() + TITLE_H), rect.max);
        if crate::paint::marks::recording(painter.ctx()) {
            let words = crate::render::alt::figure_words(atlas, view.figure, &view.scene, &text);
            crate::paint::marks::mark(
                painter.ctx(),
                rect,
                crate::paint::marks::Role::Figure(words),
            );
        }
        let proj = Projector::framed(drawing, view.figure, view.framing);
        draw_scene(
            &painter.with_clip_rect(drawing),
            drawing,
            atlas,
            &view.scene,
            view.figure,
            &view.art,
            &proj,
            None,
        );
    }
}
