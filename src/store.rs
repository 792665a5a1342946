//! Settings and progress that last between runs: one small serde struct in a RON file, written
//! atomically (temporary file, sync, rename). A damaged file is set aside, never lost: the
//! fields that still read are kept and only the others take their defaults. Only a regular file
//! is ever opened (a named pipe in its place cannot block the start). The atlas itself is never
//! stored here. No egui.

mod app_state;
mod export_choice;
mod fields;
mod history;
mod link;
mod one_folder;
mod plans;

pub use app_state::{APP_STATE_FILE, MAX_APP_STATE_BYTES, set_aside_bad_app_state};
pub use export_choice::{ExportFormat, PaperChoice};
pub use history::{HISTORY_FILE, HistoryRead, MAX_HISTORY_BYTES};
pub use one_folder::move_into_one_folder;
pub use plans::{PlanError, SavedPlan, list_plans, load_plan, plan_path, save_plan};

use crate::model::{ConditionId, FigureId, PointCode};
use crate::scene::Theme;
use crate::study::Progress;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// The stored file's name inside the store folder.
pub const FILE_NAME: &str = "settings.ron";
/// A store file larger than this is not read (it cannot be ours).
pub const MAX_BYTES: u64 = 4 * 1024 * 1024;

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
    /// The date today's plan was begun, as `2026-12-06` (empty: no plan yet).
    pub plan_date: String,
    /// What the window's exports write, and on which paper.
    pub export_format: ExportFormat,
    pub paper: PaperChoice,
    /// Fields a newer version wrote that this one does not have, as `(name, RON text)`: kept
    /// so that they outlive a save by this version.
    #[serde(skip)]
    pub unknown: Vec<(String, String)>,
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
            plan_date: String::new(),
            export_format: ExportFormat::Pdf,
            paper: PaperChoice::A4,
            unknown: Vec::new(),
        }
    }
}

/// What loading the store found.
#[derive(Debug, PartialEq)]
pub enum Loaded {
    /// No file yet: defaults.
    Fresh(Settings),
    Read(Settings),
    /// The file could not be read whole; it was kept at `kept_at`. What `reset` names (fields,
    /// and entries such as `plan[3]`) took its default or was left out, and everything else was
    /// kept. `cut`: the file ended before its closing `)`. When `reset` is empty and the file
    /// was not cut, nothing could be read and every field has its default.
    Damaged {
        settings: Settings,
        kept_at: PathBuf,
        why: String,
        reset: Vec<String>,
        cut: bool,
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

    /// What the window tells the user about a damaged file, if the file was damaged.
    pub fn notice(&self) -> Option<String> {
        let Loaded::Damaged {
            kept_at,
            why,
            reset,
            cut,
            ..
        } = self
        else {
            return None;
        };
        let kept = kept_at.display();
        let names = reset
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        Some(match (reset.is_empty(), cut) {
            (true, false) => format!(
                "Your saved settings could not be read ({why}). They were set aside as {kept} and the defaults are used."
            ),
            (true, true) => format!(
                "Your saved settings could not be read whole: the file was cut short. Everything it held was kept, and the file was set aside as {kept}."
            ),
            (false, _) => format!(
                "Some saved settings could not be read ({why}); {names} went back to the default or were left out, and everything else was kept. The file was set aside as {kept}."
            ),
        })
    }
}

/// The settings file in one folder.
#[derive(Clone, Debug)]
pub struct Store {
    dir: PathBuf,
    /// The user's home folder: a settings file that is a link is written through only into it.
    home: Option<PathBuf>,
}

impl Store {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Self::with_home(dir, std::env::home_dir())
    }

    /// A store whose user's home folder is `home` (`None`: no link is written through).
    pub fn with_home(dir: impl Into<PathBuf>, home: Option<PathBuf>) -> Self {
        Self {
            dir: dir.into(),
            home,
        }
    }

    pub fn path(&self) -> PathBuf {
        self.dir.join(FILE_NAME)
    }

    /// The folder the settings file is kept in.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The folder named plans are kept in, beside the settings.
    pub fn plans_dir(&self) -> PathBuf {
        self.dir.join("plans")
    }

