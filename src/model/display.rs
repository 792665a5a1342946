//! Display facts derived from the atlas, once, for every reader: the region a point is shown
//! under for a condition (its colour on the canvas, its place name for a patient), the sites
//! drawn for a condition, and why the point is used, with the caveat on the evidence that must
//! travel with that reason.

use super::text::capitalise;
use super::{Atlas, Condition, ConditionId, PlacedSite, Point, PointCode, Region, Role};
use super::{FigureId, ids::RegionId};

/// Who is reading a sentence: the atlas keeps words for each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reader {
    /// A practitioner or trainee: the atlas's own terms.
    Trainee,
    /// A patient: plain words, no codes, no jargon.
    Patient,
}

/// Why a point is used for a condition, with its evidence caveat (when the reason has one).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WhyHere<'a> {
    pub condition: &'a Condition,
    pub role: Role,
    pub reason: &'a str,
    /// How far the evidence goes for this use; shown wherever the reason is shown.
    pub caveat: Option<&'a str>,
}

impl Atlas {
    /// The region a point is shown under for a condition, with its place in the region list
    /// (which picks its colour). The most specific answer wins: the region of the level group
    /// the condition uses (the lumbar Jiaji count as lower back), else the point's first region
    /// that the condition covers, else its first region.
    pub fn display_region(
        &self,
        point: &Point,
        condition: Option<&ConditionId>,
    ) -> Option<(usize, &Region)> {
        let levels = self.levels_for(&point.code, condition);
        let by_level = (!levels.is_empty())
            .then(|| point.groups_named(levels).first().map(|g| &g.region))
            .flatten();
        let covered = condition
            .and_then(|c| self.condition(c))
            .and_then(|c| point.regions.iter().find(|r| c.regions.contains(r)));
        let id: &RegionId = by_level.or(covered).or_else(|| point.regions.first())?;
        self.regions().iter().enumerate().find(|(_, r)| &r.id == id)
    }

    /// Where a point is, in a patient's words, for the condition it is used for ("Just below
    /// the outside of your knee"): the point's own `place`, followed for a row of levels by the
    /// region of the levels the condition uses ("Beside the bumps of your spine, in your lower
    /// back"); the region's words, or the English name, for a point without a `place`.
    pub fn place_name(&self, point: &Point, condition: Option<&ConditionId>) -> String {
        let by_level = !self.levels_for(&point.code, condition).is_empty();
        let region = self.display_region(point, condition).map(|(_, r)| &r.plain);
        match (&point.place, region) {
            (Some(place), Some(region)) if by_level => capitalise(&format!("{place}, in {region}")),
            (Some(place), _) => capitalise(place),
            (None, Some(region)) => capitalise(region),
            (None, None) => point.english.to_string(),
        }
    }

    /// Whether the point lies away from the back for this condition (so a patient is told why
    /// it helps the back).
    pub fn far_from_back(&self, point: &Point, condition: Option<&ConditionId>) -> bool {
        self.display_region(point, condition)
            .is_some_and(|(_, r)| r.far_from_back)
    }

    /// Why the point is used for `condition`, with its caveat, in words for `reader`. With no
    /// condition (or one that does not use the point), the first condition that uses it.
    pub fn why_here(
        &self,
        code: &PointCode,
        condition: Option<&ConditionId>,
        reader: Reader,
    ) -> Option<WhyHere<'_>> {
        let chosen = condition
            .and_then(|c| self.condition(c))
            .and_then(|c| c.entry(code).map(|e| (c, e)))
            .or_else(|| {
                self.conditions()
                    .iter()
                    .find_map(|c| c.entry(code).map(|e| (c, e)))
            })?;
        let (condition, entry) = chosen;
        let (reason, caveat) = match reader {
            Reader::Trainee => (entry.reason.as_str(), entry.evidence_note.as_deref()),
            Reader::Patient => (
                entry.plain_reason.as_deref().unwrap_or(&entry.reason),
                entry
                    .plain_caveat
                    .as_deref()
                    .or(entry.evidence_note.as_deref()),
            ),
        };
        Some(WhyHere {
            condition,
            role: entry.role,
            reason,
            caveat,
        })
    }

    /// The condition a plan of points belongs to: `preferred` when it uses any of them, else
    /// the condition that uses the most of them (the first such in the atlas on a tie).
    pub fn plan_condition(
        &self,
        plan: &[PointCode],
        preferred: Option<&ConditionId>,
    ) -> Option<&Condition> {
        if let Some(c) = preferred.and_then(|c| self.condition(c))
            && plan.iter().any(|code| c.entry(code).is_some())
        {
            return Some(c);
        }
        let count = |c: &Condition| plan.iter().filter(|code| c.entry(code).is_some()).count();
        let best = self
            .conditions()
            .iter()
            .map(count)
            .max()
            .filter(|n| *n > 0)?;
        self.conditions().iter().find(|c| count(c) == best)
    }

    /// The sites of a point drawn on a figure for a condition: for a point drawn as a row of
    /// levels, only the levels the condition names (the lumbar Jiaji for lower back pain); all
    /// sites when the condition names none, does not use the point, or is `None`.
    pub fn sites_for<'a>(
        &'a self,
        code: &PointCode,
        figure: &FigureId,
        condition: Option<&ConditionId>,
    ) -> Vec<&'a PlacedSite> {
        let levels = self.levels_for(code, condition);
        let Some(point) = self.point(code) else {
            return Vec::new();
        };
        self.sites_on(code, figure)
            .filter(|s| point.rule_in_levels(s.rule, levels))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;

    #[test]
    fn a_patient_place_name_follows_the_condition_not_the_first_region() {
        let atlas = load_builtin().unwrap();
        let jiaji = atlas.point(&PointCode::new("EX-B2")).unwrap();
        let low = ConditionId::new("lower-back-pain");
        let upper = ConditionId::new("upper-back-pain");
        assert!(atlas.place_name(jiaji, Some(&low)).contains("lower back"));
        assert!(!atlas.place_name(jiaji, Some(&upper)).contains("lower back"));
    }

    #[test]
    fn every_point_has_a_place_of_its_own_in_a_patients_words() {
        let atlas = load_builtin().unwrap();
        let mut seen = std::collections::BTreeMap::new();
        for point in atlas.points() {
            assert!(point.place.is_some(), "{} has no place", point.code);
            for condition in atlas.conditions() {
                let place = atlas.place_name(point, Some(&condition.id));
                if let Some(other) = seen.insert((condition.id.clone(), place.clone()), &point.code)
                {
                    panic!("{other} and {} are both headed {place:?}", point.code);
                }
            }
        }
    }

    #[test]
    fn a_plan_belongs_to_the_condition_that_uses_most_of_its_points() {
        let atlas = load_builtin().unwrap();
        let plan = [PointCode::new("GB21"), PointCode::new("SI11")];
        let c = atlas.plan_condition(&plan, None).unwrap();
        assert_eq!(c.id.as_str(), "upper-back-pain");
        let low = ConditionId::new("lower-back-pain");
        assert_eq!(
            atlas.plan_condition(&plan, Some(&low)).unwrap().id.as_str(),
            "upper-back-pain",
            "a preferred condition that uses none of the plan is passed over"
        );
    }

    #[test]
    fn why_here_carries_the_caveat_with_the_reason() {
        let atlas = load_builtin().unwrap();
        let low = ConditionId::new("lower-back-pain");
        let why = atlas
            .why_here(&PointCode::new("CV6"), Some(&low), Reader::Trainee)
            .unwrap();
        assert_eq!(why.condition.id, low);
        assert!(why.caveat.is_some(), "CV6's micro-system caveat travels");
    }
}
