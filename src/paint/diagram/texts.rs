//! The words on a diagram: the names of the structures a step lights, and its tags (the
//! chemical released somewhere, what a measurement found). Each goes on its preferred side of
//! its structure, or the first other side where it overlaps no word already placed, and stays
//! inside the drawing.

use super::context::Ctx;
use super::structures::half_extent;
use crate::model::{DiagramStep, LabelSide, PartId, SchematicPart};
use egui::{Align2, FontId, Pos2, Rect, Stroke, Vec2};

/// Draws the names of the lit structures, then the tags, inside `area`.
pub(super) fn draw(cx: &Ctx<'_>, step: &DiagramStep, area: Rect) {
    let taken = kept_clear(cx, step);
    let bounds = area.shrink(4.0);
    // The drawing's own area names (drawn before this) are words too.
    let mut words = area_words(cx);
    let label_sides = draw_names(cx, step, &taken, &mut words, bounds);
    draw_tags(cx, step, &taken, &mut words, bounds, &label_sides);
}

/// What the words keep clear of where they can: the lit blobs and needles, and this step's
/// arrows.
fn kept_clear(cx: &Ctx<'_>, step: &DiagramStep) -> Vec<Rect> {
    // Words keep clear of the lit blobs (a name over a nucleus hides it) where they can; they
    // never cover another word (`words`), which matters more than an arrow or a blob.
    let mut taken: Vec<Rect> = step
        .show
        .iter()
        .filter_map(|id| cx.schematic.structure(id))
        .filter(|s| matches!(s.geometry, crate::model::Geometry::Blob { .. }))
        .filter_map(|s| {
            let at = cx.fit.screen(cx.schematic.anchor(s)?);
            Some(Rect::from_center_size(at, half_extent(cx, s) * 2.0))
        })
        .collect();
    // And of the lit needles, handle to tip (a word on a needle reads as that needle's).
    for s in step.show.iter().filter_map(|id| cx.schematic.structure(id)) {
        if let crate::model::Geometry::Needle { .. } = s.geometry
            && let Some([a, b]) = cx.schematic.positions(s).as_deref()
        {
            let (a, b) = (cx.fit.screen(*a), cx.fit.screen(*b));
            taken.push(Rect::from_two_pos(a, b).expand(cx.fit.len(0.6, 3.0)));
        }
    }
    // And of this step's arrows: small boxes along each.
    let dot = cx.fit.len(0.6, 3.0);
    for arrow in &step.arrows {
        for p in super::arrows::route(cx, arrow).unwrap_or_default() {
            taken.push(Rect::from_center_size(p, Vec2::splat(dot * 2.0)));
        }
    }
    taken
}

/// The names of the lit structures, each on its preferred side or the first free other;
/// returns the side each name took.
fn draw_names(
    cx: &Ctx<'_>,
    step: &DiagramStep,
    taken: &[Rect],
    words: &mut Vec<Rect>,
    bounds: Rect,
) -> Vec<(PartId, LabelSide)> {
    let name_size = (cx.fit.k * 2.9).clamp(11.0, 30.0) * cx.text;
    let mut label_sides = Vec::new();
    for id in &step.show {
        let Some(structure) = cx.schematic.structure(id) else {
            continue;
        };
        let font = FontId::new(name_size, crate::paint::fonts::bold());
        let galley = cx
            .painter
            .layout_no_wrap(structure.name.to_string(), font, cx.colors.text);
        let Some(side) = place(
            cx,
            structure,
            galley.size(),
            structure.label,
            (taken, words),
            bounds,
        ) else {
            continue;
        };
        let (rect, _) = side;
        cx.painter.rect(
            rect.expand(2.0),
            4.0,
            cx.colors.label_fill,
            Stroke::NONE,
            egui::StrokeKind::Outside,
        );
        cx.painter.galley(rect.min, galley, cx.colors.text);
        words.push(rect.expand(3.0));
        label_sides.push((structure.id.clone(), side.1));
    }
    label_sides
}

/// The step's tags, each starting opposite its structure's name.
fn draw_tags(
    cx: &Ctx<'_>,
    step: &DiagramStep,
    taken: &[Rect],
    words: &mut Vec<Rect>,
    bounds: Rect,
    label_sides: &[(PartId, LabelSide)],
) {
    let tag_size = (cx.fit.k * 2.6).clamp(10.5, 28.0) * cx.text;
    for tag in &step.tags {
        let Some(structure) = cx.schematic.structure(&tag.at) else {
            continue;
        };
        let galley = cx.painter.layout(
            tag.text.to_string(),
            FontId::proportional(tag_size),
            cx.colors.tag_text,
            (cx.fit.k * 34.0).max(140.0),
        );
        // A tag starts opposite its structure's name.
        let named = label_sides
            .iter()
            .find(|(id, _)| id == &structure.id)
            .map(|(_, s)| *s);
        let prefer = named.map_or(LabelSide::Below, opposite);
        let pad = Vec2::new(6.0, 3.0);
        let Some((rect, _)) = place(
            cx,
            structure,
            galley.size() + pad * 2.0,
            prefer,
            (taken, words),
            bounds,
        ) else {
            continue;
        };
        cx.painter.rect(
            rect,
            6.0,
            cx.colors.tag_fill,
            Stroke::new(1.0, cx.colors.arrow(crate::model::ArrowKind::Release)),
            egui::StrokeKind::Inside,
        );
        cx.painter
            .galley(rect.min + pad, galley, cx.colors.tag_text);
        words.push(rect.expand(3.0));
    }
}

