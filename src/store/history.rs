//! The study history's file beside the settings: past sessions as RON, written atomically. A
//! file that does not read is set aside and reported at `file:line:col`, never a panic.

use super::{Store, read_regular};
use crate::study::StudyHistory;
use std::path::PathBuf;

/// The history file's name inside the store folder.
pub const HISTORY_FILE: &str = "study-history.ron";
/// A history file larger than this is not read (200 sessions take a few dozen kilobytes).
pub const MAX_HISTORY_BYTES: u64 = 2 * 1024 * 1024;
/// Deep enough for the history (it needs 4).
const MAX_NESTING: usize = 16;

/// What reading the history found.
#[derive(Debug, PartialEq)]
pub enum HistoryRead {
    Read(StudyHistory),
    /// The file did not read: `why` is `file:line:col: message`, and the file was moved to
    /// `kept_at` so the next save does not overwrite it.
    Damaged {
        why: String,
        kept_at: PathBuf,
    },
}

impl HistoryRead {
    /// The history (empty when the file was damaged).
    pub fn history(&self) -> StudyHistory {
        match self {
            HistoryRead::Read(h) => h.clone(),
            HistoryRead::Damaged { .. } => StudyHistory::default(),
        }
    }

    /// What the window says about a damaged file.
    pub fn notice(&self) -> Option<String> {
        match self {
            HistoryRead::Read(_) => None,
            HistoryRead::Damaged { why, kept_at } => Some(format!(
                "Your study history could not be read: {why}. It was set aside as {} and a new history starts.",
                kept_at.display()
            )),
        }
    }
}

impl Store {
    pub fn history_path(&self) -> PathBuf {
        self.dir.join(HISTORY_FILE)
    }

    /// Reads the history; no file gives an empty one.
    pub fn load_history(&self) -> HistoryRead {
        let path = self.history_path();
        let text = match read_regular(&path, MAX_HISTORY_BYTES) {
            Ok(None) => return HistoryRead::Read(StudyHistory::default()),
            Ok(Some(text)) => text,
            Err(why) => return self.damaged(format!("{}:1:1: {why}", path.display())),
        };
        let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
        match options.from_str::<StudyHistory>(&text) {
            Ok(history) => HistoryRead::Read(history),
            Err(e) => self.damaged(format!(
                "{}:{}:{}: {}",
                path.display(),
                e.span.start.line.max(1),
                e.span.start.col.max(1),
                e.code
            )),
        }
    }

    fn damaged(&self, why: String) -> HistoryRead {
        let path = self.history_path();
        let kept_at = (1..1000)
            .map(|n| self.dir.join(format!("study-history.damaged-{n}.ron")))
            .find(|p| std::fs::symlink_metadata(p).is_err())
            .filter(|p| std::fs::rename(&path, p).is_ok())
            .unwrap_or(path);
        HistoryRead::Damaged { why, kept_at }
    }

    /// Writes the history atomically (temporary file, sync, rename).
    pub fn save_history(&self, history: &StudyHistory) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let text = ron::ser::to_string_pretty(history, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        crate::output::write_with(&self.history_path(), |w| w.write_all(text.as_bytes()))
            .map_err(std::io::Error::other)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]
    use super::*;
    use crate::study::SessionRecord;

    fn temp_store(name: &str) -> (Store, PathBuf) {
        let dir =
            std::env::temp_dir().join(format!("acupoint-history-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        (Store::with_home(&dir, None), dir)
    }

    #[test]
    fn a_saved_history_reads_back_the_same() {
        let (store, dir) = temp_store("roundtrip");
        assert_eq!(
            store.load_history(),
            HistoryRead::Read(StudyHistory::default())
        );
        let mut history = StudyHistory::default();
        history.push(SessionRecord {
            ended_s: 1_700_000_000,
            deck: "Lower back pain".into(),
            asked: 10,
            right: 7,
            seconds: 300,
            missed: vec!["BL23".into(), "GB34".into()],
        });
        store.save_history(&history).unwrap();
        assert_eq!(store.load_history(), HistoryRead::Read(history));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_bad_history_file_is_reported_at_its_line_and_column_and_set_aside() {
        let (store, dir) = temp_store("bad");
        std::fs::create_dir_all(&dir).unwrap();
        let text = "(\n    sessions: [\n        (asked: \"ten\"),\n    ],\n)\n";
        std::fs::write(store.history_path(), text).unwrap();
        let read = store.load_history();
        let HistoryRead::Damaged { why, kept_at } = &read else {
            panic!("{read:?}")
        };
        let at = format!("{}:3:", store.history_path().display());
        assert!(why.starts_with(&at), "{why}");
        assert!(kept_at.exists() && !store.history_path().exists());
        assert!(read.notice().unwrap().contains(why.as_str()));
        assert_eq!(read.history(), StudyHistory::default());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn an_unknown_field_or_a_cut_file_is_damaged_too() {
        for (name, text) in [
            ("unknown", "(sessions: [(score: 3)])"),
            ("cut", "(sessions: [(asked: 3,"),
            ("empty", ""),
        ] {
            let (store, dir) = temp_store(name);
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(store.history_path(), text).unwrap();
            let read = store.load_history();
            let HistoryRead::Damaged { why, .. } = &read else {
                panic!("{name}: {read:?}")
            };
            let path = store.history_path().display().to_string();
            let rest = why.strip_prefix(&format!("{path}:")).unwrap();
            let mut parts = rest.splitn(3, ':');
            assert!(parts.next().unwrap().parse::<u32>().is_ok(), "{why}");
            assert!(parts.next().unwrap().parse::<u32>().is_ok(), "{why}");
            let _ = std::fs::remove_dir_all(dir);
        }
    }
}
