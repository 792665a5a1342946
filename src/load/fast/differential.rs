//! The fast path against the full one, on the shipped atlas, generated atlases and many
//! damaged copies of them: whatever the fast path reads, `ron` must read to the same value,
//! and `from_ron` must give exactly what the full path alone gives (the value, or the same
//! diagnostics).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

#[path = "../../../tests/common/generate.rs"]
mod generate;

use crate::load::diagnostic::Diagnostic;
use crate::load::parse::{from_ron, slow_from_ron};
use crate::load::{FileKind, SourceFile, builtin_files};
use crate::model::{
    Channel, Condition, Diagram, Figure, GuidanceSection, Lesson, Mechanism, Point, Reference,
    Region, Schematic, Structure,
};
use serde::de::DeserializeOwned;
use std::fmt::Debug;

/// Checks one file both ways; returns whether the fast path read it.
fn agree<T: DeserializeOwned + PartialEq + Debug>(file: &SourceFile) -> bool {
    let fast: Option<T> = super::from_str(&file.text);
    let slow: Result<T, Vec<Diagnostic>> = slow_from_ron(file);
    if let Some(value) = &fast {
        match &slow {
            Ok(full) => assert!(value == full, "values differ in {}", file.path),
            Err(problems) => panic!(
                "the fast path read what ron refuses ({problems:?}) in {}:\n{}",
                file.path, file.text
            ),
        }
    }
    assert_eq!(from_ron::<T>(file), slow, "{}", file.path);
    fast.is_some()
}

fn check(file: &SourceFile) -> bool {
    match file.kind {
        FileKind::Figure => agree::<Figure>(file),
        FileKind::Points => agree::<Vec<Point>>(file),
        FileKind::Regions => agree::<Vec<Region>>(file),
        FileKind::Conditions => agree::<Vec<Condition>>(file),
        FileKind::Mechanisms => agree::<Vec<Mechanism>>(file),
        FileKind::References => agree::<Vec<Reference>>(file),
        FileKind::Guidance => agree::<Vec<GuidanceSection>>(file),
        FileKind::Channels => agree::<Vec<Channel>>(file),
        FileKind::Anatomy => agree::<Vec<Structure>>(file),
        FileKind::Schematic => agree::<Schematic>(file),
        FileKind::Diagram => agree::<Diagram>(file),
        FileKind::Lesson => agree::<Lesson>(file),
    }
}

#[test]
fn the_fast_path_reads_every_shipped_and_generated_file_as_ron_does() {
    let mut files = generate::with_points(60, Some(generate::big_figure(0, 300)));
    files.extend(generate::with_points(
        0,
        Some(generate::big_figure(40_000, 10)),
    ));
    for file in &files {
        assert!(check(file), "the fast path declined {}", file.path);
    }
}

/// A small deterministic generator (xorshift), so that every run damages the same places.
struct Dice(u64);

impl Dice {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        usize::try_from(self.0 % n.max(1) as u64).unwrap()
    }
}

/// Text inserted at a random place.
const INSERTS: [&str; 14] = [
    " ",
    "\n",
    "\t",
    "/* c */",
    "// c\n",
    "/* /* n */ */",
    ",",
    "\u{b}",
    "(",
    "]",
    "\\",
    "\"",
    "-",
    "é",
];

/// One damaged copy of `text` (not always valid UTF-8: such copies are skipped).
fn damage(text: &str, dice: &mut Dice) -> Vec<u8> {
    let mut bytes = text.as_bytes().to_vec();
    let at = dice.below(bytes.len());
    match dice.below(10) {
        0 => bytes.truncate(at),
        1 => {
            bytes.remove(at);
        }
        2 => bytes.insert(at, bytes[at]),
        3 if at + 1 < bytes.len() => bytes.swap(at, at + 1),
        4 => {
            // Change a digit near `at`.
            if let Some(k) = bytes[at..].iter().position(u8::is_ascii_digit) {
                bytes[at + k] = b'0' + u8::try_from(dice.below(10)).unwrap();
            }
        }
        5 | 6 => {
            let insert = INSERTS[dice.below(INSERTS.len())];
            bytes.splice(at..at, insert.bytes());
        }
        7 => {
            // Make a string near `at` long: past the limit of most fields, or within it.
            if let Some(k) = bytes[at..].iter().position(|&b| b == b'"') {
                let n = [60, 65, 199, 201, 1001, 4001][dice.below(6)];
                let inside = at + k + 1;
                bytes.splice(inside..inside, std::iter::repeat_n(b'x', n));
            }
        }
        8 => {
            // Nest a value deeply.
            if let Some(k) = bytes[at..].iter().position(|&b| b == b'(') {
                let n = [3, 30, 70][dice.below(3)];
                let (open, close) = ("(".repeat(n), ")".repeat(n));
                bytes.splice(at + k..at + k, open.bytes());
                let end = bytes[at + k..].iter().position(|&b| b == b',');
                let end = end.map_or(bytes.len(), |e| at + k + e);
                bytes.splice(end..end, close.bytes());
            }
        }
        _ => {
            // Delete a run of bytes (a field, part of a list).
            let n = dice.below(40).min(bytes.len() - at);
            bytes.drain(at..at + n);
        }
    }
    bytes
}

#[test]
fn damaged_files_read_the_same_both_ways() {
    let mut dice = Dice(0x9e37_79b9_7f4a_7c15);
    let mut files = builtin_files();
    files.extend(generate::with_points(25, Some(generate::big_figure(0, 40))));
    let (mut tried, mut read) = (0, 0);
    for file in &files {
        for _ in 0..40 {
            let Ok(text) = String::from_utf8(damage(&file.text, &mut dice)) else {
                continue;
            };
            let damaged = SourceFile {
                path: file.path.clone(),
                kind: file.kind,
                text,
            };
            tried += 1;
            if check(&damaged) {
                read += 1;
            }
        }
    }
    // Much damage leaves a file valid (a comment, a changed digit); the fast path must read
    // some of those, or this test shows nothing.
    assert!(read * 5 > tried, "the fast path read {read} of {tried}");
}
