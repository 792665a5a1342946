//! Conditions and the part each point plays in treating them.

use super::ids::{ConditionId, LevelId, PointCode, ReferenceId, RegionId};
use super::text::{Name, Prose};
use serde::Deserialize;

/// A point's part in a condition's treatment.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum Role {
    /// At the painful area.
    Local,
    /// Near it.
    Adjacent,
    /// Far from it, chosen by channel or tradition.
    Distal,
}

impl Role {
    pub fn id(self) -> &'static str {
        match self {
            Role::Local => "local",
            Role::Adjacent => "adjacent",
            Role::Distal => "distal",
        }
    }
}

/// One point in a condition, with its role and a one-line reason.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConditionPoint {
    pub code: PointCode,
    pub role: Role,
    /// For a point drawn as a row of levels (the Jiaji): the levels this condition uses, by
    /// level (`L4`) or by group (`lumbar`). Empty means every level.
    #[serde(default)]
    pub levels: Vec<LevelId>,
    pub reason: Prose,
    /// A caveat on the evidence for this use (for example the abdominal micro-system).
    #[serde(default)]
    pub evidence_note: Option<Prose>,
    /// The reason in a patient's words (the trainee's reason is shown when absent).
    #[serde(default)]
    pub plain_reason: Option<Prose>,
    /// The caveat in a patient's words (the trainee's note is shown when absent).
    #[serde(default)]
    pub plain_caveat: Option<Prose>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    pub id: ConditionId,
    pub name: Name,
    pub summary: Prose,
    pub regions: Vec<RegionId>,
    pub points: Vec<ConditionPoint>,
    pub sources: Vec<ReferenceId>,
}

impl Condition {
    pub fn entry(&self, code: &PointCode) -> Option<&ConditionPoint> {
        self.points.iter().find(|p| &p.code == code)
    }
}
