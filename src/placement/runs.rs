//! Channels and anatomical structures on one figure: their stations placed by the same rules as
//! points, cut into runs the figure can place, smoothed into curves and mirrored to the other
//! side where the figure has a midline. No egui.

use super::curve::{oval, smooth};
use super::{Lookup, place_rule};
use crate::model::{
    Channel, Figure, FigurePos, Form, LandmarkId, PlacedPath, PlacementRule, Point, PointCode,
    Station, Structure,
};

/// How far from the midline (in figure units) a station still counts as on it.
const ON_MIDLINE: f32 = 1e-3;

/// Samples of an oval's outline.
const OVAL_SAMPLES: usize = 28;

/// One run of stations placed on a figure, and its smooth curve.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedRun {
    /// Which run (channel) or form (structure) of the definition this is.
    pub index: usize,
    /// Each placed station: its index in the run, and where it landed.
    pub stations: Vec<(usize, FigurePos)>,
    pub curve: Vec<FigurePos>,
    pub closed: bool,
}

/// How far a drawn or printed polyline may stray from its smooth curve on a figure: a
/// ten-thousandth of the figure's larger side, a tenth of a pixel at the sizes a figure is
/// drawn whole.
pub fn curve_tolerance(figure: &Figure) -> f32 {
    figure.size.0.max(figure.size.1) * 1e-4
}

/// Where a point sits as a station on a figure (a [`Figure`] or a [`super::FigureIndex`]):
/// where the first of its rules the figure can place puts it (on the side of the figure's
/// landmarks), if that is a finite position.
pub fn first_site<L: Lookup + ?Sized>(point: &Point, figure: &L) -> Option<FigurePos> {
    point
        .placement
        .iter()
        .find_map(|rule| place_rule(rule, figure))
        .filter(|p| p.is_finite())
}

/// The stretches of consecutive placed stations, two or more long; a station the figure cannot
/// place breaks the run there.
pub fn runs(placed: &[Option<FigurePos>]) -> Vec<Vec<(usize, FigurePos)>> {
    let mut out = Vec::new();
    let mut current: Vec<(usize, FigurePos)> = Vec::new();
    for (i, p) in placed.iter().enumerate() {
        match p {
            Some(p) => current.push((i, *p)),
            None => {
                if current.len() >= 2 {
                    out.push(std::mem::take(&mut current));
                } else {
                    current.clear();
                }
            }
        }
    }
    if current.len() >= 2 {
        out.push(current);
    }
    out
}

/// Every run of a channel on a figure (a [`Figure`] or a [`super::FigureIndex`]). `point_at` says where a point station sits on the
/// figure (the loader places each point once; see [`first_site`]). Each run's
/// stations carry their index in the channel's path.
pub fn channel_runs<L: Lookup + ?Sized>(
    channel: &Channel,
    figure: &L,
    point_at: impl Fn(&PointCode) -> Option<FigurePos>,
) -> Vec<PlacedRun> {
    let step = curve_tolerance(figure.figure());
    let mut out = Vec::new();
    for (index, path) in channel.paths.iter().enumerate() {
        // A point the figure does not show (on the surface turned away) is passed over and the
        // course continues between its neighbours; a waypoint the figure cannot place means the
        // course leaves the figure there, so the run breaks.
        let placed: Vec<(usize, Option<FigurePos>)> = path
            .iter()
            .enumerate()
            .filter_map(|(i, s)| {
                let at = match s {
                    Station::Point(code) => point_at(code),
                    Station::Via(rule) => place_rule(rule, figure),
                }
                .filter(|p| p.is_finite());
                match (s, at) {
                    (Station::Point(_), None) => None,
                    _ => Some((i, at)),
                }
            })
            .collect();
        let positions: Vec<Option<FigurePos>> = placed.iter().map(|(_, p)| *p).collect();
        for stations in runs(&positions) {
            let stations: Vec<(usize, FigurePos)> = stations
                .into_iter()
                .filter_map(|(k, p)| placed.get(k).map(|(i, _)| (*i, p)))
                .collect();
            let at: Vec<FigurePos> = stations.iter().map(|(_, p)| *p).collect();
            out.push(PlacedRun {
                index,
                curve: smooth(&at, false, step),
                stations,
                closed: false,
            });
        }
    }
    out
}

/// Every drawn form of a structure on a figure. A form appears only whole, on the figures that
/// can place every one of its positions (so a form written for one view stays off the others).
/// `figure` is a [`Figure`] or a [`super::FigureIndex`].
pub fn structure_runs<L: Lookup + ?Sized>(structure: &Structure, figure: &L) -> Vec<PlacedRun> {
    let step = curve_tolerance(figure.figure());
    let mut out = Vec::new();
    for (index, form) in structure.forms.iter().enumerate() {
        match form {
            Form::Line(rules) | Form::Loop(rules) => {
                let closed = matches!(form, Form::Loop(_));
                let placed: Option<Vec<FigurePos>> =
                    rules.iter().map(|r| place_rule(r, figure)).collect();
                if let Some(at) = placed.filter(|a| a.len() >= if closed { 3 } else { 2 }) {
                    out.push(PlacedRun {
                        index,
                        curve: smooth(&at, closed, step),
                        stations: at.into_iter().enumerate().collect(),
                        closed,
                    });
                }
            }
            Form::Oval { from, to, width } => {
                if let (Some(a), Some(b)) = (place_rule(from, figure), place_rule(to, figure)) {
                    out.push(PlacedRun {
                        index,
                        curve: oval(a, b, *width, OVAL_SAMPLES),
                        stations: vec![(0, a), (1, b)],
                        closed: true,
                    });
                }
            }
        }
    }
    out
}

/// Whether a run is drawn again mirrored: on figures with a midline, unless every one of its
/// stations lies on it (a spinous process, the Governor vessel).
pub fn mirrors(figure: &Figure, run: &PlacedRun) -> bool {
    figure.midline_x.is_some_and(|m| {
        run.stations
            .iter()
            .any(|(_, p)| (p.x - m).abs() > ON_MIDLINE)
    })
}

/// A run as the atlas keeps it: the curve, and its mirror image where the figure has a midline.
pub fn to_paths(figure: &Figure, run: &PlacedRun) -> Vec<PlacedPath> {
    let stations: Vec<FigurePos> = run.stations.iter().map(|(_, p)| *p).collect();
    let path = |points: Vec<FigurePos>, stations: Vec<FigurePos>, mirrored: bool| PlacedPath {
        figure: figure.id.clone(),
        points,
        stations,
        closed: run.closed,
        mirrored,
    };
    let mirror = |pts: &[FigurePos]| pts.iter().map(|p| figure.mirror(*p)).collect();
    let mut out = Vec::with_capacity(2);
    if mirrors(figure, run) {
        out.push(path(mirror(&run.curve), mirror(&stations), true));
    }
    out.insert(0, path(run.curve.clone(), stations, false));
    out
}

/// The landmark a point is found from on a figure: the one its rule there starts from (for a
/// `Between` rule, its first landmark).
pub fn landmark_of(rules: &[PlacementRule], figure: &Figure) -> Option<LandmarkId> {
    rules
        .iter()
        .find_map(|rule| match super::effective_rule(rule, figure)? {
            PlacementRule::At(id) | PlacementRule::Offset { from: id, .. } => Some(id.clone()),
            PlacementRule::Between { from, .. } => Some(from.clone()),
            PlacementRule::OneOf(_) => None,
        })
}
