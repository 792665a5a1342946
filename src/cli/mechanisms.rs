//! `acupoint-atlas mechanisms`: each proposed mechanism with its grade and the number of steps
//! in its diagram, as a table or as JSON; and `export --mechanism`, a diagram as a picture.

use crate::model::{Atlas, Mechanism, MechanismId};
use crate::render::{Picture, RenderError, check_size, check_writable, render_diagram, write_png};
use crate::scene::Theme;
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

#[derive(Serialize)]
struct MechanismsJson<'a> {
    mechanisms: Vec<MechanismJson<'a>>,
}

#[derive(Serialize)]
struct MechanismJson<'a> {
    id: &'a str,
    title: &'a str,
    grade: &'a str,
    /// Steps in the mechanism's diagram (0 without one).
    steps: usize,
}

fn steps(atlas: &Atlas, m: &Mechanism) -> usize {
    atlas.diagram(&m.id).map_or(0, |d| d.steps.len())
}

pub fn run(atlas: &Atlas, json: bool, out: &mut dyn Write) -> std::io::Result<ExitCode> {
    if json {
        let list = MechanismsJson {
            mechanisms: atlas
                .mechanisms()
                .iter()
                .map(|m| MechanismJson {
                    id: m.id.as_str(),
                    title: &m.title,
                    grade: m.grade.id(),
                    steps: steps(atlas, m),
                })
                .collect(),
        };
        let text = serde_json::to_string_pretty(&list).map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
    } else {
        for m in atlas.mechanisms() {
            writeln!(
                out,
                "{}\t{}\t{}\t{} steps",
                m.id,
                m.grade.label(),
                m.title,
                steps(atlas, m)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// What `export --mechanism` draws.
pub struct DiagramArgs<'a> {
    pub mechanism: &'a str,
    /// The step, counted from 1.
    pub step: usize,
    pub width: u32,
    pub height: u32,
    pub theme: Theme,
    pub scale: f32,
    pub out: &'a Path,
}

/// The mechanism and step index (from 0) asked for, or why they cannot be drawn.
pub fn resolve(atlas: &Atlas, id: &str, step: usize) -> Result<(MechanismId, usize), RenderError> {
    let Some(m) = atlas.mechanisms().iter().find(|m| m.id.as_str() == id) else {
        let known: Vec<_> = atlas.mechanisms().iter().map(|m| m.id.as_str()).collect();
        return Err(RenderError::UnknownMechanism(
            id.to_owned(),
            known.join(", "),
        ));
    };
    let Some(diagram) = atlas.diagram(&m.id) else {
        return Err(RenderError::NoDiagram(id.to_owned()));
    };
    if step == 0 || step > diagram.steps.len() {
        return Err(RenderError::BadStep(
            id.to_owned(),
            diagram.steps.len(),
            step,
        ));
    }
    Ok((m.id.clone(), step - 1))
}

pub fn export(
    atlas: &Atlas,
    args: &DiagramArgs<'_>,
    out: &mut dyn Write,
) -> Result<(), RenderError> {
    check_size(args.width, args.height)?;
    let (id, index) = resolve(atlas, args.mechanism, args.step)?;
    check_writable(args.out)?;
    let format = crate::render::Format::of(args.out)?;
    if format == crate::render::Format::Pdf {
        let Some(first) = atlas.figures().first() else {
            return Err(RenderError::NothingToShow);
        };
        let mut scene = crate::scene::Scene::new(first.id.clone(), Vec::new());
        scene.theme = args.theme;
        scene.scale = args.scale;
        scene.diagram = Some(crate::scene::DiagramView {
            mechanism: id.clone(),
            step: index,
        });
        let mut renderer = crate::render::Renderer::new();
        let paper = crate::render::Paper::A4;
        let landscape = args.width > args.height;
        let bytes = crate::render::view_pdf(&mut renderer, atlas, &scene, None, paper, landscape)?;
        crate::render::write_bytes(&bytes, args.out)?;
        let _ = writeln!(
            out,
            "wrote {} (A4 PDF, {id} step {})",
            args.out.display(),
            args.step
        );
        return Ok(());
    }
    let picture = Picture::captioned(args.width, args.height);
    let image = render_diagram(atlas, &id, index, args.theme, args.scale, picture)?;
    write_png(&image, args.out)?;
    let _ = writeln!(
        out,
        "wrote {} ({}x{}, {} step {})",
        args.out.display(),
        args.width,
        args.height,
        id,
        args.step
    );
    Ok(())
}
