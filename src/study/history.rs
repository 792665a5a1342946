//! The record of past study sessions (score, time, what was missed) kept between runs, and
//! the counts the progress charts draw.

use super::schedule::Progress;
use serde::{Deserialize, Serialize};

/// At most this many sessions are kept (the chart shows the last few).
pub const MAX_SESSIONS: usize = 200;

/// One finished session.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SessionRecord {
    /// When it ended, in seconds since the Unix epoch.
    pub ended_s: u64,
    /// What was asked about ("Lower back pain", "Channel BL", "Weak points").
    pub deck: String,
    pub asked: u32,
    pub right: u32,
    /// From the first answer to the last.
    pub seconds: u64,
    /// The codes answered wrong, each once.
    pub missed: Vec<String>,
}

/// Every session kept, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct StudyHistory {
    pub sessions: Vec<SessionRecord>,
}

impl StudyHistory {
    /// Adds a session, forgetting the oldest past [`MAX_SESSIONS`].
    pub fn push(&mut self, record: SessionRecord) {
        self.sessions.push(record);
        let over = self.sessions.len().saturating_sub(MAX_SESSIONS);
        self.sessions.drain(..over);
    }

    /// The last `n` sessions, oldest first.
    pub fn last(&self, n: usize) -> &[SessionRecord] {
        let from = self.sessions.len().saturating_sub(n);
        self.sessions.get(from..).unwrap_or_default()
    }
}

/// How many points each box of the spaced repetition holds, box 0 (new or missed) to 5.
pub fn box_counts(progress: &Progress) -> [u32; 6] {
    let mut counts = [0u32; 6];
    for p in progress.points.values() {
        if let Some(c) = counts.get_mut(usize::from(p.level)) {
            *c += 1;
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::study::Grade;

    #[test]
    fn the_history_keeps_the_newest_sessions() {
        let mut h = StudyHistory::default();
        for i in 0..(MAX_SESSIONS as u64 + 5) {
            h.push(SessionRecord {
                ended_s: i,
                ..SessionRecord::default()
            });
        }
        assert_eq!(h.sessions.len(), MAX_SESSIONS);
        assert_eq!(h.sessions[0].ended_s, 5);
        assert_eq!(h.last(3).len(), 3);
        assert_eq!(h.last(3)[2].ended_s, MAX_SESSIONS as u64 + 4);
    }

    #[test]
    fn the_boxes_count_points_by_level() {
        let mut p = Progress::default();
        p.record("A", Grade::Right, 0);
        p.record("A", Grade::Right, 0);
        p.record("B", Grade::Wrong, 0);
        p.record("C", Grade::Right, 0);
        assert_eq!(box_counts(&p), [1, 1, 1, 0, 0, 0]);
    }
}
