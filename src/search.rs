//! Forgiving search over the atlas, the way people ask: codes however typed (`bl40`, `BL-40`,
//! `bl 40`), pinyin with or without tone marks, characters, English names, channels
//! (`bladder`), organs (`kidney`), body words (`back of knee`, `ankle`, from the regions' words
//! in the atlas), conditions, and one slip per word (`kidny`, `sciatia`). No egui.

mod words;

use crate::model::{Atlas, Point, PointCode};
use words::{Slips, WordMatch};

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

/// Scores for a field matched word by word: every word whole, as a prefix, with a slip.
type Tiers = (u32, u32, u32);
const ENGLISH_WORDS: Tiers = (55, 50, 35);
const CHANNEL_WORDS: Tiers = (50, 45, 30);
const REGION_WORDS: Tiers = (38, 34, 22);
const CONDITION_WORDS: Tiers = (33, 28, 20);
const BODY_WORDS: Tiers = (30, 26, 16);
/// A slip in a code's or name's whole spelling (`weizhogn`).
const NAME_SLIP: u32 = 40;
/// Added for each further kind of field that matches too (at most two): the ankle point
/// whose own description names the ankle ranks above one that is only in the ankle's region.
const ALSO_BONUS: u32 = 3;

/// Points matching `query`, best first; ties go to the point more conditions use, then to
/// atlas order. An empty query finds nothing.
pub fn search(atlas: &Atlas, query: &str) -> Vec<Hit> {
    let q = fold(query);
    if q.is_empty() {
        return Vec::new();
    }
    let typed = words::words(query);
    let mut slips = Slips::new();
    let mut hits: Vec<(usize, usize, Hit)> = Vec::new();
    for (order, point) in atlas.points().iter().enumerate() {
        let found = Found::of(atlas, point, &q, &typed, &mut slips);
        if let Some((score, why)) = found.best() {
            let used = atlas.conditions_of(&point.code).count();
            let code = point.code.clone();
            hits.push((order, used, Hit { code, score, why }));
        }
    }
    hits.sort_by(|a, b| {
        (b.2.score.cmp(&a.2.score))
            .then(b.1.cmp(&a.1))
            .then(a.0.cmp(&b.0))
    });
    hits.into_iter().map(|(_, _, h)| h).collect()
}

/// The best score of each kind of field a point matched by.
#[derive(Default)]
struct Found {
    kinds: Vec<(u32, String)>,
}

impl Found {
    fn of(atlas: &Atlas, point: &Point, q: &str, typed: &[String], slips: &mut Slips) -> Self {
        let mut found = Self::default();
        found.names(point, q, typed, slips);
        if let Some(channel) = atlas.channel_of(point) {
            let mut field = words::words(&channel.name);
            field.extend(["channel", "meridian"].map(String::from));
            let m = slips.find_all(typed, &field);
            found.add(tier(m, CHANNEL_WORDS), &format!("{} channel", channel.name));
        }
        let mut region_best = (0, String::new());
        for region in point.regions.iter().filter_map(|r| atlas.region(r)) {
            let phrases = [
                region.name.as_str(),
                region.plain.as_str(),
                region.id.as_str(),
            ];
            let others = region.words.iter().map(|w| &**w);
            for phrase in phrases.into_iter().chain(others) {
                let s = tier(slips.find_all(typed, &words::words(phrase)), REGION_WORDS)
                    .max(score_field(q, &fold(phrase), 35, 30, 20));
                if s > region_best.0 {
                    region_best = (s, region.name.to_string());
                }
            }
        }
        found.add(region_best.0, &region_best.1);
        let mut body = words::words(&point.patient_note);
        body.extend(point.place.iter().flat_map(|p| words::words(p)));
        found.add(
            tier(slips.find_all(typed, &body), BODY_WORDS),
            "where it lies",
        );
        let mut condition_best = (0, String::new());
        for (condition, _) in atlas.conditions_of(&point.code) {
            let name = fold(&condition.name);
            let s = tier(
                slips.find_all(typed, &words::words(&condition.name)),
                CONDITION_WORDS,
            )
            .max(score_field(q, &name, 33, 28, 18))
            .max(score_field(q, &fold(condition.id.as_str()), 33, 28, 0));
            if s > condition_best.0 {
                condition_best = (s, condition.name.to_string());
            }
        }
        found.add(condition_best.0, &condition_best.1);
        found
    }

    /// Code, pinyin, characters and English name: whole spellings, then word by word.
    fn names(&mut self, point: &Point, q: &str, typed: &[String], slips: &mut Slips) {
        let code = fold(point.code.as_str());
        let pinyin = fold(&point.pinyin);
        let mut s = score_field(q, &code, 100, 70, 0);
        self.add(s, "code");
        s = score_field(q, &pinyin, 95, 75, 45);
        if s == 0 && slips.find_all(&[q.to_owned()], &[pinyin]) == Some(WordMatch::Slip) {
            s = NAME_SLIP;
        }
        self.add(s, "pinyin");
        s = score_field(q, &fold(&point.hanzi), 95, 80, 60).max(score_field(
            q,
            &fold(&point.hanzi_traditional),
            95,
            80,
            60,
        ));
        self.add(s, "characters");
        let english = score_field(q, &fold(&point.english), 90, 65, 40);
        let by_words = tier(
            slips.find_all(typed, &words::words(&point.english)),
            ENGLISH_WORDS,
        );
        self.add(english.max(by_words), "English name");
    }

