//! Questions for study mode, drawn from the points of the current condition or region, the most
//! urgent first.

use super::question_kind::{Kinds, Question, QuestionKind, Topic};
use super::schedule::Progress;
use crate::model::{Atlas, ConditionId, FigureId, Point, PointCode, RegionId};

/// The codes study mode asks about: the condition's points, or every point; narrowed to a
/// region when one is given.
pub fn pool(
    atlas: &Atlas,
    condition: Option<&ConditionId>,
    region: Option<&RegionId>,
) -> Vec<PointCode> {
    let points = atlas.condition_points(condition);
    // A point counts under the region it is shown under for the condition (the lumbar Jiaji
    // under the lower back in lower back pain, not the upper back).
    points
        .into_iter()
        .filter(|p| {
            region.is_none_or(|r| {
                atlas
                    .display_region(p, condition)
                    .is_some_and(|(_, d)| &d.id == r)
            })
        })
        .map(|p| p.code.clone())
        .collect()
}

/// The fields a name question can ask from and to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Code,
    Pinyin,
    Hanzi,
    English,
}

impl Field {
    fn of(self, p: &Point) -> String {
        match self {
            Field::Code => p.code.to_string(),
            Field::Pinyin => p.pinyin.to_string(),
            Field::Hanzi => p.hanzi.to_string(),
            Field::English => p.english.to_string(),
        }
    }
}

/// Every direction between the four names.
const DIRECTIONS: [(Field, Field); 12] = [
    (Field::Code, Field::Pinyin),
    (Field::Pinyin, Field::Code),
    (Field::Code, Field::Hanzi),
    (Field::Hanzi, Field::Code),
    (Field::Code, Field::English),
    (Field::English, Field::Code),
    (Field::Pinyin, Field::Hanzi),
    (Field::Hanzi, Field::Pinyin),
    (Field::Pinyin, Field::English),
    (Field::English, Field::Pinyin),
    (Field::Hanzi, Field::English),
    (Field::English, Field::Hanzi),
];

/// The question for one direction between two names, as a whole sentence: "What is the code
/// of Wěizhōng?", "Which characters write Wěizhōng?".
fn name_prompt(from: Field, to: Field, given: &str) -> String {
    let given = match from {
        Field::English => format!("the point called \u{201c}{given}\u{201d}"),
        Field::Code | Field::Pinyin | Field::Hanzi => given.to_owned(),
    };
    match to {
        Field::Code => format!("What is the code of {given}?"),
        Field::Pinyin if from == Field::Hanzi => format!("How is {given} read in pinyin?"),
        Field::Pinyin => format!("What is the pinyin name of {given}?"),
        Field::Hanzi if from == Field::Pinyin => format!("Which characters write {given}?"),
        Field::Hanzi => format!("Which characters name {given}?"),
        Field::English => format!("What is the English name of {given}?"),
    }
}

/// A small, fixed mixing function: questions vary with `seq` but tests can predict them.
fn mix(seq: u64, salt: u64) -> u64 {
    let mut x = seq
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        .wrapping_add(salt.wrapping_mul(0xBF58_476D_1CE4_E5B9));
    x ^= x >> 31;
    x = x.wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 29)
}

fn pick(len: usize, seq: u64, salt: u64) -> usize {
    let len64 = u64::try_from(len).unwrap_or(u64::MAX).max(1);
    usize::try_from(mix(seq, salt) % len64).unwrap_or(0)
}

/// What the next question is drawn from: the deck's points, the kinds the plan allows, the
/// figure a locate question should use when it shows the point, and the condition shown.
#[derive(Clone, Copy, Debug)]
pub struct Asking<'a> {
    pub pool: &'a [PointCode],
    pub kinds: Kinds,
    pub locate_on: Option<&'a FigureId>,
    pub condition: Option<&'a ConditionId>,
}

/// The next question: the most urgent point of the pool that a kind the plan allows can ask
/// about, asked in the `seq`-th way.
pub fn next_question(
    atlas: &Atlas,
    asking: &Asking<'_>,
    progress: &Progress,
    now_s: u64,
    seq: u64,
) -> Option<Question> {
    // The profile's seed shuffles the order; the same seed gives the same run.
    let seq = seq ^ mix(progress.seed, 0x5EED);
    let mut order: Vec<(usize, &PointCode)> = asking.pool.iter().enumerate().collect();
    order.sort_by_key(|(i, c)| (progress.urgency(c.as_str(), now_s), mix(seq, *i as u64)));
    order
        .into_iter()
        .find_map(|(_, code)| ask_about(atlas, asking, atlas.point(code)?, seq))
}

