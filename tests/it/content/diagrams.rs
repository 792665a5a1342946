//! The mechanism diagrams and the built-in lesson: every mechanism drawn in 3 to 8 steps, each
//! with a grade and one or two sentences; no step graded above its mechanism; plain words for
//! patients that say the grade; and a lesson that covers what the issue asks of it.
//!
//! The grade rule: grades rank human studies > animal studies > theory only > not supported.
//! A step's grade says how well that step is supported as part of the mechanism's account of
//! relief, so it may never rank above the mechanism's own grade (the loader refuses that), and
//! at least one step ranks level with it (else the card would claim more than its diagram
//! shows). A step that describes something measured on the way (the needle's grip, redness of
//! the skin) is still graded by what it shows about relief, and says in its words what was
//! measured.

use super::atlas;
use super::patient_text::jargon_in;
use acupoint_atlas::model::{
    ArrowKind, DIAGRAM_STEPS, EvidenceGrade, LessonId, MechanismId, PartKind, Role,
};
use std::collections::BTreeSet;

/// The number of sentences in a text: full stops, question and exclamation marks that end it
/// or are followed by a space (`0.2` and `e.g.` inside a sentence do not count).
fn sentences(text: &str) -> usize {
    let t = text.trim();
    let inner = t.matches(". ").count() + t.matches("? ").count() + t.matches("! ").count();
    inner + usize::from(t.ends_with(['.', '?', '!']))
}

#[test]
fn every_mechanism_has_a_diagram_of_three_to_eight_steps_each_with_a_grade_and_words() {
    for m in atlas().mechanisms() {
        let d = atlas()
            .diagram(&m.id)
            .unwrap_or_else(|| panic!("{} has no diagram", m.id));
        assert!(
            DIAGRAM_STEPS.contains(&d.steps.len()),
            "{}: {} steps",
            m.id,
            d.steps.len()
        );
        assert_eq!(*DIAGRAM_STEPS.start(), 3);
        assert_eq!(*DIAGRAM_STEPS.end(), 8);
        for (i, step) in d.steps.iter().enumerate() {
            let at = format!("{} step {}", m.id, i + 1);
            assert!(!step.title.trim().is_empty(), "{at}: no title");
            let n = sentences(&step.text);
            assert!((1..=2).contains(&n), "{at}: {n} sentences: {}", step.text);
            assert!(!step.show.is_empty(), "{at}: lights nothing");
        }
    }
}

#[test]
fn no_step_claims_more_than_its_mechanism_and_one_step_carries_its_grade() {
    for m in atlas().mechanisms() {
        let d = atlas().diagram(&m.id).unwrap();
        for (i, step) in d.steps.iter().enumerate() {
            // A measured step under a weaker proposal says on its badge what was measured.
            assert!(
                step.grade.within(m.grade) || step.grade_note.is_some(),
                "{} step {}: {:?} claims more than the mechanism's {:?}",
                m.id,
                i + 1,
                step.grade,
                m.grade
            );
        }
        assert!(
            d.steps.iter().any(|s| s.grade == m.grade),
            "{}: no step carries the mechanism's own grade {:?}",
            m.id,
            m.grade
        );
    }
}

#[test]
fn each_diagram_cites_sources_its_mechanism_cites_or_the_atlas_holds() {
    for d in atlas().diagrams() {
        assert!(!d.references.is_empty(), "{}", d.mechanism);
        for r in &d.references {
            assert!(atlas().reference(r).is_some(), "{}: {r}", d.mechanism);
        }
    }
}

/// Words that put each grade into a patient's language.
fn grade_words(grade: EvidenceGrade) -> &'static [&'static str] {
    match grade {
        EvidenceGrade::HumanStudies => &["studies of people", "studies of healthy people"],
        EvidenceGrade::HumanConflicting => &["studies of people", "disagree", "mixed"],
        EvidenceGrade::Established => &["textbook"],
        EvidenceGrade::AnimalStudies => &["animal studies"],
        EvidenceGrade::TheoryOnly => &["an idea"],
        EvidenceGrade::NotSupported => &["not supported"],
    }
}

