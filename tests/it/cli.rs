//! The command line as scripts use it: the built binary run with arguments.

mod commands;
mod lessons;