/// One question about `point` of a kind the plan allows, the kind chosen by `seq` (locating
/// twice as often as the others); the next allowed kind when that one cannot ask about it.
fn ask_about(atlas: &Atlas, asking: &Asking<'_>, point: &Point, seq: u64) -> Option<Question> {
    const WHEEL: [Topic; 6] = [
        Topic::Location,
        Topic::Location,
        Topic::Names,
        Topic::Region,
        Topic::Condition,
        Topic::Landmark,
    ];
    let start = pick(WHEEL.len(), seq, 1);
    (0..WHEEL.len())
        .filter_map(|k| WHEEL.get((start + k) % WHEEL.len()).copied())
        .filter(|t| asking.kinds.allows(*t))
        .find_map(|topic| match topic {
            Topic::Location => locate_question(atlas, point, asking.locate_on),
            Topic::Landmark => super::landmark::landmark_question(atlas, point, asking.locate_on),
            Topic::Names => Some(name_question(atlas, asking.pool, point, seq)),
            Topic::Region => Some(region_question(atlas, point, seq, asking.condition)),
            Topic::Condition => condition_question(atlas, point, seq),
        })
}

fn locate_question(atlas: &Atlas, point: &Point, preferred: Option<&FigureId>) -> Option<Question> {
    let figure = preferred
        .filter(|f| atlas.sites_on(&point.code, f).next().is_some())
        .cloned()
        .or_else(|| atlas.sites(&point.code).first().map(|s| s.figure.clone()))?;
    Some(Question {
        code: point.code.clone(),
        prompt: super::surface::locate_prompt(point, super::surface::Surface::Figure),
        about: Topic::Location,
        kind: QuestionKind::Locate { figure },
    })
}

fn name_question(atlas: &Atlas, pool: &[PointCode], point: &Point, seq: u64) -> Question {
    let (from, to) = DIRECTIONS
        .get(pick(DIRECTIONS.len(), seq, 2))
        .copied()
        .unwrap_or((Field::Code, Field::Pinyin));
    let right = to.of(point);
    let mut options = vec![right.clone()];
    let others: Vec<&Point> = pool
        .iter()
        .chain(atlas.points().iter().map(|p| &p.code))
        .filter_map(|c| atlas.point(c))
        .filter(|p| p.code != point.code)
        .collect();
    let mut salt = 3;
    while options.len() < 4 && salt < 64 {
        if let Some(p) = others.get(pick(others.len(), seq, salt)) {
            let candidate = to.of(p);
            if !options.contains(&candidate) {
                options.push(candidate);
            }
        }
        salt += 1;
    }
    let answer_at = pick(options.len(), seq, 99);
    options.swap(0, answer_at);
    Question {
        code: point.code.clone(),
        prompt: name_prompt(from, to, &from.of(point)),
        about: Topic::Names,
        kind: QuestionKind::Choose {
            options,
            answer: answer_at,
        },
    }
}

/// "Which condition is this point used for?" with one condition that uses it and the ones
/// that do not; `None` when every condition uses it (there would be no wrong answer).
fn condition_question(atlas: &Atlas, point: &Point, seq: u64) -> Option<Question> {
    let (using, other): (Vec<_>, Vec<_>) = atlas
        .conditions()
        .iter()
        .partition(|c| c.entry(&point.code).is_some());
    if using.is_empty() || other.is_empty() {
        return None;
    }
    let right = using.get(pick(using.len(), seq, 5))?.name.to_string();
    let mut options = vec![right];
    options.extend(other.iter().take(3).map(|c| c.name.to_string()));
    let answer_at = pick(options.len(), seq, 97);
    options.swap(0, answer_at);
    Some(Question {
        code: point.code.clone(),
        prompt: format!(
            "For which of these conditions does the atlas use {} ({})?",
            point.code, point.pinyin
        ),
        about: Topic::Condition,
        kind: QuestionKind::Choose {
            options,
            answer: answer_at,
        },
    })
}

