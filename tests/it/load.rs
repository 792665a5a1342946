//! The loader on damaged, hostile and random atlases, on lessons and on channel files.

mod channels;
mod diagnostics;
mod fuzz;
mod hardening;
mod hostile_numbers;
mod lessons;
