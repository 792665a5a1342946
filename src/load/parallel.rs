//! Parsing the atlas files on two threads when there is enough text to share: RON parsing is
//! most of the cost of loading (the built-in atlas is about 350 KB of text), and each file
//! parses on its own. The results come back in the order of the files, so what is loaded does
//! not depend on which thread read what.

use super::diagnostic::Diagnostic;
use super::parse::{from_ron, lesson_id};
use super::source::{FileKind, SourceFile};
use crate::model::{
    Channel, Condition, Diagram, Figure, GuidanceSection, Lesson, Mechanism, Point, Reference,
    Region, Schematic, Structure,
};
use crate::placement::OutlineIndex;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Below this much text, starting a thread costs more than it saves.
const SHARED_BYTES: usize = 64 * 1024;

/// What one file holds, parsed. A figure comes with its outlines indexed (on the thread that
/// read it, beside the other files).
pub enum FileParts {
    Figure(Figure, OutlineIndex),
    Points(Vec<Point>),
    Regions(Vec<Region>),
    Conditions(Vec<Condition>),
    Mechanisms(Vec<Mechanism>),
    References(Vec<Reference>),
    Guidance(Vec<GuidanceSection>),
    Channels(Vec<Channel>),
    Anatomy(Vec<Structure>),
    Schematic(Schematic),
    Diagram(Diagram),
    Lesson(Lesson),
}

fn parse_file(file: &SourceFile) -> Result<FileParts, Vec<Diagnostic>> {
    Ok(match file.kind {
        FileKind::Figure => {
            let figure = from_ron(file)?;
            let outline = OutlineIndex::new(&figure);
            FileParts::Figure(figure, outline)
        }
        FileKind::Points => FileParts::Points(from_ron(file)?),
        FileKind::Regions => FileParts::Regions(from_ron(file)?),
        FileKind::Conditions => FileParts::Conditions(from_ron(file)?),
        FileKind::Mechanisms => FileParts::Mechanisms(from_ron(file)?),
        FileKind::References => FileParts::References(from_ron(file)?),
        FileKind::Guidance => FileParts::Guidance(from_ron(file)?),
        FileKind::Channels => FileParts::Channels(from_ron(file)?),
        FileKind::Anatomy => FileParts::Anatomy(from_ron(file)?),
        FileKind::Schematic => FileParts::Schematic(from_ron(file)?),
        FileKind::Diagram => FileParts::Diagram(from_ron(file)?),
        FileKind::Lesson => {
            let mut lesson: Lesson = from_ron(file)?;
            lesson.id = lesson_id(&file.path);
            FileParts::Lesson(lesson)
        }
    })
}

type Parsed = Result<FileParts, Vec<Diagnostic>>;

/// How many threads can run at once, asked once: the answer reads files under `/proc` and
/// `/sys` (the process's CPU quota) on every call.
pub fn cores() -> usize {
    static CORES: OnceLock<usize> = OnceLock::new();
    *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, std::num::NonZero::get))
}

/// Every file parsed, in the order of `files`: on this thread and one more when there are two
/// cores and enough text. Each thread takes the next file not yet taken, largest first, so
/// both finish at about the same time.
pub fn parse_each(files: &[SourceFile]) -> Vec<Parsed> {
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    if bytes < SHARED_BYTES || cores() < 2 || files.len() < 2 {
        return files.iter().map(parse_file).collect();
    }
    // Files are shared by size: the fast path reads a figure's numbers about as quickly a byte
    // as other text (weighing figures double, as for `ron`, made the load 0.5 ms slower).
    let cost = |i: usize| files.get(i).map_or(0, |f| f.text.len());
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(cost(i)));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            if let Some(file) = files.get(i) {
                done.push((i, parse_file(file)));
            }
        }
        done
    };
    let (mine, theirs) = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mine = work();
        // Should the other thread fail, the files it took are parsed again below.
        (mine, other.join().unwrap_or_default())
    });
    let mut slots: Vec<Option<Parsed>> = (0..files.len()).map(|_| None).collect();
    for (i, parsed) in mine.into_iter().chain(theirs) {
        if let Some(slot) = slots.get_mut(i) {
            *slot = Some(parsed);
        }
    }
    slots
        .into_iter()
        .zip(files)
        .map(|(slot, file)| slot.unwrap_or_else(|| parse_file(file)))
        .collect()
}
