//! Writes the kept settings on a thread of its own, so the window never waits for the disk:
//! the window hands over a copy when the save schedule says a write is due, and once more on
//! exit, when it waits for the last write to finish. A write that fails is reported once, not
//! at every change: the same reason again says nothing new (a settings file that cannot be
//! written there stays so until the user acts), and a write that succeeds clears it.

use crate::store::{Settings, Store};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;

pub struct SettingsSaver {
    path: std::path::PathBuf,
    to_writer: Option<Sender<Settings>>,
    failures: Receiver<String>,
    handed: AtomicUsize,
    thread: Option<JoinHandle<()>>,
}

impl SettingsSaver {
    /// Starts the writer thread for `store`.
    pub fn start(store: Store) -> Self {
        let (to_writer, jobs) = channel::<Settings>();
        let (report, failures) = channel();
        let path = store.path();
        let thread = std::thread::Builder::new()
            .name("settings-writer".into())
            .spawn(move || {
                let mut last_failure = None;
                while let Ok(mut settings) = jobs.recv() {
                    // Only the newest of several waiting copies needs writing.
                    while let Ok(newer) = jobs.try_recv() {
                        settings = newer;
                    }
                    let result = store.save(&settings).map_err(|e| e.to_string());
                    if let Some(why) = news_of(&mut last_failure, result) {
                        let _ = report.send(why);
                    }
                }
            })
            .ok();
        Self {
            path,
            to_writer: Some(to_writer),
            failures,
            handed: AtomicUsize::new(0),
            thread,
        }
    }

    /// Hands a copy of the settings to the writer.
    pub fn save(&self, settings: &Settings) {
        if let Some(tx) = &self.to_writer
            && tx.send(settings.clone()).is_ok()
        {
            self.handed.fetch_add(1, Ordering::SeqCst);
        }
    }

    /// The reason the last write failed, once, if one did.
    pub fn failure(&self) -> Option<String> {
        self.failures.try_iter().last().map(|why| {
            format!(
                "Settings could not be saved to {}: {why}",
                self.path.display()
            )
        })
    }

    /// How many copies have been handed to the writer: the most writes there can be.
    pub fn handed(&self) -> usize {
        self.handed.load(Ordering::SeqCst)
    }

    /// Waits until every copy handed over has been written.
    pub fn finish(&mut self) {
        self.to_writer = None;
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The failure to report after a write: `Some` only when it differs from the last one reported
/// (a success forgets the last one, so a failure after it is news again).
fn news_of(last: &mut Option<String>, result: Result<(), String>) -> Option<String> {
    match result {
        Ok(()) => {
            *last = None;
            None
        }
        Err(why) if last.as_ref() == Some(&why) => None,
        Err(why) => {
            *last = Some(why.clone());
            Some(why)
        }
    }
}

impl Drop for SettingsSaver {
    fn drop(&mut self) {
        self.finish();
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_settings_file_that_cannot_be_written_is_reported_once_not_at_every_change() {
        let home = tempfile::tempdir().unwrap();
        let elsewhere = tempfile::tempdir().unwrap();
        let target = elsewhere.path().join("shared.ron");
        std::fs::write(&target, "()").unwrap();
        let config = home.path().join("config");
        std::fs::create_dir(&config).unwrap();
        std::os::unix::fs::symlink(&target, config.join(crate::store::FILE_NAME)).unwrap();
        let mut saver =
            SettingsSaver::start(Store::with_home(config, Some(home.path().to_owned())));
        let mut settings = Settings::default();
        for scale in [1.5, 2.0, 2.5] {
            settings.text_scale = scale;
            saver.save(&settings);
            // One write at a time, so every change is tried on its own.
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        saver.finish();
        let reports: Vec<String> = saver.failures.try_iter().collect();
        assert_eq!(reports.len(), 1, "{reports:?}");
        assert!(
            reports[0].contains("outside your home folder"),
            "{reports:?}"
        );
    }

    #[test]
    fn a_failure_after_a_success_is_news_again() {
        let mut last = None;
        assert_eq!(news_of(&mut last, Err("full".into())), Some("full".into()));
        assert_eq!(news_of(&mut last, Err("full".into())), None);
        assert_eq!(news_of(&mut last, Err("gone".into())), Some("gone".into()));
        assert_eq!(news_of(&mut last, Ok(())), None);
        assert_eq!(news_of(&mut last, Err("gone".into())), Some("gone".into()));
    }
}
