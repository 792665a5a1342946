//! Proposed mechanisms, each with the grade its evidence supports.

use super::condition::Role;
use super::ids::{MechanismId, PointCode, ReferenceId};
use super::text::{Prose, Title};
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

/// A point a mechanism names directly, with what was studied at that point itself.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointLink {
    pub code: PointCode,
    /// Where the evidence for this link was gathered, in a few words: at this point ("one rat
    /// study, electroacupuncture at SI3 with TE8") or not ("not tested at this point").
    pub evidence: Prose,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mechanism {
    pub id: MechanismId,
    pub title: Title,
    /// Plain words, for patients.
    pub summary: Prose,
    /// For trainees: what was measured, in whom, and what it does and does not show.
    pub explanation: Prose,
    pub grade: EvidenceGrade,
    /// Points the mechanism bears on directly, each with where its evidence was gathered.
    #[serde(default)]
    pub points: Vec<PointLink>,
    /// Roles it bears on (for example distal points).
    #[serde(default)]
    pub roles: Vec<Role>,
    /// For points linked only by their role: where the evidence behind the grade was gathered
    /// (other points, whole treatments). Required when `roles` is not empty.
    #[serde(default)]
    pub role_evidence: Option<Prose>,
    pub references: Vec<ReferenceId>,
}

impl Mechanism {
    /// The codes of the points the mechanism names directly.
    pub fn point_codes(&self) -> impl Iterator<Item = &PointCode> {
        self.points.iter().map(|l| &l.code)
    }

    /// The direct link to a point, if the mechanism names it.
    pub fn link(&self, code: &PointCode) -> Option<&PointLink> {
        self.points.iter().find(|l| &l.code == code)
    }
}
