//! When the kept settings are written: at most once a second while they keep changing (a
//! slider drag changes them on every frame), soon after they settle, and always on exit. The
//! clock is passed in, so tests can drive it.

use std::time::Duration;

/// The least time between two writes.
pub const MIN_INTERVAL: Duration = Duration::from_secs(1);

/// Tracks unsaved changes and says when a write is due.
#[derive(Clone, Copy, Debug, Default)]
pub struct SaveSchedule {
    /// Time of the last write, on the caller's clock.
    last_write: Option<Duration>,
    /// Whether there are changes not yet written.
    dirty: bool,
}

impl SaveSchedule {
    /// Notes that the settings changed.
    pub fn changed(&mut self) {
        self.dirty = true;
    }

    /// Whether there are changes not yet written.
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Whether to write now: there are changes and the last write is at least
    /// [`MIN_INTERVAL`] ago.
    pub fn due(&self, now: Duration) -> bool {
        self.dirty
            && self
                .last_write
                .is_none_or(|t| now.saturating_sub(t) >= MIN_INTERVAL)
    }

    /// How long until a write will be due (so the window can ask to be woken then).
    pub fn wait(&self, now: Duration) -> Option<Duration> {
        if !self.dirty {
            return None;
        }
        Some(
            self.last_write
                .map_or(Duration::ZERO, |t| (t + MIN_INTERVAL).saturating_sub(now)),
        )
    }

    /// Notes that the settings were written at `now`.
    pub fn written(&mut self, now: Duration) {
        self.dirty = false;
        self.last_write = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_every_frame_for_two_seconds_is_written_at_most_three_times() {
        let mut s = SaveSchedule::default();
        let mut writes = 0;
        for frame in 0..120_u64 {
            let now = Duration::from_millis(frame * 16);
            s.changed();
            if s.due(now) {
                s.written(now);
                writes += 1;
            }
        }
        assert!(writes <= 3, "{writes} writes");
        assert!(s.is_dirty(), "the last change is still to be written");
        assert!(s.wait(Duration::from_millis(1920)).unwrap() <= MIN_INTERVAL);
    }

    #[test]
    fn nothing_is_due_without_a_change() {
        let mut s = SaveSchedule::default();
        assert!(!s.due(Duration::from_secs(10)));
        s.changed();
        assert!(s.due(Duration::from_secs(10)));
        s.written(Duration::from_secs(10));
        assert!(!s.due(Duration::from_secs(20)));
        assert_eq!(s.wait(Duration::from_secs(20)), None);
    }
}
