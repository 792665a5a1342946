//! Mechanism grades stay honest where a point is linked: every link says whether its evidence
//! was gathered at that point or elsewhere.

use super::{atlas, code};
use acupoint_atlas::model::{EvidenceGrade, LinkKind, MechanismId};

#[test]
fn every_mechanism_link_of_every_point_says_where_its_evidence_comes_from() {
    let a = atlas();
    for p in a.points() {
        let links = a.mechanism_links(&p.code);
        let roles: Vec<_> = a.conditions_of(&p.code).map(|(_, e)| e.role).collect();
        let shown: Vec<_> = a
            .mechanisms()
            .iter()
            .filter(|m| m.link(&p.code).is_some() || m.roles.iter().any(|r| roles.contains(r)))
            .map(|m| &m.id)
            .collect();
        let linked: Vec<_> = links.iter().map(|l| &l.mechanism.id).collect();
        assert_eq!(shown, linked, "{}: the badges and the links agree", p.code);
        for link in links {
            let note = link.at_point;
            assert!(
                note.len() > 20,
                "{} / {}: {note}",
                p.code,
                link.mechanism.id
            );
            assert_eq!(link.grade, link.mechanism.grade);
            match link.kind {
                LinkKind::Direct => {
                    assert!(link.mechanism.link(&p.code).is_some());
                }
                LinkKind::ByRole(role) => {
                    assert!(link.mechanism.roles.contains(&role));
                    assert!(
                        note.contains("other") || note.contains("not") || note.contains("Not"),
                        "{} / {}: a role link must say the evidence is not from this point: {note}",
                        p.code,
                        link.mechanism.id
                    );
                }
            }
        }
    }
}

#[test]
fn point_links_name_what_was_studied_at_the_point() {
    let a = atlas();
    let note = |c: &str, m: &str| {
        a.mechanism_links(&code(c))
            .into_iter()
            .find(|l| l.mechanism.id.as_str() == m)
            .map_or_else(
                || panic!("{c} is not linked to {m}"),
                |l| (l.kind, l.at_point.to_owned()),
            )
    };
    let (kind, si3) = note("SI3", "endogenous-opioids");
    assert_eq!(kind, LinkKind::Direct);
    assert!(si3.contains("One rat study at SI3–TE8"), "{si3}");
    for c in ["GV26", "EX-UE7"] {
        let (kind, text) = note(c, "neurotransmitters");
        assert_eq!(kind, LinkKind::Direct);
        assert!(
            text.contains("Untested") && text.contains("people"),
            "{c}: {text}"
        );
    }
    let (_, st36) = note("ST36", "cortisol-inflammation");
    assert!(st36.contains("rat"), "{st36}");
    let (_, li4) = note("LI4", "stress-limbic");
    assert!(li4.contains("healthy volunteers"), "{li4}");
}

#[test]
fn the_needle_grasp_mechanism_is_graded_as_theory() {
    let m = atlas()
        .mechanisms()
        .iter()
        .find(|m| m.id == MechanismId::new("muscle-connective-tissue"))
        .unwrap();
    assert_eq!(m.grade, EvidenceGrade::TheoryOnly);
}

fn mechanism(id: &str) -> &'static acupoint_atlas::model::Mechanism {
    atlas()
        .mechanisms()
        .iter()
        .find(|m| m.id == MechanismId::new(id))
        .unwrap()
}

#[test]
fn the_opioid_panel_says_the_human_studies_conflict() {
    let m = mechanism("endogenous-opioids");
    assert_eq!(m.grade, EvidenceGrade::HumanConflicting);
    assert!(
        m.badge().starts_with("Human studies, conflicting"),
        "{}",
        m.badge()
    );
    // Harris 2009 measured more free receptors, which is not a sign of release.
    assert!(
        m.explanation.contains("not evidence of release"),
        "{}",
        m.explanation
    );
}

#[test]
fn a_human_badge_resting_on_one_small_study_says_who_was_studied() {
    let m = mechanism("stress-limbic");
    assert_eq!(m.badge(), "Human studies · 13 healthy volunteers");
}

#[test]
fn nerves_carrying_the_needles_signals_are_established_in_every_diagram_and_never_a_mechanism() {
    for m in atlas().mechanisms() {
        assert_ne!(m.grade, EvidenceGrade::Established, "{}", m.id);
    }
    let mut seen = 0;
    for d in atlas().diagrams() {
        for step in &d.steps {
            let basic = step.show.iter().any(|p| p.as_str() == "sensory-nerve")
                && step.arrows.iter().any(|a| {
                    a.along
                        .as_ref()
                        .is_some_and(|p| p.as_str() == "sensory-nerve")
                });
            if basic && step.tags.is_empty() {
                seen += 1;
                assert_eq!(
                    step.grade,
                    EvidenceGrade::Established,
                    "{}: `{}` is textbook physiology",
                    d.mechanism,
                    step.title
                );
            }
        }
    }
    assert!(
        seen >= 3,
        "the signal steps of the nerve, opioid and brake diagrams"
    );
}
