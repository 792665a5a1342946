//! Landmarks + proportional cun -> positions on each figure. No egui.
//!
//! A point is placed by a rule over a figure's landmarks, never by coordinates. An `Offset`
//! rule measures cun on a named span: one cun is the span's length divided by its cun count.
//! The offset axes follow the span: on a mostly vertical span (a leg) `along` runs down the
//! span and `across` at right angles to it; on a mostly horizontal span (the back scale)
//! `across` runs along the span and `along` at right angles, toward the feet. `across` always
//! points away from the midline; from a landmark on the midline it points to the viewer's left
//! (the mirrored site covers the other side). On figures without a midline it points to the
//! viewer's right.

mod index;
mod outline;
mod photo;
mod photo_expect;
mod photo_needs;
mod point_span;
mod unplaced_words;

pub use index::{FigureIndex, Lookup};
pub use outline::{OutlineIndex, PolygonIndex};
pub use photo::{PhotoFigure, PhotoSite};
pub use photo_expect::ExpectedMarks;
pub use photo_needs::{
    PhotoPlacement, PlacedOnPhoto, Unplaced, marks_by_use, place_marked_photo, place_on_photo,
    rule_landmarks, site_marks,
};
pub use point_span::{MeasuringSpan, measuring_span, region_spans};
pub use unplaced_words::{unplaced_line, unplaced_needs};
pub mod curve;
pub mod runs;
pub mod step_marks;

use crate::model::{
    Facing, Figure, FigurePos, Laterality, PlacedSite, PlacementRule, Point, Side, Span,
};

/// How close to the midline counts as on it, as a fraction of the figure's larger side: a
/// figure drawn a thousand times smaller or a million times larger places alike.
const MIDLINE_TOLERANCE: f32 = 1e-4;

/// The fewest cun a span may measure: a span shorter than this is refused by the loader (a
/// cun of `1e-45` would make every offset on it infinite).
pub const MIN_SPAN_CUN: f32 = 0.01;

/// How close to the midline (in figure units) counts as on it, on this figure.
pub fn midline_tolerance(figure: &Figure) -> f32 {
    let (w, h) = figure.size;
    let extent = w.abs().max(h.abs());
    if extent.is_finite() && extent > 0.0 {
        MIDLINE_TOLERANCE * extent
    } else {
        MIDLINE_TOLERANCE
    }
}

/// Figure units per cun on a span, if its landmarks exist, it has a length and the unit is a
/// finite number. `figure` is a [`Figure`] or a [`FigureIndex`].
pub fn cun_length<L: Lookup + ?Sized>(figure: &L, span: &Span) -> Option<f32> {
    let from = figure.landmark_at(&span.from)?;
    let to = figure.landmark_at(&span.to)?;
    let length = from.distance(to);
    let unit = length / span.cun;
    (length > 0.0 && span.cun > 0.0 && unit.is_finite() && unit > 0.0).then_some(unit)
}

/// Unit vectors `(across, along)` for offsets measured from `from` on `span`.
fn offset_axes(
    figure: &Figure,
    span_from: FigurePos,
    span_to: FigurePos,
    from: FigurePos,
) -> ((f32, f32), (f32, f32)) {
    let away = match figure.midline_x {
        Some(m) if (from.x - m).abs() > midline_tolerance(figure) => (from.x - m).signum(),
        Some(_) => -1.0,
        None => 1.0,
    };
    let (dx, dy) = (span_to.x - span_from.x, span_to.y - span_from.y);
    let len = dx.hypot(dy);
    let (ux, uy) = (dx / len, dy / len);
    if uy.abs() >= ux.abs() {
        let along = if uy >= 0.0 { (ux, uy) } else { (-ux, -uy) };
        let perp = (along.1, -along.0);
        let across = if perp.0 * away >= 0.0 {
            perp
        } else {
            (-perp.0, -perp.1)
        };
        (across, along)
    } else {
        let across = if ux * away >= 0.0 {
            (ux, uy)
        } else {
            (-ux, -uy)
        };
        let perp = (-across.1, across.0);
        let along = if perp.1 >= 0.0 {
            perp
        } else {
            (-perp.0, -perp.1)
        };
        (across, along)
    }
}

