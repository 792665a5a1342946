//! `acupoint-atlas photo MARKS.ron --plan CODES --handout --out F.pdf|F.png`: the patient's
//! handout with their own photo, today's plan numbered on it, beside the drawn figures.

use super::export::page_path;
use crate::load::LoadedPhoto;
use crate::model::{Atlas, ConditionId, PointCode};
use crate::render::{
    Format, HandoutDetails, Paper, RenderError, Renderer, check_writable, handout_pdf,
    render_handout_with_photo, today, write_bytes, write_png,
};
use crate::scene::SceneLayers;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Writes the handout on `paper`: one PDF, or its pages as PNG (`F.png`, then `F-2.png`…);
/// returns the files written.
pub fn write_photo_handout(
    atlas: &Atlas,
    loaded: &LoadedPhoto,
    plan: &[PointCode],
    (condition, paper): (Option<&ConditionId>, Paper),
    path: &Path,
) -> Result<Vec<PathBuf>, RenderError> {
    if plan.is_empty() {
        return Err(RenderError::EmptyPlan);
    }
    let format = Format::of(path)?;
    check_writable(path)?;
    #[allow(
        clippy::cast_precision_loss,
        reason = "photos are at most 12000 pixels a side"
    )]
    let size = (loaded.image.width as f32, loaded.image.height as f32);
    let photo = crate::session::photo_scene::handout_photo_scene(
        atlas,
        &loaded.marks,
        size,
        plan,
        condition,
    )
    .map(|scene| crate::render::HandoutPhoto::new(&loaded.image, scene));
    let details = HandoutDetails {
        condition: condition.cloned(),
        date: today(),
        practitioner: String::new(),
        layers: SceneLayers::default(),
    };
    let mut renderer = Renderer::new();
    if format == Format::Pdf {
        let bytes = handout_pdf(
            &mut renderer,
            atlas,
            plan,
            &details,
            (paper, photo.as_ref()),
        )?;
        write_bytes(&bytes, path)?;
        return Ok(vec![path.to_path_buf()]);
    }
    let pages =
        render_handout_with_photo(&mut renderer, atlas, plan, &details, paper, photo.as_ref())?;
    let paths: Vec<PathBuf> = (1..=pages.len()).map(|k| page_path(path, k)).collect();
    for p in paths.iter().skip(1) {
        check_writable(p)?;
    }
    for (image, p) in pages.iter().zip(&paths) {
        write_png(image, p)?;
    }
    Ok(paths)
}

/// Says which files were written, or why none was.
pub fn report_written(
    written: Result<Vec<PathBuf>, RenderError>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    match written {
        Ok(paths) => {
            let names: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
            writeln!(out, "wrote {}", names.join(" and "))?;
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            writeln!(err, "acupoint-atlas: {e}")?;
            Ok(ExitCode::FAILURE)
        }
    }
}
