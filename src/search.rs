//! Forgiving search over the atlas: codes however typed (`bl40`, `BL-40`, `bl 40`), pinyin with
//! or without tone marks, characters, English names, regions and conditions. No egui.

use crate::model::{Atlas, PointCode};

/// One search result.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub code: PointCode,
    /// Higher is better.
    pub score: u32,
    /// What matched, for display: "code", "pinyin", "characters", "English name", a region or
    /// condition name.
    pub why: String,
}

/// Lower case, tone marks removed, and everything but letters, digits and CJK characters
/// dropped, so `BL-40`, `bl 40` and `bl40` all read `bl40`, and `Wěizhōng` reads `weizhong`.
pub fn fold(text: &str) -> String {
    text.chars()
        .flat_map(char::to_lowercase)
        .map(strip_tone)
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn strip_tone(c: char) -> char {
    match c {
        'ā' | 'á' | 'ǎ' | 'à' => 'a',
        'ē' | 'é' | 'ě' | 'è' => 'e',
        'ī' | 'í' | 'ǐ' | 'ì' => 'i',
        'ō' | 'ó' | 'ǒ' | 'ò' => 'o',
        'ū' | 'ú' | 'ǔ' | 'ù' => 'u',
        'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'ü' => 'v',
        other => other,
    }
}

/// Scores how well `query` (already folded) matches `field` (folded): exact, prefix, or inside.
fn score_field(query: &str, field: &str, exact: u32, prefix: u32, inside: u32) -> u32 {
    if field.is_empty() {
        0
    } else if field == query {
        exact
    } else if field.starts_with(query) {
        prefix
    } else if field.contains(query) {
        inside
    } else {
        0
    }
}

/// Points matching `query`, best first (ties by atlas order). An empty query finds nothing.
pub fn search(atlas: &Atlas, query: &str) -> Vec<Hit> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let words: Vec<String> = query.split_whitespace().map(fold).collect();
    let mut hits: Vec<(usize, Hit)> = Vec::new();
    for (order, point) in atlas.points().iter().enumerate() {
        let mut best = (0, String::new());
        let mut consider = |score: u32, why: &str| {
            if score > best.0 {
                best = (score, why.to_owned());
            }
        };
        consider(
            score_field(&q, &fold(point.code.as_str()), 100, 70, 0),
            "code",
        );
        consider(score_field(&q, &fold(&point.pinyin), 95, 75, 45), "pinyin");
        consider(
            score_field(&q, &fold(&point.hanzi), 95, 80, 60),
            "characters",
        );
        consider(
            score_field(&q, &fold(&point.hanzi_traditional), 95, 80, 60),
            "characters",
        );
        consider(
            score_field(&q, &fold(&point.english), 90, 65, 40),
            "English name",
        );
        // Every word of a several-word query found in the English name.
        if words.len() > 1 {
            let english = fold(&point.english);
            if words
                .iter()
                .all(|w| !w.is_empty() && english.contains(w.as_str()))
            {
                consider(55, "English name");
            }
        }
        for region in point.regions.iter().filter_map(|r| atlas.region(r)) {
            let s = score_field(&q, &fold(&region.name), 35, 30, 20).max(score_field(
                &q,
                &fold(region.id.as_str()),
                35,
                30,
                0,
            ));
            consider(s, &region.name);
        }
        for (condition, _) in atlas.conditions_of(&point.code) {
            let s = score_field(&q, &fold(&condition.name), 33, 28, 18).max(score_field(
                &q,
                &fold(condition.id.as_str()),
                33,
                28,
                0,
            ));
            consider(s, &condition.name);
        }
        if best.0 > 0 {
            hits.push((
                order,
                Hit {
                    code: point.code.clone(),
                    score: best.0,
                    why: best.1,
                },
            ));
        }
    }
    hits.sort_by(|a, b| b.1.score.cmp(&a.1.score).then(a.0.cmp(&b.0)));
    hits.into_iter().map(|(_, h)| h).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;

    fn first(query: &str) -> String {
        let atlas = load_builtin().unwrap();
        search(&atlas, query)
            .first()
            .map(|h| h.code.to_string())
            .unwrap_or_default()
    }

    #[test]
    fn codes_are_found_however_they_are_typed() {
        for q in ["bl40", "BL-40", "bl 40", "BL40", " Bl40 "] {
            assert_eq!(first(q), "BL40", "{q}");
        }
        assert_eq!(first("ex-ue7"), "EX-UE7");
    }

    #[test]
    fn pinyin_is_found_with_or_without_tone_marks() {
        assert_eq!(first("weizhong"), "BL40");
        assert_eq!(first("wěizhōng"), "BL40");
        assert_eq!(first("Shenshu"), "BL23");
    }

    #[test]
    fn characters_and_english_names_are_found() {
        assert_eq!(first("委中"), "BL40");
        assert_eq!(first("腎俞"), "BL23");
        assert_eq!(first("kidney shu"), "BL23");
    }

    #[test]
    fn a_region_or_condition_finds_its_points() {
        let atlas = load_builtin().unwrap();
        let hits = search(&atlas, "behind the knee");
        assert!(hits.iter().any(|h| h.code.as_str() == "BL40"));
        let hits = search(&atlas, "sciatica");
        assert!(hits.iter().any(|h| h.code.as_str() == "GB30"));
    }

    #[test]
    fn an_exact_code_ranks_above_a_prefix() {
        let atlas = load_builtin().unwrap();
        let hits = search(&atlas, "bl1");
        assert!(hits.len() > 1);
        assert_eq!(
            hits[0].code.as_str(),
            "BL10",
            "prefix matches: BL10..BL17 in atlas order"
        );
        assert!(search(&atlas, "").is_empty());
    }
}
