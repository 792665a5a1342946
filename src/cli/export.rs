//! `acupoint-atlas export` and `acupoint-atlas handout`: pictures without a window.

use crate::model::{Atlas, ConditionId, FigureId, PointCode};
use crate::render::{
    Format, HandoutDetails, Paper, Picture, RenderError, Renderer, check_size, check_writable,
    handout_pdf, handout_png, render_view, today, view_pdf, write_bytes, write_png,
};
use crate::scene::{LabelStyle, Scene, Theme};
use crate::search::fold;
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
    /// Layers drawn over the figure.
    pub layers: &'a [super::LayerArg],
    /// The paper a PDF is laid out on (landscape when the view is wider than tall).
    pub paper: PaperArg,
    pub out: &'a Path,
}

/// The paper a `--paper` argument names.
pub fn paper_of(arg: PaperArg) -> Paper {
    match arg {
        PaperArg::A4 => Paper::A4,
        PaperArg::Letter => Paper::Letter,
    }
}

pub fn export(
    atlas: &Atlas,
    args: &ExportArgs<'_>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    check_size(args.width, args.height)?;
    let scene = export_scene(atlas, args)?;
    check_writable(args.out)?;
    let format = Format::of(args.out)?;
    if format == Format::Pdf {
        let paper = paper_of(args.paper);
        let landscape = args.width > args.height;
        let bytes = view_pdf(&mut Renderer::new(), atlas, &scene, None, paper, landscape)?;
        write_bytes(&bytes, args.out)?;
        let _ = writeln!(out, "wrote {} ({paper:?} PDF)", args.out.display());
        return Ok(());
    }
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
    let highlight = resolve_spellings(atlas, args.highlight)?;
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
    let switches = super::layer_args::switches(args.layers);
    session.layers.shared = switches.clone();
    session.layers.patient = switches;
    let Some(mut scene) = session.scene(atlas) else {
        return Err(RenderError::NothingToShow);
    };
    // The plan above stands for the points a patient picture shows; no plan is ringed in
    // an Explore picture.
    scene.in_plan.clear();
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

/// Points named the ways search accepts them: a code however typed (`bl 40`, `BL-40`, `bl40`),
/// or a pinyin (with or without tones), characters or English name that names one point. Each
/// point once, in the order first named.
pub fn resolve_spellings(atlas: &Atlas, named: &[String]) -> Result<Vec<PointCode>, RenderError> {
    let mut resolved: Vec<PointCode> = Vec::new();
    for text in named.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
        let key = fold(text);
        let by_code = atlas.points().iter().find(|p| fold(p.code.as_str()) == key);
        let by_name = || {
            let mut hits = atlas
                .points()
                .iter()
                .filter(|p| fold(&p.pinyin) == key || p.hanzi == text || fold(&p.english) == key);
            match (hits.next(), hits.next()) {
                (Some(one), None) => Some(one),
                _ => None,
            }
        };
        let point = by_code
            .or_else(by_name)
            .ok_or_else(|| RenderError::UnknownPoint(text.to_owned()))?;
        if !resolved.contains(&point.code) {
            resolved.push(point.code.clone());
        }
    }
    Ok(resolved)
}

/// Parses `--date`, written YYYY-MM-DD, refusing a day the month does not have (`2026-02-30`,
/// `2025-02-29`).
pub fn parse_date(text: &str) -> Result<String, String> {
    let text = text.trim();
    let bad = || format!("`{text}` is not a date like 2026-11-30");
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return Err(bad());
    };
    let digits = |p: &str, len: usize| p.len() == len && p.bytes().all(|c| c.is_ascii_digit());
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) {
        return Err(bad());
    }
    let (year, month, day) = (
        y.parse::<u32>().map_err(|_| bad())?,
        m.parse::<u32>().map_err(|_| bad())?,
        d.parse::<u32>().map_err(|_| bad())?,
    );
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return Err(format!("`{text}`: there is no month {month}")),
    };
    if !(1..=days).contains(&day) {
        return Err(format!(
            "`{text}` is not a date: month {month} of {year} has {days} days"
        ));
    }
    Ok(text.to_owned())
}