    fn add(&mut self, score: u32, why: &str) {
        if score > 0 {
            self.kinds.push((score, why.to_owned()));
        }
    }

    /// The best kind's score, raised a little for each other kind that matched, and its name.
    fn best(mut self) -> Option<(u32, String)> {
        self.kinds.sort_by_key(|k| std::cmp::Reverse(k.0));
        let mut kinds = self.kinds.into_iter();
        let (score, why) = kinds.next()?;
        let also = u32::try_from(kinds.count().min(2)).unwrap_or(0);
        Some((score + ALSO_BONUS * also, why))
    }
}

/// The score of a word-by-word match in its tier.
fn tier(found: Option<WordMatch>, (whole, prefix, slip): Tiers) -> u32 {
    match found {
        Some(WordMatch::Whole) => whole,
        Some(WordMatch::Prefix) => prefix,
        Some(WordMatch::Slip) => slip,
        None => 0,
    }
}

/// A search result as a reader needs it: the point, its names, where it lies and the
/// conditions that use it.
#[derive(Clone, Debug, PartialEq, serde::Serialize)]
pub struct Summary {
    pub code: String,
    /// Pinyin, characters and English name.
    pub name: String,
    /// Where the point lies, in plain words.
    #[serde(rename = "where")]
    pub place: String,
    /// The names of the conditions that use the point, in atlas order.
    pub conditions: Vec<String>,
}

/// What a result says about `point`.
pub fn summary(atlas: &Atlas, point: &Point) -> Summary {
    let note = point.patient_note.trim().trim_end_matches('.');
    let place = note.strip_prefix("A point ").map_or_else(
        || note.to_owned(),
        |rest| {
            let mut chars = rest.chars();
            chars
                .next()
                .map(|c| c.to_uppercase().chain(chars).collect())
                .unwrap_or_default()
        },
    );
    Summary {
        code: point.code.to_string(),
        name: format!("{} {}, {}", point.pinyin, point.hanzi, point.english),
        place,
        conditions: atlas
            .conditions_of(&point.code)
            .map(|(c, _)| c.name.to_string())
            .collect(),
    }
}

/// The results of `query` with what each says, best first: what the search box and
/// `acupoint-atlas search` show.
pub fn results(atlas: &Atlas, query: &str) -> Vec<(Hit, Summary)> {
    search(atlas, query)
        .into_iter()
        .filter_map(|hit| {
            let s = summary(atlas, atlas.point(&hit.code)?);
            Some((hit, s))
        })
        .collect()
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

    fn codes(query: &str) -> Vec<String> {
        let atlas = load_builtin().unwrap();
        search(&atlas, query)
            .iter()
            .map(|h| h.code.to_string())
            .collect()
    }

    #[test]
    fn a_channel_name_finds_its_points() {
        let found = codes("bladder");
        assert!(found.contains(&"BL40".to_owned()), "{found:?}");
        assert!(found.iter().all(|c| c.starts_with("BL")), "{found:?}");
        assert!(codes("bladder channel").contains(&"BL23".to_owned()));
    }

    #[test]
    fn an_organ_finds_its_channel_and_the_points_named_for_it() {
        let found = codes("kidney");
        assert!(found.contains(&"KI3".to_owned()), "{found:?}");
        assert!(found.contains(&"BL23".to_owned()), "{found:?}");
    }

    #[test]
    fn body_words_find_the_points_there() {
        let found = codes("back of knee");
        assert_eq!(found.first().map(String::as_str), Some("BL40"), "{found:?}");
        assert!(found.contains(&"BL39".to_owned()), "{found:?}");
        let found = codes("ankle");
        for code in ["KI3", "BL60", "BL62"] {
            assert!(found.contains(&code.to_owned()), "{code} in {found:?}");
        }
        assert!(!found.contains(&"BL23".to_owned()), "{found:?}");
    }

    #[test]
    fn knee_ranks_the_point_more_conditions_use_first() {
        let found = codes("knee");
        let at = |c: &str| found.iter().position(|f| f == c);
        assert!(at("BL40") < at("BL39"), "{found:?}");
        assert_eq!(at("BL40"), Some(0), "{found:?}");
    }

    #[test]
    fn one_slip_per_word_is_forgiven() {
        assert_eq!(first("weizhogn"), "BL40");
        assert_eq!(first("wei zhong"), "BL40");
        assert!(codes("kidny").contains(&"KI3".to_owned()));
        assert!(codes("sciatia").contains(&"GB30".to_owned()));
        assert!(codes("bladdr").contains(&"BL40".to_owned()));
    }

    #[test]
    fn a_result_says_where_the_point_is_and_which_conditions_use_it() {
        let atlas = load_builtin().unwrap();
        let (_, s) = results(&atlas, "bl40").into_iter().next().unwrap();
        assert_eq!(s.code, "BL40");
        assert!(s.place.contains("knee"), "{}", s.place);
        assert!(s.place.starts_with('I'), "{}", s.place);
        assert!(s.conditions.len() >= 2, "{:?}", s.conditions);
    }
}
