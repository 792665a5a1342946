//! Writes the kept settings on a thread of its own, so the window never waits for the disk:
//! the window hands over a copy when the save schedule says a write is due, and once more on
//! exit, when it waits for the last write to finish.

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
                while let Ok(mut settings) = jobs.recv() {
                    // Only the newest of several waiting copies needs writing.
                    while let Ok(newer) = jobs.try_recv() {
                        settings = newer;
                    }
                    if let Err(e) = store.save(&settings) {
                        let _ = report.send(e.to_string());
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

impl Drop for SettingsSaver {
    fn drop(&mut self) {
        self.finish();
    }
}