/// The simple rule that applies on a figure: the rule itself, or for `OneOf` the first of its
/// rules the figure can place.
pub fn effective_rule<'a>(rule: &'a PlacementRule, figure: &Figure) -> Option<&'a PlacementRule> {
    effective_rule_in(rule, figure)
}

fn effective_rule_in<'a, L: Lookup + ?Sized>(
    rule: &'a PlacementRule,
    figure: &L,
) -> Option<&'a PlacementRule> {
    match rule {
        PlacementRule::OneOf(rules) => rules.iter().find_map(|r| effective_rule_in(r, figure)),
        simple => place_simple(simple, figure).map(|_| simple),
    }
}

/// Where one rule puts a point on a figure, or `None` if the figure lacks a landmark or span
/// the rule needs. `figure` is a [`Figure`] or a [`FigureIndex`].
pub fn place_rule<L: Lookup + ?Sized>(rule: &PlacementRule, figure: &L) -> Option<FigurePos> {
    // As `place_simple(effective_rule(rule)?)`, without placing the chosen rule twice.
    match rule {
        PlacementRule::OneOf(rules) => rules.iter().find_map(|r| place_rule(r, figure)),
        simple => place_simple(simple, figure),
    }
}

fn place_simple<L: Lookup + ?Sized>(rule: &PlacementRule, figure: &L) -> Option<FigurePos> {
    match rule {
        PlacementRule::OneOf(_) => None,
        PlacementRule::At(id) => figure.landmark_at(id),
        PlacementRule::Between { from, to, fraction } => {
            let a = figure.landmark_at(from)?;
            let b = figure.landmark_at(to)?;
            Some(a.lerp(b, *fraction))
        }
        PlacementRule::Offset {
            from,
            scale,
            across,
            along,
        } => {
            let origin = figure.landmark_at(from)?;
            let span = figure.span(scale)?;
            let unit = cun_length(figure, span)?;
            let span_from = figure.landmark_at(&span.from)?;
            let span_to = figure.landmark_at(&span.to)?;
            let (across_dir, along_dir) = offset_axes(figure.figure(), span_from, span_to, origin);
            Some(FigurePos::new(
                origin.x + (across_dir.0 * across + along_dir.0 * along) * unit,
                origin.y + (across_dir.1 * across + along_dir.1 * along) * unit,
            ))
        }
    }
}

/// The patient's side a position on a figure is on.
pub fn side_of(figure: &Figure, at: FigurePos) -> Side {
    match figure.midline_x {
        Some(m) if (at.x - m).abs() <= midline_tolerance(figure) => Side::Midline,
        Some(m) => {
            let viewer_left = at.x < m;
            match (figure.facing, viewer_left) {
                (Facing::Lateral, _) => figure.shows_side.unwrap_or(Side::Left),
                (Facing::Anterior, false) | (Facing::Posterior, true) => Side::Left,
                (Facing::Anterior, true) | (Facing::Posterior, false) => Side::Right,
            }
        }
        None => figure.shows_side.unwrap_or(Side::Left),
    }
}

/// Every site of a point on a figure: one per rule the figure can place, and for bilateral
/// points on figures with a midline, its mirror image too.
pub fn place_point(point: &Point, figure: &Figure) -> Vec<PlacedSite> {
    place_point_in(point, figure)
}

/// [`place_point`] on an indexed figure: the same sites, found by hash (for placing many
/// points on one figure).
pub fn place_point_indexed(point: &Point, figure: &FigureIndex<'_>) -> Vec<PlacedSite> {
    place_point_in(point, figure)
}

