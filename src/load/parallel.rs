//! Sharing the work of loading between two threads when there are two cores: parsing the
//! files (RON parsing is much of the cost of loading; each file parses on its own), then the
//! checks (every check but the layers' as one job, then each channel and each structure). The
//! results come back in order, so what is loaded does not depend on which thread did what.

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
    // Files are shared by size: the fast path reads a figure's numbers about as quickly a byte
    // as other text (weighing figures double, as for `ron`, made the load 0.5 ms slower).
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(files.get(i).map_or(0, |f| f.text.len())));
    let parsed = run_each(order.len(), bytes >= SHARED_BYTES, |k| {
        order.get(k).and_then(|&i| files.get(i)).map(parse_file)
    });
    let mut slots: Vec<Option<Parsed>> = (0..files.len()).map(|_| None).collect();
    for (&i, result) in order.iter().zip(parsed) {
        if let Some(slot) = slots.get_mut(i) {
            *slot = result;
        }
    }
    slots
        .into_iter()
        .zip(files)
        .map(|(slot, file)| slot.unwrap_or_else(|| parse_file(file)))
        .collect()
}

/// `job(0)` to `job(count - 1)`, in order. When `share` and there are two cores, they run on
/// this thread and one more, each taking the next job not yet taken (so give the larger jobs
/// first). Should the other thread fail, its jobs are run again here.
pub fn run_each<T: Send>(count: usize, share: bool, job: impl Fn(usize) -> T + Sync) -> Vec<T> {
    if !share || count < 2 || cores() < 2 {
        return (0..count).map(job).collect();
    }
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let k = next.fetch_add(1, Ordering::Relaxed);
            if k >= count {
                return done;
            }
            done.push((k, job(k)));
        }
    };
    let (mine, theirs) = std::thread::scope(|s| {
        let other = s.spawn(work);
        let mine = work();
        (mine, other.join().unwrap_or_default())
    });
    let mut slots: Vec<Option<T>> = (0..count).map(|_| None).collect();
    for (k, result) in mine.into_iter().chain(theirs) {
        if let Some(slot) = slots.get_mut(k) {
            *slot = Some(result);
        }
    }
    slots
        .into_iter()
        .enumerate()
        .map(|(k, slot)| slot.unwrap_or_else(|| job(k)))
        .collect()
}
