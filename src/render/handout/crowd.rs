//! The closer view of a crowd: the largest group of the plan's points whose sites lie within
//! a number's reach of one another on a whole figure (the lower back's, the belly's), and the
//! framing that shows just them with room for their numbers.

use crate::model::{Atlas, ConditionId, Figure, FigurePos, PointCode};
use crate::scene::Framing;

/// The plan's points that crowd one another on the back or belly of a whole-body figure, when
/// there are enough of them to crowd its numbers: with the framing that shows just them, with
/// room at their sides for a column of numbers. A point further from the rest (the hip's
/// GB30 beside the lower back's) keeps its number on the whole figure, which has room for it.
pub fn crowd(
    atlas: &Atlas,
    figure: &Figure,
    plan: &[PointCode],
    condition: Option<&ConditionId>,
) -> Option<(Vec<PointCode>, Framing)> {
    if figure.is_close_up() {
        return None;
    }
    let sites = |c: &PointCode| -> Vec<FigurePos> {
        atlas
            .sites_for(c, &figure.id, condition)
            .iter()
            .map(|s| s.at)
            .collect()
    };
    // Hand and foot points are numbered on their close-ups; the belly's only here.
    let on_close_up = |c: &PointCode| {
        atlas
            .figures()
            .iter()
            .any(|f| f.is_close_up() && !atlas.sites_for(c, &f.id, condition).is_empty())
    };
    let near: Vec<(&PointCode, Vec<FigurePos>)> = plan
        .iter()
        .filter(|c| {
            atlas
                .point(c)
                .is_some_and(|p| !atlas.far_from_back(p, condition) || !on_close_up(c))
        })
        .map(|c| (c, sites(c)))
        .filter(|(_, s)| !s.is_empty())
        .collect();
    // Crowded: the largest group of points each with a site within a number's reach of
    // another's (the lower back's, not a knee's pair).
    let crowded: Vec<&(&PointCode, Vec<FigurePos>)> =
        largest_group(&near, CROWD_REACH * figure.size.1)
            .into_iter()
            .filter_map(|k| near.get(k))
            .collect();
    if crowded.len() < CROWD {
        return None;
    }
    let all: Vec<FigurePos> = crowded
        .iter()
        .flat_map(|(_, s)| s.iter().copied())
        .collect();
    let first = *all.first()?;
    let (mut min, mut max) = (first, first);
    for p in &all {
        min = FigurePos::new(min.x.min(p.x), min.y.min(p.y));
        max = FigurePos::new(max.x.max(p.x), max.y.max(p.y));
    }
    // Room above and below for a number, and at each side for a column of them.
    let extent = (max.x - min.x).max(max.y - min.y).max(0.02 * figure.size.1);
    let framing = Framing {
        center: FigurePos::new(f32::midpoint(min.x, max.x), f32::midpoint(min.y, max.y)),
        half_width: (max.x - min.x) / 2.0 + 0.3 * extent,
        half_height: (max.y - min.y) / 2.0 + 0.15 * extent,
    };
    let codes = crowded.into_iter().map(|(c, _)| (*c).clone()).collect();
    Some((codes, framing))
}

/// The largest group of `points` joined by sites less than `reach` apart, as indices.
fn largest_group(points: &[(&PointCode, Vec<FigurePos>)], reach: f32) -> Vec<usize> {
    let touch = |i: usize, j: usize| {
        let (Some((_, a)), Some((_, b))) = (points.get(i), points.get(j)) else {
            return false;
        };
        a.iter().any(|p| b.iter().any(|q| p.distance(*q) < reach))
    };
    let mut seen = vec![false; points.len()];
    let mut best = Vec::new();
    for start in 0..points.len() {
        if seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut group = vec![start];
        let mut next = 0;
        if let Some(s) = seen.get_mut(start) {
            *s = true;
        }
        while let Some(&i) = group.get(next) {
            next += 1;
            for j in 0..points.len() {
                if !seen.get(j).copied().unwrap_or(true) && touch(i, j) {
                    if let Some(s) = seen.get_mut(j) {
                        *s = true;
                    }
                    group.push(j);
                }
            }
        }
        if group.len() > best.len() {
            group.sort_unstable();
            best = group;
        }
    }
    best
}

/// How many crowded points on the back of one figure earn it a closer look.
const CROWD: usize = 3;
/// How near two points' sites are, as a share of the figure's height, to crowd each other's
/// numbers on the whole figure.
const CROWD_REACH: f32 = 0.06;
