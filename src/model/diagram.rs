//! A mechanism's diagram: a few steps over a schematic, each lighting some structures and
//! drawing arrows, told in one or two plain sentences, with the grade of the evidence for
//! that step alone (a pathway can be shown in animals at one step and untested in people at
//! the next).

use super::ids::{MechanismId, PartId, ReferenceId, SchematicId};
use super::mechanism::EvidenceGrade;
use super::text::{Prose, Title};
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
    pub grade: EvidenceGrade,
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
    /// How strong the grade is: 3 for human studies down to 0 for not supported.
    pub fn strength(self) -> u8 {
        match self {
            EvidenceGrade::HumanStudies => 3,
            EvidenceGrade::AnimalStudies => 2,
            EvidenceGrade::TheoryOnly => 1,
            EvidenceGrade::NotSupported => 0,
        }
    }

    /// Whether a claim graded `self` stays within what `limit` allows: never stronger.
    pub fn within(self, limit: EvidenceGrade) -> bool {
        self.strength() <= limit.strength()
    }

    /// The grade in a patient's words.
    pub fn plain(self) -> &'static str {
        match self {
            EvidenceGrade::HumanStudies => "seen in studies of people",
            EvidenceGrade::AnimalStudies => "seen in animal studies, not shown in people",
            EvidenceGrade::TheoryOnly => "an idea, not tested as a cause of relief",
            EvidenceGrade::NotSupported => "not supported: measurements did not find it",
        }
    }

    /// The id used in JSON output, such as `human-studies`.
    pub fn id(self) -> &'static str {
        match self {
            EvidenceGrade::HumanStudies => "human-studies",
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
    }
}
