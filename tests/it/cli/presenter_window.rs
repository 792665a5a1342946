//! `acupoint-atlas --lesson ID --presenter` under a real X server (Xvfb): the program opens two
//! native windows, the audience's and one named `Presenter view — <lesson title>`. Skipped,
//! with a message, where Xvfb or xdotool is missing.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Whether `program` can be found on the PATH.
fn installed(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}

/// A child process killed when the test ends, passed or not.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts Xvfb on a display no other server uses; returns it with its number.
fn start_xvfb() -> Option<(Running, u32)> {
    let free = (170..260).find(|n| {
        !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
            && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
    })?;
    let child = Command::new("Xvfb")
        .args([
            format!(":{free}"),
            "-screen".into(),
            "0".into(),
            "1920x1080x24".into(),
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .ok()?;
    let server = Running(child);
    let socket = format!("/tmp/.X11-unix/X{free}");
    let start = Instant::now();
    while !Path::new(&socket).exists() {
        if start.elapsed() > Duration::from_secs(20) {
            return None;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    Some((server, free))
}

/// The names of the program's windows on `display`, as xdotool finds them by process id.
fn window_names(display: u32, pid: u32) -> Vec<String> {
    let xdotool = |args: &[&str]| {
        Command::new("xdotool")
            .args(args)
            .env("DISPLAY", format!(":{display}"))
            .output()
            .map(|o| String::from_utf8_lossy(&o.stdout).into_owned())
            .unwrap_or_default()
    };
    xdotool(&["search", "--pid", &pid.to_string()])
        .lines()
        .map(|id| xdotool(&["getwindowname", id.trim()]).trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect()
}

#[test]
fn lesson_with_presenter_opens_the_audience_window_and_a_presenter_view_window() {
    if !installed("Xvfb") || !installed("xdotool") {
        eprintln!("skipped: Xvfb and xdotool are needed to look at the real windows");
        return;
    }
    let Some((_server, display)) = start_xvfb() else {
        eprintln!("skipped: Xvfb did not start");
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let app = Command::new(env!("CARGO_BIN_EXE_acupoint-atlas"))
        .args([
            "--lesson",
            "chronic-back-pain",
            "--presenter",
            "--size",
            "1280x800",
        ])
        .env("DISPLAY", format!(":{display}"))
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .env("XDG_CONFIG_HOME", home.path().join("config"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let app = Running(app);
    let start = Instant::now();
    let mut names = Vec::new();
    while start.elapsed() < Duration::from_mins(2) {
        names = window_names(display, app.0.id());
        if names.len() >= 2 {
            break;
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    names.sort();
    assert_eq!(
        names,
        [
            "Acupoint Atlas",
            "Presenter view — Acupuncture for chronic back pain"
        ],
        "the program's windows"
    );
}
