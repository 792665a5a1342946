//! The handout's figures: which views show the plan (whole-body views first, then a close-up
//! for hand and foot points), and how they share the band the page gives them, as large as
//! it allows: in one row, or with the close-ups stacked beside the whole-body views (a closer
//! view of crowded points among them or beside the bodies), whichever
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
    /// Points a close-up beside numbers, which this view leaves unnumbered when drawn small
    /// (their dots stay): the specks of a hand or an ankle on a small body crowd its numbers.
    pub spare: Vec<PointCode>,
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

/// The height of a whole-body drawing, in points, below which it leaves the numbers of hand
/// and foot points to their close-ups.
const SMALL_BODY_H: f32 = 240.0;

/// How the views share the band.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mode {
    /// All in one row.
    Row,
    /// The close-ups, closer views first, in a column beside the whole-body views.
    Stacked,
    /// The closer views beside the whole-body views, the other close-ups in a column.
    CloserInRow,
}

impl Mode {
    const ALL: [Mode; 3] = [Mode::Row, Mode::Stacked, Mode::CloserInRow];

    fn in_column(self, v: &View<'_>) -> bool {
        match self {
            Mode::Row => false,
            Mode::Stacked => v.is_close(),
            Mode::CloserInRow => v.is_close() && !v.zoomed,
        }
    }
}

