//! One atlas file parsed into the parts it holds, by its kind; every file parsed on the
//! machine's cores (each file parses on its own; rayon keeps the results in order, so what is
//! loaded does not depend on which thread read what).

use super::diagnostic::Diagnostic;
use super::ron_text::from_ron;
use super::source::{FileKind, SourceFile};
use crate::model::{
    Channel, Condition, Diagram, Figure, GuidanceSection, Lesson, LessonId, Mechanism, Point,
    Reference, Region, Schematic, Structure,
};
use crate::placement::OutlineIndex;
use rayon::prelude::*;

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

/// Every file parsed, in the order of `files`.
pub fn parse_each(files: &[SourceFile]) -> Vec<Result<FileParts, Vec<Diagnostic>>> {
    files.par_iter().map(parse_file).collect()
}

/// A lesson's id: its file's name without the folder and `.ron`.
pub fn lesson_id(path: &str) -> LessonId {
    let name = path.rsplit(['/', '\\']).next().unwrap_or(path);
    LessonId::new(name.strip_suffix(".ron").unwrap_or(name))
}
