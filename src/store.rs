//! Settings and progress that last between runs: one small serde struct in a RON file, written
//! atomically (temporary file, sync, rename). A damaged file is set aside, never lost, and the
//! defaults are used. The atlas itself is never stored here. No egui.

use crate::model::{ConditionId, FigureId, PointCode};
use crate::scene::Theme;
use crate::study::Progress;
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The stored file's name inside the store folder.
pub const FILE_NAME: &str = "settings.ron";
/// A store file larger than this is not read (it cannot be ours).
const MAX_BYTES: u64 = 4 * 1024 * 1024;

/// Everything kept between runs: the user's settings, the last view, today's plan and study
/// progress. The window's session holds one of these and changes it directly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub theme: Theme,
    /// Presentation's text and dot scale, 1 to 3.
    pub text_scale: f32,
    pub pinyin_labels: bool,
    pub figure: Option<FigureId>,
    pub condition: Option<ConditionId>,
    pub selected: Option<PointCode>,
    /// Today's plan: point codes in order.
    pub plan: Vec<PointCode>,
    pub progress: Progress,
    /// The practitioner's name, printed on handouts (empty: left out).
    pub practitioner: String,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::Light,
            text_scale: 1.0,
            pinyin_labels: false,
            figure: None,
            condition: Some(ConditionId::new("lower-back-pain")),
            selected: None,
            plan: Vec::new(),
            progress: Progress::default(),
            practitioner: String::new(),
        }
    }
}

/// What loading the store found.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// No file yet: defaults.
    Fresh(Settings),
    Read(Settings),
    /// The file could not be read; it was kept at `kept_at` and defaults are used.
    Damaged {
        settings: Settings,
        kept_at: PathBuf,
        why: String,
    },
}

impl Loaded {
    pub fn settings(&self) -> &Settings {
        match self {
            Loaded::Fresh(s) | Loaded::Read(s) | Loaded::Damaged { settings: s, .. } => s,
        }
    }

    pub fn into_settings(self) -> Settings {
        match self {
            Loaded::Fresh(s) | Loaded::Read(s) | Loaded::Damaged { settings: s, .. } => s,
        }
    }
}

/// The settings file in one folder.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self { dir: dir.into() }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// Reads the settings. Never fails: a missing file gives defaults, a damaged one is moved
    /// aside (to `settings.damaged-N.ron`) and defaults are used.
    pub fn load(&self) -> Loaded {
        let path = self.path();
        let text = match std::fs::metadata(&path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Loaded::Fresh(Settings::default());
            }
            Ok(meta) if meta.len() > MAX_BYTES => Err(format!(
                "the file is {} bytes, too large to be settings",
                meta.len()
            )),
            _ => std::fs::read(&path)
                .map_err(|e| e.to_string())
                .and_then(|b| {
                    String::from_utf8(b).map_err(|_| "the file is not UTF-8 text".to_owned())
                }),
        };
        let parsed = text.and_then(|t| {
            ron::Options::default()
                .with_recursion_limit(32)
                .from_str::<Settings>(&t)
                .map_err(|e| format!("{}:{}: {}", FILE_NAME, e.span.start, e.code))
        });
        match parsed {
            Ok(mut settings) => {
                if !settings.text_scale.is_finite() {
                    settings.text_scale = 1.0;
                }
                settings.text_scale = settings.text_scale.clamp(1.0, 3.0);
                Loaded::Read(settings)
            }
            Err(why) => {
                let kept_at = self.set_aside(&path);
                Loaded::Damaged {
                    settings: Settings::default(),
                    kept_at,
                    why,
                }
            }
        }
    }

    /// Moves a damaged file out of the way under a name that does not exist yet.
    fn set_aside(&self, path: &Path) -> PathBuf {
        for n in 1..1000 {
            let target = self.dir.join(format!("settings.damaged-{n}.ron"));
            if !target.exists() {
                if std::fs::rename(path, &target).is_ok() {
                    return target;
                }
                break;
            }
        }
        path.to_owned()
    }

    /// Writes the settings atomically: to a temporary file in the same folder, synced, then
    /// renamed over the old file, so a crash mid-write leaves the old file whole.
    pub fn save(&self, settings: &Settings) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        let tmp = self.dir.join(format!("{FILE_NAME}.tmp"));
        {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(text.as_bytes())?;
            file.sync_all()?;
        }
        std::fs::rename(&tmp, self.path())?;
        // Make the rename itself durable where the platform allows syncing a folder.
        if let Ok(dir) = std::fs::File::open(&self.dir) {
            let _ = dir.sync_all();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
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
            } => {
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
}
