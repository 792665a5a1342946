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
fn a_damaged_store_keeps_what_reads_and_keeps_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(store.path(), "Settings(theme: Purple, plan: [").unwrap();
    match store.load() {
        Loaded::Damaged {
            settings,
            kept_at,
            why,
            reset,
            cut,
        } => {
            assert_eq!(reset, ["theme"]);
            assert!(cut, "the file ends inside the plan");
            assert_eq!(settings, Settings::default());
            assert!(why.contains("theme"), "{why}");
            let kept = std::fs::read_to_string(&kept_at).unwrap();
            assert!(kept.starts_with("Settings(theme: Purple"));
        }
        other => panic!("{other:?}"),
    }
    assert!(!store.path().exists(), "the damaged file was moved aside");
}

#[test]
fn text_that_is_not_settings_at_all_loads_as_defaults_and_keeps_a_copy() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(store.path(), "[1, 2, 3]").unwrap();
    let loaded = store.load();
    assert_eq!(loaded.settings(), &Settings::default());
    let notice = loaded.notice().unwrap();
    assert!(notice.contains("defaults are used"), "{notice}");
    assert!(notice.contains("settings.damaged-1.ron"), "{notice}");
}

/// A store with every kind of field set, including three progress entries.
fn full() -> Settings {
    let mut s = Settings {
        practitioner: "Dr. Wen".into(),
        pinyin_labels: true,
        condition: Some(crate::model::ConditionId::new("upper-back-pain")),
        ..sample()
    };
    s.progress.record("BL23", Grade::Wrong, 20);
    s.progress.record("KI3", Grade::Close, 30);
    s.progress.seed = 77;
    s
}

#[test]
fn a_file_missing_only_its_final_paren_keeps_every_setting_the_plan_and_the_progress() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&full()).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    let cut = text.trim_end().strip_suffix(')').unwrap();
    std::fs::write(store.path(), cut).unwrap();
    let loaded = store.load();
    assert_eq!(loaded.settings(), &full());
    let Loaded::Damaged { reset, cut, .. } = &loaded else {
        panic!("{loaded:?}")
    };
    assert!(reset.is_empty() && *cut, "{reset:?}");
    let notice = loaded.notice().unwrap();
    assert!(notice.contains("cut short"), "{notice}");
    assert!(notice.contains("Everything it held was kept"), "{notice}");
}

#[test]
fn a_file_cut_inside_the_progress_keeps_everything_before_the_cut() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    store.save(&full()).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    // Cut inside the last progress entry (KI3), after its level.
    let at = text.find("\"KI3\"").unwrap();
    let at = at + text[at..].find("level").unwrap() + "level: 0,".len();
    std::fs::write(store.path(), &text[..at]).unwrap();
    let s = store.load().into_settings();
    assert_eq!((s.theme, s.text_scale), (Theme::Dark, 2.0));
    assert_eq!(s.plan, full().plan);
    let codes: Vec<&str> = s.progress.points.keys().map(String::as_str).collect();
    assert_eq!(codes, ["BL23", "BL40"], "only the cut entry is lost");
    assert_eq!(s.progress.points["BL40"], full().progress.points["BL40"]);
}

#[test]
fn one_bad_progress_entry_loses_only_that_entry() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(
        store.path(),
        "(theme: Dark, plan: [\"BL23\", 7, \"BL40\"], progress: (points: {\
         \"BL23\": (level: 2, asked: 3, right: 2), \
         \"BL40\": (level: \"high\", asked: 1), \
         \"KI3\": (level: 1, asked: 1, right: 1)}, seed: 9))",
    )
    .unwrap();
    let loaded = store.load();
    let s = loaded.settings();
    let codes: Vec<&str> = s.progress.points.keys().map(String::as_str).collect();
    assert_eq!(codes, ["BL23", "KI3"]);
    assert_eq!(s.progress.points["BL23"].asked, 3);
    assert_eq!(s.progress.seed, 9);
    assert_eq!(s.plan, [PointCode::new("BL23"), PointCode::new("BL40")]);
    assert_eq!(s.theme, Theme::Dark);
    let Loaded::Damaged { reset, .. } = &loaded else {
        panic!("{loaded:?}")
    };
    assert_eq!(reset, &["plan[2]", "progress.points[\"BL40\"]"]);
}

