//! Spaced repetition: a Leitner schedule per point. A right answer moves the point up a box and
//! waits longer before asking again; a wrong one sends it back to the first box, due at once.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Seconds to wait before asking again, by box.
const INTERVALS_S: [u64; 6] = [
    30,
    10 * 60,
    60 * 60,
    24 * 3600,
    3 * 24 * 3600,
    10 * 24 * 3600,
];

/// How an answer went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grade {
    Right,
    /// Near enough to learn from but not right (for example within 1.5 cun).
    Close,
    Wrong,
}

/// What is known about one point.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct PointProgress {
    /// Leitner box, 0 (new or missed) to 5 (well known).
    pub level: u8,
    /// When it is next due, in seconds since the Unix epoch.
    pub due_s: u64,
    pub asked: u32,
    pub right: u32,
    /// The last locate error in cun, if the point was last asked by location.
    pub last_error_cun: Option<f32>,
}

/// Progress for every point asked so far, by code, and the profile's own question order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Progress {
    pub points: BTreeMap<String, PointProgress>,
    /// Shuffles the order questions come in, once per profile (0: not chosen yet), so two
    /// trainees do not get the same run, and one trainee's run can be repeated in a test.
    pub seed: u64,
}

/// Counts for the progress summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Level 3 and up.
    pub known: usize,
    /// Asked, level 1 or 2.
    pub learning: usize,
    /// Asked, level 0 (last answer wrong).
    pub weak: usize,
    pub unseen: usize,
}

impl Progress {
    /// Records an answer at time `now_s`.
    pub fn record(&mut self, code: &str, grade: Grade, now_s: u64) {
        let p = self.points.entry(code.to_owned()).or_default();
        p.asked += 1;
        match grade {
            Grade::Right => {
                p.right += 1;
                p.level = (p.level + 1).min(5);
            }
            Grade::Close => p.level = p.level.saturating_sub(1),
            Grade::Wrong => p.level = 0,
        }
        let wait = INTERVALS_S
            .get(usize::from(p.level))
            .copied()
            .unwrap_or(INTERVALS_S[0]);
        p.due_s = now_s
            + if grade == Grade::Wrong {
                INTERVALS_S[0]
            } else {
                wait
            };
    }

    /// Whether a point is due at `now_s` (never-asked points are always due).
    pub fn is_due(&self, code: &str, now_s: u64) -> bool {
        self.points.get(code).is_none_or(|p| p.due_s <= now_s)
    }

    /// How urgent a point is: lower first. Missed points come before new ones, new ones before
    /// points that are merely due.
    pub fn urgency(&self, code: &str, now_s: u64) -> (u8, u64) {
        match self.points.get(code) {
            Some(p) if p.level == 0 && p.due_s <= now_s => (0, p.due_s),
            None => (1, 0),
            Some(p) if p.due_s <= now_s => (2, p.due_s),
            Some(p) => (3, p.due_s),
        }
    }

    /// Counts over the given points.
    pub fn summary<'a>(&self, codes: impl Iterator<Item = &'a str>) -> Summary {
        let mut s = Summary::default();
        for code in codes {
            match self.points.get(code) {
                None => s.unseen += 1,
                Some(p) if p.level >= 3 => s.known += 1,
                Some(p) if p.level == 0 => s.weak += 1,
                Some(_) => s.learning += 1,
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wrong_answer_comes_back_sooner_than_a_right_one() {
        let mut p = Progress::default();
        let t0 = 1_000_000;
        p.record("BL40", Grade::Right, t0);
        p.record("BL23", Grade::Wrong, t0);
        assert!(p.points["BL23"].due_s < p.points["BL40"].due_s);
        assert!(!p.is_due("BL40", t0 + 60));
        assert!(p.is_due("BL23", t0 + 60));
    }

    #[test]
    fn right_answers_climb_the_boxes_and_wait_longer_each_time() {
        let mut p = Progress::default();
        let mut now = 0;
        let mut last_wait = 0;
        for level in 1..=5 {
            p.record("KI3", Grade::Right, now);
            let entry = &p.points["KI3"];
            assert_eq!(entry.level, level);
            let wait = entry.due_s - now;
            assert!(wait > last_wait, "level {level} waits longer");
            last_wait = wait;
            now = entry.due_s;
        }
        p.record("KI3", Grade::Right, now);
        assert_eq!(p.points["KI3"].level, 5, "the top box is the last");
        p.record("KI3", Grade::Wrong, now);
        assert_eq!(p.points["KI3"].level, 0, "a miss starts over");
    }

    #[test]
    fn missed_points_are_more_urgent_than_new_ones_and_new_than_known() {
        let mut p = Progress::default();
        p.record("A", Grade::Wrong, 0);
        p.record("C", Grade::Right, 0);
        let now = 100;
        assert!(p.urgency("A", now) < p.urgency("B", now));
        assert!(p.urgency("B", now) < p.urgency("C", now));
    }

    #[test]
    fn the_summary_counts_known_learning_weak_and_unseen() {
        let mut p = Progress::default();
        for _ in 0..3 {
            p.record("K", Grade::Right, 0);
        }
        p.record("L", Grade::Right, 0);
        p.record("W", Grade::Wrong, 0);
        let s = p.summary(["K", "L", "W", "U"].into_iter());
        assert_eq!(
            s,
            Summary {
                known: 1,
                learning: 1,
                weak: 1,
                unseen: 1
            }
        );
    }
}
