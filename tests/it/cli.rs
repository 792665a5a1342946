//! The command line as scripts use it: the built binary run with arguments.

use std::process::{Command, Output};

mod commands;
mod lessons;
mod pdf;
mod presenter_window;
mod search;

/// The program run with `args`, to its end.
fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args(args)
        .output()
        .unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}
