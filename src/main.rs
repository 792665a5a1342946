//! The `acupoint-atlas` binary: parse the command line, run a subcommand or open the window.

use acupoint_atlas::cli::{Cli, run_command};
use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match &cli.command {
        Some(command) => run_command(
            command,
            cli.atlas.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        ),
        None => match acupoint_atlas::ui::run_window(cli.atlas, cli.screenshot, cli.size) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("acupoint-atlas: {e}");
                ExitCode::FAILURE
            }
        },
    }
}
