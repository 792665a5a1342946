//! What a patient reads: a place name that fits the plan's condition, and beside every reason
//! its caveat, in plain words with no point codes and no jargon.

use super::{atlas, code};
use acupoint_atlas::model::{BackArea, ConditionId, Reader};

/// Words a patient should not meet in a reason or a caveat, and why:
/// - the atlas's own role terms (`distal`, `adjacent`, `local point`) and method jargon
///   (`micro-system`, `point-frequency`, `indication`) name a classification, not a reason;
/// - channel theory (`meridian`, `channel`, `vessel`, `qi`, `yin`, `yang`, `jiaji`, `baliao`)
///   needs a lesson first, and `vessel` reads as a blood vessel; plain text says "a traditional
///   line of points";
/// - measuring and Latin anatomy (`cun`, `lumbar`, `thoracic`, `sacral`, `spinous`,
///   `malleolus`, `popliteal`, `scapula`, ...) have everyday words ("ankle bone", "the crease
///   behind your knee", "shoulder blade");
/// - trial and author names (`Cherkin`, `GERAC`, `Zhang`, ...) are citations, not reasons:
///   plain text says "a large American trial".
const JARGON: &[&str] = &[
    "distal",
    "proximal",
    "adjacent",
    "local point",
    "micro-system",
    "microsystem",
    "point-frequency",
    "frequency list",
    "indication",
    "meridian",
    "channel",
    "vessel",
    "qi",
    "yin",
    "yang",
    "jiaji",
    "baliao",
    "cun",
    "lumbar",
    "thoracic",
    "sacral",
    "spinous",
    "foramen",
    "malleolus",
    "popliteal",
    "fibula",
    "tibia",
    "scapula",
    "trapezius",
    "acromion",
    "metacarpal",
    "iliac",
    "pleura",
    "cherkin",
    "gerac",
    "haake",
    "vickers",
    "zhang",
    "bo zhiyun",
    "cam 1999",
];

/// Why a plain text would not do for a patient, if it would not.
pub(super) fn jargon_in(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .collect();
    for term in JARGON {
        let found = if term.contains(' ') {
            lower.contains(term)
        } else {
            words
                .iter()
                .any(|w| w == term || w.strip_suffix('s') == Some(term))
        };
        if found {
            return Some(format!("the jargon word `{term}`"));
        }
    }
    for word in text.split(|c: char| !(c.is_alphanumeric() || c == '-')) {
        let is_code = atlas().point(&code(word)).is_some() || word.starts_with("EX-");
        let letters = word.trim_end_matches(|c: char| c.is_ascii_digit());
        let is_vertebra = matches!(letters, "C" | "T" | "L" | "S") && letters.len() < word.len();
        if is_code || is_vertebra {
            return Some(format!("the code `{word}`"));
        }
    }
    None
}

#[test]
fn the_jargon_check_catches_what_it_should() {
    assert!(jargon_in("A distal point on the Bladder channel.").is_some());
    assert!(jargon_in("Used in the Cherkin trial.").is_some());
    assert!(jargon_in("Beside BL23.").is_some());
    assert!(jargon_in("Level with L4.").is_some());
    assert!(jargon_in("Behind your knee, where a nerve passes.").is_none());
}

#[test]
fn every_reason_has_plain_words_and_every_caveat_a_plain_form() {
    for c in atlas().conditions() {
        for e in &c.points {
            let at = format!("{} / {}", c.id, e.code);
            let plain = e
                .plain_reason
                .as_deref()
                .unwrap_or_else(|| panic!("{at}: no plain_reason"));
            assert!(plain.len() > 20, "{at}: {plain}");
            if let Some(problem) = jargon_in(plain) {
                panic!("{at}: plain_reason has {problem}: {plain}");
            }
            assert_eq!(
                e.evidence_note.is_some(),
                e.plain_caveat.is_some(),
                "{at}: a plain_caveat goes with every evidence_note, and only with one"
            );
            if let Some(caveat) = &e.plain_caveat
                && let Some(problem) = jargon_in(caveat)
            {
                panic!("{at}: plain_caveat has {problem}: {caveat}");
            }
        }
    }
}

