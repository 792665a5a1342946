//! The `acupoint-atlas` binary: parse the command line, run a subcommand or open the window.

use acupoint_atlas::cli::{CliCommand, parse, run_command, window_lesson};
use std::process::ExitCode;

fn main() -> ExitCode {
    acupoint_atlas::ui::startup::mark_start();
    let cli = parse();
    let draws = matches!(
        cli.command,
        None | Some(
            CliCommand::Export { .. } | CliCommand::Handout { .. } | CliCommand::Lesson { .. }
        )
    );
    if draws {
        runtime_dir::ensure();
    }
    if let Some(command) = &cli.command {
        return run_command(
            command,
            cli.atlas.as_deref(),
            &mut std::io::stdout().lock(),
            &mut std::io::stderr().lock(),
        );
    }
    // A lesson named on the command line is checked before the window opens.
    let lesson = match &cli.lesson {
        Some(id) => match window_lesson(cli.atlas.as_deref(), id, &mut std::io::stderr()) {
            Ok(lesson) => Some((lesson, cli.presenter)),
            Err(code) => return code,
        },
        None => None,
    };
    open_window(cli.atlas, cli.screenshot, cli.size, lesson)
}

/// Opens the window; its error, if any, is said on stderr (exit 1).
fn open_window(
    atlas: Option<std::path::PathBuf>,
    screenshot: Option<std::path::PathBuf>,
    size: Option<(f32, f32)>,
    lesson: Option<(acupoint_atlas::model::LessonId, bool)>,
) -> ExitCode {
    match acupoint_atlas::ui::run_window(atlas, screenshot, size, lesson) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("acupoint-atlas: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The graphics libraries probe for a Wayland display on start, and the Wayland client library
/// prints "error: `XDG_RUNTIME_DIR` is invalid or not set" when that folder is missing (as on a
/// server or under Xvfb), although nothing is wrong. When it is missing, the program runs itself
/// again with a private one of its own, so a successful run says nothing that looks like an
/// error.
mod runtime_dir {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    use std::os::unix::process::CommandExt;
    use std::path::{Path, PathBuf};

    /// Set on the second run, so it never runs itself a third time.
    const AGAIN: &str = "ACUPOINT_ATLAS_RUNTIME_DIR_SET";

    pub fn ensure() {
        let usable = std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|d| !d.is_empty() && Path::new(&d).is_dir());
        if usable || std::env::var_os(AGAIN).is_some() {
            return;
        }
        let (Ok(me), Some(dir)) = (std::env::current_exe(), private_dir()) else {
            return;
        };
        // On success `exec` does not return; on failure this run goes on as it was.
        let _ = std::process::Command::new(me)
            .args(std::env::args_os().skip(1))
            .env("XDG_RUNTIME_DIR", dir)
            .env(AGAIN, "1")
            .exec();
    }

    /// `/tmp/acupoint-atlas-runtime-<uid>`, made if needed, owned by this user and closed to
    /// others (as the Wayland library requires).
    fn private_dir() -> Option<PathBuf> {
        let uid = std::fs::metadata("/proc/self").ok()?.uid();
        let dir = std::env::temp_dir().join(format!("acupoint-atlas-runtime-{uid}"));
        if !dir.is_dir() {
            std::fs::create_dir(&dir).ok()?;
        }
        let meta = std::fs::symlink_metadata(&dir).ok()?;
        if !meta.is_dir() || meta.uid() != uid {
            return None;
        }
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).ok()?;
        Some(dir)
    }
}
