//! The shipped atlas: complete, consistent, and faithful to the fact base.

use acupoint_atlas::load::load_builtin;
use acupoint_atlas::model::{Atlas, Laterality, PointCode, Role, SafetyFlag, Side};
use std::collections::BTreeSet;
use std::sync::OnceLock;

mod diagrams;
mod evidence;
mod levels;
mod location_steps;
mod patient_text;
mod red_flags;

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| load_builtin().unwrap_or_else(|e| panic!("built-in atlas:\n{e}")))
}

fn code(c: &str) -> PointCode {
    PointCode::new(c)
}

/// The point's single site on the patient's left of the posterior figure.
fn left_site(c: &str) -> (f32, f32) {
    let site = atlas()
        .sites_on(&code(c), &acupoint_atlas::model::FigureId::new("posterior"))
        .find(|s| s.side == Side::Left || s.side == Side::Midline)
        .unwrap_or_else(|| panic!("{c} is not on the posterior figure"));
    (site.at.x, site.at.y)
}

fn midline() -> f32 {
    atlas()
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap()
        .midline_x
        .unwrap()
}

#[test]
fn every_region_the_mission_names_has_at_least_two_points() {
    for region in [
        "lower-back",
        "hip",
        "behind-knee",
        "foot",
        "hand",
        "stomach",
        "upper-back",
        "neck",
        "head",
        "shoulder",
    ] {
        let n = atlas()
            .points()
            .iter()
            .filter(|p| p.regions.iter().any(|r| r.as_str() == region))
            .count();
        assert!(n >= 2, "region {region} has {n} points");
    }
}

#[test]
fn the_fact_base_points_are_all_present() {
    let expected = "BL10 BL11 BL12 BL13 BL14 BL15 BL16 BL17 BL23 BL24 BL25 BL26 BL31 BL32 BL33 BL34 \
        BL39 BL40 BL52 BL54 BL57 BL60 BL62 BL65 BL67 KI3 SP6 ST25 ST36 CV4 CV6 CV10 CV12 GV3 GV4 \
        GV14 GV16 GV20 GV26 GB20 GB21 GB29 GB30 GB34 GB41 SI3 SI9 SI10 SI11 SI14 SI15 TE14 TE15 \
        LI4 LI15 EX-B2 EX-B7 EX-B8 EX-UE7 EX-UE8 EX-HN3 EX-HN15";
    for c in expected.split_whitespace() {
        assert!(atlas().point(&code(c)).is_some(), "{c} is missing");
    }
}

#[test]
fn every_point_has_every_field_filled() {
    for p in atlas().points() {
        let c = &p.code;
        assert!(!p.regions.is_empty(), "{c}: regions");
        assert!(!p.placement.is_empty(), "{c}: placement");
        assert!(!p.sources.is_empty(), "{c}: sources");
        for (name, text) in [
            ("pinyin", p.pinyin.as_str()),
            ("hanzi", p.hanzi.as_str()),
            ("hanzi_traditional", p.hanzi_traditional.as_str()),
            ("english", p.english.as_str()),
            ("landmark", p.location.landmark.as_str()),
            ("measure", p.location.measure.as_str()),
            ("palpate", p.location.palpate.as_str()),
            ("needling note", p.needling.note.as_str()),
            ("patient note", p.patient_note.as_str()),
        ] {
            assert!(text.trim().len() > 1, "{c}: {name} is empty");
        }
        assert!(!atlas().sites(c).is_empty(), "{c} is placed nowhere");
    }
}

#[test]
fn pinyin_carries_tone_marks_and_characters_are_cjk() {
    let marked = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈĪÍǏÌŌÓǑÒŪÚǓÙ";
    for p in atlas().points() {
        assert!(
            p.pinyin.chars().any(|ch| marked.contains(ch)),
            "{}: {}",
            p.code,
            p.pinyin
        );
        assert!(
            !p.pinyin.chars().any(|ch| ch.is_ascii_digit()),
            "{}: {}",
            p.code,
            p.pinyin
        );
        for text in [&p.hanzi, &p.hanzi_traditional] {
            let cjk = |ch: char| {
                ('\u{4E00}'..='\u{9FFF}').contains(&ch) || ('\u{3400}'..='\u{4DBF}').contains(&ch)
            };
            assert!(text.chars().any(cjk), "{}: {text}", p.code);
            assert!(
                text.chars().all(|ch| cjk(ch) || " /·".contains(ch)),
                "{}: {text}",
                p.code
            );
        }
    }
}

