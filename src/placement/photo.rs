//! A marked photo as a figure: the view's rules, spans and rulers applied to the landmarks
//! marked on the photo, in the photo's pixels. No egui.
//!
//! A patient may lean, so the midline follows the marked midline landmarks (the spinous
//! processes): the photo is straightened first, each row shifted so those marks stand on one
//! vertical line, and every position is shifted back after placing. Paired landmarks are
//! marked on each side; each side is placed as a figure of its own (mirrored where the view
//! draws its paired landmarks on the other side), so a patient's asymmetry is kept.

use super::{MeasuringSpan, Ruler, measuring_span, midline_tolerance, place_point, ruler_for};
use crate::model::{
    Atlas, Figure, FigurePos, Landmark, Laterality, PhotoMarks, Point, Side, on_viewer_left,
    parse_mark_name,
};

/// One side of the body as a figure built from a photo's marks.
#[derive(Clone, Debug)]
struct SideFigure {
    /// The patient's side placed from this figure; `None` for a view without a midline.
    side: Option<Side>,
    /// The view with the marked landmarks only, in straightened (and perhaps mirrored) pixels.
    figure: Figure,
    /// Whether x was mirrored about the midline to put this side where the view draws it.
    mirrored: bool,
}

/// The shift of each photo row that puts the marked midline on one vertical line.
#[derive(Clone, Debug)]
struct Straightening {
    /// The straightened midline's x.
    midline_x: f32,
    /// Marked midline positions `(y, x)`, top to bottom.
    knots: Vec<(f32, f32)>,
}

impl Straightening {
    fn shift(&self, y: f32) -> f32 {
        let (Some(first), Some(last)) = (self.knots.first(), self.knots.last()) else {
            return 0.0;
        };
        let x = if y <= first.0 {
            first.1
        } else if y >= last.0 {
            last.1
        } else {
            let i = self.knots.partition_point(|k| k.0 <= y);
            match (self.knots.get(i.wrapping_sub(1)), self.knots.get(i)) {
                (Some(a), Some(b)) if b.0 > a.0 => a.1 + (b.1 - a.1) * (y - a.0) / (b.0 - a.0),
                (Some(a), _) => a.1,
                _ => first.1,
            }
        };
        x - self.midline_x
    }

    fn straighten(&self, p: FigurePos) -> FigurePos {
        FigurePos::new(p.x - self.shift(p.y), p.y)
    }

    fn unstraighten(&self, p: FigurePos) -> FigurePos {
        FigurePos::new(p.x + self.shift(p.y), p.y)
    }
}

/// A photo's marks made into figures the placement rules apply to.
#[derive(Clone, Debug)]
pub struct PhotoFigure {
    straightening: Straightening,
    sides: Vec<SideFigure>,
}

/// One site of a point on a photo, in the photo's pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct PhotoSite {
    pub side: Side,
    pub at: FigurePos,
    /// Which of the point's placement rules produced it.
    pub rule: usize,
}

impl PhotoFigure {
    /// The figures of `view` that the photo's marks make. `size` is the photo's in pixels.
    pub fn new(view: &Figure, marks: &PhotoMarks, size: (f32, f32)) -> Self {
        let parsed: Vec<(crate::model::MarkName, FigurePos)> = marks
            .landmarks
            .iter()
            .filter_map(|(name, at)| Some((parse_mark_name(view, name)?, *at)))
            .collect();
        let Some(_) = view.midline_x else {
            let figure = figure_with(view, size, None, parsed.iter().map(|(m, at)| (m, *at)));
            return Self {
                straightening: Straightening {
                    midline_x: 0.0,
                    knots: Vec::new(),
                },
                sides: vec![SideFigure {
                    side: None,
                    figure,
                    mirrored: false,
                }],
            };
        };
        let straightening = straightening_of(&parsed, size);
        let m0 = straightening.midline_x;
        let sides = [Side::Left, Side::Right]
            .into_iter()
            .map(|side| {
                // The views draw paired landmarks on the viewer's left, where an offset from the
                // midline points: the other side is placed mirrored.
                let mirrored = !on_viewer_left(view.facing, side);
                let marks = parsed
                    .iter()
                    .filter(|(m, _)| m.side.is_none_or(|s| s == side))
                    .map(|(m, at)| {
                        let p = straightening.straighten(*at);
                        let p = if mirrored && m.side.is_some() {
                            FigurePos::new(2.0 * m0 - p.x, p.y)
                        } else {
                            p
                        };
                        (m, p)
                    });
                SideFigure {
                    side: Some(side),
                    figure: figure_with(view, size, Some(m0), marks),
                    mirrored,
                }
            })
            .collect();
        Self {
            straightening,
            sides,
        }
    }

    /// Every site of a point on the photo: per side, each rule the marks can place.
    pub fn place(&self, point: &Point) -> Vec<PhotoSite> {
        let mut out: Vec<PhotoSite> = Vec::new();
        for side_figure in &self.sides {
            let figure = &side_figure.figure;
            let tolerance = midline_tolerance(figure);
            for site in place_point(point, figure) {
                let on_midline = point.laterality == Laterality::Midline
                    || figure
                        .midline_x
                        .is_some_and(|m| (site.at.x - m).abs() <= tolerance);
                let side = match side_figure.side {
                    None => figure.shows_side.unwrap_or(Side::Left),
                    Some(_) if on_midline => Side::Midline,
                    Some(s) => s,
                };
                // Each side figure also mirrors its sites to the far side: only the sites on
                // the side it stands for (or on the midline, once) are its own.
                let drawn_side = figure.midline_x.is_none_or(|m| on_midline || site.at.x < m);
                let duplicate = out.iter().any(|s| s.side == side && s.rule == site.rule);
                if !drawn_side || duplicate {
                    continue;
                }
                out.push(PhotoSite {
                    side,
                    at: self.to_photo(side_figure, site.at),
                    rule: site.rule,
                });
            }
        }
        out
    }

