//! Pictures made without a window, and that they match what the window shows.

mod pictures;
mod what_you_see;
