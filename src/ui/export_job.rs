//! "Export view…" and "Export handout…" from the window: rendered on a background thread (the
//! windowless renderer), saved to the user's Pictures folder (or home) under a name that says
//! what it is and never overwrites an earlier export, with a notice saying where it went.

use crate::model::{Atlas, ConditionId, PointCode, is_plain_id};
use crate::render::{CAPTION_HEIGHT, Paper, Picture, ViewExport, render_handout, render_view};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};

/// What to export.
pub enum ExportKind {
    View(Box<ViewExport>),
    Handout {
        plan: Vec<PointCode>,
        condition: Option<ConditionId>,
    },
}

/// An export under way; `poll` gives its outcome once.
pub struct ExportJob {
    id: u64,
    rx: Receiver<Result<PathBuf, String>>,
}

/// The folder exports go to: `~/Pictures/Acupoint Atlas`, else the home folder, else here.
pub fn export_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home {
        Some(h) if h.join("Pictures").is_dir() => h.join("Pictures").join("Acupoint Atlas"),
        Some(h) => h.join("Acupoint Atlas"),
        None => PathBuf::from("."),
    }
}

/// Pixels per point of exported views: crisp on paper and on a projector.
const EXPORT_PIXELS_PER_POINT: f32 = 2.0;

impl ExportJob {
    /// Starts rendering on a background thread.
    pub fn start(id: u64, atlas: Atlas, kind: ExportKind, repaint: egui::Context) -> Self {
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let result = export(&atlas, &kind);
            let _ = tx.send(result);
            repaint.request_repaint();
        });
        Self { id, rx }
    }

    /// The job's number (its notice's key).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The outcome, once the thread has finished.
    pub fn poll(&self) -> Option<Result<PathBuf, String>> {
        self.rx.try_recv().ok()
    }
}

fn export(atlas: &Atlas, kind: &ExportKind) -> Result<PathBuf, String> {
    let dir = export_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let (stem, image) = match kind {
        ExportKind::View(view) => {
            let ppp = EXPORT_PIXELS_PER_POINT;
            let picture = Picture {
                width: px(view.size_points.x * ppp),
                height: px((view.size_points.y + CAPTION_HEIGHT) * ppp),
                pixels_per_point: ppp,
                caption: true,
            };
            let mut name = vec![safe(view.scene.figure.as_str())];
            if let Some(c) = &view.scene.condition {
                name.push(safe(c.as_str()));
            }
            if let Some(p) = &view.scene.selected {
                name.push(safe(p.as_str()));
            }
            name.push(stamp());
            (
                name.join("-"),
                render_view(atlas, &view.scene, view.framing, picture),
            )
        }
        ExportKind::Handout { plan, condition } => {
            let codes: Vec<String> = plan.iter().take(6).map(|c| safe(c.as_str())).collect();
            let more = if plan.len() > 6 { "-more" } else { "" };
            (
                format!("handout-{}-{}{more}", stamp(), codes.join("-")),
                render_handout(atlas, plan, condition.as_ref(), Paper::A4),
            )
        }
    };
    let image = image.map_err(|e| e.to_string())?;
    let path = reserve_unique(&dir, &stem)?;
    crate::render::write_png(&image, &path).map_err(|e| {
        let _ = std::fs::remove_file(&path);
        e.to_string()
    })?;
    Ok(path)
}

fn px(points: f32) -> u32 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to the exportable range first"
    )]
    let v = points.round().clamp(64.0, 8192.0) as u32;
    v
}

/// A piece of a file name built from atlas data: kept only when it is a plain id.
fn safe(id: &str) -> String {
    if is_plain_id(id) {
        id.to_owned()
    } else {
        "view".to_owned()
    }
}

/// Today's date and the time, as `2026-11-30-1405`.
fn stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = civil_from_days(days);
    let minute_of_day = (secs % 86_400) / 60;
    format!(
        "{y:04}-{m:02}-{d:02}-{:02}{:02}",
        minute_of_day / 60,
        minute_of_day % 60
    )
}

/// The calendar date of a day count since 1970-01-01 (proleptic Gregorian, UTC).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let m = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

/// Reserves `dir/stem.png`, or `dir/stem-2.png`, `-3`… when taken, by creating it empty: two
/// exports finishing in the same second get two files.
fn reserve_unique(dir: &Path, stem: &str) -> Result<PathBuf, String> {
    for n in 1..10_000 {
        let name = if n == 1 {
            format!("{stem}.png")
        } else {
            format!("{stem}-{n}.png")
        };
        let path = dir.join(name);
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(_) => return Ok(path),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(format!("cannot create {}: {e}", path.display())),
        }
    }
    Err(format!("no free file name for {stem} in {}", dir.display()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn day_counts_become_calendar_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_787), (2026, 11, 30));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }

    #[test]
    fn exports_with_the_same_name_get_files_of_their_own() {
        let dir = tempfile::tempdir().unwrap();
        let a = reserve_unique(dir.path(), "posterior").unwrap();
        let b = reserve_unique(dir.path(), "posterior").unwrap();
        assert_ne!(a, b);
        assert!(b.ends_with("posterior-2.png"));
    }

    #[test]
    fn names_built_from_data_are_plain_or_replaced() {
        assert_eq!(safe("posterior"), "posterior");
        assert_eq!(safe("../../tmp/x"), "view");
    }
}
