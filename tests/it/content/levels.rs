//! The Jiaji by level, and needling as it is shown: low-back conditions draw, list and warn
//! only for the lumbar levels; upper back pain uses the thoracic ones; each needling reads as
//! the textbook gives it (BL67 with no angle, SP6 measured one way per figure).

use super::{atlas, code};
use acupoint_atlas::model::{ConditionId, FigureId, PlacementRule, SafetyFlag};

/// The conditions whose pain is in the low back: none of their points may be drawn, listed or
/// warned about at a level over the lung.
const LOW_BACK: [&str; 3] = ["lower-back-pain", "sciatica", "acute-lumbar-sprain"];

#[test]
fn no_lung_flagged_site_or_level_appears_for_a_low_back_condition() {
    let a = atlas();
    for id in LOW_BACK {
        let c = ConditionId::new(id);
        for entry in &a.condition(&c).unwrap().points {
            let notes = a.safety_for(&entry.code, Some(&c));
            assert!(
                notes.iter().all(|n| n.item.flag != SafetyFlag::Lung),
                "{id}: {} carries a lung warning",
                entry.code
            );
            for group in a.level_groups_for(&entry.code, Some(&c)) {
                assert!(
                    group.safety.iter().all(|n| n.flag != SafetyFlag::Lung),
                    "{id}: {} uses the lung-flagged {}",
                    entry.code,
                    group.name
                );
            }
            for figure in a.figures() {
                for site in a.sites_for(&entry.code, &figure.id, Some(&c)) {
                    let Some(level) = a.site_level(&entry.code, site) else {
                        continue;
                    };
                    assert!(
                        level
                            .group
                            .safety
                            .iter()
                            .all(|n| n.flag != SafetyFlag::Lung),
                        "{id}: {} is drawn at {} on {}",
                        entry.code,
                        level.level,
                        figure.id
                    );
                }
            }
        }
    }
}

#[test]
fn lower_back_pain_and_sciatica_draw_the_five_lumbar_jiaji_pairs() {
    let a = atlas();
    let posterior = FigureId::new("posterior");
    for id in ["lower-back-pain", "sciatica"] {
        let c = ConditionId::new(id);
        let sites = a.sites_for(&code("EX-B2"), &posterior, Some(&c));
        assert_eq!(sites.len(), 10, "{id}: L1 to L5 on both sides");
        for site in sites {
            let level = a.site_level(&code("EX-B2"), site).unwrap();
            assert!(
                level.level.as_str().starts_with('L'),
                "{id}: {}",
                level.level
            );
        }
        let needling = a.needling_for(&code("EX-B2"), Some(&c));
        assert_eq!(needling.len(), 1, "{id}");
        assert_eq!(needling[0].item.depth_cun, Some((1.0, 1.5)), "{id}");
    }
}

#[test]
fn upper_back_pains_jiaji_are_the_thoracic_ones_with_their_lung_warning() {
    let a = atlas();
    let c = ConditionId::new("upper-back-pain");
    let sites = a.sites_for(&code("EX-B2"), &FigureId::new("posterior"), Some(&c));
    assert_eq!(sites.len(), 24, "T1 to T12 on both sides");
    for site in &sites {
        let level = a.site_level(&code("EX-B2"), site).unwrap();
        assert_eq!(level.group.id.as_str(), "thoracic");
    }
    let needling = a.needling_for(&code("EX-B2"), Some(&c));
    assert_eq!(needling.len(), 1);
    assert_eq!(needling[0].item.depth_cun, Some((0.5, 1.0)));
    assert!(
        a.safety_for(&code("EX-B2"), Some(&c))
            .iter()
            .any(|n| n.item.flag == SafetyFlag::Lung && n.label().is_some())
    );
}

#[test]
fn without_a_condition_the_whole_row_is_drawn_and_every_group_is_labelled() {
    let a = atlas();
    let all = a.sites_for(&code("EX-B2"), &FigureId::new("posterior"), None);
    assert_eq!(all.len(), 34);
    let needling = a.needling_for(&code("EX-B2"), None);
    let labels: Vec<_> = needling.iter().filter_map(|n| n.label()).collect();
    assert_eq!(labels.len(), 2, "{labels:?}");
}

#[test]
fn needling_reads_as_the_textbook_gives_it() {
    let a = atlas();
    let summary = |c: &str| a.point(&code(c)).unwrap().needling_summary();
    assert_eq!(
        summary("BL67"),
        "0.1 cun",
        "no angle where the textbook gives none"
    );
    assert!(a.point(&code("BL67")).unwrap().needling.angle.is_none());
    assert_eq!(summary("BL23"), "Perpendicular, 1–1.2 cun");
    assert_eq!(summary("BL13"), "Oblique toward the spine, 0.5–0.7 cun");
    let jiaji = summary("EX-B2");
    assert!(
        // Over the pleura the headline gives the safer slant (CAM99 writes perpendicular, and
        // the note says so).
        jiaji.contains("Thoracic levels (T1–T12): Oblique toward the spine, 0.5–1 cun")
            && jiaji.contains("Lumbar levels (L1–L5): Perpendicular, 1–1.5 cun"),
        "the headline states both depths: {jiaji}"
    );
    for p in a.points() {
        assert!(!p.needling_summary().contains("0.1–0.1"), "{}", p.code);
    }
}

#[test]
fn sp6_is_one_rule_measured_one_way_per_figure() {
    let a = atlas();
    let sp6 = a.point(&code("SP6")).unwrap();
    assert_eq!(sp6.placement.len(), 1);
    assert!(matches!(sp6.placement[0], PlacementRule::OneOf(_)));
    for figure in a.figures() {
        let n = a.sites_on(&code("SP6"), &figure.id).count();
        let most = if figure.midline_x.is_some() { 2 } else { 1 };
        assert!(n <= most, "SP6 drawn {n} times on {}", figure.id);
    }
}
