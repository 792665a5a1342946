//! Checks of the layers (channel courses and anatomical structures) and the curves they draw:
//! what both need (known landmarks and spans, each figure's outline, the points by code), and
//! the checks of a placement rule used as a waypoint.

use super::Reporter;
use super::placed::{Name, rule_names};
use crate::load::parse::{Origin, Origins};
use crate::model::{AtlasParts, Figure, FigurePos, PlacedLayers, PlacementRule, Point};
use crate::placement::outline::OutlineIndex;
use crate::placement::place_rule;
use std::collections::{HashMap, HashSet};

/// How far outside its figure's outline a curve may stray, as a share of the figure's larger
/// side: less than the width of the outline's ink.
const OUTLINE_TOLERANCE: f32 = 0.0025;

/// What the layer checks look things up in, built once.
pub struct Context<'a> {
    pub parts: &'a AtlasParts,
    pub landmarks: HashSet<&'a str>,
    pub spans: HashSet<&'a str>,
    pub points: HashMap<&'a str, &'a Point>,
    /// Each figure's outline, in `parts.figures` order.
    pub outlines: Vec<OutlineIndex>,
}

impl<'a> Context<'a> {
    pub fn new(parts: &'a AtlasParts) -> Self {
        Self {
            parts,
            landmarks: parts
                .figures
                .iter()
                .flat_map(|f| f.landmarks.iter().map(|l| l.id.as_str()))
                .collect(),
            spans: parts
                .figures
                .iter()
                .flat_map(|f| f.spans.iter().map(|s| s.id.as_str()))
                .collect(),
            points: parts.points.iter().map(|p| (p.code.as_str(), p)).collect(),
            outlines: parts.figures.iter().map(OutlineIndex::new).collect(),
        }
    }

    /// Reports every landmark or span a rule names that no figure defines, and a rule whose
    /// names are all known but that no figure can place. `at` is the path of the rule.
    pub fn check_rule(
        &self,
        rep: &mut Reporter<'_>,
        origin: &Origin,
        rule: &PlacementRule,
        at: &str,
        what: &str,
    ) {
        let mut known = check_numbers(rep, origin, rule, at);
        for (field, name) in rule_names(rule, at) {
            let (found, kind, id) = match name {
                Name::Landmark(id) => (self.landmarks.contains(id), "landmark", id),
                Name::Span(id) => (self.spans.contains(id), "span", id),
            };
            if !found {
                known = false;
                rep.at(
                    origin,
                    &field,
                    format!("unknown {kind} `{id}` (no figure defines it)"),
                );
            }
        }
        if known
            && !self
                .parts
                .figures
                .iter()
                .any(|f| place_rule(rule, f).is_some_and(FigurePos::is_finite))
        {
            rep.at(
                origin,
                at,
                format!(
                    "this {what} cannot be placed on any figure: no figure defines every landmark and span its rule needs"
                ),
            );
        }
    }

    /// The first sample of `curve` (and of its mirror image, where the figure mirrors it) that
    /// strays outside the figure's outline.
    pub fn first_outside(
        &self,
        figure_index: usize,
        figure: &Figure,
        curve: &[FigurePos],
        mirrored: bool,
    ) -> Option<FigurePos> {
        let outline = self.outlines.get(figure_index)?;
        if outline.is_empty() {
            return None;
        }
        let tolerance = OUTLINE_TOLERANCE * figure.size.0.max(figure.size.1);
        let outside = |p: &FigurePos| !outline.contains(*p, tolerance);
        curve.iter().find(|p| outside(p)).copied().or_else(|| {
            mirrored
                .then(|| curve.iter().map(|p| figure.mirror(*p)).find(|p| outside(p)))
                .flatten()
        })
    }
}

/// Reports numbers a rule cannot use: a `Between` fraction outside 0 to 1 (as for points) or
/// an offset that is not finite. Returns whether every number is usable.
fn check_numbers(rep: &mut Reporter<'_>, origin: &Origin, rule: &PlacementRule, at: &str) -> bool {
    match rule {
        PlacementRule::At(_) => true,
        PlacementRule::Between { fraction, .. } => {
            let ok = fraction.is_finite() && (0.0..=1.0).contains(fraction);
            if !ok {
                rep.at(
                    origin,
                    &format!("{at}.fraction"),
                    format!("fraction must be between 0 and 1, not {fraction}"),
                );
            }
            ok
        }
        PlacementRule::Offset { across, along, .. } => {
            let mut ok = true;
            for (field, v) in [("across", across), ("along", along)] {
                if !v.is_finite() {
                    ok = false;
                    rep.at(
                        origin,
                        &format!("{at}.{field}"),
                        format!("{field} must be a finite number of cun"),
                    );
                }
            }
            ok
        }
        PlacementRule::OneOf(rules) => {
            // Every alternative is checked (and reported), not just up to the first bad one.
            let mut ok = true;
            for (j, r) in rules.iter().enumerate() {
                ok &= check_numbers(rep, origin, r, &format!("{at}.0[{j}]"));
            }
            ok
        }
    }
}

/// Between which stations of a run a curve sample lies: the indexes of the stations before and
/// after it (the curve passes exactly through each station, in order).
pub fn between_stations(
    stations: &[(usize, FigurePos)],
    curve: &[FigurePos],
    sample: FigurePos,
) -> (usize, usize) {
    let mut current = stations.first().map_or(0, |s| s.0);
    let mut next = 1;
    for p in curve {
        if let Some((i, at)) = stations.get(next)
            && at == p
        {
            current = *i;
            next += 1;
        }
        if *p == sample {
            break;
        }
    }
    let after = stations.get(next).map_or(current, |s| s.0);
    (current, after)
}

/// Checks the channels and the structures and returns their curves on every figure.
pub fn check_layers(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) -> PlacedLayers {
    let context = Context::new(parts);
    PlacedLayers {
        channels: super::channels::check_channels(rep, &context, origins),
        structures: super::anatomy::check_structures(rep, &context, origins),
    }
}
