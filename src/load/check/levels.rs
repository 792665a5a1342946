//! Checks of points drawn as a row of levels (the Jiaji) and of the levels conditions name:
//! one level per placement rule, no level named twice, every group complete, and every level a
//! condition names known to its point.

use super::Reporter;
use super::content::{check_depth, require_text};
use crate::load::parse::{Origin, Origins};
use crate::model::{AtlasParts, LevelId, Point};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

pub fn check_levels(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) {
    let regions: HashSet<&str> = parts.regions.iter().map(|r| r.id.as_str()).collect();
    for (point, origin) in parts.points.iter().zip(&origins.points) {
        check_groups(rep, &regions, point, origin);
    }
    let points: HashMap<&str, &Point> = parts.points.iter().map(|p| (p.code.as_str(), p)).collect();
    for (condition, origin) in parts.conditions.iter().zip(&origins.conditions) {
        for (i, entry) in condition.points.iter().enumerate() {
            // An unknown point is reported by the content checks.
            let Some(point) = points.get(entry.code.as_str()) else {
                continue;
            };
            for (j, name) in entry.levels.iter().enumerate() {
                if point.has_level(name) {
                    continue;
                }
                let message = if point.levels.is_empty() {
                    format!(
                        "point `{}` has no levels, so `{name}` cannot be chosen; remove `levels`",
                        point.code
                    )
                } else {
                    let groups: Vec<&str> = point.levels.iter().map(|g| g.id.as_str()).collect();
                    let example = point
                        .levels
                        .iter()
                        .find_map(|g| g.levels.first())
                        .map_or("L4", LevelId::as_str);
                    format!(
                        "unknown level `{name}` of point `{}` (its level groups are {}, or name single levels such as `{example}`)",
                        point.code,
                        groups.join(", "),
                    )
                };
                rep.at(origin, &format!(".points[{i}].levels[{j}]"), message);
            }
        }
    }
}

fn check_groups(rep: &mut Reporter<'_>, regions: &HashSet<&str>, point: &Point, origin: &Origin) {
    if point.levels.is_empty() {
        return;
    }
    let (levels, rules) = (point.level_count(), point.placement.len());
    if levels != rules {
        rep.at(
            origin,
            ".levels",
            format!(
                "point `{}` has {rules} placement rules but {levels} levels: give one level per rule, in the same order",
                point.code
            ),
        );
    }
    let mut seen = HashSet::default();
    for (g, group) in point.levels.iter().enumerate() {
        let at = format!(".levels[{g}]");
        if !seen.insert(group.id.as_str()) {
            rep.at(
                origin,
                &format!("{at}.id"),
                format!("level `{}` is named twice in `{}`", group.id, point.code),
            );
        }
        require_text(rep, origin, &format!("{at}.name"), &group.name);
        require_text(
            rep,
            origin,
            &format!("{at}.needling.note"),
            &group.needling.note,
        );
        check_depth(
            rep,
            origin,
            &format!("{at}.needling.depth_cun"),
            group.needling.depth_cun,
        );
        if !regions.contains(group.region.as_str()) {
            rep.at(
                origin,
                &format!("{at}.region"),
                format!(
                    "unknown region `{}` (regions.ron does not define it)",
                    group.region
                ),
            );
        }
        if group.levels.is_empty() {
            rep.at(
                origin,
                &format!("{at}.levels"),
                "a level group needs at least one level",
            );
        }
        for (k, level) in group.levels.iter().enumerate() {
            if !seen.insert(level.as_str()) {
                rep.at(
                    origin,
                    &format!("{at}.levels[{k}]"),
                    format!("level `{level}` is named twice in `{}`", point.code),
                );
            }
        }
        for (k, note) in group.safety.iter().enumerate() {
            require_text(
                rep,
                origin,
                &format!("{at}.safety[{k}].reason"),
                &note.reason,
            );
        }
    }
}
