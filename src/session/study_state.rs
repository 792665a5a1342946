//! Study mode's state for this run: the plan, the session under way (its question, answers
//! and misses), the record of past sessions, and the reset awaiting confirmation.

use crate::model::PointCode;
use crate::study::{LocateResult, Question, StudyHistory, StudyPlan};

/// Where a study session is: choosing the plan, asking, or showing its summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum StudyPhase {
    #[default]
    Plan,
    Asking,
    Summary,
}

/// One wrong answer, as the summary shows it: the question, what was given and what was right.
#[derive(Clone, Debug, PartialEq)]
pub struct Missed {
    pub code: PointCode,
    pub prompt: String,
    pub given: String,
    pub right: String,
}

/// Study mode's state for this run; progress lasts in `Settings`, the history in its own file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct StudyState {
    pub phase: StudyPhase,
    pub plan: StudyPlan,
    pub question: Option<Question>,
    /// The answer given to the current question, once given.
    pub answer: Option<Answer>,
    /// Counts questions asked this session, so each is asked a different way.
    pub seq: u64,
    pub asked: u32,
    pub right: u32,
    /// When the first question of this session was answered, and the last, in seconds since
    /// the Unix epoch (the time spent is between them).
    pub first_answer_s: Option<u64>,
    pub last_answer_s: Option<u64>,
    /// The points missed this session, in the order they were missed, each once.
    pub missed: Vec<PointCode>,
    /// Every wrong answer of this session, in order.
    pub misses: Vec<Missed>,
    /// Past sessions, oldest first (loaded from and saved to the store by the window).
    pub history: StudyHistory,
    /// "Reset my progress" was asked for and waits for its confirmation.
    pub confirm_reset: bool,
}

impl StudyState {
    /// Notes an answer given at `now_s`.
    pub fn note_answer(&mut self, code: &PointCode, right: bool, now_s: u64) {
        self.asked += 1;
        self.right += u32::from(right);
        self.first_answer_s.get_or_insert(now_s);
        self.last_answer_s = Some(now_s);
        if !right && !self.missed.contains(code) {
            self.missed.push(code.clone());
        }
    }

    /// Seconds from the first answer of the session to the last.
    pub fn seconds_spent(&self) -> u64 {
        match (self.first_answer_s, self.last_answer_s) {
            (Some(a), Some(b)) => b.saturating_sub(a),
            _ => 0,
        }
    }

    /// Whether the plan's length has been reached.
    pub fn finished(&self) -> bool {
        self.plan.length.count().is_some_and(|n| self.asked >= n)
    }

    /// Forgets the session under way (its counts, question and misses), keeping the plan and
    /// the history.
    pub fn clear_session(&mut self) {
        *self = Self {
            plan: self.plan.clone(),
            history: std::mem::take(&mut self.history),
            seq: self.seq,
            ..Self::default()
        };
    }
}

/// An answer to the current question.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Located(LocateResult),
    Chose { index: usize, right: bool },
}