/// Where each view goes in a band `height` tall (title included), relative to the band's top
/// left, and the width the arrangement takes, in `mode`.
fn arrange(views: &[View<'_>], height: f32, mode: Mode) -> (Vec<Rect>, f32) {
    let close = |v: &View<'_>| mode.in_column(v);
    let mut rects = vec![Rect::NOTHING; views.len()];
    let mut x = 0.0;
    for (k, v) in views.iter().enumerate().filter(|(_, v)| !close(v)) {
        let w = v.aspect() * (height - TITLE_H).max(1.0);
        if let Some(r) = rects.get_mut(k) {
            *r = Rect::from_min_size(pos2(x, 0.0), vec2(w, height));
        }
        x += w + GAP;
    }
    let column: Vec<usize> = (0..views.len())
        .filter(|&k| views.get(k).is_some_and(close))
        .collect();
    if column.is_empty() {
        return (rects, (x - GAP).max(0.0));
    }
    let zoomed = column
        .iter()
        .any(|&k| views.get(k).is_some_and(|v| v.zoomed));
    let width = if zoomed {
        closer_column(views, &column, height, x, &mut rects)
    } else {
        close_up_column(views, &column, height, x, &mut rects)
    };
    (rects, x + width)
}

/// Close-ups one above another at `x`, each smaller than the whole body beside them; the
/// column's width.
fn close_up_column(
    views: &[View<'_>],
    column: &[usize],
    height: f32,
    x: f32,
    rects: &mut [Rect],
) -> f32 {
    #[allow(clippy::cast_precision_loss, reason = "a handful of views")]
    let count = column.len() as f32;
    let slot = ((height - GAP * (count - 1.0)) / count).min(0.6 * height);
    let (mut y, mut width) = (0.0, 0.0_f32);
    for &k in column {
        let Some(v) = views.get(k) else { continue };
        let w = v.aspect() * (slot - TITLE_H).max(1.0);
        width = width.max(w);
        if let Some(r) = rects.get_mut(k) {
            *r = Rect::from_min_size(pos2(x, y), vec2(w, slot));
        }
        y += slot + GAP;
    }
    // Each as wide as the column, so a narrow close-up's title (the hand's above the foot's)
    // may take the column's width rather than shrink; its drawing stays centred.
    for &k in column {
        if let Some(r) = rects.get_mut(k) {
            *r = Rect::from_min_size(r.min, vec2(width, r.height()));
        }
    }
    width
}

/// The closer views of crowded points at the column's full width, one above another, and the
/// other close-ups in a row below them sharing that width: a closer view needs room for its
/// column of numbers more than a hand does. The column's width.
fn closer_column(
    views: &[View<'_>],
    column: &[usize],
    height: f32,
    x: f32,
    rects: &mut [Rect],
) -> f32 {
    let (top, row): (Vec<usize>, Vec<usize>) = column
        .iter()
        .partition(|k| views.get(**k).is_some_and(|v| v.zoomed));
    let aspect = |k: &usize| views.get(*k).map_or(1.0, View::aspect);
    // Height per width of the closer views, and width per height of the row.
    let tall: f32 = top.iter().map(|k| 1.0 / aspect(k)).sum();
    let wide: f32 = row.iter().map(aspect).sum();
    #[allow(clippy::cast_precision_loss, reason = "a handful of views")]
    let (n_top, n_row) = (top.len() as f32, row.len() as f32);
    let fixed = n_top * TITLE_H + GAP * (n_top - 1.0);
    let row_gaps = GAP * (n_row - 1.0).max(0.0);
    let mut width = if row.is_empty() {
        (height - fixed) / tall
    } else {
        (height - fixed - GAP - TITLE_H + row_gaps / wide) / (tall + 1.0 / wide)
    };
    // A closer view stays smaller than the whole body beside it.
    let cap = top
        .iter()
        .map(|k| aspect(k) * 0.6 * height)
        .fold(f32::MAX, f32::min);
    // Wide enough for the row's titles side by side; else all one above another.
    let titles = n_row * ROW_TITLE_W + row_gaps;
    let side_by_side = titles <= width.max(titles.min(cap));
    if side_by_side {
        width = width.max(titles);
    } else {
        let all_tall = tall + row.iter().map(|k| 1.0 / aspect(k)).sum::<f32>();
        let n = n_top + n_row;
        width = (height - n * TITLE_H - GAP * (n - 1.0)) / all_tall;
    }
    width = width.min(cap).max(1.0);
    let mut y = 0.0;
    let stacked: &[usize] = if side_by_side { &[] } else { &row };
    for k in top.iter().chain(stacked) {
        let h = width / aspect(k) + TITLE_H;
        if let Some(r) = rects.get_mut(*k) {
            *r = Rect::from_min_size(pos2(x, y), vec2(width, h));
        }
        y += h + GAP;
    }
    if side_by_side {
        let aspects: Vec<(usize, f32)> = row.iter().map(|k| (*k, aspect(k))).collect();
        row_under(
            &aspects,
            (height - y).max(TITLE_H + 1.0),
            pos2(x, y),
            width,
            rects,
        );
    }
    width
}

/// Close-ups (index, aspect) side by side at `at`, under closer views `width` wide: as tall
/// as `left` allows, lower where the row would be wider.
fn row_under(aspects: &[(usize, f32)], left: f32, at: egui::Pos2, width: f32, rects: &mut [Rect]) {
    // Each at least as wide as its title wants, so two titles side by side stay apart.
    let slot_w = |a: f32, h: f32| (a * (h - TITLE_H)).max(ROW_TITLE_W);
    #[allow(clippy::cast_precision_loss, reason = "a handful of views")]
    let gaps = GAP * (aspects.len() as f32 - 1.0).max(0.0);
    let used = |h: f32| aspects.iter().map(|(_, a)| slot_w(*a, h)).sum::<f32>() + gaps;
    let (mut lo, mut row_h) = (TITLE_H + 1.0, left);
    if used(row_h) > width {
        for _ in 0..20 {
            let mid = f32::midpoint(lo, row_h);
            if used(mid) > width {
                row_h = mid;
            } else {
                lo = mid;
            }
        }
        row_h = lo;
    }
    let mut rx = at.x + ((width - used(row_h)) / 2.0).max(0.0);
    for (k, a) in aspects {
        let w = slot_w(*a, row_h);
        if let Some(r) = rects.get_mut(*k) {
            *r = Rect::from_min_size(pos2(rx, at.y), vec2(w, row_h));
        }
        rx += w + GAP;
    }
}

/// The least width of a close-up beside another under a closer view: its title's at 9 pt.
const ROW_TITLE_W: f32 = 96.0;

/// The tallest band, up to `height`, whose arrangement fits `width`, and how it fits.
fn fitting(views: &[View<'_>], width: f32, height: f32, mode: Mode) -> Fit {
    let (mut lo, mut hi) = (TITLE_H + 1.0, height.max(TITLE_H + 1.0));
    if arrange(views, hi, mode).1 > width {
        for _ in 0..30 {
            let mid = f32::midpoint(lo, hi);
            if arrange(views, mid, mode).1 > width {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        hi = lo;
    }
    let (rects, _) = arrange(views, hi, mode);
    let body = views
        .iter()
        .zip(&rects)
        .filter(|(v, _)| !v.is_close())
        .map(|(_, r)| r.height())
        .fold(0.0, f32::max);
    let closer = views
        .iter()
        .zip(&rects)
        .filter(|(v, _)| v.zoomed)
        .map(|(_, r)| r.width())
        .fold(f32::MAX, f32::min);
    Fit {
        height: hi,
        body: if body > 0.0 { body } else { hi / 2.0 },
        closer,
    }
}

/// How an arrangement fits a band: the band's height it takes, the height of its whole-body
/// views (its close-ups' when it has none) and the width of its narrowest closer view.
#[derive(Clone, Copy, Debug)]
struct Fit {
    height: f32,
    body: f32,
    closer: f32,
}

impl Fit {
    /// Whether this arrangement is the better: the one whose smaller part is larger, the
    /// body's height or its closer views' width weighed against it (a closer view 200 points
    /// wide, which parts the lower back's sites half a cun apart and leaves room for a
    /// column of numbers at each side, beside a body [`BODY_PER_CLOSER`] times that tall).
    fn beats(self, other: Fit) -> bool {
        let worth = |f: Fit| f.body.min(BODY_PER_CLOSER * f.closer);
        worth(self) > worth(other) + 0.5
    }
}

/// How much taller the body may be than its closer view is wide before the closer view's
/// width counts for more.
const BODY_PER_CLOSER: f32 = 1.6;

/// The band height past which the figures grow no larger on a page `width` wide.
pub fn max_height(views: &[View<'_>], width: f32) -> f32 {
    Mode::ALL
        .into_iter()
        .map(|mode| fitting(views, width, 4000.0, mode).height)
        .fold(0.0, f32::max)
}

/// Draws the views in the band `band`, arranged to draw the bodies largest, centred.
pub fn draw(painter: &Painter, atlas: &Atlas, views: &[View<'_>], band: Rect) {
    let mut best = (
        Mode::Row,
        fitting(views, band.width(), band.height(), Mode::Row),
    );
    for mode in Mode::ALL {
        let fit = fitting(views, band.width(), band.height(), mode);
        if fit.beats(best.1) {
            best = (mode, fit);
        }
    }
    let (mode, Fit { height, .. }) = best;
    let (rects, used) = arrange(views, height, mode);
    let offset = vec2(
        band.left() + ((band.width() - used) / 2.0).max(0.0),
        band.top() + ((band.height() - height) / 2.0).max(0.0),
    );
    let rects: Vec<Rect> = rects.into_iter().map(|r| r.translate(offset)).collect();
    // What the close-ups number, laid out unseen first: a small body leaves those numbers to
    // them, and only those.
    let mut unseen = painter.clone();
    unseen.set_invisible();
    let mut on_close_ups = BTreeSet::new();
    for (view, rect) in views.iter().zip(&rects) {
        if view.figure.is_close_up() {
            let drawn = draw_view(&unseen, atlas, view, *rect, &BTreeSet::new());
            on_close_ups.extend(drawn.labels.into_iter().map(|(_, code)| code));
        }
    }
    for (view, rect) in views.iter().zip(rects) {
        let text = title(painter, view, rect);
        let drawing = Rect::from_min_max(pos2(rect.left(), rect.top() + TITLE_H), rect.max);
        if crate::paint::marks::recording(painter.ctx()) {
            let words = crate::render::alt::figure_words(atlas, view.figure, &view.scene, &text);
            crate::paint::marks::mark(
                painter.ctx(),
                rect,
                crate::paint::marks::Role::Figure(words),
            );
        }
        let leave: BTreeSet<PointCode> = if drawing.height() < SMALL_BODY_H {
            view.spare
                .iter()
                .filter(|c| on_close_ups.contains(*c))
                .cloned()
                .collect()
        } else {
            BTreeSet::new()
        };
        draw_view(painter, atlas, view, rect, &leave);
    }
}

/// The view's title above its drawing: 12 pt, stepping down (to 9 pt) when wider than the
/// figure rather than run into the next. Gives the title's words.
fn title(painter: &Painter, view: &View<'_>, rect: Rect) -> String {
    let text = if view.zoomed {
        format!("{}, closer", view.figure.title)
    } else {
        view.figure.title.to_string()
    };
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
    text
}

/// Draws the view's figure under its title in `rect`, clipped to it, with the numbers of the
/// points in `leave` left off.
fn draw_view<'a>(
    painter: &Painter,
    atlas: &'a Atlas,
    view: &View<'_>,
    rect: Rect,
    leave: &BTreeSet<PointCode>,
) -> crate::paint::Drawn<'a> {
    let drawing = Rect::from_min_max(pos2(rect.left(), rect.top() + TITLE_H), rect.max);
    let proj = Projector::framed(drawing, view.figure, view.framing);
    let mut scene = std::borrow::Cow::Borrowed(&view.scene);
    if !leave.is_empty() {
        let only = scene
            .label_only
            .clone()
            .unwrap_or_else(|| scene.points.iter().cloned().collect());
        scene.to_mut().label_only = Some(only.into_iter().filter(|c| !leave.contains(c)).collect());
    }
    draw_scene(
        &painter.with_clip_rect(drawing),
        drawing,
        atlas,
        &scene,
        view.figure,
        &view.art,
        &proj,
        None,
    )
}
