//! One fixture for the loader's tests: a copy of an atlas in a temporary folder, edited in
//! place, with the problems the loader reports on it checked at `file:line:col`.

use acupoint_atlas::load::{Diagnostics, load_dir};
use std::path::{Path, PathBuf};

/// The smallest sound atlas: one figure, one point.
pub const MINIMAL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/minimal");
/// The built-in atlas as it ships.
pub const BUILTIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/atlas");

/// A copy of an atlas folder in a temporary folder, removed when dropped.
pub struct AtlasCopy {
    pub dir: tempfile::TempDir,
}

impl AtlasCopy {
    /// A copy of the minimal fixture atlas.
    pub fn minimal() -> Self {
        Self::of(Path::new(MINIMAL))
    }

    /// A copy of the built-in atlas.
    pub fn builtin() -> Self {
        Self::of(Path::new(BUILTIN))
    }

    fn of(from: &Path) -> Self {
        let dir = tempfile::tempdir().unwrap();
        super::copy_tree(from, dir.path());
        Self { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.path(rel)).unwrap()
    }

    pub fn write(&self, rel: &str, text: &str) {
        std::fs::write(self.path(rel), text).unwrap();
    }

    /// Replaces `from` by `to` in a file; returns the 1-based line and column of the change.
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> (usize, usize) {
        self.edit_after(rel, "", from, to)
    }

    /// Replaces the first `from` after `after` in a file by `to`; returns the 1-based line and
    /// column where `from` stood.
    pub fn edit_after(&self, rel: &str, after: &str, from: &str, to: &str) -> (usize, usize) {
        let text = self.read(rel);
        let start = text
            .find(after)
            .unwrap_or_else(|| panic!("`{after}` not in {rel}"));
        let at = start
            + text[start..]
                .find(from)
                .unwrap_or_else(|| panic!("`{from}` not after `{after}` in {rel}"));
        let mut changed = text.clone();
        changed.replace_range(at..at + from.len(), to);
        self.write(rel, &changed);
        line_col(&text, at)
    }

    /// The problems the loader reports; the copy must be refused.
    pub fn problems(&self) -> Diagnostics {
        load_dir(self.dir.path()).expect_err("the damaged atlas must be refused")
    }

    /// Asserts a problem at `rel:line:col` whose message contains `words`.
    pub fn expect_at(&self, rel: &str, (line, col): (usize, usize), words: &str) {
        self.expect_starting(
            &format!("{}:{line}:{col}: ", self.path(rel).display()),
            words,
        );
    }

    /// Asserts a problem about the whole file or folder `rel` whose message contains `words`.
    pub fn expect_file(&self, rel: &str, words: &str) {
        self.expect_starting(&format!("{}: ", self.path(rel).display()), words);
    }

    fn expect_starting(&self, want: &str, words: &str) {
        let problems = self.problems();
        assert!(
            problems
                .iter()
                .any(|p| p.to_string().starts_with(want) && p.message.contains(words)),
            "expected a problem at {want} mentioning `{words}`, got:\n{problems}"
        );
    }
}

/// The 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, byte: usize) -> (usize, usize) {
    let before = &text[..byte];
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().unwrap().chars().count() + 1;
    (line, col)
}
