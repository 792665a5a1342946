//! Guidance texts: safety, the course of treatment, the state of the evidence, the schools.

use super::ids::ReferenceId;
use super::text::{Name, Prose, Title};
use serde::Deserialize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum GuidanceTopic {
    Safety,
    Course,
    Evidence,
    Schools,
    /// Plain lines for patients: what they may feel, what to tell the practitioner.
    Patient,
    /// Warning signs that need a doctor before any acupuncture: shown in Guidance, before the
    /// plan in Patient mode and on every handout.
    RedFlags,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceItem {
    pub heading: Name,
    pub text: Prose,
    /// A short list under the text, one plain line each (the warning signs).
    #[serde(default)]
    pub list: Vec<Prose>,
    #[serde(default)]
    pub references: Vec<ReferenceId>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceSection {
    pub topic: GuidanceTopic,
    pub title: Title,
    pub items: Vec<GuidanceItem>,
}
