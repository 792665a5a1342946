//! `acupoint-atlas export` and `acupoint-atlas handout`: pictures without a window.

use crate::model::{Atlas, ConditionId, FigureId};
use crate::render::{
    HandoutDetails, Paper, Picture, RenderError, check_size, check_writable, render_handout,
    render_view, resolve_codes, today, write_png,
};
use crate::scene::{LabelStyle, Scene, Theme};
use crate::session::{Mode, Session};
use crate::store::Settings;
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
    HighContrast,
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
    /// What the labels say; `None` leaves the mode's own choice.
    pub labels: Option<LabelsArg>,
    /// Presentation's scale of text and dots (1 to 3).
    pub scale: f32,
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
    let scene = export_scene(atlas, args)?;
    check_writable(args.out)?;
    let image = render_view(
        atlas,
        &scene,
        None,
        Picture::captioned(args.width, args.height),
    )?;
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

/// The scene `export` draws: the window's own scene for the same mode and choices, with the
/// highlighted points and labels the arguments ask for.
pub fn export_scene(atlas: &Atlas, args: &ExportArgs<'_>) -> Result<Scene, RenderError> {
    let highlight = resolve_codes(atlas, args.highlight)?;
    let figure = FigureId::new(args.view);
    if atlas.figure(&figure).is_none() {
        let known: Vec<_> = atlas.figures().iter().map(|f| f.id.as_str()).collect();
        return Err(RenderError::UnknownView(
            args.view.to_owned(),
            known.join(", "),
        ));
    }
    let condition = args.condition.map(ConditionId::new);
    if let Some(c) = &condition
        && atlas.condition(c).is_none()
    {
        let known: Vec<_> = atlas.conditions().iter().map(|c| c.id.as_str()).collect();
        return Err(RenderError::UnknownCondition(
            c.to_string(),
            known.join(", "),
        ));
    }
    // The same session, and so the same scene, as the window in that mode.
    let kept = Settings {
        theme: theme_of(args.theme),
        text_scale: args.scale,
        figure: Some(figure),
        condition: condition.clone(),
        plan: if highlight.is_empty() {
            atlas
                .condition_points(condition.as_ref())
                .iter()
                .map(|p| p.code.clone())
                .collect()
        } else {
            highlight.clone()
        },
        ..Settings::default()
    };
    let mut session = Session::resume(atlas, kept);
    session.mode = match args.mode {
        ModeArg::Explore => Mode::Explore,
        ModeArg::Patient => Mode::Patient,
        ModeArg::Present => Mode::Present,
    };
    let Some(mut scene) = session.scene(atlas) else {
        return Err(RenderError::NothingToShow);
    };
    if session.mode != Mode::Patient {
        scene.highlighted = highlight.into_iter().collect();
    }
    if let Some(labels) = args.labels {
        scene.labels = match labels {
            LabelsArg::None => LabelStyle::None,
            LabelsArg::Code => LabelStyle::Code,
            LabelsArg::Full => LabelStyle::Full,
        };
    }
    Ok(scene)
}

/// The theme a `--theme` argument names.
pub fn theme_of(arg: ThemeArg) -> Theme {
    match arg {
        ThemeArg::Light => Theme::Light,
        ThemeArg::Dark => Theme::Dark,
        ThemeArg::HighContrast => Theme::HighContrast,
    }
}

/// The options of `handout`, as parsed.
pub struct HandoutArgs<'a> {
    pub plan: &'a [String],
    pub paper: PaperArg,
    pub condition: Option<&'a str>,
    pub practitioner: Option<&'a str>,
    pub date: Option<&'a str>,
    pub out: &'a Path,
}

pub fn handout(
    atlas: &Atlas,
    args: &HandoutArgs<'_>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    let path = args.out;
    let codes = resolve_codes(atlas, args.plan)?;
    if codes.is_empty() {
        return Err(RenderError::EmptyPlan);
    }
    let condition = args.condition.map(ConditionId::new);
    if let Some(c) = &condition
        && atlas.condition(c).is_none()
    {
        let known: Vec<_> = atlas.conditions().iter().map(|c| c.id.as_str()).collect();
        return Err(RenderError::UnknownCondition(
            c.to_string(),
            known.join(", "),
        ));
    }
    check_writable(path)?;
    let paper = match args.paper {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    };
    let details = HandoutDetails {
        condition,
        date: args.date.map_or_else(today, str::to_owned),
        practitioner: args.practitioner.unwrap_or_default().to_owned(),
    };
    let image = render_handout(atlas, &codes, &details, paper)?;
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
