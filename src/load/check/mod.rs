//! Checks made after parsing: duplicates, dangling ids, bad numbers, placement. Every problem
//! is reported at the place of the offending value.

mod anatomy;
mod bounds;
mod channels;
mod content;
mod course_context;
mod diagrams;
mod figures;
mod ids;
mod layer_jobs;
mod lessons;
mod levels;
mod placed;

pub use layer_jobs::LayerJobs;
pub use lessons::check_lesson;

use super::diagnostic::Diagnostic;
use super::locate::locate;
use super::parse::{Origin, Origins};
use super::source::SourceFile;
use super::unread::{IdKind, Unread};
use crate::model::{AtlasParts, PlacedSite};
use crate::placement::FigureIndex;
use rustc_hash::FxHashMap as HashMap;

/// Collects problems at the place of values. Places are found at the end, in one walk of each
/// file for all its problems, so many problems cost no more than a few.
pub struct Reporter<'a> {
    files: &'a [SourceFile],
    unread: &'a Unread,
    /// Problems waiting for their place: file index, path of the value, message.
    pending: Vec<(usize, String, String)>,
}

impl<'a> Reporter<'a> {
    pub fn new(files: &'a [SourceFile], unread: &'a Unread) -> Self {
        Self {
            files,
            unread,
            pending: Vec::new(),
        }
    }

    /// Reports a problem with the value at `sub` (such as `.regions[1]`) inside an item.
    pub fn at(&mut self, origin: &Origin, sub: &str, message: impl Into<String>) {
        self.pending
            .push((origin.file, origin.path_to(sub), message.into()));
    }

    /// Reports a reference to an id that nothing defines, unless a file that could not be read
    /// may define it (that file's own problem is reported instead).
    pub fn unknown(
        &mut self,
        kind: IdKind,
        id: &str,
        origin: &Origin,
        sub: &str,
        message: impl Into<String>,
    ) {
        if !self.unread.may_define(kind, id) {
            self.at(origin, sub, message);
        }
    }

    /// The files that could not be read, and what they may define.
    pub fn unread(&self) -> &Unread {
        self.unread
    }

    pub fn into_problems(self) -> Vec<Diagnostic> {
        let mut by_file: HashMap<usize, Vec<(String, String)>> = HashMap::default();
        for (file, path, message) in self.pending {
            by_file.entry(file).or_default().push((path, message));
        }
        let mut problems = Vec::new();
        for (index, items) in by_file {
            let Some(file) = self.files.get(index) else {
                continue;
            };
            let paths: Vec<&str> = items.iter().map(|(p, _)| p.as_str()).collect();
            let places = locate(&file.text, &paths);
            for ((_, message), pos) in items.into_iter().zip(places) {
                problems.push(Diagnostic::at(&file.path, pos, message));
            }
        }
        problems
    }
}

/// Reports every id that appears more than once among `ids`.
pub fn duplicates<'i>(
    rep: &mut Reporter<'_>,
    what: &str,
    ids: impl Iterator<Item = (&'i str, &'i Origin, String)>,
) {
    let mut seen: HashMap<&str, &Origin> =
        HashMap::with_capacity_and_hasher(ids.size_hint().0, rustc_hash::FxBuildHasher);
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

/// Runs every check on the parts that were read (`figures` is `parts.figures` indexed); `unread` says what the files that could not
/// be read may define. Returns the placed sites of each point (in `parts.points` order) and the
/// problems found.
pub fn check(
    files: &[SourceFile],
    parts: &AtlasParts,
    figures: &[FigureIndex<'_>],
    origins: &Origins,
    unread: &Unread,
) -> (Vec<Vec<PlacedSite>>, Vec<Diagnostic>) {
    let mut rep = Reporter::new(files, unread);
    ids::check_ids_are_plain(&mut rep, parts, origins);
    figures::check_figures(&mut rep, parts, origins);
    content::check_content(&mut rep, parts, origins);
    levels::check_levels(&mut rep, parts, origins);
    diagrams::check_diagrams(&mut rep, parts, origins);
    lessons::check_lessons(&mut rep, parts, &origins.lessons);
    let sites = placed::check_placement(&mut rep, parts, figures, origins);
    (sites, rep.into_problems())
}
