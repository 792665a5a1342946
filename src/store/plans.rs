//! Named plans kept for later visits ("Cherkin standard set", "Sciatica, week 2"): one RON
//! file each in the `plans` folder beside the settings, written atomically. A file that does
//! not read is listed with `file:line:col: message` and left where it is, never lost.

use crate::model::{ConditionId, PointCode};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// A plan as saved: its name, the date it was made, the condition and the points in order.
/// It names a patient only when the practitioner typed one into its name.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SavedPlan {
    pub name: String,
    /// The visit's date, as `2026-12-06`.
    pub date: String,
    pub condition: Option<ConditionId>,
    pub points: Vec<PointCode>,
}

/// A plan file that could not be read or written.
#[derive(Debug, thiserror::Error, PartialEq)]
#[error("{}:{line}:{col}: {message}", path.display())]
pub struct PlanError {
    pub path: PathBuf,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl PlanError {
    fn whole(path: &Path, message: impl Into<String>) -> Self {
        Self {
            path: path.to_path_buf(),
            line: 1,
            col: 1,
            message: message.into(),
        }
    }
}

/// A plan file is no larger than this.
const MAX_PLAN_BYTES: u64 = 256 * 1024;

/// The file a plan of this name is saved in: its letters and digits, the rest as `-`.
pub fn plan_path(dir: &Path, name: &str) -> PathBuf {
    let mut stem: String = name
        .trim()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .take(64)
        .collect();
    if stem.trim_matches('-').is_empty() {
        stem = "plan".into();
    }
    dir.join(format!("{stem}.ron"))
}

/// Saves `plan` under its name (replacing a plan of the same name) and returns the file.
pub fn save_plan(dir: &Path, plan: &SavedPlan) -> Result<PathBuf, PlanError> {
    std::fs::create_dir_all(dir).map_err(|e| PlanError::whole(dir, e.to_string()))?;
    let path = plan_path(dir, &plan.name);
    let text = ron::ser::to_string_pretty(plan, ron::ser::PrettyConfig::default())
        .map_err(|e| PlanError::whole(&path, e.to_string()))?;
    crate::output::write_with(&path, |w| w.write_all(text.as_bytes()))
        .map_err(|e| PlanError::whole(&path, e.why))?;
    Ok(path)
}

/// Reads one plan file.
pub fn load_plan(path: &Path) -> Result<SavedPlan, PlanError> {
    let text = match super::read_regular(path, MAX_PLAN_BYTES) {
        Ok(Some(text)) => text,
        Ok(None) => return Err(PlanError::whole(path, "no such plan")),
        Err(why) => return Err(PlanError::whole(path, why)),
    };
    ron::from_str(&text).map_err(|e: ron::error::SpannedError| PlanError {
        path: path.to_path_buf(),
        line: e.span.start.line,
        col: e.span.start.col,
        message: e.code.to_string(),
    })
}

/// Every plan in `dir`, by file name: each read, or the reason it could not be.
pub fn list_plans(dir: &Path) -> Vec<(PathBuf, Result<SavedPlan, PlanError>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let plan = load_plan(&p);
            (p, plan)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn plan(name: &str) -> SavedPlan {
        SavedPlan {
            name: name.into(),
            date: "2026-12-06".into(),
            condition: Some(ConditionId::new("sciatica")),
            points: vec![PointCode::new("BL23"), PointCode::new("GB30")],
        }
    }

    #[test]
    fn a_saved_plan_opens_again_as_it_was_and_is_listed_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = save_plan(dir.path(), &plan("Sciatica, week 2")).unwrap();
        assert_eq!(path.file_name().unwrap(), "Sciatica--week-2.ron");
        save_plan(dir.path(), &plan("Cherkin standard set")).unwrap();
        assert_eq!(load_plan(&path).unwrap(), plan("Sciatica, week 2"));
        let names: Vec<String> = list_plans(dir.path())
            .into_iter()
            .map(|(_, p)| p.unwrap().name)
            .collect();
        assert_eq!(names, ["Cherkin standard set", "Sciatica, week 2"]);
    }

    #[test]
    fn a_bad_plan_file_is_reported_at_its_line_and_column_and_left_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "(\n  name: \"x\",\n  points: [BL23],\n)").unwrap();
        let listed = list_plans(dir.path());
        let err = listed[0].1.as_ref().unwrap_err();
        assert_eq!((err.line, err.col), (3, 12), "{err}");
        assert!(
            err.to_string()
                .starts_with(&format!("{}:3:12: ", bad.display()))
        );
        assert!(bad.exists(), "the file is kept");
    }
}
