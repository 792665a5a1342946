//! Tests of the settings store: round trips, damaged files, partial recovery, odd files.

use super::*;
use crate::study::Grade;

fn sample() -> Settings {
    let mut s = Settings {
        theme: Theme::Dark,
        text_scale: 2.0,
        plan: vec![PointCode::new("BL23"), PointCode::new("BL40")],
        selected: Some(PointCode::new("BL40")),
        ..Settings::default()
    };
    s.progress.record("BL40", Grade::Right, 10);
    s
}

#[test]
fn settings_saved_are_the_settings_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    assert_eq!(store.load(), Loaded::Fresh(Settings::default()));
    store.save(&sample()).unwrap();
    assert_eq!(store.load(), Loaded::Read(sample()));
}

#[test]
fn a_damaged_store_loads_as_defaults_and_keeps_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(store.path(), "Settings(theme: Purple, plan: [").unwrap();
    match store.load() {
        Loaded::Damaged {
            settings,
            kept_at,
            why,
            reset,
        } => {
            assert!(reset.is_empty(), "nothing could be read: {reset:?}");
            assert_eq!(settings, Settings::default());
            assert!(why.contains("settings.ron:1:"), "{why}");
            let kept = std::fs::read_to_string(&kept_at).unwrap();
            assert!(kept.starts_with("Settings(theme: Purple"));
        }
        other => panic!("{other:?}"),
    }
    assert!(!store.path().exists(), "the damaged file was moved aside");
}

#[test]
fn a_truncated_store_loads_as_defaults_and_keeps_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sample()).unwrap();
    let full = std::fs::read(store.path()).unwrap();
    std::fs::write(store.path(), &full[..full.len() / 3]).unwrap();
    let loaded = store.load();
    assert!(matches!(loaded, Loaded::Damaged { .. }), "{loaded:?}");
    assert_eq!(loaded.settings(), &Settings::default());
}

#[test]
fn an_interrupted_write_loses_nothing_saved_before() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sample()).unwrap();
    // A crash after the temporary file was half written, before the rename.
    std::fs::write(dir.path().join("settings.ron.tmp"), "Settings(them").unwrap();
    assert_eq!(store.load(), Loaded::Read(sample()));
    // The next save replaces the leftover temporary file.
    store.save(&Settings::default()).unwrap();
    assert_eq!(store.load(), Loaded::Read(Settings::default()));
}

#[test]
fn unknown_fields_from_a_newer_version_do_not_lose_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(store.path(), "(theme: Dark, plan: [\"BL23\"])").unwrap();
    let s = store.load().into_settings();
    assert_eq!(s.theme, Theme::Dark);
    assert_eq!(s.plan, vec![PointCode::new("BL23")]);
}

/// Runs `f` on a thread and fails the test (instead of hanging it) if it takes over 10 s.
fn within_seconds<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(std::time::Duration::from_secs(10))
        .expect("the call blocked")
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn one_wrong_field_resets_that_field_alone_and_names_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sample()).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("text_scale: 2.0"), "{text}");
    std::fs::write(
        store.path(),
        text.replace("text_scale: 2.0", "text_scale: \"big\""),
    )
    .unwrap();
    let loaded = store.load();
    let want = Settings {
        text_scale: 1.0,
        ..sample()
    };
    assert_eq!(
        loaded.settings(),
        &want,
        "theme, plan and progress are kept"
    );
    let Loaded::Damaged { reset, kept_at, .. } = &loaded else {
        panic!("{loaded:?}")
    };
    assert_eq!(reset, &["text_scale".to_owned()]);
    assert!(kept_at.exists(), "the damaged file is still set aside");
    let notice = loaded.notice().unwrap();
    assert!(notice.contains("`text_scale`"), "{notice}");
    assert!(notice.contains("everything else was kept"), "{notice}");
}

#[test]
fn a_theme_that_no_longer_exists_resets_the_theme_and_keeps_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(
        store.path(),
        "Settings(theme: Purple, text_scale: 2.5, plan: [\"BL23\"], pinyin_labels: true)",
    )
    .unwrap();
    let loaded = store.load();
    let s = loaded.settings();
    assert_eq!(s.theme, Theme::Light);
    assert_eq!((s.text_scale, s.pinyin_labels), (2.5, true));
    assert_eq!(s.plan, vec![PointCode::new("BL23")]);
    assert!(matches!(&loaded, Loaded::Damaged { reset, .. } if reset == &["theme".to_owned()]));
}

#[test]
fn a_store_that_reads_whole_is_not_set_aside_and_has_no_notice() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&sample()).unwrap();
    let loaded = store.load();
    assert_eq!(loaded.notice(), None);
    assert!(store.path().exists());
}

#[test]
fn a_named_pipe_in_place_of_the_settings_file_does_not_block_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    mkfifo(&store.path());
    let s = store.clone();
    let loaded = within_seconds(move || s.load());
    let Loaded::Damaged { why, kept_at, .. } = &loaded else {
        panic!("{loaded:?}")
    };
    assert!(why.contains("named pipe"), "{why}");
    assert_ne!(kept_at, &store.path(), "the pipe was moved aside");
    let s = store.clone();
    within_seconds(move || s.save(&sample())).unwrap();
    assert_eq!(store.load(), Loaded::Read(sample()));
}

#[test]
fn a_named_pipe_where_the_temporary_file_goes_does_not_block_saving() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    mkfifo(&dir.path().join("settings.ron.partial"));
    let s = store.clone();
    within_seconds(move || s.save(&sample())).unwrap();
    assert_eq!(store.load(), Loaded::Read(sample()));
}

#[test]
fn an_app_state_file_that_is_a_pipe_is_set_aside_before_the_window_starts() {
    let dir = tempfile::tempdir().unwrap();
    let app = dir.path().join(APP_STATE_FILE);
    mkfifo(&app);
    let d = dir.path().to_owned();
    let notice = within_seconds(move || set_aside_bad_app_state(&d)).unwrap();
    assert!(notice.contains("named pipe"), "{notice}");
    assert!(std::fs::symlink_metadata(&app).is_err(), "moved aside");
    assert!(std::fs::symlink_metadata(dir.path().join("app.damaged-1.ron")).is_ok());
}

#[test]
fn an_oversized_app_state_file_is_set_aside_and_a_normal_one_is_left() {
    let dir = tempfile::tempdir().unwrap();
    let app = dir.path().join(APP_STATE_FILE);
    std::fs::write(&app, "{\"window\": \"(1280, 800)\"}").unwrap();
    assert_eq!(set_aside_bad_app_state(dir.path()), None);
    assert!(app.exists());
    let file = std::fs::File::create(&app).unwrap();
    file.set_len(MAX_APP_STATE_BYTES + 1).unwrap();
    let notice = set_aside_bad_app_state(dir.path()).unwrap();
    assert!(notice.contains("bytes"), "{notice}");
    assert!(!app.exists());
    assert_eq!(
        set_aside_bad_app_state(dir.path()),
        None,
        "nothing there now"
    );
}

#[test]
fn a_file_longer_than_it_says_is_read_only_to_the_limit() {
    // /proc files report a size of 0 whatever they hold.
    let err = read_regular(Path::new("/proc/self/maps"), 16).unwrap_err();
    assert!(err.contains("too large"), "{err}");
}