/// Where the drawing's area names are, as drawn by `draw_areas` (none when too small to draw).
fn area_words(cx: &Ctx<'_>) -> Vec<Rect> {
    let area_size = (cx.fit.k * 2.1).min(22.0) * cx.text;
    cx.schematic
        .areas
        .iter()
        .filter(|_| area_size >= 10.0)
        .filter_map(|a| {
            let at = cx.fit.screen(a.at.place(cx.schematic)?);
            let galley = cx.painter.layout_no_wrap(
                a.text.to_string(),
                FontId::proportional(area_size),
                cx.colors.muted_text,
            );
            Some(Rect::from_center_size(at, galley.size()).expand(2.0))
        })
        .collect()
}

fn opposite(side: LabelSide) -> LabelSide {
    match side {
        LabelSide::Above => LabelSide::Below,
        LabelSide::Below => LabelSide::Above,
        LabelSide::Left => LabelSide::Right,
        LabelSide::Right => LabelSide::Left,
    }
}

/// Where a box of `size` goes beside a structure: the preferred side first, then the others,
/// each a little further out, then slid along the side if needed. A place clear of both words
/// and `soft` obstacles (lit blobs, arrows) wins; else one clear of words; else the preferred
/// side.
fn place(
    cx: &Ctx<'_>,
    structure: &SchematicPart,
    size: Vec2,
    prefer: LabelSide,
    (soft, words): (&[Rect], &[Rect]),
    bounds: Rect,
) -> Option<(Rect, LabelSide)> {
    let anchor = cx.fit.screen(cx.schematic.anchor(structure)?);
    let half = half_extent(cx, structure);
    let gap = cx.fit.len(0.8, 4.0);
    let sides = [
        prefer,
        opposite(prefer),
        LabelSide::Right,
        LabelSide::Left,
        LabelSide::Above,
        LabelSide::Below,
    ];
    let mut candidates = Vec::new();
    // Straight out from the structure first (nearer, then further); slid along a side only
    // when no straight place is clear, since a slid word sits less plainly beside its own.
    for slide in [0.0, 0.5, -0.5, 1.0, -1.0] {
        for push in [0.0, 1.0, 2.0, 4.0, 7.0] {
            for side in sides {
                let rect = beside(anchor, half, size, side, gap * (1.0 + push));
                // Sliding runs along the side: across for above and below, down for left and right.
                let along = match side {
                    LabelSide::Above | LabelSide::Below => Vec2::new(size.x * slide, 0.0),
                    LabelSide::Left | LabelSide::Right => Vec2::new(0.0, (size.y + gap) * slide),
                };
                candidates.push((keep_inside(rect.translate(along), bounds), side));
            }
        }
    }
    let clear = |r: &Rect, of: &[Rect]| !of.iter().any(|t| t.intersects(*r));
    candidates
        .iter()
        .find(|(r, _)| clear(r, words) && clear(r, soft))
        .or_else(|| candidates.iter().find(|(r, _)| clear(r, words)))
        .or_else(|| candidates.first())
        .copied()
}

/// A box of `box_size` on one side of a structure centred at `anchor` with half-size `half`.
fn beside(anchor: Pos2, half: Vec2, box_size: Vec2, side: LabelSide, gap: f32) -> Rect {
    let (align, at) = match side {
        LabelSide::Above => (Align2::CENTER_BOTTOM, anchor - Vec2::new(0.0, half.y + gap)),
        LabelSide::Below => (Align2::CENTER_TOP, anchor + Vec2::new(0.0, half.y + gap)),
        LabelSide::Left => (Align2::RIGHT_CENTER, anchor - Vec2::new(half.x + gap, 0.0)),
        LabelSide::Right => (Align2::LEFT_CENTER, anchor + Vec2::new(half.x + gap, 0.0)),
    };
    align.anchor_size(at, box_size)
}

/// Moves a box into `bounds` (as far as it fits).
fn keep_inside(rect: Rect, bounds: Rect) -> Rect {
    let dx = if rect.left() < bounds.left() {
        bounds.left() - rect.left()
    } else if rect.right() > bounds.right() {
        (bounds.right() - rect.right()).max(bounds.left() - rect.left())
    } else {
        0.0
    };
    let dy = if rect.top() < bounds.top() {
        bounds.top() - rect.top()
    } else if rect.bottom() > bounds.bottom() {
        (bounds.bottom() - rect.bottom()).max(bounds.top() - rect.top())
    } else {
        0.0
    };
    rect.translate(Vec2::new(dx, dy))
}
