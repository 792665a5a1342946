//! Placement checks: every landmark and span a rule names exists on some figure, every point
//! can be placed on at least one figure, and every placed site lies inside its figure's outline.

use super::Reporter;
use crate::load::parse::Origins;
use crate::model::{AtlasParts, PlacedSite, PlacementRule};
use crate::placement::{inside_outline, place_point};
use std::collections::HashSet;

pub fn check_placement(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
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
    let mut all_sites = Vec::with_capacity(parts.points.len());
    for (point, origin) in parts.points.iter().zip(&origins.points) {
        let mut names_known = true;
        for (i, rule) in point.placement.iter().enumerate() {
            for (field, name) in rule_names(rule, &format!(".placement[{i}]")) {
                let (known, what) = match name {
                    Name::Landmark(id) => (landmarks.contains(id), "landmark"),
                    Name::Span(id) => (spans.contains(id), "span"),
                };
                if !known {
                    names_known = false;
                    let id = match name {
                        Name::Landmark(id) | Name::Span(id) => id,
                    };
                    rep.at(
                        origin,
                        &field,
                        format!("unknown {what} `{id}` (no figure defines it)"),
                    );
                }
            }
        }
        let mut sites = Vec::new();
        for figure in &parts.figures {
            for site in place_point(point, figure) {
                if !site.at.is_finite() {
                    continue;
                }
                if !inside_outline(figure, site.at) {
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
        if sites.is_empty() && names_known && !point.placement.is_empty() {
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

pub(super) enum Name<'a> {
    Landmark(&'a str),
    Span(&'a str),
}

/// The landmark and span ids a rule names, with the path of the field each sits in.
pub(super) fn rule_names<'a>(rule: &'a PlacementRule, at: &str) -> Vec<(String, Name<'a>)> {
    match rule {
        PlacementRule::At(id) => vec![(format!("{at}.0"), Name::Landmark(id.as_str()))],
        PlacementRule::Between { from, to, .. } => vec![
            (format!("{at}.from"), Name::Landmark(from.as_str())),
            (format!("{at}.to"), Name::Landmark(to.as_str())),
        ],
        PlacementRule::Offset { from, scale, .. } => vec![
            (format!("{at}.from"), Name::Landmark(from.as_str())),
            (format!("{at}.scale"), Name::Span(scale.as_str())),
        ],
        PlacementRule::OneOf(rules) => rules
            .iter()
            .enumerate()
            .flat_map(|(j, r)| rule_names(r, &format!("{at}.0[{j}]")))
            .collect(),
    }
}