#[test]
fn unknown_fields_from_a_newer_version_are_kept_through_a_save() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    std::fs::write(
        store.path(),
        "(theme: Dark, voice: (rate: 1.5, name: \"Ana\"), plan: [\"BL23\"], tabs: [1, 2])",
    )
    .unwrap();
    let loaded = store.load();
    assert!(matches!(loaded, Loaded::Read(_)), "{loaded:?}");
    let mut s = loaded.into_settings();
    assert_eq!(s.plan, [PointCode::new("BL23")]);
    s.text_scale = 2.5;
    store.save(&s).unwrap();
    let text = std::fs::read_to_string(store.path()).unwrap();
    assert!(text.contains("voice: (rate: 1.5, name: \"Ana\")"), "{text}");
    assert!(text.contains("tabs: [1, 2]"), "{text}");
    let again = store.load();
    assert!(matches!(again, Loaded::Read(_)), "{again:?}");
    let again = again.into_settings();
    assert_eq!(again.text_scale, 2.5);
    assert_eq!(again.unknown, s.unknown);
    assert_eq!(again.unknown.len(), 2);
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

/// A home folder with a dotfiles folder in it, and a settings folder whose `settings.ron` is a
/// link to `target`.
fn linked_store(home: &Path, target: &Path) -> Store {
    let config = home.join("config");
    std::fs::create_dir_all(&config).unwrap();
    std::os::unix::fs::symlink(target, config.join(FILE_NAME)).unwrap();
    Store::with_home(config, Some(home.to_owned()))
}

#[test]
fn a_linked_settings_file_in_the_home_folder_is_written_through_atomically() {
    let home = tempfile::tempdir().unwrap();
    let dotfiles = home.path().join("dotfiles");
    std::fs::create_dir(&dotfiles).unwrap();
    let target = dotfiles.join("acupoint.ron");
    std::fs::write(&target, "(theme: Dark)").unwrap();
    let store = linked_store(home.path(), &target);
    assert_eq!(store.load().settings().theme, Theme::Dark, "read through");
    store.save(&sample()).unwrap();
    let link = std::fs::symlink_metadata(store.path()).unwrap();
    assert!(link.file_type().is_symlink(), "the link is still a link");
    assert_eq!(store.load(), Loaded::Read(sample()), "written through it");
    let names: Vec<_> = std::fs::read_dir(&dotfiles)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(
        names,
        ["acupoint.ron"],
        "no temporary file is left beside the target"
    );
}

#[test]
fn a_damaged_linked_settings_file_keeps_its_link_and_a_copy_is_set_aside() {
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("dotfiles.ron");
    std::fs::write(&target, "(theme: Dark, plan: [\"BL23\"]").unwrap();
    let store = linked_store(home.path(), &target);
    let Loaded::Damaged { kept_at, .. } = store.load() else {
        panic!("the file is cut short")
    };
    assert!(
        std::fs::read_to_string(kept_at)
            .unwrap()
            .starts_with("(theme: Dark")
    );
    let link = std::fs::symlink_metadata(store.path()).unwrap();
    assert!(link.file_type().is_symlink(), "the link stays");
    store.save(&sample()).unwrap();
    assert_eq!(
        store.load(),
        Loaded::Read(sample()),
        "saved through the link"
    );
}

#[test]
fn a_linked_settings_file_outside_the_home_folder_or_not_a_file_is_refused_with_the_reason() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = tempfile::tempdir().unwrap();
    let outside = elsewhere.path().join("shared.ron");
    std::fs::write(&outside, "(theme: Dark)").unwrap();
    let inside_dir = home.path().join("a-folder");
    std::fs::create_dir(&inside_dir).unwrap();
    for (target, words) in [
        (outside.clone(), "outside your home folder"),
        (home.path().join("missing.ron"), "does not exist"),
        (inside_dir, "not a regular file"),
    ] {
        let home = tempfile::tempdir_in(home.path()).unwrap();
        let store = linked_store(home.path(), &target);
        let err = store.save(&sample()).unwrap_err().to_string();
        assert!(err.contains(words), "{err}");
        assert!(err.contains("symbolic link"), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "(theme: Dark)");
}

#[test]
fn a_linked_settings_file_owned_by_another_user_is_refused() {
    use std::os::unix::fs::MetadataExt;
    let home = tempfile::tempdir().unwrap();
    let target = home.path().join("theirs.ron");
    std::fs::write(&target, "(theme: Dark)").unwrap();
    let me = std::fs::metadata("/proc/self").unwrap().uid();
    if std::os::unix::fs::chown(&target, Some(me + 1), None).is_err() {
        eprintln!("skipped: only root can give a file to another user");
        return;
    }
    let store = linked_store(home.path(), &target);
    let err = store.save(&sample()).unwrap_err().to_string();
    assert!(err.contains("belongs to another user"), "{err}");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "(theme: Dark)");
}
