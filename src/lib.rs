//! Acupoint Atlas: where acupuncture needles go for chronic back pain, and why.
//!
//! - [`model`]: the atlas as plain data (no egui, no I/O).
//! - [`load`]: RON files -> a checked atlas, or every problem at `file:line:col`.
//! - [`placement`]: landmarks + proportional cun -> positions on each figure.
//! - [`output`]: writing the files a user names, never anything but a regular file.
//! - [`cli`]: the command line; [`ui`]: the eframe window; [`render`]: pictures without a window.

#![forbid(unsafe_code)]

pub mod cli;
pub mod load;
pub mod model;
pub mod output;
pub mod placement;
pub mod render;
pub mod search;
pub mod store;
pub mod study;
pub mod ui;
