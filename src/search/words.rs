//! Matching the words of a query against the words of a field, forgiving one slip per word:
//! a letter missing, one too many, or two neighbours swapped (`kidny`, `kidnney`, `kindey`).

use super::fold;
use nucleo_matcher::{Config, Matcher, Utf32Str};

/// Words that carry no meaning for search ("back of the knee" asks for `back` and `knee`).
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "at", "by", "for", "in", "is", "my", "of", "on", "or", "the", "to", "your",
];

/// A typed word shorter than this must match exactly or as a prefix (a slip in `bl` is not
/// one).
const TYPO_MIN_LETTERS: usize = 4;

/// How well a query's words were found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum WordMatch {
    /// Some word needed a slip forgiven.
    Slip,
    /// Every word was found, some as the start of a longer word (`ank` in `ankle`).
    Prefix,
    /// Every word was found whole.
    Whole,
}

/// The folded words of `text` that mean something for search.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .map(fold)
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(&w.as_str()))
        .collect()
}

/// A fuzzy matcher, made once per search.
pub struct Slips {
    matcher: Matcher,
    haystack: Vec<char>,
    needle: Vec<char>,
    indices: Vec<u32>,
}

impl Slips {
    pub fn new() -> Self {
        Self {
            matcher: Matcher::new(Config::DEFAULT),
            haystack: Vec::new(),
            needle: Vec::new(),
            indices: Vec::new(),
        }
    }

    /// How every word of `query` is found among `field`'s words, or `None` when one is not.
    pub fn find_all(&mut self, query: &[String], field: &[String]) -> Option<WordMatch> {
        if query.is_empty() {
            return None;
        }
        query
            .iter()
            .map(|q| field.iter().filter_map(|f| self.word(q, f)).max())
            .try_fold(WordMatch::Whole, |worst, m| Some(worst.min(m?)))
    }

    /// How the typed word `typed` matches the word `word`, if it does.
    fn word(&mut self, typed: &str, word: &str) -> Option<WordMatch> {
        if typed == word {
            Some(WordMatch::Whole)
        } else if word.starts_with(typed) && (typed.len() >= 3 || word.len() <= 3) {
            Some(WordMatch::Prefix)
        } else if typed.chars().count() >= TYPO_MIN_LETTERS && self.slip(typed, word) {
            Some(WordMatch::Slip)
        } else {
            None
        }
    }

    /// Whether `typed` is the start of `word` with one slip: a letter left out (the fuzzy
    /// matcher finds the typed letters in order with one gap of one letter), one letter too
    /// many, or two neighbours swapped.
    fn slip(&mut self, typed: &str, word: &str) -> bool {
        let letters: Vec<char> = typed.chars().collect();
        if self.missing_one(typed, word) {
            return true;
        }
        let n = letters.len();
        let extra = (0..n).any(|i| {
            let v: String = letters
                .iter()
                .take(i)
                .chain(letters.iter().skip(i + 1))
                .collect();
            word.starts_with(&v)
        });
        let swapped = (0..n.saturating_sub(1)).any(|i| {
            let mut v = letters.clone();
            v.swap(i, i + 1);
            word.starts_with(&v.iter().collect::<String>())
        });
        extra || swapped
    }

    /// Whether the letters of `typed` appear in `word` in order, with one letter of `word`
    /// skipped: between them, or the first.
    fn missing_one(&mut self, typed: &str, word: &str) -> bool {
        self.indices.clear();
        let hay = Utf32Str::new(word, &mut self.haystack);
        let needle = Utf32Str::new(typed, &mut self.needle);
        if self
            .matcher
            .fuzzy_indices(hay, needle, &mut self.indices)
            .is_none()
        {
            return false;
        }
        let (Some(first), Some(last)) = (self.indices.first(), self.indices.last()) else {
            return false;
        };
        let span = (last - first + 1) as usize;
        let n = typed.chars().count();
        (*first == 0 && span == n + 1) || (*first == 1 && span == n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(query: &str, field: &str) -> Option<WordMatch> {
        Slips::new().find_all(&words(query), &words(field))
    }

    #[test]
    fn stop_words_are_dropped_and_the_rest_folded() {
        assert_eq!(words("Back of the Knee"), ["back", "knee"]);
    }

    #[test]
    fn every_word_must_be_found_for_a_match() {
        assert_eq!(
            found("back knee", "back of the knee"),
            Some(WordMatch::Whole)
        );
        assert_eq!(found("back of knee", "behind the knee"), None);
        assert_eq!(found("ank", "ankle bone"), Some(WordMatch::Prefix));
    }

    #[test]
    fn one_slip_per_word_is_forgiven_and_two_are_not() {
        for typo in ["kidny", "kidnney", "kindey", "idney"] {
            assert_eq!(found(typo, "Kidney"), Some(WordMatch::Slip), "{typo}");
        }
        assert_eq!(found("kdny", "Kidney"), None);
        assert_eq!(found("sciatia", "Sciatica"), Some(WordMatch::Slip));
        assert_eq!(
            found("bl", "bladder"),
            None,
            "two letters are a prefix or nothing"
        );
    }
}
