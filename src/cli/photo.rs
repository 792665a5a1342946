//! `acupoint-atlas photo MARKS.ron`: the points placed on a patient's marked photo, as JSON or
//! drawn on the photo (numbered for a plan).

use super::export::resolve_spellings;
use super::problems::report;
use crate::load::{LoadedPhoto, load_photo_marks};
use crate::model::{Atlas, ConditionId, Point};
use crate::placement::{PhotoPlacement, place_marked_photo};
use crate::scene::Theme;
use crate::session::photo_scene::{PhotoLabels, PhotoSceneInput, photo_scene};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// What `photo` was asked for.
pub struct PhotoArgs<'a> {
    pub marks: &'a Path,
    pub condition: Option<&'a str>,
    pub plan: &'a [String],
    pub json: bool,
    pub out: Option<&'a Path>,
    /// With a plan and `out`: the patient's handout with the photo, not the photo alone.
    pub handout: bool,
    /// The handout's paper.
    pub paper: crate::render::Paper,
}

#[derive(Serialize)]
struct PhotoJson<'a> {
    image: ImageJson,
    view: &'a str,
    points: Vec<PointJson<'a>>,
    unplaced: Vec<UnplacedJson<'a>>,
}

#[derive(Serialize)]
struct ImageJson {
    width: u32,
    height: u32,
}

#[derive(Serialize)]
struct PointJson<'a> {
    code: &'a str,
    side: &'a str,
    x: f64,
    y: f64,
}

#[derive(Serialize)]
struct UnplacedJson<'a> {
    code: &'a str,
    needs: &'a [String],
}

/// A tenth of a pixel.
fn round(v: f32) -> f64 {
    (f64::from(v) * 10.0).round() / 10.0
}

pub fn run(
    atlas: &Atlas,
    args: &PhotoArgs<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let loaded = match load_photo_marks(atlas, args.marks) {
        Ok(loaded) => loaded,
        Err(problems) => return report(&problems, err),
    };
    let condition = args.condition.map(ConditionId::new);
    if let Some(c) = &condition
        && atlas.condition(c).is_none()
    {
        let known: Vec<_> = atlas.conditions().iter().map(|c| c.id.as_str()).collect();
        writeln!(
            err,
            "acupoint-atlas: unknown condition `{c}`; known: {}",
            known.join(", ")
        )?;
        return Ok(ExitCode::FAILURE);
    }
    let plan = match resolve_spellings(atlas, args.plan) {
        Ok(plan) => plan,
        Err(e) => {
            writeln!(err, "acupoint-atlas: {e}")?;
            return Ok(ExitCode::FAILURE);
        }
    };
    let points: Vec<&Point> = if plan.is_empty() {
        atlas.condition_points(condition.as_ref())
    } else {
        plan.iter().filter_map(|c| atlas.point(c)).collect()
    };
    #[allow(
        clippy::cast_precision_loss,
        reason = "photos are at most 12000 pixels a side"
    )]
    let size = (loaded.image.width as f32, loaded.image.height as f32);
    let Some((figure, placement)) =
        place_marked_photo(atlas, &loaded.marks, size, &points, condition.as_ref())
    else {
        // The loader has checked the view; nothing to place on otherwise.
        writeln!(err, "acupoint-atlas: unknown view `{}`", loaded.marks.view)?;
        return Ok(ExitCode::FAILURE);
    };
    if args.json {
        write_json(&loaded, &placement, out)?;
    }
    if let Some(path) = args.out
        && args.handout
    {
        let written = super::photo_handout::write_photo_handout(
            atlas,
            &loaded,
            &plan,
            (condition.as_ref(), args.paper),
            path,
        );
        return super::photo_handout::report_written(written, out, err);
    } else if let Some(path) = args.out {
        let input = PhotoSceneInput {
            atlas,
            figure: &figure,
            placement: &placement,
            size,
            condition: condition.as_ref(),
            labels: if plan.is_empty() {
                PhotoLabels::Codes
            } else {
                PhotoLabels::Plan(&plan)
            },
            selected: None,
            ringed: &[],
            theme: Theme::Light,
        };
        if let Err(e) = draw(&loaded, &input, path) {
            writeln!(err, "acupoint-atlas: {e}")?;
            return Ok(ExitCode::FAILURE);
        }
        writeln!(out, "wrote {}", path.display())?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_json(
    loaded: &LoadedPhoto,
    placement: &PhotoPlacement,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let doc = PhotoJson {
        image: ImageJson {
            width: loaded.image.width,
            height: loaded.image.height,
        },
        view: loaded.marks.view.as_str(),
        points: placement
            .placed
            .iter()
            .map(|p| PointJson {
                code: p.code.as_str(),
                side: p.site.side.id(),
                x: round(p.site.at.x),
                y: round(p.site.at.y),
            })
            .collect(),
        unplaced: placement
            .unplaced
            .iter()
            .map(|u| UnplacedJson {
                code: u.code.as_str(),
                needs: &u.needs,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// Draws the photo with its points to a PNG file.
fn draw(
    loaded: &LoadedPhoto,
    input: &PhotoSceneInput<'_>,
    path: &Path,
) -> Result<(), crate::render::RenderError> {
    let format = crate::render::Format::of(path)?;
    crate::render::check_writable(path)?;
    let scene = photo_scene(input);
    match format {
        crate::render::Format::Png => {
            let image = crate::render::render_photo(&loaded.image, &scene)?;
            crate::render::write_png(&image, path)
        }
        crate::render::Format::Pdf => {
            let bytes = crate::render::photo_pdf(&loaded.image, &scene)?;
            crate::render::write_bytes(&bytes, path)
        }
    }
}
