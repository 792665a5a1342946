//! How a mechanism bears on one point, and where its evidence was gathered: a grade earned at
//! other points must not read as if it were earned at this one.

use super::Atlas;
use super::condition::Role;
use super::ids::PointCode;
use super::mechanism::{EvidenceGrade, Mechanism};

/// Why a mechanism is shown for a point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// The mechanism names the point.
    Direct,
    /// The point plays a role (local, adjacent, distal) the mechanism bears on.
    ByRole(Role),
}

/// One mechanism as it bears on one point.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MechanismLink<'a> {
    pub mechanism: &'a Mechanism,
    /// The mechanism's grade, earned wherever its studies were done.
    pub grade: EvidenceGrade,
    pub kind: LinkKind,
    /// Where the evidence was gathered, in relation to this point ("one rat study at SI3 with
    /// TE8", "from studies at other points"). Shown beside the grade.
    pub at_point: &'a str,
}

/// Said of a role link when the atlas gives no words of its own (the loader asks for them).
const FROM_OTHER_POINTS: &str =
    "Linked by the point's role; the studies behind this grade were done at other points.";

impl Atlas {
    /// Every mechanism that bears on a point, in the atlas's order: named directly (with what
    /// was studied at this point) or through one of its roles (evidence from other points).
    pub fn mechanism_links(&self, code: &PointCode) -> Vec<MechanismLink<'_>> {
        let roles: Vec<Role> = self.conditions_of(code).map(|(_, e)| e.role).collect();
        self.mechanisms()
            .iter()
            .filter_map(|m| {
                if let Some(link) = m.link(code) {
                    return Some(MechanismLink {
                        mechanism: m,
                        grade: m.grade,
                        kind: LinkKind::Direct,
                        at_point: &link.evidence,
                    });
                }
                let role = roles.iter().copied().find(|r| m.roles.contains(r))?;
                Some(MechanismLink {
                    mechanism: m,
                    grade: m.grade,
                    kind: LinkKind::ByRole(role),
                    at_point: m.role_evidence.as_deref().unwrap_or(FROM_OTHER_POINTS),
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;

    #[test]
    fn si3_and_the_opioids_say_it_was_one_rat_study() {
        let atlas = load_builtin().unwrap();
        let links = atlas.mechanism_links(&PointCode::new("SI3"));
        let opioids = links
            .iter()
            .find(|l| l.mechanism.id.as_str() == "endogenous-opioids")
            .unwrap();
        assert_eq!(opioids.kind, LinkKind::Direct);
        assert_eq!(opioids.grade, EvidenceGrade::HumanConflicting);
        assert!(opioids.at_point.contains("rat"), "{}", opioids.at_point);
    }

    #[test]
    fn a_local_point_gets_role_links_that_say_the_evidence_is_from_elsewhere() {
        let atlas = load_builtin().unwrap();
        let links = atlas.mechanism_links(&PointCode::new("BL23"));
        assert!(!links.is_empty());
        for link in links {
            assert!(matches!(link.kind, LinkKind::ByRole(_)), "{link:?}");
            assert!(!link.at_point.is_empty());
        }
    }
}
