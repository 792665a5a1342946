//! What a photo canvas shows, as plain data: the patient's photo, the points placed on it by
//! the view's rules (each dot with its label: a code, or today's number), the selected point's
//! cun ruler, and while marking, the marks made. The window and `photo --out` both draw a
//! [`PhotoScene`]. No egui.

use super::Theme;
use crate::model::{Atlas, ConditionId, FigurePos, PointCode, Side};
use crate::placement::{PhotoFigure, PhotoPlacement, Ruler};

/// The words every photo with points carries: the points are only as good as the marks.
pub const APPROXIMATE: &str =
    "Approximate: placed from the landmarks marked on this photo. Palpate to confirm.";

/// One point's site on the photo.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoDot {
    pub code: PointCode,
    pub side: Side,
    /// In the photo's pixels.
    pub at: FigurePos,
    /// What its label says: the code, or its number in today's plan.
    pub label: String,
    /// The index of its region's colour (`None`: no region).
    pub region: Option<usize>,
    pub selected: bool,
    /// Only one site of a point is labelled.
    pub labelled: bool,
}

/// One landmark marked on the photo, shown while marking.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoMarkDot {
    pub name: String,
    pub at: FigurePos,
    /// The mark the walk is asking for now (or being dragged).
    pub current: bool,
}

/// Everything a photo canvas shows.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoScene {
    /// The upright photo's size in pixels: every position here is in these pixels.
    pub size: (f32, f32),
    pub dots: Vec<PhotoDot>,
    pub marks: Vec<PhotoMarkDot>,
    /// The selected point's cun ruler, in the photo's pixels.
    pub ruler: Option<Ruler>,
    /// The marked midline, top to bottom.
    pub midline: Vec<FigurePos>,
    /// A note drawn on the photo (the approximate warning), if any.
    pub note: Option<String>,
    pub theme: Theme,
}

/// How the dots are labelled.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum PhotoLabels<'a> {
    /// By point code (Explore, Study's review).
    Codes,
    /// By number in today's plan (Patient mode, the plan's printout).
    Plan(&'a [PointCode]),
    /// No labels (Study: the question must not give the answer away).
    Hidden,
}

/// The scene of a placed photo.
pub struct PhotoSceneInput<'a> {
    pub atlas: &'a Atlas,
    pub figure: &'a PhotoFigure,
    pub placement: &'a PhotoPlacement,
    pub size: (f32, f32),
    pub condition: Option<&'a ConditionId>,
    pub labels: PhotoLabels<'a>,
    pub selected: Option<&'a PointCode>,
    pub theme: Theme,
}

/// The photo with its placed points, labelled as asked, and the selected point's ruler.
pub fn photo_scene(input: &PhotoSceneInput<'_>) -> PhotoScene {
    let mut dots: Vec<PhotoDot> = Vec::new();
    for placed in &input.placement.placed {
        let label = match input.labels {
            PhotoLabels::Codes => placed.code.to_string(),
            PhotoLabels::Plan(plan) => match plan.iter().position(|c| *c == placed.code) {
                Some(i) => (i + 1).to_string(),
                None => continue,
            },
            PhotoLabels::Hidden => String::new(),
        };
        let region = input
            .atlas
            .point(&placed.code)
            .and_then(|p| input.atlas.display_region(p, input.condition))
            .map(|(i, _)| i);
        // Label the site furthest to the viewer's right, as on the drawn figures.
        let labelled = !label.is_empty()
            && !input
                .placement
                .placed
                .iter()
                .any(|o| o.code == placed.code && o.site.at.x > placed.site.at.x);
        dots.push(PhotoDot {
            code: placed.code.clone(),
            side: placed.site.side,
            at: placed.site.at,
            label,
            region,
            selected: input.selected == Some(&placed.code),
            labelled,
        });
    }
    let ruler = input.selected.and_then(|code| {
        let point = input.atlas.point(code)?;
        let side = dots.iter().find(|d| &d.code == code)?.side;
        input.figure.ruler(point, side)
    });
    PhotoScene {
        size: input.size,
        dots,
        marks: Vec::new(),
        ruler,
        // The marked midline helps while checking marks, not on a patient's picture.
        midline: match input.labels {
            PhotoLabels::Plan(_) => Vec::new(),
            _ => input.figure.midline(),
        },
        note: Some(APPROXIMATE.to_owned()),
        theme: input.theme,
    }
}
