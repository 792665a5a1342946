//! A mechanism's diagram: a few steps over a schematic, each lighting some structures and
//! drawing arrows, told in one or two plain sentences, with the grade of the evidence for
//! that step alone (a pathway can be shown in animals at one step and untested in people at
//! the next).

use super::ids::{MechanismId, PartId, ReferenceId, SchematicId};
use super::mechanism::EvidenceGrade;
use super::text::{Name, Prose, Title};
use serde::Deserialize;

/// The fewest and most steps a diagram has.
pub const DIAGRAM_STEPS: std::ops::RangeInclusive<usize> = 3..=8;

/// What an arrow stands for; the theme picks its colour and the painter its head.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum ArrowKind {
    /// A nerve signal travelling (pointed head).
    Signal,
    /// Damping or blocking a signal (a flat bar for a head).
    Calms,
    /// A chemical released (dotted line).
    Release,
    /// A hormone carried in the blood.
    Hormone,
    /// Something claimed that measurements did not support (dashed, grey, with a question
    /// mark).
    Claim,
}

impl ArrowKind {
    /// A few words for the diagram's key.
    pub fn legend(self) -> &'static str {
        match self {
            ArrowKind::Signal => "nerve signal",
            ArrowKind::Calms => "turns a signal down",
            ArrowKind::Release => "chemical released",
            ArrowKind::Hormone => "hormone in the blood",
            ArrowKind::Claim => "claimed, not found",
        }
    }
}

/// An arrow on a diagram: along a path structure (in its direction, or against it with
/// `reverse`), or from one structure to another.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Arrow {
    pub kind: ArrowKind,
    /// A path, band or needle structure the arrow runs along.
    #[serde(default)]
    pub along: Option<PartId>,
    #[serde(default)]
    pub reverse: bool,
    /// The structure the arrow starts at (with `to`, instead of `along`).
    #[serde(default)]
    pub from: Option<PartId>,
    #[serde(default)]
    pub to: Option<PartId>,
}

/// A short note pinned to a structure, such as the chemical released there.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tag {
    pub at: PartId,
    pub text: Prose,
}

/// One step of a diagram.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiagramStep {
    /// A few words, shown as the step's heading.
    pub title: Title,
    /// One or two plain sentences.
    pub text: Prose,
    /// The evidence for this step alone; never more than the mechanism's own grade.
    /// `Established` marks textbook physiology the proposal starts from, which is not graded.
    pub grade: EvidenceGrade,
    /// Who this step's evidence came from, shown on its badge ("20 women with fibromyalgia").
    #[serde(default)]
    pub grade_note: Option<Name>,
    /// The structures lit in this step.
    pub show: Vec<PartId>,
    #[serde(default)]
    pub arrows: Vec<Arrow>,
    #[serde(default)]
    pub tags: Vec<Tag>,
}

/// A mechanism's stepped diagram over a schematic.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Diagram {
    pub mechanism: MechanismId,
    pub schematic: SchematicId,
    /// The whole diagram told to a patient: plain words, no jargon, the grade in words.
    pub patient: Prose,
    /// The sources its steps rest on.
    pub references: Vec<ReferenceId>,
    pub steps: Vec<DiagramStep>,
}

impl DiagramStep {
    /// The badge shown for the step: its grade with its note.
    pub fn badge(&self) -> String {
        super::mechanism::badge_text(self.grade, self.grade_note.as_deref())
    }
}

impl Diagram {
    pub fn step(&self, index: usize) -> Option<&DiagramStep> {
        self.steps.get(index)
    }

    /// The arrow kinds the steps up to and including `index` use, in a fixed order (for the
    /// key).
    pub fn arrow_kinds_until(&self, index: usize) -> Vec<ArrowKind> {
        let all = [
            ArrowKind::Signal,
            ArrowKind::Calms,
            ArrowKind::Release,
            ArrowKind::Hormone,
            ArrowKind::Claim,
        ];
        all.into_iter()
            .filter(|k| {
                self.steps
                    .iter()
                    .take(index + 1)
                    .any(|s| s.arrows.iter().any(|a| a.kind == *k))
            })
            .collect()
    }
}

impl EvidenceGrade {
    /// How strong the grade is: 4 for human studies down to 0 for not supported.
    /// Established physiology is not a claim of the proposal, so it has no strength of its own
    /// (see [`EvidenceGrade::within`]); here it counts as the strongest.
    pub fn strength(self) -> u8 {
        match self {
            EvidenceGrade::Established | EvidenceGrade::HumanStudies => 4,
            EvidenceGrade::HumanConflicting => 3,
            EvidenceGrade::AnimalStudies => 2,
            EvidenceGrade::TheoryOnly => 1,
            EvidenceGrade::NotSupported => 0,
        }
    }

    /// Whether a claim graded `self` stays within what `limit` allows: never stronger.
    /// An established step claims nothing for the mechanism, so it fits under any grade.
    pub fn within(self, limit: EvidenceGrade) -> bool {
        self == EvidenceGrade::Established || self.strength() <= limit.strength()
    }

    /// The grade in a patient's words.
    pub fn plain(self) -> &'static str {
        match self {
            EvidenceGrade::Established => "textbook anatomy and physiology, not in question",
            EvidenceGrade::HumanStudies => "seen in studies of people",
            EvidenceGrade::HumanConflicting => "studied in people, with results that disagree",
            EvidenceGrade::AnimalStudies => "seen in animal studies, not shown in people",
            EvidenceGrade::TheoryOnly => "an idea, not tested as a cause of relief",
            EvidenceGrade::NotSupported => "not supported: measurements did not find it",
        }
    }

    /// The id used in JSON output, such as `human-studies`.
    pub fn id(self) -> &'static str {
        match self {
            EvidenceGrade::Established => "established",
            EvidenceGrade::HumanStudies => "human-studies",
            EvidenceGrade::HumanConflicting => "human-conflicting",
            EvidenceGrade::AnimalStudies => "animal-studies",
            EvidenceGrade::TheoryOnly => "theory-only",
            EvidenceGrade::NotSupported => "not-supported",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_weaker_or_equal_grade_is_within_a_stronger_one_and_not_the_reverse() {
        use EvidenceGrade::*;
        assert!(AnimalStudies.within(HumanStudies));
        assert!(HumanStudies.within(HumanStudies));
        assert!(NotSupported.within(TheoryOnly));
        assert!(!HumanStudies.within(AnimalStudies));
        assert!(!TheoryOnly.within(NotSupported));
        assert!(AnimalStudies.within(HumanConflicting));
        assert!(!HumanStudies.within(HumanConflicting));
    }

    #[test]
    fn an_established_step_fits_under_any_grade_and_its_badge_says_so() {
        use EvidenceGrade::*;
        assert!(Established.within(NotSupported));
        assert!(Established.within(TheoryOnly));
        assert_eq!(Established.label(), "Established anatomy");
    }

    #[test]
    fn a_badge_carries_its_note_on_who_was_studied() {
        use super::super::mechanism::badge_text;
        assert_eq!(
            badge_text(EvidenceGrade::HumanStudies, Some("13 healthy volunteers")),
            "Human studies · 13 healthy volunteers"
        );
        assert_eq!(badge_text(EvidenceGrade::TheoryOnly, None), "Theory only");
        assert_eq!(
            badge_text(EvidenceGrade::TheoryOnly, Some(" ")),
            "Theory only"
        );
    }
}
