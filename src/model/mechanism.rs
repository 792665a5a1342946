//! Proposed mechanisms, each with the grade its evidence supports.

use super::condition::Role;
use super::ids::{MechanismId, PointCode, ReferenceId};
use serde::Deserialize;

/// How strong the evidence for a mechanism is. Panels never claim more than this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum EvidenceGrade {
    HumanStudies,
    AnimalStudies,
    TheoryOnly,
    NotSupported,
}

impl EvidenceGrade {
    pub fn label(self) -> &'static str {
        match self {
            EvidenceGrade::HumanStudies => "Human studies",
            EvidenceGrade::AnimalStudies => "Animal studies",
            EvidenceGrade::TheoryOnly => "Theory only",
            EvidenceGrade::NotSupported => "Not supported",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    pub id: MechanismId,
    pub title: String,
    /// Plain words, for patients.
    pub summary: String,
    /// For trainees: what was measured, in whom, and what it does and does not show.
    pub explanation: String,
    pub grade: EvidenceGrade,
    /// Points the mechanism bears on directly.
    #[serde(default)]
    pub points: Vec<PointCode>,
    /// Roles it bears on (for example distal points).
    #[serde(default)]
    pub roles: Vec<Role>,
    pub references: Vec<ReferenceId>,
}
