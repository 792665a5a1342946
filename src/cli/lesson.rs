//! `acupoint-atlas lesson list` and `lesson export`: the atlas's lessons, and a lesson (by id
//! or from a file) as one PNG slide per step (with the presenter's notes in `notes.md`), or
//! as one PDF. Nothing is left behind when a slide fails.

use super::ThemeArg;
use crate::load::{self, Diagnostics};
use crate::model::{Atlas, Lesson, LessonId};
use crate::render::{
    DeckStyle, Paper, RenderError, check_size, deck_pdf, deck_target, write_bytes, write_slides,
};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Prints each lesson's id, title and number of steps, tab-separated, one per line.
pub fn list(atlas: &Atlas, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    for lesson in atlas.lessons() {
        writeln!(
            out,
            "{}\t{}\t{} steps",
            lesson.id,
            lesson.title,
            lesson.steps.len()
        )?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The lesson `--lesson ID` names, checked before the window opens: `Err` (after saying
/// which lessons there are) when the atlas has none of that id or does not load.
pub fn window_lesson(
    atlas_dir: Option<&Path>,
    id: &str,
    err: &mut dyn Write,
) -> Result<LessonId, ExitCode> {
    let atlas = match load::load(atlas_dir) {
        Ok(atlas) => atlas,
        Err(problems) => return Err(super::report(&problems, err).unwrap_or(ExitCode::FAILURE)),
    };
    let lesson = LessonId::new(id);
    if atlas.lesson(&lesson).is_some() {
        return Ok(lesson);
    }
    let _ = writeln!(
        err,
        "acupoint-atlas: unknown lesson `{id}` ({})",
        known_lessons(&atlas)
    );
    Err(ExitCode::FAILURE)
}

/// The atlas's lesson ids, for a message about one it lacks.
fn known_lessons(atlas: &Atlas) -> String {
    let known: Vec<&str> = atlas.lessons().iter().map(|l| l.id.as_str()).collect();
    if known.is_empty() {
        "the atlas has none".to_owned()
    } else {
        format!("known: {}", known.join(", "))
    }
}

/// Where `lesson export` writes.
pub enum Target<'a> {
    /// PNG slides in a folder.
    Slides(&'a Path),
    /// One PDF, a page per step, with the presenter's notes or not.
    Pdf {
        file: &'a Path,
        notes: bool,
        paper: Paper,
    },
}

/// What `lesson export` was asked for.
pub struct ExportArgs<'a> {
    /// A lesson's id, or the path of a lesson file.
    pub lesson: &'a str,
    pub target: Target<'a>,
    pub size: (u32, u32),
    pub theme: ThemeArg,
    /// Also write `notes.md` with each step's title and note.
    pub notes: bool,
}

/// The name of the presenter's notes written beside the slides.
pub const NOTES_FILE: &str = "notes.md";

/// Why a lesson could not be exported.
enum Refusal {
    /// The lesson file's problems, each at `file:line:col`.
    Problems(Diagnostics),
    Message(String),
}

impl From<RenderError> for Refusal {
    fn from(e: RenderError) -> Self {
        Refusal::Message(e.to_string())
    }
}

pub fn export(
    atlas: &Atlas,
    args: &ExportArgs<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    match try_export(atlas, args, out) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Refusal::Problems(problems)) => super::report(&problems, err),
        Err(Refusal::Message(why)) => {
            writeln!(err, "acupoint-atlas: {why}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}

fn try_export(atlas: &Atlas, args: &ExportArgs<'_>, out: &mut dyn Write) -> Result<(), Refusal> {
    check_size(args.size.0, args.size.1)?;
    let theme = super::export::theme_of(args.theme);
    let out_dir = match args.target {
        Target::Slides(dir) => dir,
        Target::Pdf { file, notes, paper } => {
            let file = deck_target(file)?;
            let lesson = find(atlas, args.lesson)?;
            let style = DeckStyle {
                theme,
                size: args.size,
                paper,
                notes,
            };
            write_bytes(&deck_pdf(atlas, &lesson, style)?, &file)?;
            let _ = writeln!(
                out,
                "wrote {} ({} pages of \"{}\", {paper:?}{})",
                file.display(),
                lesson.steps.len(),
                lesson.title,
                if notes { ", with notes" } else { "" }
            );
            return Ok(());
        }
    };
    let lesson = find(atlas, args.lesson)?;
    let created = prepare_dir(out_dir)?;
    let result = write_slides(atlas, &lesson, out_dir, theme, args.size, |path| {
        let _ = writeln!(out, "wrote {}", path.display());
    });
    match result {
        Ok(files) => {
            if args.notes {
                let path = out_dir.join(NOTES_FILE);
                let text = notes_markdown(&lesson);
                crate::output::write_with(&path, |w| w.write_all(text.as_bytes()))
                    .map_err(|e| Refusal::Message(e.to_string()))?;
                let _ = writeln!(out, "wrote {}", path.display());
            }
            let _ = writeln!(
                out,
                "{} slides of \"{}\" ({}x{}) in {}",
                files.len(),
                lesson.title,
                args.size.0,
                args.size.1,
                out_dir.display()
            );
            Ok(())
        }
        Err(e) => {
            if created {
                let _ = std::fs::remove_dir(out_dir);
            }
            Err(e.into())
        }
    }
}

/// The presenter's notes of a lesson as Markdown: its title, then each step's number, title,
/// slide file and note, in order.
pub fn notes_markdown(lesson: &Lesson) -> String {
    use std::fmt::Write as _;
    let mut text = format!("# {}: presenter's notes\n", lesson.title);
    for (index, step) in lesson.steps.iter().enumerate() {
        let _ = write!(
            text,
            "\n## {}. {}\n\nSlide: `{}`\n\n",
            index + 1,
            step.title.as_str(),
            lesson.slide_name(index)
        );
        if step.note.is_empty() {
            text.push_str("(No note for this step.)\n");
        } else {
            text.push_str(step.note.as_str());
            text.push('\n');
        }
    }
    text
}

/// The lesson named by `which`: one of the atlas's lessons by id, else a lesson file.
fn find(atlas: &Atlas, which: &str) -> Result<Lesson, Refusal> {
    if let Some(lesson) = atlas.lesson(&LessonId::new(which)) {
        return Ok(lesson.clone());
    }
    let path = Path::new(which);
    let looks_like_file = path.extension().is_some_and(|x| x == "ron")
        || which.contains(['/', '\\'])
        || path.exists();
    if looks_like_file {
        return load::load_lesson_file(atlas, path).map_err(Refusal::Problems);
    }
    Err(Refusal::Message(format!(
        "unknown lesson `{which}` ({}); or give the path of a lesson file",
        known_lessons(atlas)
    )))
}

/// Makes sure the slides' folder exists; returns whether this call made it. Only the last
/// folder of the path is made: a missing parent is more likely a typing mistake.
fn prepare_dir(dir: &Path) -> Result<bool, Refusal> {
    if dir.is_dir() {
        return Ok(false);
    }
    if dir.exists() {
        return Err(Refusal::Message(format!(
            "{} is not a folder",
            dir.display()
        )));
    }
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !parent.is_dir() {
        let why = if parent.exists() {
            "is not a folder"
        } else {
            "does not exist"
        };
        return Err(Refusal::Message(format!(
            "cannot make {}: {} {why}",
            dir.display(),
            parent.display()
        )));
    }
    std::fs::create_dir(dir)
        .map_err(|e| Refusal::Message(format!("cannot make {}: {e}", dir.display())))?;
    Ok(true)
}
