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
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidanceItem {
    pub heading: Name,
    pub text: Prose,
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