fn place_point_in<L: Lookup + ?Sized>(point: &Point, lookup: &L) -> Vec<PlacedSite> {
    let figure = lookup.figure();
    let tolerance = midline_tolerance(figure);
    let mut sites = Vec::new();
    for (rule_index, rule) in point.placement.iter().enumerate() {
        let Some(at) = place_rule(rule, lookup) else {
            continue;
        };
        let site = |at: FigurePos| PlacedSite {
            figure: figure.id.clone(),
            side: match (point.laterality, figure.midline_x) {
                (Laterality::Midline, _) => Side::Midline,
                _ => side_of(figure, at),
            },
            at,
            rule: rule_index,
        };
        sites.push(site(at));
        let on_midline = figure
            .midline_x
            .is_some_and(|m| (at.x - m).abs() <= tolerance);
        if point.laterality == Laterality::Bilateral && figure.midline_x.is_some() && !on_midline {
            sites.push(site(figure.mirror(at)));
        }
    }
    sites
}

/// A cun ruler: the span a point is measured on, with a tick at every cun.
#[derive(Clone, Debug, PartialEq)]
pub struct Ruler {
    pub name: String,
    pub from: FigurePos,
    pub to: FigurePos,
    /// The span's length in cun.
    pub cun: f32,
    /// One position per whole cun from `from` (including both ends when the count is whole).
    pub ticks: Vec<FigurePos>,
}

/// The ruler for the first rule of a point that the figure can place: the scale span of an
/// offset, or the span joining a `Between` rule's landmarks where the figure defines one.
pub fn ruler_for(point: &Point, figure: &Figure) -> Option<Ruler> {
    point.placement.iter().find_map(|rule| {
        let rule = effective_rule(rule, figure)?;
        let span = match rule {
            PlacementRule::Offset { scale, .. } => figure.span(scale)?,
            PlacementRule::Between { from, to, .. } => figure
                .spans
                .iter()
                .find(|s| (&s.from == from && &s.to == to) || (&s.from == to && &s.to == from))?,
            PlacementRule::At(_) | PlacementRule::OneOf(_) => return None,
        };
        ruler(figure, span)
    })
}

/// The ruler of one span.
pub fn ruler(figure: &Figure, span: &Span) -> Option<Ruler> {
    let from = figure.landmark(&span.from)?.at;
    let to = figure.landmark(&span.to)?.at;
    cun_length(figure, span)?;
    // Spans are short counts (at most a few dozen cun); the cast cannot truncate a real span.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let whole = span.cun.floor().min(200.0) as usize;
    let ticks = (0..=whole)
        .map(|i| from.lerp(to, i as f32 / span.cun))
        .collect();
    Some(Ruler {
        name: span.name.to_string(),
        from,
        to,
        cun: span.cun,
        ticks,
    })
}

/// Whether a position lies inside any closed outline of the figure (mirrored copies count).
/// For many positions on one figure, build a [`FigureIndex`] once and use its
/// `inside_outline`.
pub fn inside_outline(figure: &Figure, at: FigurePos) -> bool {
    OutlineIndex::new(figure).contains(figure, at)
}

/// The distance from a position to the nearest edge of the figure's closed outlines (mirrored
/// copies included), in figure units; `None` when the figure has no closed outline. Used to
/// keep points described as "on the top of the shoulder" on the drawn skyline.
pub fn distance_to_outline(figure: &Figure, at: FigurePos) -> Option<f32> {
    use crate::model::ShapeKind;
    let mut best: Option<f32> = None;
    for shape in &figure.shapes {
        if shape.kind != ShapeKind::Outline || !shape.closed || shape.points.len() < 3 {
            continue;
        }
        let mut copies = vec![at];
        if shape.mirrored {
            copies.push(figure.mirror(at));
        }
        let n = shape.points.len();
        for (i, a) in shape.points.iter().enumerate() {
            let Some(b) = shape.points.get((i + 1) % n) else {
                continue;
            };
            for p in &copies {
                let d = segment_distance(*a, *b, *p);
                best = Some(best.map_or(d, |x| x.min(d)));
            }
        }
    }
    best
}

fn segment_distance(a: FigurePos, b: FigurePos, p: FigurePos) -> f32 {
    let (dx, dy) = (b.x - a.x, b.y - a.y);
    let len2 = dx * dx + dy * dy;
    if len2 <= 0.0 {
        return a.distance(p);
    }
    let t = (((p.x - a.x) * dx + (p.y - a.y) * dy) / len2).clamp(0.0, 1.0);
    a.lerp(b, t).distance(p)
}

#[cfg(test)]
mod tests;
