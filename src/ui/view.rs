//! What the window is showing: the chosen figure, condition, regions and selection, and the
//! points that follow from them.

use super::theme::ThemeKind;
use crate::model::{Atlas, ConditionId, FigureId, MechanismId, Point, PointCode, RegionId};
use std::collections::BTreeSet;

/// The tabs of the right-hand panel.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Point,
    Mechanisms,
    Guidance,
}

/// The user's choices. Everything else on screen is derived from these and the atlas.
#[derive(Clone, Debug, Default)]
pub struct ViewState {
    pub figure: Option<FigureId>,
    /// `None` shows every point in the atlas.
    pub condition: Option<ConditionId>,
    pub hidden_regions: BTreeSet<RegionId>,
    pub selected: Option<PointCode>,
    pub mechanism: Option<MechanismId>,
    pub tab: Tab,
    pub theme: ThemeKind,
    pub pinyin_labels: bool,
}

impl ViewState {
    /// A view of the first figure and the first condition of an atlas.
    pub fn initial(atlas: &Atlas) -> Self {
        Self {
            figure: atlas.figures().first().map(|f| f.id.clone()),
            condition: atlas.conditions().first().map(|c| c.id.clone()),
            ..Self::default()
        }
    }

    /// The points shown: those of the condition (or all), in a region that is not hidden,
    /// in the condition's order (or the atlas's).
    pub fn visible_points<'a>(&self, atlas: &'a Atlas) -> Vec<&'a Point> {
        let in_regions = |p: &Point| {
            atlas
                .display_region(p, self.condition.as_ref())
                .is_none_or(|(_, r)| !self.hidden_regions.contains(&r.id))
        };
        match self.condition.as_ref().and_then(|c| atlas.condition(c)) {
            Some(condition) => condition
                .points
                .iter()
                .filter_map(|e| atlas.point(&e.code))
                .filter(|p| in_regions(p))
                .collect(),
            None => atlas.points().iter().filter(|p| in_regions(p)).collect(),
        }
    }

    /// The points the selected mechanism bears on (empty when none is selected).
    pub fn mechanism_points(&self, atlas: &Atlas) -> BTreeSet<PointCode> {
        let Some(mechanism) = self
            .mechanism
            .as_ref()
            .and_then(|id| atlas.mechanisms().iter().find(|m| &m.id == id))
        else {
            return BTreeSet::new();
        };
        let mut codes: BTreeSet<PointCode> = mechanism.points.iter().cloned().collect();
        for point in self.visible_points(atlas) {
            let role = self
                .condition
                .as_ref()
                .and_then(|c| atlas.condition(c))
                .and_then(|c| c.entry(&point.code))
                .map(|e| e.role);
            if role.is_some_and(|r| mechanism.roles.contains(&r)) {
                codes.insert(point.code.clone());
            }
        }
        codes
    }
}
