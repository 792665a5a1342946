//! How the command line reports an atlas's problems: each at `file:line:col`, then a count.

use crate::load::Diagnostics;
use std::io::Write;
use std::process::ExitCode;

/// Prints every problem and how many there are; the exit code is failure.
pub fn report(problems: &Diagnostics, err: &mut dyn Write) -> std::io::Result<ExitCode> {
    for problem in problems.iter() {
        writeln!(err, "{problem}")?;
    }
    let n = problems.len();
    writeln!(err, "{n} problem{} found", if n == 1 { "" } else { "s" })?;
    Ok(ExitCode::FAILURE)
}
