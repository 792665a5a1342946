//! Placement checks: every landmark and span a rule names exists on some figure, every point
//! can be placed on at least one figure, and every placed site lies inside its figure's outline.

use super::Reporter;
use crate::load::parse::Origins;
use crate::load::unread::IdKind;
use crate::model::{AtlasParts, PlacedSite, PlacementRule};
use crate::placement::{FigureIndex, cun_length, place_point_indexed};
use rustc_hash::FxHashSet as HashSet;
use std::fmt::Write as _;

pub fn check_placement(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
    indexed: &[FigureIndex<'_>],
    origins: &Origins,
) -> Vec<Vec<PlacedSite>> {
    let landmarks: HashSet<&str> = parts
        .figures
        .iter()
        .flat_map(|f| f.landmarks.iter().map(|l| l.id.as_str()))
        .collect();
    let spans: HashSet<&str> = parts
        .figures
        .iter()
        .flat_map(|f| f.spans.iter().map(|s| s.id.as_str()))
        .collect();
    // Spans that cannot measure (reported where they are defined): points measured on them
    // are not reported again as impossible to place.
    let broken_spans: HashSet<&str> = parts
        .figures
        .iter()
        .zip(indexed)
        .flat_map(|(f, index)| {
            f.spans
                .iter()
                .filter(move |s| cun_length(index, s).is_none())
                .map(|s| s.id.as_str())
        })
        .collect();
    let mut all_sites = Vec::with_capacity(parts.points.len());
    for (point, origin) in parts.points.iter().zip(&origins.points) {
        let mut names_known = true;
        // A figure that could not be read may define what the rules name, or a span they
        // name cannot measure: either is reported where it stands.
        let mut maybe_unread = false;
        for (i, rule) in point.placement.iter().enumerate() {
            for (field, name) in rule_names(rule, &NamePath::new(i)) {
                let (known, what, kind, id) = match name {
                    Name::Landmark(id) => {
                        (landmarks.contains(id), "landmark", IdKind::Landmark, id)
                    }
                    Name::Span(id) => (spans.contains(id), "span", IdKind::Span, id),
                };
                if rep.unread().may_define(kind, id)
                    || (kind == IdKind::Span && broken_spans.contains(id))
                {
                    maybe_unread = true;
                }
                if !known {
                    names_known = false;
                    rep.unknown(
                        kind,
                        id,
                        origin,
                        &field.to_path(),
                        format!("unknown {what} `{id}` (no figure defines it)"),
                    );
                }
            }
        }
        let sites = place_on_figures(rep, parts, indexed, point, origin);
        if sites.is_empty() && names_known && !maybe_unread && !point.placement.is_empty() {
            rep.at(
                origin,
                ".placement",
                format!(
                    "`{}` cannot be placed on any figure: no figure defines every landmark and span one of its rules needs",
                    point.code
                ),
            );
        }
        all_sites.push(sites);
    }
    all_sites
}

/// The sites of `point` on every figure that can place it; a site that is not a finite
/// number is reported and dropped, one outside its figure's outline reported and kept.
fn place_on_figures(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
    indexed: &[FigureIndex<'_>],
    point: &crate::model::Point,
    origin: &crate::load::parse::Origin,
) -> Vec<PlacedSite> {
    let mut sites = Vec::new();
    for (figure, index) in parts.figures.iter().zip(indexed) {
        for site in place_point_indexed(point, index) {
            if !site.at.is_finite() {
                rep.at(
                    origin,
                    &format!(".placement[{}]", site.rule),
                    format!(
                        "`{}` cannot be placed on figure `{}`: its position is not a finite number (an offset is too large for the span)",
                        point.code, figure.id
                    ),
                );
                continue;
            }
            if !index.inside_outline(site.at) {
                rep.at(
                    origin,
                    &format!(".placement[{}]", site.rule),
                    format!(
                        "`{}` lands outside the outline of figure `{}` at ({:.3}, {:.3})",
                        point.code, figure.id, site.at.x, site.at.y
                    ),
                );
            }
            sites.push(site);
        }
    }
    sites
}

pub(super) enum Name<'a> {
    Landmark(&'a str),
    Span(&'a str),
}

/// Where a name sits in a point's rules: `.placement[rule]`, then `.0[j]` for each `OneOf` it
/// is nested in, then its field. Made into text only when a problem is reported.
#[derive(Clone, Debug)]
pub(super) struct NamePath {
    start: Start,
    one_of: Vec<usize>,
    field: &'static str,
}

/// Where a rule sits: a point's rule by its index, or a rule at a path given whole.
#[derive(Clone, Debug)]
enum Start {
    Rule(usize),
    Path(String),
}

impl NamePath {
    fn new(rule: usize) -> Self {
        Self {
            start: Start::Rule(rule),
            one_of: Vec::new(),
            field: "",
        }
    }

    /// A rule at `path` inside its item (a channel's station, a structure's point).
    pub(super) fn at_path(path: String) -> Self {
        Self {
            start: Start::Path(path),
            one_of: Vec::new(),
            field: "",
        }
    }

    fn with_field(&self, field: &'static str) -> Self {
        Self {
            field,
            ..self.clone()
        }
    }

    pub(super) fn to_path(&self) -> String {
        let mut path = match &self.start {
            Start::Rule(rule) => format!(".placement[{rule}]"),
            Start::Path(path) => path.clone(),
        };
        for j in &self.one_of {
            let _ = write!(path, ".0[{j}]");
        }
        path.push_str(self.field);
        path
    }
}

/// The landmark and span ids a rule names, with where each sits.
pub(super) fn rule_names<'a>(rule: &'a PlacementRule, at: &NamePath) -> Vec<(NamePath, Name<'a>)> {
    match rule {
        PlacementRule::At(id) => vec![(at.with_field(".0"), Name::Landmark(id.as_str()))],
        PlacementRule::Between { from, to, .. } => vec![
            (at.with_field(".from"), Name::Landmark(from.as_str())),
            (at.with_field(".to"), Name::Landmark(to.as_str())),
        ],
        PlacementRule::Offset { from, scale, .. } => vec![
            (at.with_field(".from"), Name::Landmark(from.as_str())),
            (at.with_field(".scale"), Name::Span(scale.as_str())),
        ],
        PlacementRule::OneOf(rules) => rules
            .iter()
            .enumerate()
            .flat_map(|(j, r)| {
                let mut inner = at.clone();
                inner.one_of.push(j);
                rule_names(r, &inner)
            })
            .collect(),
    }
}