    /// The cun ruler of a point on one side of the photo, in the photo's pixels.
    pub fn ruler(&self, point: &Point, side: Side) -> Option<Ruler> {
        let side_figure = self.side_figure(side)?;
        let ruler = ruler_for(point, &side_figure.figure)?;
        Some(Ruler {
            from: self.to_photo(side_figure, ruler.from),
            to: self.to_photo(side_figure, ruler.to),
            ticks: ruler
                .ticks
                .iter()
                .map(|t| self.to_photo(side_figure, *t))
                .collect(),
            ..ruler
        })
    }

    /// The span a point's cun are measured on at its site `at` on one side of the photo, in
    /// the photo's pixels: chosen as on the drawn figures ([`measuring_span`]) among the spans
    /// the marks measure. Only a span of the point's own (its rules' or its region's) will do:
    /// `None` when the marks measure none, rather than the patient's cun from another part of
    /// the body (then Study asks the question on the figure).
    pub fn measuring_span(
        &self,
        atlas: &Atlas,
        point: &Point,
        at: FigurePos,
        side: Side,
    ) -> Option<MeasuringSpan> {
        let side_figure = self.side_figure(side)?;
        let fig = &side_figure.figure;
        let chosen =
            measuring_span(atlas, point, fig, self.on_side(side_figure, at)).filter(|m| m.own)?;
        // The unit as the photo measures it (straightening shifts rows, so lengths change).
        let span = fig.span(&chosen.id)?;
        let from = self.to_photo(side_figure, fig.landmark(&span.from)?.at);
        let to = self.to_photo(side_figure, fig.landmark(&span.to)?.at);
        let unit = from.distance(to) / span.cun;
        (unit > 1e-3).then_some(MeasuringSpan { unit, ..chosen })
    }

    fn side_figure(&self, side: Side) -> Option<&SideFigure> {
        self.sides
            .iter()
            .find(|f| f.side.is_none() || f.side == Some(side) || side == Side::Midline)
    }

    /// A position on the photo in one side figure's straightened (and perhaps mirrored) pixels.
    fn on_side(&self, side_figure: &SideFigure, at: FigurePos) -> FigurePos {
        if side_figure.side.is_none() {
            return at;
        }
        let at = self.straightening.straighten(at);
        if side_figure.mirrored {
            let m0 = self.straightening.midline_x;
            FigurePos::new(2.0 * m0 - at.x, at.y)
        } else {
            at
        }
    }

    fn to_photo(&self, side_figure: &SideFigure, at: FigurePos) -> FigurePos {
        if side_figure.side.is_none() {
            return at;
        }
        let m0 = self.straightening.midline_x;
        let at = if side_figure.mirrored {
            FigurePos::new(2.0 * m0 - at.x, at.y)
        } else {
            at
        };
        self.straightening.unstraighten(at)
    }

    /// The photo's midline as marked, top to bottom, in the photo's pixels (empty when the
    /// view has none or no midline landmark is marked).
    pub fn midline(&self) -> Vec<FigurePos> {
        self.straightening
            .knots
            .iter()
            .map(|(y, x)| FigurePos::new(*x, *y))
            .collect()
    }
}

/// The straightening the marked midline landmarks give; without any, the midline is the
/// middle between the paired marks (or the photo's middle).
fn straightening_of(
    marks: &[(crate::model::MarkName, FigurePos)],
    size: (f32, f32),
) -> Straightening {
    let mut knots: Vec<(f32, f32)> = marks
        .iter()
        .filter(|(m, _)| m.side.is_none())
        .map(|(_, at)| (at.y, at.x))
        .collect();
    knots.sort_by(|a, b| a.0.total_cmp(&b.0));
    let xs: Vec<f32> = if knots.is_empty() {
        marks.iter().map(|(_, at)| at.x).collect()
    } else {
        knots.iter().map(|k| k.1).collect()
    };
    #[allow(clippy::cast_precision_loss, reason = "a few dozen marks")]
    let midline_x = if xs.is_empty() {
        size.0 / 2.0
    } else {
        xs.iter().sum::<f32>() / xs.len() as f32
    };
    Straightening { midline_x, knots }
}

/// The view with only the given marks as its landmarks, sized as the photo, without its art.
fn figure_with<'a>(
    view: &Figure,
    size: (f32, f32),
    midline_x: Option<f32>,
    marks: impl Iterator<Item = (&'a crate::model::MarkName, FigurePos)>,
) -> Figure {
    let landmarks = marks
        .filter_map(|(m, at)| {
            let drawn = view.landmark(&m.landmark)?;
            Some(Landmark {
                id: m.landmark.clone(),
                name: drawn.name.clone(),
                at,
            })
        })
        .collect();
    Figure {
        id: view.id.clone(),
        title: view.title.clone(),
        facing: view.facing,
        size,
        midline_x,
        shows_side: view.shows_side,
        order: view.order,
        shapes: Vec::new(),
        landmarks,
        spans: view.spans.clone(),
    }
}
