//! How long the window takes to start, stage by stage: with `ACUPOINT_ATLAS_STARTUP=1` in the
//! environment, the program prints when the window and its graphics were ready, when the
//! app's state (fonts, atlas, settings) was built, and when the first frame had been shown,
//! each counted from the start of `main` (`scripts/startup-time.sh` runs it under Xvfb).

use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

/// The variable that asks for the report.
pub const ENV: &str = "ACUPOINT_ATLAS_STARTUP";

static STARTED: OnceLock<Instant> = OnceLock::new();
static STAGES: Mutex<Vec<(&str, Duration)>> = Mutex::new(Vec::new());

/// Marks the start of the program; call first thing in `main`.
pub fn mark_start() {
    STARTED.get_or_init(Instant::now);
}

/// Records that `stage` is done now, when a report was asked for.
pub fn stage(stage: &'static str) {
    let (Some(started), true) = (STARTED.get(), std::env::var_os(ENV).is_some()) else {
        return;
    };
    if let Ok(mut stages) = STAGES.lock() {
        stages.push((stage, started.elapsed()));
    }
}

/// Prints the stages recorded so far on standard error, once.
pub fn report() {
    let Ok(mut stages) = STAGES.lock() else {
        return;
    };
    for (stage, at) in stages.drain(..) {
        eprintln!("startup: {stage}: {:.1} ms", at.as_secs_f64() * 1000.0);
    }
}
