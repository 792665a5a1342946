//! Checks made after parsing: duplicates, dangling ids, bad numbers, placement. Every problem
//! is reported at the place of the offending value.

mod content;
mod diagrams;
mod figures;
mod lessons;
mod levels;
mod placed;

pub use lessons::check_lesson;

use super::diagnostic::Diagnostic;
use super::locate::Locator;
use super::parse::{Origin, Origins};
use super::source::SourceFile;
use crate::model::{AtlasParts, PlacedSite};
use std::collections::HashMap;

/// Reports problems at the place of values, finding places only when a problem needs one.
pub struct Reporter<'a> {
    files: &'a [SourceFile],
    locators: HashMap<usize, Locator>,
    problems: Vec<Diagnostic>,
}

impl<'a> Reporter<'a> {
    pub fn new(files: &'a [SourceFile]) -> Self {
        Self {
            files,
            locators: HashMap::new(),
            problems: Vec::new(),
        }
    }

    /// Reports a problem with the value at `sub` (such as `.regions[1]`) inside an item.
    pub fn at(&mut self, origin: &Origin, sub: &str, message: impl Into<String>) {
        let Some(file) = self.files.get(origin.file) else {
            return;
        };
        let locator = self
            .locators
            .entry(origin.file)
            .or_insert_with(|| Locator::new(&file.text));
        let pos = locator.find(&format!("{}{sub}", origin.path));
        self.problems.push(Diagnostic::at(&file.path, pos, message));
    }

    pub fn into_problems(self) -> Vec<Diagnostic> {
        self.problems
    }
}

/// Reports every id that appears more than once among `ids`.
pub fn duplicates<'i>(
    rep: &mut Reporter<'_>,
    what: &str,
    ids: impl Iterator<Item = (&'i str, &'i Origin, String)>,
) {
    let mut seen: HashMap<&str, &Origin> = HashMap::new();
    for (id, origin, sub) in ids {
        if let Some(first) = seen.get(id) {
            let first_at = rep
                .files
                .get(first.file)
                .map(|f| f.path.clone())
                .unwrap_or_default();
            rep.at(
                origin,
                &sub,
                format!("duplicate {what} `{id}` (first defined in {first_at})"),
            );
        } else {
            seen.insert(id, origin);
        }
    }
}

/// Runs every check. Returns the placed sites of each point (in `parts.points` order) and the
/// problems found.
pub fn check(
    files: &[SourceFile],
    parts: &AtlasParts,
    origins: &Origins,
) -> (Vec<Vec<PlacedSite>>, Vec<Diagnostic>) {
    let mut rep = Reporter::new(files);
    figures::check_figures(&mut rep, parts, origins);
    content::check_content(&mut rep, parts, origins);
    levels::check_levels(&mut rep, parts, origins);
    diagrams::check_diagrams(&mut rep, parts, origins);
    lessons::check_lessons(&mut rep, parts, &origins.lessons);
    let sites = placed::check_placement(&mut rep, parts, origins);
    (sites, rep.into_problems())
}