/// "Which region is BL60 in?", answered by the region the point is shown under for the
/// condition; the other options are regions the point is not in at all.
fn region_question(
    atlas: &Atlas,
    point: &Point,
    seq: u64,
    condition: Option<&ConditionId>,
) -> Question {
    let right = atlas
        .display_region(point, condition)
        .map_or_else(String::new, |(_, r)| r.name.to_string());
    let mut options = vec![right];
    for region in atlas.regions() {
        if options.len() >= 4 {
            break;
        }
        if !point.regions.contains(&region.id) && pick(3, seq, options.len() as u64 + 7) != 0 {
            options.push(region.name.to_string());
        }
    }
    for region in atlas.regions() {
        if options.len() >= 4 {
            break;
        }
        if !point.regions.contains(&region.id) && !options.iter().any(|o| *o == *region.name) {
            options.push(region.name.to_string());
        }
    }
    let answer_at = pick(options.len(), seq, 98);
    options.swap(0, answer_at);
    Question {
        code: point.code.clone(),
        prompt: format!("Which region is {} ({}) in?", point.code, point.pinyin),
        about: Topic::Region,
        kind: QuestionKind::Choose {
            options,
            answer: answer_at,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;
    use crate::study::Grade;

    /// Asking every kind of question about `pool`.
    fn every(pool: &[PointCode]) -> Asking<'_> {
        Asking {
            pool,
            kinds: Kinds::all(),
            locate_on: None,
            condition: None,
        }
    }

    #[test]
    fn questions_come_from_the_pool_and_a_missed_point_comes_back_first() {
        let atlas = load_builtin().unwrap();
        let pool = pool(&atlas, Some(&ConditionId::new("acute-lumbar-sprain")), None);
        assert!(pool.iter().any(|c| c.as_str() == "GV26"));
        let mut progress = Progress::default();
        for c in &pool {
            progress.record(c.as_str(), Grade::Right, 0);
        }
        progress.record("BL40", Grade::Wrong, 0);
        let q = next_question(&atlas, &every(&pool), &progress, 60, 7).unwrap();
        assert_eq!(q.code.as_str(), "BL40");
    }

    #[test]
    fn choice_questions_have_different_options_with_the_answer_among_them() {
        let atlas = load_builtin().unwrap();
        let pool = pool(&atlas, None, None);
        let progress = Progress::default();
        let mut choices = 0;
        for seq in 0..60 {
            let q = next_question(&atlas, &every(&pool), &progress, 0, seq).unwrap();
            if let QuestionKind::Choose { options, answer } = &q.kind {
                choices += 1;
                assert!(options.len() >= 2, "{q:?}");
                let mut unique = options.clone();
                unique.sort();
                unique.dedup();
                assert_eq!(unique.len(), options.len(), "{q:?}");
                assert!(*answer < options.len());
            }
        }
        assert!(choices > 10);
    }

    #[test]
    fn a_condition_question_offers_one_condition_that_uses_the_point() {
        let atlas = load_builtin().unwrap();
        let point = atlas.point(&PointCode::new("GV26")).unwrap();
        for seq in 0..20 {
            let q = condition_question(&atlas, point, seq).unwrap();
            let QuestionKind::Choose { options, answer } = &q.kind else {
                panic!()
            };
            let right = atlas
                .conditions()
                .iter()
                .find(|c| c.name == options[*answer])
                .unwrap();
            assert!(right.entry(&point.code).is_some());
            for (i, o) in options.iter().enumerate() {
                if i != *answer {
                    let c = atlas.conditions().iter().find(|c| &c.name == o).unwrap();
                    assert!(c.entry(&point.code).is_none(), "{o} uses GV26 too");
                }
            }
        }
    }

    #[test]
    fn every_prompt_is_a_whole_sentence_with_agreeing_grammar() {
        let atlas = load_builtin().unwrap();
        let pool = pool(&atlas, None, None);
        let mut progress = Progress::default();
        let mut seen = std::collections::BTreeSet::new();
        for seed in 0..6 {
            progress.seed = seed;
            for seq in 0..80 {
                let q = next_question(&atlas, &every(&pool), &progress, 0, seq).unwrap();
                seen.insert(
                    q.prompt
                        .split_whitespace()
                        .take(3)
                        .collect::<Vec<_>>()
                        .join(" "),
                );
                let p = &q.prompt;
                assert!(p.chars().next().unwrap().is_uppercase(), "{p}");
                assert!(p.ends_with('?') || p.ends_with('.'), "{p}");
                assert!(!p.contains("  ") && !p.contains(" ?"), "{p}");
                for bad in ["characters goes", "Which characters is", "goes with the"] {
                    assert!(!p.contains(bad), "{p}");
                }
            }
        }
        // Every template came up: locate, the name directions, region and condition.
        for start in [
            "Click where",
            "What is the",
            "Which characters write",
            "Which characters name",
            "How is",
            "Which region is",
            "For which of",
        ] {
            assert!(
                seen.iter().any(|s| s.starts_with(start)),
                "{start}: {seen:?}"
            );
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_run_and_another_seed_another() {
        let atlas = load_builtin().unwrap();
        let pool = pool(&atlas, None, None);
        let run = |seed: u64| -> Vec<String> {
            let progress = Progress {
                seed,
                ..Progress::default()
            };
            (0..10)
                .map(|seq| {
                    next_question(&atlas, &every(&pool), &progress, 0, seq)
                        .unwrap()
                        .prompt
                })
                .collect()
        };
        assert_eq!(run(42), run(42));
        assert_ne!(run(42), run(43));
    }

    #[test]
    fn name_questions_run_in_every_direction() {
        let atlas = load_builtin().unwrap();
        let point = atlas.point(&PointCode::new("BL40")).unwrap();
        let pool = vec![point.code.clone()];
        let prompts: std::collections::BTreeSet<String> = (0..200)
            .map(|seq| name_question(&atlas, &pool, point, seq).prompt)
            .collect();
        assert_eq!(prompts.len(), 12);
    }
}
