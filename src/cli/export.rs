//! `acupoint-atlas export` and `acupoint-atlas handout`: pictures without a window.

use crate::model::{Atlas, ConditionId, FigureId};
use crate::render::{
    Paper, RenderError, ViewRequest, ViewStyle, check_size, check_writable, render_handout,
    render_view, resolve_codes, write_png,
};
use crate::ui::{LabelStyle, ThemeKind};
use clap::ValueEnum;
use std::io::Write;
use std::path::Path;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ModeArg {
    Explore,
    Patient,
    Present,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LabelsArg {
    None,
    Code,
    Full,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Light,
    Dark,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum PaperArg {
    A4,
    Letter,
}

/// The options of `export`, as parsed.
pub struct ExportArgs<'a> {
    pub view: &'a str,
    pub condition: Option<&'a str>,
    pub highlight: &'a [String],
    pub mode: ModeArg,
    pub labels: LabelsArg,
    pub width: u32,
    pub height: u32,
    pub theme: ThemeArg,
    pub out: &'a Path,
}

pub fn export(
    atlas: &Atlas,
    args: &ExportArgs<'_>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    check_size(args.width, args.height)?;
    let highlight = resolve_codes(atlas, args.highlight)?;
    check_writable(args.out)?;
    let request = ViewRequest {
        figure: FigureId::new(args.view),
        condition: args.condition.map(ConditionId::new),
        highlight,
        style: match args.mode {
            ModeArg::Explore => ViewStyle::Explore,
            ModeArg::Patient => ViewStyle::Patient,
            ModeArg::Present => ViewStyle::Present,
        },
        labels: match args.labels {
            LabelsArg::None => LabelStyle::None,
            LabelsArg::Code => LabelStyle::Code,
            LabelsArg::Full => LabelStyle::Full,
        },
        width: args.width,
        height: args.height,
        theme: match args.theme {
            ThemeArg::Light => ThemeKind::Light,
            ThemeArg::Dark => ThemeKind::Dark,
        },
    };
    let image = render_view(atlas, &request)?;
    write_png(&image, args.out)?;
    let _ = writeln!(
        out,
        "wrote {} ({}x{})",
        args.out.display(),
        args.width,
        args.height
    );
    Ok(())
}

pub fn handout(
    atlas: &Atlas,
    plan: &[String],
    paper: PaperArg,
    path: &Path,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    let codes = resolve_codes(atlas, plan)?;
    if codes.is_empty() {
        return Err(RenderError::EmptyPlan);
    }
    check_writable(path)?;
    let paper = match paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    };
    let image = render_handout(atlas, &codes, paper)?;
    write_png(&image, path)?;
    let [w, h] = paper.pixels();
    let _ = writeln!(
        out,
        "wrote {} ({w}x{h}, {} points)",
        path.display(),
        codes.len()
    );
    Ok(())
}
