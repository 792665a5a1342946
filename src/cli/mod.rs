//! The command line: open the window, or run `check` or `points` for scripts.

mod channels;
mod export;
mod layer_args;
mod lesson;
mod mechanisms;
mod photo;
mod photo_handout;
mod points;
mod problems;
mod search;

pub use export::{ExportArgs, LabelsArg, ModeArg, PaperArg, ThemeArg, export_scene};
pub use layer_args::LayerArg;
pub use lesson::window_lesson;

use crate::load;
use crate::model::Atlas;
use clap::{Parser, Subcommand};
use problems::report;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Acupoint Atlas: where acupuncture needles go for chronic back pain, and why.
///
/// With no command, opens the atlas window on the built-in atlas (or `--atlas DIR`).
#[derive(Debug, Parser)]
#[command(name = "acupoint-atlas", version, about, long_about = None)]
pub struct Cli {
    /// Use the atlas files in this folder instead of the built-in atlas.
    #[arg(long, global = true, value_name = "DIR")]
    pub atlas: Option<PathBuf>,

    /// Save a PNG of the window after its first frames, then exit (for smoke tests).
    #[arg(long, value_name = "FILE")]
    pub screenshot: Option<PathBuf>,

    /// The window's size in points, such as 1920x1080 (default 1280x800).
    #[arg(long, value_name = "WxH", value_parser = parse_size)]
    pub size: Option<(f32, f32)>,

    /// Open straight into Present mode on this lesson's first step (`lesson list` names them).
    #[arg(long, value_name = "ID")]
    pub lesson: Option<String>,

    /// With --lesson: open the presenter view too (the notes, the next step, the time).
    #[arg(long, requires = "lesson")]
    pub presenter: bool,

