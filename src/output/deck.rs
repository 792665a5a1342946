//! A deck of files written into one folder all or nothing (a lesson's slides): every file is
//! written under its temporary name first, and only when all of them were written whole are
//! they renamed into place. A failure part way (a full disk) removes the temporary files and
//! leaves whatever the folder held untouched, an earlier deck included.
//!
//! Each deck keeps a small list of its files beside them (`.<deck id>.deck`, one name a line),
//! written with the deck. After a deck is renamed into place, the files the previous list named
//! and the new deck does not (a step renamed or removed since) are removed; nothing else in the
//! folder is touched, not even another deck's files.

use super::{Partial, WriteError, inspect, read_at_most};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// The largest list file read back (a deck of thousands of slides is well under it).
const MAX_LIST_BYTES: u64 = 1024 * 1024;

/// The file name of the list of a deck's files, for the deck `id`: `.<id>.deck`, with any
/// character of `id` that is not a letter, digit, `-` or `_` made a `-` (`.lesson.deck` for a
/// deck without an id).
pub fn deck_manifest_name(id: &str) -> String {
    let plain: String = id
        .chars()
        .take(100)
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '-'
            }
        })
        .collect();
    let plain = if plain.is_empty() { "lesson" } else { &plain };
    format!(".{plain}.deck")
}

/// A deck being written: the files written so far under their temporary names.
pub struct Deck {
    dir: PathBuf,
    manifest: PathBuf,
    names: Vec<String>,
    staged: Vec<(PathBuf, Partial)>,
}

impl Deck {
    /// Starts a deck called `id` in the folder `dir`; nothing is written yet.
    pub fn new(dir: &Path, id: &str) -> Self {
        Self {
            dir: dir.to_owned(),
            manifest: dir.join(deck_manifest_name(id)),
            names: Vec::new(),
            staged: Vec::new(),
        }
    }

    /// Writes the file `name` (a plain file name) of the deck under its temporary name. The
    /// file of that name, if there is one, is not changed yet.
    pub fn add(
        &mut self,
        name: &str,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), WriteError> {
        let path = self.dir.join(name);
        if name.is_empty() || name.starts_with('.') || name.contains(['/', '\\']) {
            return Err(WriteError::new(&path, "a deck's file needs a plain name"));
        }
        inspect(&path)?;
        let mut partial = Partial::create(&path)?;
        partial.fill(write)?;
        self.names.push(name.to_owned());
        self.staged.push((path, partial));
        Ok(())
    }

    /// Writes the deck's list, renames every file into place, then removes the files of the
    /// previous deck of the same id that this one does not have. Returns the files, in the
    /// order they were added.
    pub fn commit(mut self) -> Result<Vec<PathBuf>, WriteError> {
        let old = self.previous_names();
        let list: String = self.names.iter().flat_map(|n| [n.as_str(), "\n"]).collect();
        let mut partial = Partial::create(&self.manifest)?;
        partial.fill(|w| w.write_all(list.as_bytes()))?;
        let staged = std::mem::take(&mut self.staged);
        // Look at every target again before the first rename, so a refusal renames nothing.
        for (path, _) in &staged {
            inspect(path)?;
        }
        inspect(&self.manifest)?;
        let mut written = Vec::with_capacity(staged.len());
        for (path, file) in staged {
            file.commit()?;
            written.push(path);
        }
        partial.commit()?;
        for gone in old.iter().filter(|n| !self.names.contains(n)) {
            let path = self.dir.join(gone);
            // Only a regular file is removed; a folder or anything else of that name is left.
            if fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
                let _ = fs::remove_file(&path);
            }
        }
        Ok(written)
    }

    /// The plain file names the previous list of this deck holds (none when there is no list,
    /// or it is not a regular file). A name with a path in it is never taken.
    fn previous_names(&self) -> Vec<String> {
        let Ok(meta) = fs::symlink_metadata(&self.manifest) else {
            return Vec::new();
        };
        if !meta.is_file() {
            return Vec::new();
        }
        let bytes = fs::File::open(&self.manifest)
            .ok()
            .and_then(|f| read_at_most(f, MAX_LIST_BYTES).ok().flatten())
            .unwrap_or_default();
        String::from_utf8_lossy(&bytes)
            .lines()
            .map(str::trim)
            .filter(|n| !n.is_empty() && !n.starts_with('.') && !n.contains(['/', '\\']))
            .map(str::to_owned)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn names_in(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    fn deck(dir: &Path, id: &str, slides: &[(&str, &str)]) -> Result<Vec<PathBuf>, WriteError> {
        let mut deck = Deck::new(dir, id);
        for (name, body) in slides {
            if *body == "FULL" {
                deck.add(name, |w| {
                    w.write_all(&[0; 4096])?;
                    Err(io::Error::other("No space left on device"))
                })?;
            } else {
                deck.add(name, |w| w.write_all(body.as_bytes()))?;
            }
        }
        deck.commit()
    }

    #[test]
    fn a_deck_that_fails_part_way_leaves_the_earlier_deck_whole() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        deck(
            d,
            "l",
            &[
                ("01-a.png", "old a"),
                ("02-b.png", "old b"),
                ("03-c.png", "old c"),
            ],
        )
        .unwrap();
        let before = names_in(d);
        let err = deck(
            d,
            "l",
            &[
                ("01-a.png", "new a"),
                ("02-b.png", "new b"),
                ("03-c.png", "FULL"),
            ],
        )
        .unwrap_err();
        assert!(err.why.contains("No space"), "{err}");
        assert_eq!(names_in(d), before, "no temporary file is left");
        assert_eq!(fs::read_to_string(d.join("01-a.png")).unwrap(), "old a");
        assert_eq!(fs::read_to_string(d.join("02-b.png")).unwrap(), "old b");
    }

    #[test]
    fn a_re_export_leaves_only_the_new_deck_and_touches_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        fs::write(d.join("notes.txt"), "mine").unwrap();
        fs::write(d.join("04-someone-elses.png"), "theirs").unwrap();
        deck(d, "other", &[("01-x.png", "x")]).unwrap();
        deck(
            d,
            "l",
            &[("01-a.png", "a"), ("02-b.png", "b"), ("03-c.png", "c")],
        )
        .unwrap();
        deck(d, "l", &[("01-a.png", "A"), ("02-renamed.png", "B")]).unwrap();
        assert_eq!(
            names_in(d),
            [
                ".l.deck",
                ".other.deck",
                "01-a.png",
                "01-x.png",
                "02-renamed.png",
                "04-someone-elses.png",
                "notes.txt"
            ]
        );
        assert_eq!(fs::read_to_string(d.join("01-a.png")).unwrap(), "A");
    }

    #[test]
    fn a_list_naming_paths_outside_the_folder_removes_nothing_there() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path().join("deck");
        fs::create_dir(&d).unwrap();
        fs::write(dir.path().join("keep.png"), "keep").unwrap();
        fs::write(d.join(".l.deck"), "../keep.png\n/etc/passwd\n.hidden\n").unwrap();
        deck(&d, "l", &[("01-a.png", "a")]).unwrap();
        assert!(dir.path().join("keep.png").exists());
    }

    #[test]
    fn a_deck_id_becomes_a_plain_list_name() {
        assert_eq!(deck_manifest_name("intro"), ".intro.deck");
        assert_eq!(deck_manifest_name("../x y"), ".---x-y.deck");
        assert_eq!(deck_manifest_name(""), ".lesson.deck");
    }
}
