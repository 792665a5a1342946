//! Pictures made without a window, and that they match what the window shows.

mod lesson_steps;
mod outputs_never_lose;
mod pictures;
mod what_you_see;
