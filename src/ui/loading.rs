//! Loading the user's atlas folder on a worker thread, at start and after every save in it, so
//! the window stays responsive while a large atlas is checked; the last good atlas stays on
//! screen meanwhile.

use super::reload::AtlasWatcher;
use crate::load::{self, Diagnostic, Diagnostics};
use crate::model::Atlas;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// The outcome of one load.
pub type LoadOutcome = Result<Atlas, Diagnostics>;

/// Problems kept from one load at most. The window lists a few hundred; a folder with 100,000
/// problems once kept them all (and the memory to build them) for as long as the window stayed
/// open. `check` lists every one.
pub const MAX_PROBLEMS_KEPT: usize = 1000;

/// The outcome with at most [`MAX_PROBLEMS_KEPT`] problems, the rest counted in a last line
/// that says how to list them all. Made on the loading thread, so the full list is freed there.
fn bounded(outcome: LoadOutcome, dir: &Path) -> LoadOutcome {
    outcome.map_err(|Diagnostics(mut problems)| {
        if problems.len() > MAX_PROBLEMS_KEPT {
            let more = problems.len() - MAX_PROBLEMS_KEPT;
            problems.truncate(MAX_PROBLEMS_KEPT);
            problems.push(Diagnostic::file(
                dir.display().to_string(),
                format!(
                    "and {more} more problems, not kept here: `acupoint-atlas check {}` lists every one",
                    dir.display()
                ),
            ));
            problems.shrink_to_fit();
        }
        Diagnostics(problems)
    })
}

pub struct AtlasLoader {
    dir: PathBuf,
    watcher: Option<AtlasWatcher>,
    running: Option<Receiver<LoadOutcome>>,
    /// A change arrived while a load was running: load again when it ends.
    again: bool,
}

impl AtlasLoader {
    /// Starts loading `dir` and watching it for changes.
    pub fn start(dir: &Path, ctx: &egui::Context) -> Self {
        let mut loader = Self {
            dir: dir.to_owned(),
            watcher: AtlasWatcher::start(dir, ctx.clone()).ok(),
            running: None,
            again: false,
        };
        loader.spawn(ctx);
        loader
    }

    pub fn dir(&self) -> &Path {
        self.watcher.as_ref().map_or(&self.dir, AtlasWatcher::dir)
    }

    /// Whether a load is under way.
    pub fn busy(&self) -> bool {
        self.running.is_some()
    }

    fn spawn(&mut self, ctx: &egui::Context) {
        let (tx, rx) = channel();
        let dir = self.dir.clone();
        let repaint = ctx.clone();
        let started = std::thread::Builder::new()
            .name("atlas-loader".into())
            .spawn(move || {
                let _ = tx.send(bounded(load::load_dir(&dir), &dir));
                repaint.request_repaint();
            });
        self.running = started.is_ok().then_some(rx);
    }

    /// Called every frame: starts a load when the folder changed, and returns the outcome of
    /// a load that has finished.
    pub fn poll(&mut self, ctx: &egui::Context) -> Option<LoadOutcome> {
        if self.watcher.as_mut().is_some_and(|w| w.due(ctx)) {
            if self.busy() {
                self.again = true;
            } else {
                self.spawn(ctx);
            }
        }
        let outcome = match self.running.as_ref()?.try_recv() {
            Ok(outcome) => Some(outcome),
            Err(std::sync::mpsc::TryRecvError::Empty) => return None,
            Err(std::sync::mpsc::TryRecvError::Disconnected) => None,
        };
        self.running = None;
        if std::mem::take(&mut self.again) {
            self.spawn(ctx);
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::panic, clippy::unwrap_used)]
    use super::*;
    use std::time::{Duration, Instant};

    /// Polls the loader until a load ends, for at most two minutes.
    fn next_outcome(loader: &mut AtlasLoader, ctx: &egui::Context) -> LoadOutcome {
        let start = Instant::now();
        while start.elapsed() < Duration::from_mins(2) {
            if let Some(outcome) = loader.poll(ctx) {
                return outcome;
            }
            std::thread::sleep(Duration::from_millis(30));
        }
        panic!("no load ended within two minutes");
    }

    #[test]
    fn a_figure_that_once_hung_every_load_is_refused_and_the_fixed_file_loads() {
        // A figure a ten-millionth wide kept the loading thread busy for ever, so the window
        // ignored every later save until it was restarted.
        let root = tempfile::tempdir().unwrap();
        let mut posterior = String::new();
        for f in load::builtin_files() {
            let path = root.path().join(f.path.trim_start_matches("atlas/"));
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            if f.path.ends_with("figures/posterior.ron") {
                posterior.clone_from(&f.text);
            }
            std::fs::write(path, f.text).unwrap();
        }
        let figure = root.path().join("figures/posterior.ron");
        let tiny = posterior.replacen("size: (1.0000, 1.0000)", "size: (1e-7, 1e-7)", 1);
        std::fs::write(&figure, tiny).unwrap();
        let ctx = egui::Context::default();
        let mut loader = AtlasLoader::start(root.path(), &ctx);
        let Err(problems) = next_outcome(&mut loader, &ctx) else {
            panic!("a figure 1e-7 wide must be refused");
        };
        assert!(problems.to_string().contains("size must be"), "{problems}");
        std::fs::write(&figure, posterior).unwrap();
        assert!(
            next_outcome(&mut loader, &ctx).is_ok(),
            "the fixed atlas loads"
        );
    }

    #[test]
    fn a_load_with_a_huge_problem_list_keeps_a_bounded_number_and_counts_the_rest() {
        let many = (0..MAX_PROBLEMS_KEPT + 99_000)
            .map(|i| Diagnostic::file(format!("points/p{i}.ron"), "unknown landmark"))
            .collect();
        let Err(kept) = bounded(Err(Diagnostics(many)), Path::new("my-atlas")) else {
            panic!("problems stay problems");
        };
        assert_eq!(kept.len(), MAX_PROBLEMS_KEPT + 1);
        assert!(kept.0.capacity() <= MAX_PROBLEMS_KEPT + 1);
        let last = kept.0.last().map(ToString::to_string).unwrap_or_default();
        assert!(last.contains("99000 more problems"), "{last}");
        assert!(last.contains("acupoint-atlas check my-atlas"), "{last}");
        // A short list is kept whole.
        let few = vec![Diagnostic::file("regions.ron", "file is missing")];
        let Err(kept) = bounded(Err(Diagnostics(few.clone())), Path::new("a")) else {
            panic!("problems stay problems");
        };
        assert_eq!(kept.0, few);
    }
}
