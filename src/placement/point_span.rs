//! The span a point's cun are measured on where its rule on a figure names none (a point
//! placed at a landmark, such as EX-B8 under L5): the span its own rules name elsewhere, else
//! one that starts or ends at its landmark, else the nearest span of its own body region. A
//! region's spans are the ones its points are measured on, so a back point is never measured
//! on an arm. Used alike on the drawn figures and on a patient's photo. No egui.

use super::{cun_length, effective_rule};
use crate::model::{Atlas, Figure, FigurePos, PlacementRule, Point, Span, SpanId};

/// The span chosen to measure a point's cun on a figure.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasuringSpan {
    /// Figure units per cun on the span.
    pub unit: f32,
    /// The span's name.
    pub name: String,
    /// The span's id.
    pub id: SpanId,
    /// Whether the span belongs to the point: named by its rules, ending at its landmark or
    /// measuring its region (false: only the figure's nearest span could measure it).
    pub own: bool,
}

/// The span a point on `figure` is measured on, near its site `near`: the scale or joining
/// span of the rule that places it; a span any of its rules names; a span from the landmark it
/// is placed at (one its region uses first); the nearest span its region uses; and only when the
/// figure measures none of those, the figure's nearest span (`own` false). `None` when the
/// figure measures no span at all.
pub fn measuring_span(
    atlas: &Atlas,
    point: &Point,
    figure: &Figure,
    near: FigurePos,
) -> Option<MeasuringSpan> {
    let choice = |span: &Span, own: bool| {
        Some(MeasuringSpan {
            unit: cun_length(figure, span)?,
            name: span.name.to_string(),
            id: span.id.clone(),
            own,
        })
    };
    // The rules that place the point on this figure come first, then any rule of the point.
    let placing = point
        .placement
        .iter()
        .filter_map(|r| effective_rule(r, figure));
    let named = placing
        .chain(point.placement.iter())
        .flat_map(|r| named_spans(r, figure))
        .find_map(|s| choice(s, true));
    if named.is_some() {
        return named;
    }
    let region = region_spans(atlas, point);
    // A span from the landmark the point is placed at measures it where it is (BL40 at the
    // knee crease on the leg's spans); one its region uses first.
    let mut at_landmark: Vec<&Span> = point
        .placement
        .iter()
        .flat_map(landmarks_at)
        .flat_map(|l| {
            figure
                .spans
                .iter()
                .filter(move |s| s.from == *l || s.to == *l)
        })
        .collect();
    at_landmark.sort_by_key(|s| !region.contains(&&s.id));
    if let Some(found) = at_landmark.into_iter().find_map(|s| choice(s, true)) {
        return Some(found);
    }
    nearest(figure, near, |s| region.contains(&&s.id))
        .and_then(|s| choice(s, true))
        .or_else(|| nearest(figure, near, |_| true).and_then(|s| choice(s, false)))
}

/// The spans a rule names that the figure defines: an offset's scale, a span joining a
/// `Between` rule's landmarks; each alternative of a `OneOf`.
fn named_spans<'a>(rule: &PlacementRule, figure: &'a Figure) -> Vec<&'a Span> {
    match rule {
        PlacementRule::Offset { scale, .. } => figure.span(scale).into_iter().collect(),
        PlacementRule::Between { from, to, .. } => figure
            .spans
            .iter()
            .filter(|s| (&s.from == from && &s.to == to) || (&s.from == to && &s.to == from))
            .collect(),
        PlacementRule::OneOf(rules) => rules.iter().flat_map(|r| named_spans(r, figure)).collect(),
        PlacementRule::At(_) => Vec::new(),
    }
}

/// The landmarks a point is placed exactly at.
fn landmarks_at(rule: &PlacementRule) -> Vec<&crate::model::LandmarkId> {
    match rule {
        PlacementRule::At(l) => vec![l],
        PlacementRule::OneOf(rules) => rules.iter().flat_map(landmarks_at).collect(),
        PlacementRule::Between { .. } | PlacementRule::Offset { .. } => Vec::new(),
    }
}

/// The spans of a point's body regions: every span that a point sharing one of its regions is
/// measured on (by an offset's scale, as the span joining a `Between` rule's landmarks, or as
/// a span from the landmark an `At` rule names, on some figure).
pub fn region_spans<'a>(atlas: &'a Atlas, point: &Point) -> Vec<&'a SpanId> {
    let mut spans: Vec<&SpanId> = Vec::new();
    let neighbours = atlas
        .points()
        .iter()
        .filter(|p| p.regions.iter().any(|r| point.regions.contains(r)));
    for other in neighbours {
        for rule in &other.placement {
            for id in rule_spans(atlas, rule) {
                if !spans.contains(&id) {
                    spans.push(id);
                }
            }
        }
    }
    spans
}

/// The span ids a rule measures on (or, for a point at a landmark, the spans from it), on any
/// figure of the atlas.
fn rule_spans<'a>(atlas: &'a Atlas, rule: &PlacementRule) -> Vec<&'a SpanId> {
    match rule {
        PlacementRule::Offset { scale, .. } => atlas
            .figures()
            .iter()
            .find_map(|f| f.span(scale))
            .map(|s| &s.id)
            .into_iter()
            .collect(),
        PlacementRule::Between { .. } => atlas
            .figures()
            .iter()
            .flat_map(|f| named_spans(rule, f))
            .map(|s| &s.id)
            .collect(),
        PlacementRule::OneOf(rules) => rules.iter().flat_map(|r| rule_spans(atlas, r)).collect(),
        PlacementRule::At(landmark) => atlas
            .figures()
            .iter()
            .flat_map(|f| &f.spans)
            .filter(|s| &s.from == landmark || &s.to == landmark)
            .map(|s| &s.id)
            .collect(),
    }
}

/// The span the figure can measure whose middle is nearest `near`, among those `keep` allows.
fn nearest(figure: &Figure, near: FigurePos, keep: impl Fn(&Span) -> bool) -> Option<&Span> {
    figure
        .spans
        .iter()
        .filter(|s| keep(s) && cun_length(figure, s).is_some())
        .filter_map(|s| {
            let mid = figure
                .landmark(&s.from)?
                .at
                .lerp(figure.landmark(&s.to)?.at, 0.5);
            Some((mid.distance(near), s))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| s)
}