    #[command(subcommand)]
    pub command: Option<CliCommand>,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Check an atlas and print a summary, or every problem as `file:line:col` (exit 1).
    Check {
        /// The atlas folder to check (default: `--atlas`, else the built-in atlas).
        dir: Option<PathBuf>,
    },
    /// List the points with their positions on every figure.
    Points {
        /// Only the points of this condition (for example `lower-back-pain`).
        #[arg(long, value_name = "ID")]
        condition: Option<String>,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// List the channels with the figures they cross, or print their courses as polylines.
    Channels {
        /// Print JSON: each channel's paths per figure, in the coordinates of `points --json`.
        #[arg(long)]
        json: bool,
    },
    /// Save one view of the body, or a mechanism's diagram, as a PDF or PNG, drawn without a window.
    Export {
        /// The figure to draw (for example `posterior`; `points --json` lists them).
        #[arg(long, value_name = "VIEW", required_unless_present = "mechanism")]
        view: Option<String>,
        /// Draw this mechanism's diagram instead of a view (`mechanisms` lists them).
        #[arg(long, value_name = "ID", conflicts_with_all = ["view", "condition", "highlight", "mode", "labels"])]
        mechanism: Option<String>,
        /// The diagram's step to draw, counted from 1.
        #[arg(long, value_name = "N", default_value_t = 1, requires = "mechanism")]
        step: usize,
        /// Draw the points of this condition (default: every point).
        #[arg(long, value_name = "ID")]
        condition: Option<String>,
        /// Point codes to emphasise (in patient mode, the only points drawn).
        #[arg(long, value_name = "CODE", num_args = 1.., value_delimiter = ',')]
        highlight: Vec<String>,
        /// Styling after the window's modes.
        #[arg(long, value_enum, default_value = "explore")]
        mode: ModeArg,
        /// What the labels say (default: the mode's own: codes, or numbers for a patient).
        #[arg(long, value_enum)]
        labels: Option<LabelsArg>,
        /// Presentation's scale of text and dots, 1 to 3 (as the window's slider).
        #[arg(long, default_value_t = 1.0, value_parser = parse_scale)]
        scale: f32,
        /// Width in pixels.
        #[arg(long, default_value_t = 1920)]
        width: u32,
        /// Height in pixels.
        #[arg(long, default_value_t = 1080)]
        height: u32,
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
        /// Layers to draw over the figure, separated by commas.
        #[arg(long, value_enum, value_name = "LAYER,…", num_args = 1.., value_delimiter = ',')]
        layers: Vec<LayerArg>,
        /// The paper of a PDF (turned landscape when --width is more than --height).
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// The file to write: FILE.pdf (vector, text as text) or FILE.png.
        #[arg(long, value_name = "FILE.pdf|FILE.png")]
        out: PathBuf,
    },
    /// List the proposed mechanisms with their evidence grades and diagram steps.
    Mechanisms {
        /// Print JSON: {"mechanisms": [{"id", "title", "grade", "steps"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Find points as the window's search box does: codes, pinyin, characters, names,
    /// channels, organs, body words and conditions, forgiving one slip per word.
    Search {
        /// What to look for, such as `bl 23`, `wei zhong`, `kidney` or `back of knee`.
        #[arg(required = true, num_args = 1..)]
        query: Vec<String>,
        /// Print JSON: {"results": [{"code", "name", "where", "conditions"}]}.
        #[arg(long)]
        json: bool,
    },
    /// Lessons for Present mode: list them, or save one as slides.
    Lesson {
        #[command(subcommand)]
        command: LessonCommand,
    },
    /// Save a patient handout (A4 or Letter; a PDF, or PNG pages at 300 dpi) for a plan of
    /// points: the pages its points and what to expect need (NAME.png, NAME-2.png… as PNG).
    Handout {
        /// The points of today's plan, in order, separated by commas (for example BL23,BL40,KI3).
        #[arg(long, value_name = "CODE,CODE…", required = true, num_args = 1.., value_delimiter = ',')]
        plan: Vec<String>,
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// The condition the plan is for (its reasons are printed); default: the one that uses
        /// most of the plan's points.
        #[arg(long, value_name = "ID")]
        condition: Option<String>,
        /// The practitioner's name, printed at the top.
        #[arg(long, value_name = "NAME")]
        practitioner: Option<String>,
        /// The date printed, as YYYY-MM-DD (default: today).
        #[arg(long, value_name = "DATE", value_parser = export::parse_date)]
        date: Option<String>,
        /// Layers to draw over the figures, separated by commas.
        #[arg(long, value_enum, value_name = "LAYER,…", num_args = 1.., value_delimiter = ',')]
        layers: Vec<LayerArg>,
        /// The file to write: FILE.pdf (vector, text as text, every page in one file) or
        /// FILE.png (300 dpi; a second page goes beside it as FILE-2.png).
        #[arg(long, value_name = "FILE.pdf|FILE.png")]
        out: PathBuf,
    },
    /// Place the points on a patient's photo marked with a view's landmarks (a marks file:
    /// `PhotoMarks(image: "back.jpg", view: "posterior", landmarks: {"c7_spinous_lower": (x, y)})`).
    Photo {
        /// The marks file; its photo (JPEG or PNG) is named inside it, beside it.
        #[arg(value_name = "MARKS.ron")]
        marks: PathBuf,
        /// Only the points of this condition (default: every point the view shows).
        #[arg(long, value_name = "ID", conflicts_with = "plan")]
        condition: Option<String>,
        /// Today's plan, in order, numbered on the photo (for example BL23,BL40,KI3).
        #[arg(long, value_name = "CODE,CODE…", num_args = 1.., value_delimiter = ',')]
        plan: Vec<String>,
        /// Print JSON: {"image": {"width", "height"}, "view", "points": [{"code", "side", "x",
        /// "y"}], "unplaced": [{"code", "needs"}]}, in the photo's pixels.
        #[arg(long, required_unless_present = "out", conflicts_with = "out")]
        json: bool,
        /// Draw the photo with its points into this file: FILE.png, or FILE.pdf (the photo
        /// embedded, the labels as text).
        #[arg(long, value_name = "FILE.png|FILE.pdf")]
        out: Option<PathBuf>,
        /// With --plan and --out: write the patient's handout with this photo, the plan
        /// numbered on it, beside the drawn figures (as PDF, or as PNG with a second page
        /// beside it as FILE-2.png).
        #[arg(long, requires_all = ["plan", "out"])]
        handout: bool,
        /// The handout's paper.
        #[arg(long, value_enum, default_value = "a4", requires = "handout")]
        paper: PaperArg,
    },
}

#[derive(Debug, Subcommand)]
pub enum LessonCommand {
    /// Print each lesson's id, title and number of steps, one per line (tab-separated).
    List,
    /// Save one PNG per step of a lesson into a folder (01-title.png, 02-…), or a PDF of them.
    Export {
        /// A lesson's id (`lesson list`), or the path of a lesson file.
        #[arg(value_name = "ID|FILE")]
        lesson: String,
        /// The folder to write PNG slides into (made if only it is missing).
        #[arg(
            long,
            value_name = "DIR",
            required_unless_present = "pdf",
            conflicts_with = "pdf"
        )]
        out_dir: Option<PathBuf>,
        /// Write the slides as one PDF instead, a page per step.
        #[arg(long, value_name = "FILE.pdf")]
        pdf: Option<PathBuf>,
        /// The PDF's paper.
        #[arg(long, value_enum, default_value = "a4")]
        paper: PaperArg,
        /// The slides' size in pixels.
        #[arg(long, value_name = "WxH", default_value = "1920x1080", value_parser = parse_pixels)]
        size: (u32, u32),
        #[arg(long, value_enum, default_value = "light")]
        theme: ThemeArg,
        /// The presenter's notes too: with --out-dir, notes.md beside the slides (each step's
        /// title and note); with --pdf, each note under its slide (on upright paper).
        #[arg(long)]
        notes: bool,
    },
}

