//! Points drawn as a row of levels (the Jiaji, T1 to L5): which level each placed site is, and
//! what applies to a point for the levels a condition uses (the groups themselves are part of
//! the point's record, `point.rs`).

use super::ids::{ConditionId, LevelId, PointCode};
use super::point::{LevelGroup, Needling, Point, SafetyNote};
use super::{Atlas, PlacedSite};

/// Which level one placed site of a point is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SiteLevel<'a> {
    pub group: &'a LevelGroup,
    pub level: &'a LevelId,
}

/// A needling or a safety note with the level group it belongs to; `None` when it holds at
/// every site of the point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Levelled<'a, T> {
    pub group: Option<&'a LevelGroup>,
    pub item: &'a T,
}

impl<T> Levelled<'_, T> {
    /// The group's label ("Lumbar levels (L1–L5)"), or `None` for the whole point.
    pub fn label(&self) -> Option<&str> {
        self.group.map(|g| g.name.as_str())
    }
}

impl LevelGroup {
    /// Whether `name` is this group's id or one of its levels.
    pub fn answers_to(&self, name: &LevelId) -> bool {
        &self.id == name || self.levels.contains(name)
    }
}

impl Point {
    /// The number of levels in all groups (equal to the number of placement rules when the
    /// point has groups; the loader checks this).
    pub fn level_count(&self) -> usize {
        self.levels.iter().map(|g| g.levels.len()).sum()
    }

    /// The level a placement rule stands for, if the point has level groups.
    pub fn level_of_rule(&self, rule: usize) -> Option<SiteLevel<'_>> {
        self.levels
            .iter()
            .flat_map(|group| {
                group
                    .levels
                    .iter()
                    .map(move |level| SiteLevel { group, level })
            })
            .nth(rule)
    }

    /// Whether `name` is a level or a level group of this point.
    pub fn has_level(&self, name: &LevelId) -> bool {
        self.levels.iter().any(|g| g.answers_to(name))
    }

    /// The level groups `names` touch (a group by its id, or any of its levels); every group
    /// when `names` is empty.
    pub fn groups_named(&self, names: &[LevelId]) -> Vec<&LevelGroup> {
        self.levels
            .iter()
            .filter(|g| names.is_empty() || names.iter().any(|n| g.answers_to(n)))
            .collect()
    }

    /// Whether the site a placement rule produced is among `names` (a level, or a group of
    /// levels). Every site is when `names` is empty or the point has no levels.
    pub fn rule_in_levels(&self, rule: usize, names: &[LevelId]) -> bool {
        if names.is_empty() || self.levels.is_empty() {
            return true;
        }
        self.level_of_rule(rule)
            .is_some_and(|site| names.iter().any(|n| n == site.level || n == &site.group.id))
    }
}

impl Atlas {
    /// The levels of a point a condition names; empty when it names none (all levels), when
    /// the condition does not use the point, or for `None`.
    pub fn levels_for(&self, code: &PointCode, condition: Option<&ConditionId>) -> &[LevelId] {
        condition
            .and_then(|c| self.condition(c))
            .and_then(|c| c.entry(code))
            .map_or(&[], |e| e.levels.as_slice())
    }