    /// Reads the settings. Never fails: a missing file gives defaults; a damaged one is moved
    /// aside (to `settings.damaged-N.ron`), its fields that still read are kept and the others
    /// take their defaults.
    pub fn load(&self) -> Loaded {
        let path = self.path();
        let text = match read_regular(&path, MAX_BYTES) {
            Ok(None) => return Loaded::Fresh(Settings::default()),
            Ok(Some(text)) => Ok(text),
            Err(why) => Err(why),
        };
        let recovered = text.and_then(|t| fields::read_fields(&t));
        let (mut settings, reset, why, cut) = match recovered {
            Ok(r) if r.reset.is_empty() && !r.cut => (r.settings, Vec::new(), None, false),
            Ok(r) => {
                let why = r
                    .why
                    .unwrap_or_else(|| "the file ends before its closing `)`".into());
                (r.settings, r.reset, Some(why), r.cut)
            }
            Err(why) => (Settings::default(), Vec::new(), Some(why), false),
        };
        if !settings.text_scale.is_finite() {
            settings.text_scale = 1.0;
        }
        settings.text_scale = settings.text_scale.clamp(1.0, 3.0);
        match why {
            None => Loaded::Read(settings),
            Some(why) => Loaded::Damaged {
                kept_at: self.set_aside(&path),
                settings,
                why,
                reset,
                cut,
            },
        }
    }

    /// Moves a damaged file out of the way under a name that does not exist yet. Renaming opens
    /// nothing, so this is safe for a pipe or a device too. A link that saves may write through
    /// (a dotfile manager's) stays in place, and a copy of what it points to is set aside, so
    /// the next save still goes where the user keeps their settings.
    fn set_aside(&self, path: &Path) -> PathBuf {
        let keep_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
            && link::write_target(path, self.home.as_deref()).is_ok();
        for n in 1..1000 {
            let target = self.dir.join(format!("settings.damaged-{n}.ron"));
            if std::fs::symlink_metadata(&target).is_err() {
                let moved = if keep_link {
                    std::fs::copy(path, &target).is_ok()
                } else {
                    std::fs::rename(path, &target).is_ok()
                };
                if moved {
                    return target;
                }
                break;
            }
        }
        path.to_owned()
    }

    /// Writes the settings atomically: to a temporary file in the same folder, synced, then
    /// renamed over the old file, so a crash mid-write leaves the old file whole (see
    /// [`crate::output`]; anything but a regular file in the way is refused). A settings file
    /// that is a symbolic link is written through when its target is the user's own regular
    /// file in their home folder (see [`link`]). Fields a newer version wrote are kept.
    pub fn save(&self, settings: &Settings) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let text = ron::ser::to_string_pretty(settings, ron::ser::PrettyConfig::default())
            .map_err(std::io::Error::other)?;
        let text = fields::with_unknown_fields(&text, &settings.unknown);
        let path = self.path();
        let target = link::write_target(&path, self.home.as_deref()).map_err(|why| {
            std::io::Error::other(format!("cannot write {}: {why}", path.display()))
        })?;
        crate::output::write_with(&target, |w| w.write_all(text.as_bytes()))
            .map_err(std::io::Error::other)
    }
}

/// Reads a file of at most `max` bytes, opening it only when it is a regular file (a named pipe
/// or a device in its place could block or never end). `Ok(None)`: there is no file.
pub fn read_regular(path: &Path, max: u64) -> Result<Option<String>, String> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    if let Some(why) = crate::output::not_regular(&meta.file_type()) {
        return Err(why.to_owned());
    }
    if meta.len() > max {
        return Err(format!(
            "the file is {} bytes, too large to be settings",
            meta.len()
        ));
    }
    let file = std::fs::File::open(path).map_err(|e| e.to_string())?;
    // The reported size is not trusted: reading stops just past the limit.
    let bytes = crate::output::read_at_most(file, max)
        .map_err(|e| e.to_string())?
        .ok_or_else(|| format!("the file is over {max} bytes, too large to be settings"))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| "the file is not UTF-8 text".to_owned())
}

#[cfg(test)]
mod tests;
