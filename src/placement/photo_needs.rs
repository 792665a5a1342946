//! Which marks the points of a view need on a photo: every point placed from the marks it has,
//! the rest listed with the marks they still need, and the order in which a guided walk asks
//! for landmarks (those most points need first). No egui.

use super::effective_rule;
use super::photo::{PhotoFigure, PhotoSite};
use crate::model::{
    Atlas, ConditionId, Figure, LandmarkId, MarkName, PhotoMarks, PlacementRule, Point, PointCode,
    Side, is_paired,
};

/// One site of a point placed on a photo.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedOnPhoto {
    pub code: PointCode,
    pub site: PhotoSite,
}

/// A point the view shows that the photo's marks cannot place yet (on at least one side).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unplaced {
    pub code: PointCode,
    /// The marks still missing, as named in a marks file (`psis_left`).
    pub needs: Vec<String>,
}

/// Where the points go on a photo, and which cannot be placed yet.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PhotoPlacement {
    pub placed: Vec<PlacedOnPhoto>,
    pub unplaced: Vec<Unplaced>,
}

/// The landmarks one rule needs on a figure: for `OneOf`, those of the alternative the figure
/// uses (or of the first alternative when it can use none).
pub fn rule_landmarks(rule: &PlacementRule, figure: &Figure) -> Vec<LandmarkId> {
    let rule = match rule {
        PlacementRule::OneOf(rules) => match effective_rule(rule, figure) {
            Some(r) => r,
            None => match rules.first() {
                Some(first) => return rule_landmarks(first, figure),
                None => return Vec::new(),
            },
        },
        simple => simple,
    };
    match rule {
        PlacementRule::At(id) => vec![id.clone()],
        PlacementRule::Between { from, to, .. } => vec![from.clone(), to.clone()],
        PlacementRule::Offset { from, scale, .. } => {
            let mut out = vec![from.clone()];
            if let Some(span) = figure.span(scale) {
                for id in [&span.from, &span.to] {
                    if !out.contains(id) {
                        out.push(id.clone());
                    }
                }
            }
            out
        }
        PlacementRule::OneOf(_) => Vec::new(),
    }
}

/// The marks a site on `side` needs for one rule of a point (a midline site takes paired
/// landmarks from the patient's left).
pub fn site_marks(rule: &PlacementRule, view: &Figure, side: Side) -> Vec<MarkName> {
    rule_landmarks(rule, view)
        .into_iter()
        .map(|landmark| {
            let paired = view
                .landmark(&landmark)
                .is_some_and(|l| is_paired(view, l.at));
            let side = match side {
                _ if !paired => None,
                Side::Midline | Side::Left => Some(Side::Left),
                Side::Right => Some(Side::Right),
            };
            MarkName { landmark, side }
        })
        .collect()
}

/// Places `points` on a photo of `view`, keeping the sites of the levels `condition` uses;
/// points the view does not show are left out, points it shows but the marks cannot place
/// (on some side) are listed with what they need.
pub fn place_on_photo(
    atlas: &Atlas,
    view: &Figure,
    photo: &PhotoFigure,
    marks: &PhotoMarks,
    points: &[&Point],
    condition: Option<&ConditionId>,
) -> PhotoPlacement {
    let mut out = PhotoPlacement::default();
    for point in points {
        let levels = atlas.levels_for(&point.code, condition);
        let expected: Vec<_> = atlas
            .sites(&point.code)
            .iter()
            .filter(|s| s.figure == view.id && point.rule_in_levels(s.rule, levels))
            .collect();
        if expected.is_empty() {
            continue;
        }
        let placed: Vec<PhotoSite> = photo
            .place(point)
            .into_iter()
            .filter(|s| point.rule_in_levels(s.rule, levels))
            .collect();
        let mut needs: Vec<String> = Vec::new();
        for site in &expected {
            if placed
                .iter()
                .any(|p| p.rule == site.rule && p.side == site.side)
            {
                continue;
            }
            let Some(rule) = point.placement.get(site.rule) else {
                continue;
            };
            for mark in site_marks(rule, view, site.side) {
                let name = mark.text();
                if !marks.landmarks.contains_key(&name) && !needs.contains(&name) {
                    needs.push(name);
                }
            }
        }
        let missing = expected
            .iter()
            .any(|e| !placed.iter().any(|p| p.rule == e.rule && p.side == e.side));
        if missing {
            out.unplaced.push(Unplaced {
                code: point.code.clone(),
                needs,
            });
        }
        out.placed
            .extend(placed.into_iter().map(|site| PlacedOnPhoto {
                code: point.code.clone(),
                site,
            }));
    }
    out
}

/// The marks the view's points need, those needed by most sites first (ties in the view's
/// order of landmarks): the order of a guided walk. The marks that `first` (today's plan, or
/// the condition's points) need come before all others.
pub fn marks_by_use(atlas: &Atlas, view: &Figure, first: &[&Point]) -> Vec<MarkName> {
    let mut order = marks_used_by(atlas, view, first.iter().copied());
    for mark in marks_used_by(atlas, view, atlas.points().iter()) {
        if !order.contains(&mark) {
            order.push(mark);
        }
    }
    order
}

fn marks_used_by<'a>(
    atlas: &Atlas,
    view: &Figure,
    points: impl Iterator<Item = &'a Point>,
) -> Vec<MarkName> {
    let mut counts: Vec<(MarkName, usize)> = crate::model::mark_names(view)
        .into_iter()
        .map(|m| (m, 0))
        .collect();
    for point in points {
        for site in atlas
            .sites(&point.code)
            .iter()
            .filter(|s| s.figure == view.id)
        {
            let Some(rule) = point.placement.get(site.rule) else {
                continue;
            };
            for mark in site_marks(rule, view, site.side) {
                if let Some(entry) = counts.iter_mut().find(|(m, _)| *m == mark) {
                    entry.1 += 1;
                }
            }
        }
    }
    counts.retain(|(_, n)| *n > 0);
    // A stable sort keeps the view's order among marks needed equally often.
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(m, _)| m).collect()
}

/// The photo's figure and its points in one step, from its marks: `None` when the marks name
/// a view the atlas lacks.
pub fn place_marked_photo(
    atlas: &Atlas,
    marks: &PhotoMarks,
    size: (f32, f32),
    points: &[&Point],
    condition: Option<&ConditionId>,
) -> Option<(PhotoFigure, PhotoPlacement)> {
    let view = atlas.figure(&marks.view)?;
    let figure = PhotoFigure::new(view, marks, size);
    let placement = place_on_photo(atlas, view, &figure, marks, points, condition);
    Some((figure, placement))
}