#[test]
fn a_patient_sees_the_plain_reason_with_its_plain_caveat_for_the_plans_condition() {
    let a = atlas();
    for c in a.conditions() {
        for e in &c.points {
            let why = a.why_here(&e.code, Some(&c.id), Reader::Patient).unwrap();
            assert_eq!(why.condition.id, c.id);
            assert_eq!(Some(why.reason), e.plain_reason.as_deref());
            assert_eq!(
                why.caveat,
                e.plain_caveat.as_deref(),
                "{} / {}",
                c.id,
                e.code
            );
        }
    }
}

/// Place names the patient sees, checked by hand against the fact base.
const PLACES: &[(&str, &str)] = &[
    ("GB21", "The top of your shoulder"),
    (
        "BL31",
        "The highest hollow in the flat bone at the base of your spine",
    ),
    (
        "BL32",
        "The second hollow in the flat bone at the base of your spine",
    ),
    (
        "BL33",
        "The third hollow in the flat bone at the base of your spine",
    ),
    (
        "BL34",
        "The lowest hollow in the flat bone at the base of your spine",
    ),
    ("LI15", "The front of the tip of your shoulder"),
    ("TE14", "The back of the tip of your shoulder"),
    (
        "SI9",
        "The back of your shoulder, above the crease of your armpit",
    ),
    (
        "SI10",
        "The back of your shoulder, under the ridge of your shoulder blade",
    ),
    // A sample of the others.
    ("BL23", "Beside your spine, at waist level"),
    (
        "BL13",
        "Beside your spine, level with the upper part of your shoulder blades",
    ),
    ("BL40", "The middle of the crease behind your knee"),
    ("GB20", "The hollows under the back of your skull"),
    ("CV6", "The middle of your belly, just below your navel"),
    (
        "SI3",
        "The outer edge of your hand, below your little finger",
    ),
    ("GV26", "Between your nose and your upper lip"),
    (
        "GB30",
        "The side of your buttock, behind the bony bump of your hip",
    ),
];

#[test]
fn place_names_follow_the_point_and_the_condition() {
    let a = atlas();
    let expected = PLACES;
    let mut checked = 0;
    for c in a.conditions() {
        let low = c.regions.iter().all(|r| {
            a.region(r)
                .is_some_and(|region| region.area == BackArea::Lower || r.as_str() == "head")
        });
        for e in &c.points {
            let point = a.point(&e.code).unwrap();
            let name = a.place_name(point, Some(&c.id));
            if let Some((_, want)) = expected.iter().find(|(k, _)| *k == e.code.as_str()) {
                assert_eq!(&name, want, "{} / {}", c.id, e.code);
                checked += 1;
            }
            if e.code.as_str() == "EX-B2" {
                let want = if low {
                    "in your lower back"
                } else {
                    "in your upper back"
                };
                assert!(name.contains(want), "{} / EX-B2: {name}", c.id);
                checked += 1;
            }
            if low {
                for far in ["upper back", "shoulder", "neck"] {
                    assert!(!name.contains(far), "{} / {}: {name}", c.id, e.code);
                }
            }
        }
    }
    assert!(checked >= 25, "only {checked} place names were checked");
    // Without a condition, a point's own words still win; a plan takes its condition.
    let gb21 = a.point(&code("GB21")).unwrap();
    assert_eq!(a.place_name(gb21, None), "The top of your shoulder");
    let plan = [code("EX-B2"), code("BL23")];
    let low = a.plan_condition(&plan, None).unwrap();
    assert_eq!(low.id, ConditionId::new("lower-back-pain"));
    let jiaji = a.point(&code("EX-B2")).unwrap();
    assert!(
        a.place_name(jiaji, Some(&low.id))
            .ends_with("in your lower back")
    );
}
