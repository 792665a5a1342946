//! A photo of a patient marked with one view's landmarks: what a marks file holds, and the
//! names its marks go by. A marked photo is one more figure for the placement rules.
//!
//! Coordinates are the upright photo's pixels (after its EXIF orientation is applied), x to the
//! right and y down, the same orientation as a figure's own.

use super::figure::{Facing, Figure, FigurePos, Side};
use super::ids::{FigureId, LandmarkId};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A photo's marks, as written in a marks file (`PhotoMarks(image, view, landmarks)`).
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct PhotoMarks {
    /// The photo's file name, beside the marks file (or an absolute path).
    pub image: String,
    /// The figure whose landmarks, spans and rules apply.
    pub view: FigureId,
    /// Each mark by its name (see [`MarkName`]), in the upright photo's pixels.
    pub landmarks: BTreeMap<String, FigurePos>,
}

/// How a photo's mark is named: a landmark on the midline (or on a view without one) by its
/// id, a landmark of a paired structure by its id and the patient's side (`psis_left`).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct MarkName {
    pub landmark: LandmarkId,
    /// `None` for a landmark that is not paired on this view.
    pub side: Option<Side>,
}

impl MarkName {
    /// The name as written in a marks file.
    pub fn text(&self) -> String {
        match self.side {
            Some(side) => format!("{}_{}", self.landmark, side.id()),
            None => self.landmark.to_string(),
        }
    }
}

/// Whether a figure's landmark is paired (drawn once, on one side of the midline), so that a
/// photo marks it on each side.
pub fn is_paired(figure: &Figure, at: FigurePos) -> bool {
    match figure.midline_x {
        Some(m) => {
            let (w, h) = figure.size;
            (at.x - m).abs() > 1e-3 * w.abs().max(h.abs())
        }
        None => false,
    }
}

/// Every mark a photo of `figure` can carry, in the figure's order of landmarks: a paired
/// landmark once per side (the patient's left first).
pub fn mark_names(figure: &Figure) -> Vec<MarkName> {
    let mut out = Vec::new();
    for l in &figure.landmarks {
        if is_paired(figure, l.at) {
            for side in [Side::Left, Side::Right] {
                out.push(MarkName {
                    landmark: l.id.clone(),
                    side: Some(side),
                });
            }
        } else {
            out.push(MarkName {
                landmark: l.id.clone(),
                side: None,
            });
        }
    }
    out
}

/// The mark a name in a marks file stands for on `figure`, if the figure has it.
pub fn parse_mark_name(figure: &Figure, text: &str) -> Option<MarkName> {
    mark_names(figure).into_iter().find(|m| m.text() == text)
}

/// Where `mark` is on the drawn figure: a paired landmark on the patient's side asked for
/// (mirrored about the midline where the view draws it on the other).
pub fn mark_on_figure(view: &Figure, mark: &MarkName) -> Option<FigurePos> {
    let at = view.landmark(&mark.landmark)?.at;
    match mark.side {
        Some(side) if !on_viewer_left(view.facing, side) => Some(view.mirror(at)),
        _ => Some(at),
    }
}

/// Which side of the viewer (true: the viewer's left) the patient's `side` appears on in a
/// photo taken as `facing` shows.
pub fn on_viewer_left(facing: Facing, side: Side) -> bool {
    matches!(
        (facing, side),
        (Facing::Posterior, Side::Left) | (Facing::Anterior, Side::Right)
    )
}

/// A decoded, upright photo in memory: RGBA bytes, row by row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PhotoImage {
    pub width: u32,
    pub height: u32,
    pub rgba: Vec<u8>,
}
