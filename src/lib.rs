//! Acupoint Atlas: where acupuncture needles go for chronic back pain, and why.
//!
//! The crate is layered; each module uses only those listed after it:
//! - [`cli`]: the command line (subcommands, and opening the window).
//! - [`ui`]: the eframe window: panels, the canvas widget, notices, hot reload.
//! - [`render`]: pictures without a window (views, handouts), drawn with [`paint`].
//! - [`paint`]: puts a [`scene::Scene`] on an egui painter: art, dots, labels, rulers, theme.
//! - [`session`]: the user's choices, the commands that change them, and the scene they
//!   describe (no egui).
//! - [`scene`]: what the canvas shows, as plain data (no egui).
//! - [`store`]: what lasts between runs, written atomically (no egui).
//! - [`study`], [`search`]: quiz logic and forgiving search (no egui).
//! - [`placement`]: landmarks + proportional cun -> positions on each figure (no egui).
//! - [`load`]: RON files -> a checked atlas, or every problem at `file:line:col` (no egui).
//! - [`model`]: the atlas as plain data (no egui, no I/O).
//! - [`output`]: writing the files a user names, never anything but a regular file (no egui).

#![forbid(unsafe_code)]

// Lets unit tests share the integration tests' generated atlases (`tests/common/generate.rs`).
#[cfg(test)]
extern crate self as acupoint_atlas;

pub mod cli;
pub mod load;
pub mod model;
pub mod output;
pub mod paint;
pub mod placement;
pub mod render;
pub mod scene;
pub mod search;
pub mod session;
pub mod store;
pub mod study;
pub mod ui;
