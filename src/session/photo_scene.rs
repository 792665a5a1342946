//! The scene of a patient's photo from its placed points: which points are drawn in the
//! mode, how they are labelled (codes, today's numbers, or none), and the selected point's
//! cun ruler. The window and `photo --out` both build their [`PhotoScene`] here.

use crate::model::{Atlas, ConditionId, PointCode};
use crate::placement::{PhotoFigure, PhotoPlacement};
use crate::scene::Theme;
use crate::scene::photo::{APPROXIMATE, PhotoDot, PhotoRuler, PhotoScene};

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
    /// Points ringed as today's plan (Explore); empty where the plan is the labels.
    pub ringed: &'a [PointCode],
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
            in_plan: input.ringed.contains(&placed.code),
            labelled,
        });
    }
    let ruler = input.selected.and_then(|code| {
        let point = input.atlas.point(code)?;
        let side = dots.iter().find(|d| &d.code == code)?.side;
        let r = input.figure.ruler(point, side)?;
        Some(PhotoRuler {
            name: r.name,
            from: r.from,
            to: r.to,
            cun: r.cun,
            ticks: r.ticks,
        })
    });
    PhotoScene {
        size: input.size,
        dots,
        marks: Vec::new(),
        expected: None,
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

/// The patient's photo's scene for a handout of `plan`: the plan's points placed by the marks
/// and numbered on it, light for paper; `None` when the marks' view is unknown. `size` is the
/// photo's in the marks' pixels.
pub fn handout_photo_scene(
    atlas: &Atlas,
    marks: &crate::model::PhotoMarks,
    size: (f32, f32),
    plan: &[PointCode],
    condition: Option<&ConditionId>,
) -> Option<PhotoScene> {
    let points: Vec<_> = plan.iter().filter_map(|c| atlas.point(c)).collect();
    let (figure, placement) =
        crate::placement::place_marked_photo(atlas, marks, size, &points, condition)?;
    Some(photo_scene(&PhotoSceneInput {
        atlas,
        figure: &figure,
        placement: &placement,
        size,
        condition,
        labels: PhotoLabels::Plan(plan),
        selected: None,
        ringed: &[],
        theme: Theme::Light,
    }))
}