/// Parses a picture size such as `1280x800`. Its limits are checked when it is used, so a size
/// out of range is a refusal (exit 1), as the README says, not a malformed command line (2).
fn parse_pixels(text: &str) -> Result<(u32, u32), String> {
    let bad = || format!("`{text}` is not a size like 1280x800");
    let (w, h) = text.split_once(['x', 'X']).ok_or_else(bad)?;
    let w = w.trim().parse::<u32>().map_err(|_| bad())?;
    let h = h.trim().parse::<u32>().map_err(|_| bad())?;
    Ok((w, h))
}

/// Parses the command line, with the views and conditions of the built-in atlas listed in the
/// help of the commands that take them.
pub fn parse() -> Cli {
    use clap::{CommandFactory, FromArgMatches};
    let mut command = Cli::command();
    if let Ok(atlas) = load::load_builtin() {
        let views: Vec<&str> = atlas.figures().iter().map(|f| f.id.as_str()).collect();
        let conditions: Vec<&str> = atlas.conditions().iter().map(|c| c.id.as_str()).collect();
        let known = format!(
            "Views of the built-in atlas: {}\nConditions of the built-in atlas: {}\n(`points --json` lists those of an --atlas folder.)",
            views.join(", "),
            conditions.join(", ")
        );
        command = command
            .mut_subcommand("export", |c| c.after_help(known.clone()))
            .mut_subcommand("handout", |c| c.after_help(known.clone()))
            .mut_subcommand("points", |c| c.after_help(known.clone()));
    }
    let matches = command.get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Parses a presentation scale between 1 and 3.
fn parse_scale(text: &str) -> Result<f32, String> {
    text.trim()
        .parse::<f32>()
        .ok()
        .filter(|v| (1.0..=3.0).contains(v))
        .ok_or_else(|| format!("`{text}` is not a scale between 1 and 3"))
}

/// Parses `1920x1080`.
fn parse_size(text: &str) -> Result<(f32, f32), String> {
    let (w, h) = text
        .split_once(['x', 'X'])
        .ok_or_else(|| format!("`{text}` is not a size like 1280x800"))?;
    let parse = |v: &str| {
        v.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (320..=8192).contains(n))
            .ok_or_else(|| format!("`{v}` is not a width or height between 320 and 8192"))
    };
    #[allow(clippy::cast_precision_loss, reason = "sizes are at most 8192")]
    Ok((parse(w)? as f32, parse(h)? as f32))
}

