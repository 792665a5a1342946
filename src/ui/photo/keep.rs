//! "Keep" and "Forget this photo": a kept photo is a folder in the program's data folder with
//! a copy of the photo and its marks file; forgetting deletes the folder. Only these two
//! actions ever write or delete anything of a photo.

use super::{PhotoSource, PhotoState, PhotoUi};
use std::path::{Path, PathBuf};

/// The marks file's name in a kept photo's folder.
const MARKS_FILE: &str = "marks.ron";

impl PhotoUi {
    /// Keeps the open photo: a copy and its marks in the data folder (then its marks are
    /// saved there as they change).
    pub fn keep(&mut self) {
        let Some(state) = &mut self.state else {
            return;
        };
        let Some(root) = &self.data_dir else {
            self.message = Some("There is no data folder to keep photos in.".to_owned());
            return;
        };
        match keep_in(root, state) {
            Ok(dir) => {
                state.kept = Some(dir);
                self.message = None;
            }
            Err(why) => self.message = Some(format!("Could not keep the photo: {why}")),
        }
    }

    /// Deletes the kept copy and marks of the open photo (if kept) and closes it.
    pub fn forget(&mut self) {
        if let Some(dir) = self.state.as_ref().and_then(|s| s.kept.clone())
            && self.data_dir.as_ref().is_some_and(|d| dir.starts_with(d))
            && let Err(e) = std::fs::remove_dir_all(&dir)
        {
            self.message = Some(format!("Could not delete {}: {e}", dir.display()));
            return;
        }
        self.close();
    }

    /// The kept photos: each folder's name and its marks file.
    pub(super) fn kept_photos(&self) -> Vec<(String, PathBuf)> {
        let Some(root) = &self.data_dir else {
            return Vec::new();
        };
        let Ok(entries) = std::fs::read_dir(root) else {
            return Vec::new();
        };
        let mut out: Vec<(String, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.join(MARKS_FILE).is_file())
            .map(|p| (super::file_name(&p), p.join(MARKS_FILE)))
            .collect();
        out.sort();
        out
    }
}

impl PhotoState {
    /// Writes the marks into the kept folder, if the photo is kept.
    pub(super) fn save_if_kept(&self) -> Result<(), String> {
        match &self.kept {
            Some(dir) => write_marks(dir, self),
            None => Ok(()),
        }
    }
}

/// Copies the photo into a new folder under `root` and writes its marks there.
fn keep_in(root: &Path, state: &mut PhotoState) -> Result<PathBuf, String> {
    if let Some(dir) = &state.kept {
        write_marks(dir, state)?;
        return Ok(dir.clone());
    }
    std::fs::create_dir_all(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let stem: String = Path::new(&state.name)
        .file_stem()
        .map_or_else(|| "photo".to_owned(), |s| s.to_string_lossy().into_owned())
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(40)
        .collect();
    let dir = (1..1000)
        .map(|n| {
            if n == 1 {
                root.join(&stem)
            } else {
                root.join(format!("{stem}-{n}"))
            }
        })
        .find(|d| !d.exists())
        .ok_or("too many kept photos of that name")?;
    std::fs::create_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let ext = Path::new(&state.name)
        .extension()
        .map_or_else(|| "jpg".to_owned(), |e| e.to_string_lossy().to_lowercase());
    let photo = dir.join(format!("photo.{ext}"));
    let copied = match &state.source {
        PhotoSource::File(from) => std::fs::copy(from, &photo).map(|_| ()),
        PhotoSource::Bytes(bytes) => std::fs::write(&photo, bytes),
    };
    if let Err(e) = copied {
        let _ = std::fs::remove_dir_all(&dir);
        return Err(format!("{}: {e}", photo.display()));
    }
    state.marks.image = format!("photo.{ext}");
    state.source = PhotoSource::File(photo);
    write_marks(&dir, state)?;
    Ok(dir)
}

fn write_marks(dir: &Path, state: &PhotoState) -> Result<(), String> {
    let text = ron::ser::to_string_pretty(
        &state.marks,
        ron::ser::PrettyConfig::default().struct_names(true),
    )
    .map_err(|e| e.to_string())?;
    crate::output::write_with(&dir.join(MARKS_FILE), |w| w.write_all(text.as_bytes()))
        .map_err(|e| e.why)
}