#[test]
fn every_reference_resolves_and_is_used() {
    let a = atlas();
    let mut used = BTreeSet::new();
    for p in a.points() {
        used.extend(p.sources.iter().cloned());
        for alt in &p.alternatives {
            used.extend(alt.sources.iter().cloned());
        }
    }
    for c in a.conditions() {
        used.extend(c.sources.iter().cloned());
    }
    for m in a.mechanisms() {
        used.extend(m.references.iter().cloned());
    }
    for s in a.guidance() {
        for item in &s.items {
            used.extend(item.references.iter().cloned());
        }
    }
    for id in &used {
        assert!(a.reference(id).is_some(), "{id} does not resolve");
    }
    for r in a.references() {
        assert!(used.contains(&r.id), "reference {} is never cited", r.id);
    }
}

#[test]
fn the_safety_flags_of_the_fact_base_are_present() {
    use SafetyFlag::{Lung, Nerve, Organ, Pregnancy, Spine, Vessel};
    let table: &[(&str, &[SafetyFlag])] = &[
        ("BL23", &[Organ]),
        ("BL52", &[Organ]),
        ("BL11", &[Lung]),
        ("BL12", &[Lung]),
        ("BL13", &[Lung]),
        ("BL14", &[Lung]),
        ("BL15", &[Lung]),
        ("BL16", &[Lung]),
        ("BL17", &[Lung]),
        ("SI14", &[Lung]),
        ("SI15", &[Lung]),
        ("TE15", &[Lung]),
        ("GB21", &[Lung, Pregnancy]),
        ("EX-B2", &[Lung]),
        ("GB20", &[Spine, Vessel]),
        ("GV16", &[Spine]),
        ("BL10", &[Spine]),
        ("BL40", &[Vessel, Nerve]),
        ("GB30", &[Nerve, Vessel]),
        ("BL54", &[Nerve, Vessel]),
        ("KI3", &[Vessel, Nerve]),
        ("LI4", &[Pregnancy]),
        ("SP6", &[Pregnancy]),
        ("BL60", &[Pregnancy]),
        ("BL67", &[Pregnancy]),
        ("BL31", &[Pregnancy]),
        ("BL32", &[Pregnancy]),
        ("BL33", &[Pregnancy]),
        ("BL34", &[Pregnancy]),
        ("CV4", &[Pregnancy, Organ]),
        ("CV6", &[Pregnancy, Organ]),
        ("CV10", &[Pregnancy, Organ]),
        ("CV12", &[Pregnancy, Organ]),
        ("ST25", &[Pregnancy]),
    ];
    for (c, flags) in table {
        let p = atlas().point(&code(c)).unwrap();
        for flag in *flags {
            assert!(p.has_flag(*flag), "{c} lacks the {flag:?} flag");
        }
        for note in &p.safety {
            assert!(
                note.reason.len() > 10,
                "{c}: the {:?} flag needs its reason",
                note.flag
            );
        }
    }
}

