//! Checks of points, regions, conditions, mechanisms, references and guidance: duplicate ids,
//! ids that resolve, text that is present, numbers that make sense.

use super::{Reporter, duplicates};
use crate::load::parse::{Origin, Origins};
use crate::load::unread::IdKind;
use crate::model::{AtlasParts, Meridian, PlacementRule, Point, ReferenceId, RegionId};
use rustc_hash::FxHashSet as HashSet;

/// The ids each kind of reference may point at.
struct Known<'a> {
    regions: HashSet<&'a str>,
    points: HashSet<&'a str>,
    references: HashSet<&'a str>,
}

pub fn check_content(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) {
    let known = Known {
        regions: parts.regions.iter().map(|r| r.id.as_str()).collect(),
        points: parts.points.iter().map(|p| p.code.as_str()).collect(),
        references: parts.references.iter().map(|r| r.id.as_str()).collect(),
    };
    check_ids(rep, parts, origins);
    check_conditions(rep, &known, parts, origins);
    for (region, origin) in parts.regions.iter().zip(&origins.regions) {
        require_text(rep, origin, ".name", &region.name);
        require_text(rep, origin, ".plain", &region.plain);
    }
    for (point, origin) in parts.points.iter().zip(&origins.points) {
        check_point(rep, &known, point, origin);
    }
    for (mechanism, origin) in parts.mechanisms.iter().zip(&origins.mechanisms) {
        require_text(rep, origin, ".title", &mechanism.title);
        require_text(rep, origin, ".summary", &mechanism.summary);
        require_text(rep, origin, ".explanation", &mechanism.explanation);
        if mechanism.grade == crate::model::EvidenceGrade::Established {
            rep.at(
                origin,
                ".grade",
                "`Established` marks textbook physiology in a diagram step; a mechanism is a proposal and needs the grade its evidence earns",
            );
        }
        for (i, link) in mechanism.points.iter().enumerate() {
            if !known.points.contains(link.code.as_str()) {
                rep.unknown(
                    IdKind::Point,
                    link.code.as_str(),
                    origin,
                    &format!(".points[{i}].code"),
                    format!("unknown point `{}`", link.code),
                );
            }
            require_text(
                rep,
                origin,
                &format!(".points[{i}].evidence"),
                &link.evidence,
            );
        }
        if !mechanism.roles.is_empty()
            && mechanism
                .role_evidence
                .as_deref()
                .is_none_or(|t| t.trim().is_empty())
        {
            rep.at(
                origin,
                ".roles",
                "a mechanism linked to roles needs `role_evidence`: where its evidence was gathered",
            );
        }
        check_sources(rep, &known, origin, ".references", &mechanism.references);
    }
    for (reference, origin) in parts.references.iter().zip(&origins.references) {
        require_text(rep, origin, ".authors", &reference.authors);
        require_text(rep, origin, ".title", &reference.title);
        require_text(rep, origin, ".venue", &reference.venue);
    }
    for (section, origin) in parts.guidance.iter().zip(&origins.guidance) {
        require_text(rep, origin, ".title", &section.title);
        for (i, item) in section.items.iter().enumerate() {
            require_text(rep, origin, &format!(".items[{i}].heading"), &item.heading);
            require_text(rep, origin, &format!(".items[{i}].text"), &item.text);
            check_sources(
                rep,
                &known,
                origin,
                &format!(".items[{i}].references"),
                &item.references,
            );
        }
    }
}

fn check_ids(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) {
    duplicates(
        rep,
        "region id",
        parts
            .regions
            .iter()
            .zip(&origins.regions)
            .map(|(r, o)| (r.id.as_str(), o, ".id".into())),
    );
    duplicates(
        rep,
        "point code",
        parts
            .points
            .iter()
            .zip(&origins.points)
            .map(|(p, o)| (p.code.as_str(), o, ".code".into())),
    );
    duplicates(
        rep,
        "condition id",
        parts
            .conditions
            .iter()
            .zip(&origins.conditions)
            .map(|(c, o)| (c.id.as_str(), o, ".id".into())),
    );
    duplicates(
        rep,
        "mechanism id",
        parts
            .mechanisms
            .iter()
            .zip(&origins.mechanisms)
            .map(|(m, o)| (m.id.as_str(), o, ".id".into())),
    );
    duplicates(
        rep,
        "reference id",
        parts
            .references
            .iter()
            .zip(&origins.references)
            .map(|(r, o)| (r.id.as_str(), o, ".id".into())),
    );
}

