//! "See a doctor first": the warning signs are in the atlas, in plain words, with their source,
//! and the back-pain and sciatica summaries point to them.

use super::atlas;
use super::patient_text::jargon_in;
use acupoint_atlas::model::{ConditionId, GuidanceTopic, ReferenceId};

#[test]
fn the_warning_signs_have_a_section_of_their_own_first_in_guidance() {
    let first = &atlas().guidance()[0];
    assert_eq!(first.topic, GuidanceTopic::RedFlags);
    assert_eq!(first.title, "See a doctor first");
}

#[test]
fn the_warning_signs_name_each_red_flag_in_plain_words_with_nice_as_source() {
    let flags = atlas().red_flags().unwrap();
    let all = flags
        .list
        .iter()
        .map(acupoint_atlas::model::Bounded::as_str)
        .collect::<Vec<_>>()
        .join(" | ")
        .to_lowercase();
    for sign in [
        "groin",
        "bladder or bowels",
        "weakness",
        "getting worse",
        "fever",
        "weight loss",
        "cancer",
        "fall",
    ] {
        assert!(all.contains(sign), "no `{sign}` in {all}");
    }
    for line in flags.list.iter().chain([&flags.text]) {
        if let Some(problem) = jargon_in(line) {
            panic!("{problem} in {line}");
        }
    }
    assert!(flags.references.contains(&ReferenceId::new("nice2016")));
    for r in &flags.references {
        assert!(atlas().reference(r).is_some(), "{r}");
    }
}

#[test]
fn the_back_pain_and_sciatica_summaries_say_see_a_doctor_first() {
    for id in ["lower-back-pain", "sciatica"] {
        let c = atlas().condition(&ConditionId::new(id)).unwrap();
        let lower = c.summary.to_lowercase();
        assert!(lower.contains("see a doctor first"), "{id}: {}", c.summary);
        for sign in ["groin", "bladder or bowel", "fever", "cancer"] {
            assert!(lower.contains(sign), "{id}: no `{sign}`");
        }
    }
}