/// Runs a subcommand, writing its output to `out` and problems to `err`.
pub fn run_command(
    command: &CliCommand,
    atlas_dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitCode {
    let result = match command {
        CliCommand::Check { dir } => check(dir.as_deref().or(atlas_dir), out, err),
        CliCommand::Channels { json } => match load::load(atlas_dir) {
            Ok(atlas) => channels::run(&atlas, *json, out).map(|()| ExitCode::SUCCESS),
            Err(problems) => report(&problems, err),
        },
        CliCommand::Points { condition, json } => match load::load(atlas_dir) {
            Ok(atlas) => points::run(&atlas, condition.as_deref(), *json, out, err),
            Err(problems) => report(&problems, err),
        },
        CliCommand::Export { .. } => export_command(command, atlas_dir, out, err),
        CliCommand::Mechanisms { json } => match load::load(atlas_dir) {
            Ok(atlas) => mechanisms::run(&atlas, *json, out),
            Err(problems) => report(&problems, err),
        },
        CliCommand::Search { query, json } => match load::load(atlas_dir) {
            Ok(atlas) => search::run(&atlas, &query.join(" "), *json, out),
            Err(problems) => report(&problems, err),
        },
        CliCommand::Lesson { command } => lesson_command(command, atlas_dir, out, err),
        CliCommand::Photo {
            marks,
            condition,
            plan,
            json,
            out: path,
            handout,
            paper,
        } => {
            let args = photo::PhotoArgs {
                handout: *handout,
                paper: export::paper_of(*paper),
                marks,
                condition: condition.as_deref(),
                plan,
                json: *json,
                out: path.as_deref(),
            };
            match load::load(atlas_dir) {
                Ok(atlas) => photo::run(&atlas, &args, out, err),
                Err(problems) => report(&problems, err),
            }
        }
        CliCommand::Handout {
            plan,
            paper,
            condition,
            practitioner,
            date,
            layers,
            out: path,
        } => {
            let args = export::HandoutArgs {
                plan,
                paper: *paper,
                condition: condition.as_deref(),
                practitioner: practitioner.as_deref(),
                date: date.as_deref(),
                layers,
                out: path,
            };
            match load::load(atlas_dir) {
                Ok(atlas) => finish_render(export::handout(&atlas, &args, out), err),
                Err(problems) => report(&problems, err),
            }
        }
    };
    result.unwrap_or_else(|e| {
        // Output was cut off (for example a closed pipe); nothing more can be said there.
        let _ = writeln!(err, "acupoint-atlas: cannot write output: {e}");
        ExitCode::FAILURE
    })
}

/// `export`: a mechanism's diagram, or a view of the body.
fn export_command(
    command: &CliCommand,
    atlas_dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    match command {
        CliCommand::Export {
            mechanism: Some(mechanism),
            step,
            scale,
            width,
            height,
            theme,
            out: path,
            ..
        } => {
            let args = mechanisms::DiagramArgs {
                mechanism,
                step: *step,
                width: *width,
                height: *height,
                theme: export::theme_of(*theme),
                scale: *scale,
                out: path,
            };
            match load::load(atlas_dir) {
                Ok(atlas) => finish_render(mechanisms::export(&atlas, &args, out), err),
                Err(problems) => report(&problems, err),
            }
        }
        CliCommand::Export {
            view: Some(view),
            condition,
            highlight,
            mode,
            labels,
            scale,
            width,
            height,
            theme,
            layers,
            paper,
            out: path,
            ..
        } => {
            let args = export::ExportArgs {
                view,
                condition: condition.as_deref(),
                highlight,
                mode: *mode,
                labels: *labels,
                scale: *scale,
                width: *width,
                height: *height,
                theme: *theme,
                layers,
                paper: *paper,
                out: path,
            };
            match load::load(atlas_dir) {
                Ok(atlas) => finish_render(export::export(&atlas, &args, out), err),
                Err(problems) => report(&problems, err),
            }
        }
        _ => {
            // clap asks for --view or --mechanism before this can happen.
            writeln!(err, "acupoint-atlas: export needs --view or --mechanism")
                .map(|()| ExitCode::FAILURE)
        }
    }
}

/// `lesson list` and `lesson export`.
fn lesson_command(
    command: &LessonCommand,
    atlas_dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let atlas = match load::load(atlas_dir) {
        Ok(atlas) => atlas,
        Err(problems) => return report(&problems, err),
    };
    match command {
        LessonCommand::List => lesson::list(&atlas, out),
        LessonCommand::Export {
            lesson,
            out_dir,
            pdf,
            paper,
            size,
            theme,
            notes,
        } => {
            let target = match (pdf, out_dir) {
                (Some(file), _) => lesson::Target::Pdf {
                    file,
                    notes: *notes,
                    paper: export::paper_of(*paper),
                },
                (None, Some(dir)) => lesson::Target::Slides(dir),
                (None, None) => {
                    writeln!(
                        err,
                        "acupoint-atlas: lesson export needs --out-dir or --pdf"
                    )?;
                    return Ok(ExitCode::FAILURE);
                }
            };
            let args = lesson::ExportArgs {
                lesson,
                target,
                size: *size,
                theme: *theme,
                notes: *notes,
            };
            lesson::export(&atlas, &args, out, err)
        }
    }
}

fn check(
    dir: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    match load::load(dir) {
        Ok(atlas) => {
            let name = dir.map_or_else(|| "built-in atlas".to_owned(), |d| d.display().to_string());
            writeln!(out, "{name}: OK: {}", summary(&atlas))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(problems) => report(&problems, err),
    }
}

/// Counts of everything in an atlas, in one line.
pub fn summary(atlas: &Atlas) -> String {
    let sites: usize = atlas
        .points()
        .iter()
        .map(|p| atlas.sites(&p.code).len())
        .sum();
    let landmarks: usize = atlas.figures().iter().map(|f| f.landmarks.len()).sum();
    format!(
        "{} points ({sites} placed sites), {} figures ({landmarks} landmarks), {} regions, {} conditions, {} mechanisms ({} with diagrams), {} references, {} guidance sections, {} lessons",
        atlas.points().len(),
        atlas.figures().len(),
        atlas.regions().len(),
        atlas.conditions().len(),
        atlas.mechanisms().len(),
        atlas.diagrams().len(),
        atlas.references().len(),
        atlas.guidance().len(),
        atlas.lessons().len(),
    )
}

fn finish_render(
    result: Result<(), crate::render::RenderError>,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) => {
            writeln!(err, "acupoint-atlas: {e}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}
