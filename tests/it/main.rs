//! The integration tests, as one binary so the window stack is linked once: a module per area.
//! `cargo test --test it load::` runs one area; snapshot images live in `tests/snapshots/`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../common/mod.rs"]
mod common;

mod architecture;
mod cli;
mod content;
mod export;
mod load;
mod photo;
mod window;