/// The options of `handout`, as parsed.
pub struct HandoutArgs<'a> {
    pub plan: &'a [String],
    pub paper: PaperArg,
    pub condition: Option<&'a str>,
    pub practitioner: Option<&'a str>,
    pub date: Option<&'a str>,
    /// Layers drawn over the figures.
    pub layers: &'a [super::LayerArg],
    pub out: &'a Path,
}

pub fn handout(
    atlas: &Atlas,
    args: &HandoutArgs<'_>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    let path = args.out;
    let codes = resolve_spellings(atlas, args.plan)?;
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
    let format = Format::of(path)?;
    let paper = paper_of(args.paper);
    let details = HandoutDetails {
        condition,
        date: args.date.map_or_else(today, str::to_owned),
        practitioner: args.practitioner.unwrap_or_default().to_owned(),
        layers: super::layer_args::switches(args.layers).scene_layers(atlas),
    };
    let mut renderer = Renderer::new();
    let paper_name = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "Letter",
    };
    let (n, points) = (
        codes.len(),
        if codes.len() == 1 { "point" } else { "points" },
    );
    if format == Format::Pdf {
        let bytes = handout_pdf(&mut renderer, atlas, &codes, &details, (paper, None))?;
        write_bytes(&bytes, path)?;
        let _ = writeln!(
            out,
            "wrote {} ({paper_name} PDF, {n} {points})",
            path.display()
        );
        return Ok(());
    }
    let pages = handout_png(&mut renderer, atlas, &codes, &details, paper)?;
    let paths: Vec<std::path::PathBuf> = (1..=pages.len()).map(|k| page_path(path, k)).collect();
    for p in paths.iter().skip(1) {
        check_writable(p)?;
    }
    for (bytes, p) in pages.iter().zip(&paths) {
        write_bytes(bytes, p)?;
    }
    let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
    let sides = if pages.len() == 1 { "page" } else { "pages" };
    let _ = writeln!(
        out,
        "wrote {} ({paper_name}, {} {sides}, {n} {points})",
        names.join(" and "),
        pages.len(),
    );
    Ok(())
}

/// Where page `k` (from 1) of a handout goes: the path given for the first, `NAME-2.png` and
/// so on beside it for the others.
pub fn page_path(first: &Path, k: usize) -> std::path::PathBuf {
    if k <= 1 {
        return first.to_path_buf();
    }
    let stem = first
        .file_stem()
        .map_or_else(|| "handout".into(), |s| s.to_string_lossy().into_owned());
    let name = match first.extension() {
        Some(ext) => format!("{stem}-{k}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{k}"),
    };
    first.with_file_name(name)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_code_given_three_times_in_any_case_is_one_point() {
        let atlas = crate::load::load_builtin().unwrap();
        let typed: Vec<String> = ["BL23", "bl23", "BL40", " BL23 "]
            .iter()
            .map(|s| (*s).to_owned())
            .collect();
        let codes = resolve_spellings(&atlas, &typed).unwrap();
        assert_eq!(codes, [PointCode::new("BL23"), PointCode::new("BL40")]);
    }

    #[test]
    fn an_impossible_date_is_refused_and_a_real_one_kept() {
        for bad in [
            "2026-02-30",
            "2025-02-29",
            "2026-04-31",
            "2026-13-01",
            "2026-00-10",
            "2026-1-5",
            "yesterday",
        ] {
            assert!(parse_date(bad).is_err(), "{bad}");
        }
        assert!(
            parse_date("2026-02-30")
                .unwrap_err()
                .contains("has 28 days")
        );
        for good in ["2024-02-29", "2000-02-29", "2026-12-31", " 2026-11-30 "] {
            assert_eq!(parse_date(good).unwrap(), good.trim(), "{good}");
        }
        assert!(
            parse_date("1900-02-29").is_err(),
            "1900 was not a leap year"
        );
    }

    #[test]
    fn a_name_no_point_has_is_refused() {
        let atlas = crate::load::load_builtin().unwrap();
        let err = resolve_spellings(&atlas, &["nothing-like-a-point".to_owned()]).unwrap_err();
        assert!(err.to_string().contains("unknown point"), "{err}");
    }
}
