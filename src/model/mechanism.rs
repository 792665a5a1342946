//! Proposed mechanisms, each with the grade its evidence supports.

use super::condition::Role;
use super::ids::{MechanismId, PointCode, ReferenceId};
use super::text::{Name, Prose, Title};
use serde::Deserialize;

/// How strong the evidence for a mechanism is. Panels never claim more than this.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum EvidenceGrade {
    /// Textbook anatomy and physiology, such as a needle exciting nerve fibres: the scene a
    /// proposal starts from, not a proposal. Only a diagram step may carry it; it is never a
    /// mechanism's grade and never counts for or against one.
    Established,
    HumanStudies,
    /// Studied in people, with results that disagree (for example a drug test that a second
    /// group could not repeat): weaker than consistent human studies, stronger than animals
    /// alone.
    HumanConflicting,
    AnimalStudies,
    TheoryOnly,
    NotSupported,
}

impl EvidenceGrade {
    pub fn label(self) -> &'static str {
        match self {
            EvidenceGrade::Established => "Established anatomy",
            EvidenceGrade::HumanStudies => "Human studies",
            EvidenceGrade::HumanConflicting => "Human studies, conflicting",
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
    /// Who the evidence behind the grade came from, in a few words the badge shows beside it
    /// ("13 healthy volunteers"), where one grade would otherwise cover very different studies.
    #[serde(default)]
    pub grade_note: Option<Name>,
    pub references: Vec<ReferenceId>,
}

/// A grade's badge text: its label, and the note on who was studied when there is one.
pub fn badge_text(grade: EvidenceGrade, note: Option<&str>) -> String {
    match note {
        Some(note) if !note.trim().is_empty() => format!("{} · {}", grade.label(), note.trim()),
        _ => grade.label().to_owned(),
    }
}

impl Mechanism {
    /// The codes of the points the mechanism names directly.
    pub fn point_codes(&self) -> impl Iterator<Item = &PointCode> {
        self.points.iter().map(|l| &l.code)
    }

    /// The badge shown for the mechanism: its grade with its note.
    pub fn badge(&self) -> String {
        badge_text(self.grade, self.grade_note.as_deref())
    }

    /// The direct link to a point, if the mechanism names it.
    pub fn link(&self, code: &PointCode) -> Option<&PointLink> {
        self.points.iter().find(|l| &l.code == code)
    }
}