    /// Which level a placed site of a point is (`None` for points without level groups).
    pub fn site_level<'a>(&'a self, code: &PointCode, site: &PlacedSite) -> Option<SiteLevel<'a>> {
        self.point(code)?.level_of_rule(site.rule)
    }

    /// The level groups of a point that apply for a condition: those it names, or all.
    pub fn level_groups_for(
        &self,
        code: &PointCode,
        condition: Option<&ConditionId>,
    ) -> Vec<&LevelGroup> {
        self.point(code).map_or_else(Vec::new, |p| {
            p.groups_named(self.levels_for(code, condition))
        })
    }

    /// How a point is needled for a condition: the point's own needling, or for a point with
    /// level groups the needling of each group the condition uses (every group for `None`),
    /// each labelled by its group.
    pub fn needling_for(
        &self,
        code: &PointCode,
        condition: Option<&ConditionId>,
    ) -> Vec<Levelled<'_, Needling>> {
        let Some(point) = self.point(code) else {
            return Vec::new();
        };
        if point.levels.is_empty() {
            return vec![Levelled {
                group: None,
                item: &point.needling,
            }];
        }
        self.level_groups_for(code, condition)
            .into_iter()
            .map(|g| Levelled {
                group: Some(g),
                item: &g.needling,
            })
            .collect()
    }

    /// The safety notes that apply to a point for a condition: the point's own (which hold at
    /// every level), then those of each level group the condition uses (every group for
    /// `None`), each labelled by its group.
    pub fn safety_for(
        &self,
        code: &PointCode,
        condition: Option<&ConditionId>,
    ) -> Vec<Levelled<'_, SafetyNote>> {
        let Some(point) = self.point(code) else {
            return Vec::new();
        };
        let own = point
            .safety
            .iter()
            .map(|item| Levelled { group: None, item });
        let grouped = self
            .level_groups_for(code, condition)
            .into_iter()
            .flat_map(|g| {
                g.safety.iter().map(move |item| Levelled {
                    group: Some(g),
                    item,
                })
            });
        own.chain(grouped).collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::{FigureId, SafetyFlag};

    fn jiaji() -> PointCode {
        PointCode::new("EX-B2")
    }

    #[test]
    fn each_jiaji_site_knows_its_level_from_t1_to_l5() {
        let atlas = load_builtin().unwrap();
        let posterior = FigureId::new("posterior");
        let levels: Vec<String> = atlas
            .sites_on(&jiaji(), &posterior)
            .filter_map(|s| atlas.site_level(&jiaji(), s))
            .map(|l| l.level.to_string())
            .collect();
        assert_eq!(levels.len(), 34, "both sides of 17 levels");
        assert_eq!(levels.first().map(String::as_str), Some("T1"));
        assert_eq!(levels.last().map(String::as_str), Some("L5"));
    }

    #[test]
    fn lower_back_pain_gets_the_lumbar_depth_and_no_lung_note() {
        let atlas = load_builtin().unwrap();
        let low = ConditionId::new("lower-back-pain");
        let needling = atlas.needling_for(&jiaji(), Some(&low));
        assert_eq!(needling.len(), 1);
        assert_eq!(needling[0].item.depth_cun, Some((1.0, 1.5)));
        assert!(needling[0].label().unwrap().contains("Lumbar"));
        assert!(
            atlas
                .safety_for(&jiaji(), Some(&low))
                .iter()
                .all(|s| s.item.flag != SafetyFlag::Lung)
        );
    }

    #[test]
    fn with_no_condition_every_group_is_listed_with_its_label() {
        let atlas = load_builtin().unwrap();
        let needling = atlas.needling_for(&jiaji(), None);
        assert_eq!(needling.len(), 2);
        assert!(needling.iter().all(|n| n.label().is_some()));
        let lung: Vec<_> = atlas
            .safety_for(&jiaji(), None)
            .into_iter()
            .filter(|s| s.item.flag == SafetyFlag::Lung)
            .collect();
        assert_eq!(lung.len(), 1);
        assert!(lung[0].label().unwrap().contains("Thoracic"));
    }

    #[test]
    fn a_point_without_levels_has_its_own_needling_unlabelled() {
        let atlas = load_builtin().unwrap();
        let bl23 = PointCode::new("BL23");
        let needling = atlas.needling_for(&bl23, None);
        assert_eq!(needling.len(), 1);
        assert!(needling[0].group.is_none());
        assert_eq!(needling[0].item.summary(), "Perpendicular, 1–1.2 cun");
    }

    #[test]
    fn the_jiaji_headline_states_both_depths() {
        let atlas = load_builtin().unwrap();
        let text = atlas.point(&jiaji()).unwrap().needling_summary();
        assert!(
            text.contains("0.5–1 cun") && text.contains("1–1.5 cun"),
            "{text}"
        );
    }
}