fn check_conditions(
    rep: &mut Reporter<'_>,
    known: &Known<'_>,
    parts: &AtlasParts,
    origins: &Origins,
) {
    for (condition, origin) in parts.conditions.iter().zip(&origins.conditions) {
        require_text(rep, origin, ".name", &condition.name);
        require_text(rep, origin, ".summary", &condition.summary);
        check_regions(rep, known, origin, ".regions", &condition.regions);
        check_sources(rep, known, origin, ".sources", &condition.sources);
        let mut seen = HashSet::default();
        for (i, entry) in condition.points.iter().enumerate() {
            let at = format!(".points[{i}]");
            if !known.points.contains(entry.code.as_str()) {
                rep.unknown(
                    IdKind::Point,
                    entry.code.as_str(),
                    origin,
                    &format!("{at}.code"),
                    format!("unknown point `{}`", entry.code),
                );
            } else if !seen.insert(entry.code.as_str()) {
                rep.at(
                    origin,
                    &format!("{at}.code"),
                    format!(
                        "point `{}` is listed twice in `{}`",
                        entry.code, condition.id
                    ),
                );
            }
            require_text(rep, origin, &format!("{at}.reason"), &entry.reason);
        }
    }
}

fn check_point(rep: &mut Reporter<'_>, known: &Known<'_>, point: &Point, origin: &Origin) {
    let code = point.code.as_str();
    if let Some(problem) = code_problem(code, point.meridian) {
        rep.at(origin, ".code", problem);
    }
    for (field, text) in [
        (".pinyin", point.pinyin.as_str()),
        (".hanzi", point.hanzi.as_str()),
        (".hanzi_traditional", point.hanzi_traditional.as_str()),
        (".english", point.english.as_str()),
        (".location.landmark", point.location.landmark.as_str()),
        (".location.measure", point.location.measure.as_str()),
        (".location.palpate", point.location.palpate.as_str()),
        (".needling.note", point.needling.note.as_str()),
        (".patient_note", point.patient_note.as_str()),
    ] {
        require_text(rep, origin, field, text);
    }
    if point.regions.is_empty() {
        rep.at(
            origin,
            ".regions",
            format!("point `{code}` needs at least one region"),
        );
    }
    check_regions(rep, known, origin, ".regions", &point.regions);
    if point.sources.is_empty() {
        rep.at(
            origin,
            ".sources",
            format!("point `{code}` needs at least one source"),
        );
    }
    check_sources(rep, known, origin, ".sources", &point.sources);
    for (i, alternative) in point.alternatives.iter().enumerate() {
        require_text(
            rep,
            origin,
            &format!(".alternatives[{i}].text"),
            &alternative.text,
        );
        check_sources(
            rep,
            known,
            origin,
            &format!(".alternatives[{i}].sources"),
            &alternative.sources,
        );
    }
    for (i, note) in point.safety.iter().enumerate() {
        require_text(rep, origin, &format!(".safety[{i}].reason"), &note.reason);
    }
    check_depth(rep, origin, ".needling.depth_cun", point.needling.depth_cun);
    if point.placement.is_empty() {
        rep.at(
            origin,
            ".placement",
            format!("point `{code}` needs at least one placement rule"),
        );
    }
    for (i, rule) in point.placement.iter().enumerate() {
        check_rule_numbers(rep, origin, &format!(".placement[{i}]"), rule);
    }
}