#[test]
fn the_patients_words_for_each_diagram_are_plain_and_say_its_grade() {
    for d in atlas().diagrams() {
        let m = atlas().mechanism(&d.mechanism).unwrap();
        if let Some(problem) = jargon_in(&d.patient) {
            panic!("{}: {problem} in {}", m.id, d.patient);
        }
        let lower = d.patient.to_lowercase();
        assert!(
            grade_words(m.grade).iter().any(|w| lower.contains(w)),
            "{}: the patient text does not say `{}` in words: {}",
            m.id,
            m.grade.label(),
            d.patient
        );
        assert!(d.patient.len() < 400, "{}: too long for a patient", m.id);
    }
}

#[test]
fn electromagnetic_impulses_shows_the_claim_and_what_was_measured() {
    let id = MechanismId::new("electromagnetic");
    let d = atlas().diagram(&id).unwrap();
    let schematic = atlas().schematic(&d.schematic).unwrap();
    let claims = d
        .steps
        .iter()
        .any(|s| s.arrows.iter().any(|a| a.kind == ArrowKind::Claim));
    let measures = d.steps.iter().any(|s| {
        s.show.iter().any(|id| {
            schematic
                .structure(id)
                .is_some_and(|x| x.kind == PartKind::Meter)
        })
    });
    assert!(claims && measures);
    assert!(
        d.steps
            .iter()
            .all(|s| s.grade == EvidenceGrade::NotSupported)
    );
}

#[test]
fn the_schematic_names_every_structure_the_issue_asks_for() {
    let s = atlas()
        .schematics()
        .first()
        .expect("a schematic for the diagrams");
    for id in [
        "needle",
        "skin",
        "muscle",
        "sensory-nerve",
        "spinal-cord",
        "dorsal-horn",
        "pag",
        "rvm",
        "hypothalamus",
        "pituitary",
        "limbic",
        "cortex",
        "muscle-vessel",
    ] {
        assert!(
            s.structure(&acupoint_atlas::model::PartId::new(id))
                .is_some(),
            "no `{id}`"
        );
    }
}

#[test]
fn the_built_in_lesson_covers_regions_points_bl23_safety_every_mechanism_and_the_trials() {
    let lesson = atlas()
        .lesson(&LessonId::new("chronic-back-pain"))
        .expect("the built-in lesson");
    assert_eq!(lesson.title, "Acupuncture for chronic back pain");
    assert!(
        (12..=20).contains(&lesson.steps.len()),
        "{}",
        lesson.steps.len()
    );
    let conditions: BTreeSet<_> = lesson
        .steps
        .iter()
        .filter_map(|s| lesson.condition_of(s))
        .map(acupoint_atlas::model::ConditionId::as_str)
        .collect();
    assert!(conditions.contains("lower-back-pain") && conditions.contains("upper-back-pain"));
    let roles_emphasised = |role: Role| {
        lesson.steps.iter().any(|s| {
            let condition = lesson.condition_of(s).and_then(|c| atlas().condition(c));
            s.points.iter().any(|p| {
                condition
                    .and_then(|c| c.entry(p))
                    .is_some_and(|e| e.role == role)
            })
        })
    };
    assert!(roles_emphasised(Role::Local) && roles_emphasised(Role::Distal));
    assert!(
        lesson.steps.iter().any(|s| s
            .select
            .as_ref()
            .map(acupoint_atlas::model::PointCode::as_str)
            == Some("BL23")
            && s.text.contains("cun")),
        "a step locates BL23 in cun"
    );
    assert!(lesson.steps.iter().any(|s| s.title.contains("Safety")));
    for m in atlas().mechanisms() {
        let step = lesson
            .steps
            .iter()
            .find(|s| s.mechanism.as_ref() == Some(&m.id))
            .unwrap_or_else(|| panic!("the lesson does not show {}", m.id));
        let title = step.title.to_lowercase();
        assert!(
            title.contains(&m.grade.label().to_lowercase()),
            "the step on {} names its grade: {}",
            m.id,
            step.title
        );
    }
    assert!(lesson.steps.iter().any(|s| s.title.contains("trials")));
    assert!(lesson.steps.iter().any(|s| s.recall));
    for s in &lesson.steps {
        assert!(
            !s.note.trim().is_empty(),
            "{}: a note for the presenter",
            s.title
        );
    }
}
