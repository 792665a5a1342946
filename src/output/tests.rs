//! Tests of writing user-named files: regular files by temp and rename, everything else refused.

use super::*;
use std::sync::mpsc::channel;
use std::time::Duration;

fn ok(w: &mut dyn Write) -> io::Result<()> {
    w.write_all(b"new contents")
}

/// Runs `f` on a thread and fails the test (instead of hanging it) if it takes over 10 s.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(10))
        .expect("the call blocked")
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_new_path_is_written_and_no_temporary_file_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    write_with(&out, ok).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"new contents");
    assert_eq!(names_in(dir.path()), ["view.png"]);
}

#[test]
fn an_existing_regular_file_is_replaced_whole() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    fs::write(&out, b"old").unwrap();
    write_with(&out, ok).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"new contents");
}

#[test]
fn a_fifo_is_refused_by_check_and_write_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("pipe.png");
    mkfifo(&out);
    let o = out.clone();
    let checked = within_seconds(move || check_target(&o).map_err(|e| e.to_string()));
    assert!(checked.unwrap_err().contains("named pipe"));
    let o = out.clone();
    let written = within_seconds(move || write_with(&o, ok).map_err(|e| e.to_string()));
    assert!(written.unwrap_err().contains("named pipe"));
    let kind = fs::symlink_metadata(&out).unwrap().file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "the pipe is still there"
    );
    assert_eq!(names_in(dir.path()), ["pipe.png"]);
}

#[test]
fn a_device_is_refused_and_left_alone() {
    let err = write_with(Path::new("/dev/null"), ok).unwrap_err();
    assert!(err.why.contains("device"), "{err}");
    assert!(check_target(Path::new("/dev/null")).is_err());
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_with(dir.path(), ok).unwrap_err();
    assert!(err.why.contains("folder"), "{err}");
}

#[test]
fn a_dangling_symlink_is_refused_and_stays_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("link.png");
    std::os::unix::fs::symlink(dir.path().join("nowhere.png"), &out).unwrap();
    for result in [check_target(&out), write_with(&out, ok)] {
        assert!(result.unwrap_err().why.contains("symbolic link"));
    }
    assert!(fs::symlink_metadata(&out).unwrap().file_type().is_symlink());
    assert_eq!(names_in(dir.path()), ["link.png"]);
}

#[test]
fn a_symlink_to_a_regular_file_is_refused_and_its_target_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("precious.txt");
    fs::write(&target, b"keep me").unwrap();
    let out = dir.path().join("link.png");
    std::os::unix::fs::symlink(&target, &out).unwrap();
    assert!(write_with(&out, ok).is_err());
    assert_eq!(fs::read(&target).unwrap(), b"keep me");
}

#[test]
fn a_missing_folder_is_named() {
    let err = check_target(Path::new("/no/such/folder/x.png")).unwrap_err();
    assert!(err.why.contains("/no/such/folder"), "{err}");
}

#[test]
fn checking_creates_and_removes_nothing_at_the_path() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    check_target(&out).unwrap();
    assert!(names_in(dir.path()).is_empty());
    fs::write(&out, b"old").unwrap();
    check_target(&out).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"old");
}

#[test]
fn a_failed_write_removes_its_temporary_file_and_keeps_the_old_file() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    fs::write(&out, b"old").unwrap();
    let err = write_with(&out, |w| {
        w.write_all(&vec![0; 200_000])?;
        Err(io::Error::other("disk full"))
    })
    .unwrap_err();
    assert!(err.why.contains("disk full"));
    assert_eq!(names_in(dir.path()), ["view.png"]);
    assert_eq!(fs::read(&out).unwrap(), b"old");
}

#[test]
fn a_stale_temporary_file_from_a_killed_run_is_cleared_by_the_next_write() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    fs::write(dir.path().join("view.png.partial"), b"").unwrap();
    check_target(&out).unwrap();
    assert!(names_in(dir.path()).is_empty(), "cleared by the check");
    fs::write(dir.path().join("view.png.partial"), b"half").unwrap();
    write_with(&out, ok).unwrap();
    assert_eq!(names_in(dir.path()), ["view.png"]);
}

#[test]
fn a_read_only_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    fs::write(&out, b"old").unwrap();
    let mut perms = fs::metadata(&out).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&out, perms).unwrap();
    assert!(write_with(&out, ok).unwrap_err().why.contains("read-only"));
    assert_eq!(fs::read(&out).unwrap(), b"old");
}

#[test]
fn writers_in_the_same_second_get_a_new_name_each() {
    let dir = tempfile::tempdir().unwrap();
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let dir = dir.path().to_owned();
            std::thread::spawn(move || {
                write_new(&dir, "posterior-1700000000", "png", |w| {
                    write!(w, "export {i}")
                })
                .unwrap()
            })
        })
        .collect();
    let mut paths: Vec<PathBuf> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), 8);
    let names = names_in(dir.path());
    assert_eq!(names.len(), 8, "{names:?}");
    assert!(names.contains(&"posterior-1700000000.png".to_owned()));
    assert!(names.contains(&"posterior-1700000000-8.png".to_owned()));
    for path in paths {
        assert!(fs::read_to_string(path).unwrap().starts_with("export "));
    }
}

#[test]
fn a_name_built_from_data_cannot_leave_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    for stem in ["../../x", "a/b", "", ".."] {
        assert!(write_new(dir.path(), stem, "png", ok).is_err(), "{stem}");
    }
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn a_failed_new_file_gives_its_name_back() {
    let dir = tempfile::tempdir().unwrap();
    let err = write_new(dir.path(), "handout", "png", |_| {
        Err(io::Error::other("render failed"))
    });
    assert!(err.is_err());
    assert!(names_in(dir.path()).is_empty());
}

#[test]
fn writing_over_a_private_file_keeps_it_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("view.png");
    fs::write(&out, b"old").unwrap();
    fs::set_permissions(&out, fs::Permissions::from_mode(0o600)).unwrap();
    write_with(&out, ok).unwrap();
    assert_eq!(fs::read(&out).unwrap(), b"new contents");
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o600, "{mode:o}");
    fs::set_permissions(&out, fs::Permissions::from_mode(0o640)).unwrap();
    write_with(&out, ok).unwrap();
    let mode = fs::metadata(&out).unwrap().permissions().mode() & 0o7777;
    assert_eq!(mode, 0o640, "{mode:o}");
}

#[test]
fn a_file_name_of_250_bytes_is_written_though_the_suffix_would_not_fit() {
    let dir = tempfile::tempdir().unwrap();
    let name = format!("{}.png", "é".repeat(123)); // 246 + 4 bytes
    assert_eq!(name.len(), 250);
    let out = dir.path().join(&name);
    let partial = partial_path(&out).unwrap();
    let partial_name = partial.file_name().unwrap().to_str().unwrap();
    assert!(partial_name.len() <= 255, "{}", partial_name.len());
    assert!(partial_name.ends_with(PARTIAL_SUFFIX));
    check_target(&out).unwrap();
    write_with(&out, ok).unwrap();
    assert_eq!(names_in(dir.path()), std::slice::from_ref(&name));
    // Two long names sharing their start get different temporary files.
    let other = dir.path().join(format!("{}-2.png", "é".repeat(123)));
    assert_ne!(partial_path(&other), Some(partial));
    assert_eq!(
        partial_path(Path::new("a/view.png")),
        Some(PathBuf::from("a/view.png.partial"))
    );
}