fn check_rule_numbers(rep: &mut Reporter<'_>, origin: &Origin, at: &str, rule: &PlacementRule) {
    let numbers: &[(&str, f32)] = match rule {
        PlacementRule::At(_) => &[],
        PlacementRule::Between { fraction, .. } => &[("fraction", *fraction)],
        PlacementRule::Offset { across, along, .. } => &[("across", *across), ("along", *along)],
        PlacementRule::OneOf(rules) => {
            if rules.is_empty() {
                rep.at(origin, at, "`OneOf` needs at least one rule");
            }
            for (j, inner) in rules.iter().enumerate() {
                check_rule_numbers(rep, origin, &format!("{at}.0[{j}]"), inner);
            }
            &[]
        }
    };
    for (name, value) in numbers {
        if !value.is_finite() {
            rep.at(
                origin,
                &format!("{at}.{name}"),
                format!("`{name}` must be a finite number, not {value}"),
            );
        }
    }
    if let PlacementRule::Between { fraction, .. } = rule
        && fraction.is_finite()
        && !(0.0..=1.0).contains(fraction)
    {
        rep.at(
            origin,
            &format!("{at}.fraction"),
            format!("fraction must be between 0 and 1, not {fraction}"),
        );
    }
}

/// Why a code does not fit its meridian, if it does not.
fn code_problem(code: &str, meridian: Meridian) -> Option<String> {
    if meridian == Meridian::EX {
        let ok = code.strip_prefix("EX-").is_some_and(|rest| {
            let letters = rest.trim_end_matches(|c: char| c.is_ascii_digit());
            !letters.is_empty()
                && letters.len() < rest.len()
                && letters.chars().all(|c| c.is_ascii_uppercase())
        });
        return (!ok).then(|| {
            format!("extra-point code `{code}` should look like `EX-UE7` (EX-, letters, number)")
        });
    }
    let prefix = meridian.abbreviation();
    let ok = code
        .strip_prefix(prefix)
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    (!ok).then(|| {
        format!("code `{code}` does not match meridian {prefix} (expected like `{prefix}1`)")
    })
}

/// The deepest needling an atlas may give, in cun. The standard texts' deepest points (at the
/// buttock, such as GB30) are needled about 1.5 to 3 cun; this leaves room for any of them and
/// refuses a slip of the keyboard (15 for 1.5).
pub const MAX_DEPTH_CUN: f32 = 5.0;

/// Reports a depth range that is not two finite, non-negative numbers, the smaller first, or
/// one deeper than any standard text gives.
pub(super) fn check_depth(
    rep: &mut Reporter<'_>,
    origin: &Origin,
    field: &str,
    depth: Option<(f32, f32)>,
) {
    let Some((lo, hi)) = depth else {
        return;
    };
    if !(lo.is_finite() && hi.is_finite() && lo >= 0.0 && lo <= hi) {
        rep.at(
            origin,
            field,
            "depth must be two finite numbers of cun, the smaller first",
        );
    } else if hi > MAX_DEPTH_CUN {
        rep.at(
            origin,
            field,
            format!(
                "a depth of {} cun is deeper than any standard text needles (the deepest, at the buttock, are about 3 cun); at most {MAX_DEPTH_CUN}",
                super::bounds::number(hi)
            ),
        );
    }
}

pub(super) fn require_text(rep: &mut Reporter<'_>, origin: &Origin, field: &str, text: &str) {
    if text.trim().is_empty() {
        let name = field.rsplit('.').next().unwrap_or(field);
        rep.at(origin, field, format!("`{name}` must not be empty"));
    }
}

fn check_regions(
    rep: &mut Reporter<'_>,
    known: &Known<'_>,
    origin: &Origin,
    field: &str,
    ids: &[RegionId],
) {
    for (i, id) in ids.iter().enumerate() {
        if !known.regions.contains(id.as_str()) {
            rep.unknown(
                IdKind::Region,
                id.as_str(),
                origin,
                &format!("{field}[{i}]"),
                format!("unknown region `{id}` (regions.ron does not define it)"),
            );
        }
    }
}

fn check_sources(
    rep: &mut Reporter<'_>,
    known: &Known<'_>,
    origin: &Origin,
    field: &str,
    ids: &[ReferenceId],
) {
    for (i, id) in ids.iter().enumerate() {
        if !known.references.contains(id.as_str()) {
            rep.unknown(
                IdKind::Reference,
                id.as_str(),
                origin,
                &format!("{field}[{i}]"),
                format!("unknown reference `{id}` (references.ron does not define it)"),
            );
        }
    }
}