#[test]
fn each_condition_covers_its_regions_with_a_role_and_reason_for_every_point() {
    let expect: &[(&str, &[&str])] = &[
        (
            "lower-back-pain",
            &[
                "lower-back",
                "hip",
                "behind-knee",
                "foot",
                "hand",
                "stomach",
            ],
        ),
        (
            "upper-back-pain",
            &["upper-back", "neck", "head", "shoulder"],
        ),
        ("sciatica", &[]),
        ("acute-lumbar-sprain", &[]),
    ];
    for (id, regions) in expect {
        let c = atlas()
            .condition(&acupoint_atlas::model::ConditionId::new(*id))
            .unwrap_or_else(|| panic!("condition {id} is missing"));
        for region in *regions {
            assert!(
                c.points.iter().any(|e| atlas()
                    .point(&e.code)
                    .unwrap()
                    .regions
                    .iter()
                    .any(|r| r.as_str() == *region)),
                "{id} has no point in {region}"
            );
        }
        for e in &c.points {
            assert!(e.reason.len() > 10, "{id}/{}: reason", e.code);
        }
    }
    let sprain = atlas()
        .condition(&acupoint_atlas::model::ConditionId::new(
            "acute-lumbar-sprain",
        ))
        .unwrap();
    for c in ["GV26", "EX-UE7", "SI3", "BL40"] {
        assert!(
            sprain.entry(&code(c)).is_some(),
            "acute lumbar sprain lacks {c}"
        );
    }
    let lbp = atlas()
        .condition(&acupoint_atlas::model::ConditionId::new("lower-back-pain"))
        .unwrap();
    for c in ["CV12", "CV10", "CV6", "CV4"] {
        let e = lbp.entry(&code(c)).unwrap();
        assert!(
            e.evidence_note.is_some(),
            "{c}: the abdominal micro-system needs its caveat"
        );
    }
    assert!(lbp.points.iter().any(|e| e.role == Role::Distal));
    assert!(lbp.points.iter().any(|e| e.role == Role::Local));
}

#[test]
fn placed_points_keep_the_proportions_the_cun_give() {
    let m = midline();
    let (x23, y23) = left_site("BL23");
    let (x52, y52) = left_site("BL52");
    assert!((y23 - y52).abs() < 1e-5, "BL23 and BL52 are level");
    let ratio = (m - x52) / (m - x23);
    assert!(
        (ratio - 2.0).abs() < 1e-3,
        "BL52 is twice as far out as BL23, got {ratio}"
    );
    let (_, y25) = left_site("BL25");
    let (x3, y3) = left_site("GV3");
    assert!((y25 - y3).abs() < 1e-5, "BL25 is level with GV3");
    assert!((x3 - m).abs() < 1e-5, "GV3 is on the midline");
    let (_, y4) = left_site("GV4");
    assert!((y4 - y23).abs() < 1e-5, "GV4 is level with BL23");
    // GB21 halfway across from C7 to the acromion (on the ridge above their chord: see the
    // placement test `gb21_sits_on_the_top_of_the_shoulder_in_both_back_views`).
    let fig = atlas()
        .figure(&acupoint_atlas::model::FigureId::new("posterior"))
        .unwrap();
    let lm = |id: &str| {
        fig.landmark(&acupoint_atlas::model::LandmarkId::new(id))
            .unwrap()
            .at
    };
    let (c7, acromion) = (lm("c7_spinous_lower"), lm("acromion_lateral"));
    let gb21 = left_site("GB21");
    assert!((gb21.0 - f32::midpoint(c7.x, acromion.x)).abs() < 1e-3);
    assert!(gb21.1 < f32::midpoint(c7.y, acromion.y));
}

#[test]
fn huatuojiaji_is_drawn_as_its_row_of_seventeen_pairs() {
    let sites: Vec<_> = atlas()
        .sites_on(
            &code("EX-B2"),
            &acupoint_atlas::model::FigureId::new("posterior"),
        )
        .collect();
    assert_eq!(sites.len(), 34);
}

#[test]
fn every_point_shows_on_a_whole_body_view_and_midline_points_sit_on_it() {
    for p in atlas().points() {
        let on_whole_body = atlas()
            .sites(&p.code)
            .iter()
            .any(|s| matches!(s.figure.as_str(), "posterior" | "anterior" | "side"));
        assert!(on_whole_body, "{} appears on no whole-body view", p.code);
        if p.laterality == Laterality::Midline {
            for s in atlas().sites(&p.code) {
                assert_eq!(s.side, Side::Midline, "{} on {}", p.code, s.figure);
            }
        }
    }
}
