//! What the checks of a layer (a channel's course or an anatomical structure) and the curves it
//! draws need: known landmarks and spans, each figure's outline, the points by code, and the
//! checks of a placement rule used as a waypoint.

use super::Reporter;
use super::placed::{Name, NamePath, rule_names};
use crate::load::parse::Origin;
use crate::model::{AtlasParts, FigurePos, Meridian, PlacementRule, Point};
use crate::placement::runs::{PlacedRun, first_site};
use crate::placement::{FigureIndex, Lookup, place_rule};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// How far outside its figure's outline a curve may stray, as a share of the figure's larger
/// side: less than the width of the outline's ink.
const OUTLINE_TOLERANCE: f32 = 0.0025;

/// What the layer checks look things up in, built once.
pub struct Context<'a> {
    pub parts: &'a AtlasParts,
    pub landmarks: HashSet<&'a str>,
    pub spans: HashSet<&'a str>,
    pub conditions: HashSet<&'a str>,
    /// Each point's index in `parts.points`, by code.
    point_index: HashMap<&'a str, usize>,
    /// The indexes of the points of each meridian.
    pub by_meridian: HashMap<Meridian, Vec<usize>>,
    /// Each point's first site on each figure (see [`Self::site_on`]), placed the first time
    /// it is asked for: `sites[point * figures + figure]`.
    sites: Vec<OnceLock<Option<FigurePos>>>,
    /// Each figure indexed (landmarks, spans, outline), in `parts.figures` order.
    pub figures: &'a [FigureIndex<'a>],
}

impl<'a> Context<'a> {
    pub fn new(parts: &'a AtlasParts, figures: &'a [FigureIndex<'a>]) -> Self {
        Self {
            parts,
            landmarks: parts
                .figures
                .iter()
                .flat_map(|f| f.landmarks.iter().map(|l| l.id.as_str()))
                .collect(),
            spans: parts
                .figures
                .iter()
                .flat_map(|f| f.spans.iter().map(|s| s.id.as_str()))
                .collect(),
            conditions: parts.conditions.iter().map(|c| c.id.as_str()).collect(),
            point_index: parts
                .points
                .iter()
                .enumerate()
                .map(|(i, p)| (p.code.as_str(), i))
                .collect(),
            by_meridian: parts.points.iter().enumerate().fold(
                HashMap::default(),
                |mut by, (i, p)| {
                    by.entry(p.meridian).or_insert_with(Vec::new).push(i);
                    by
                },
            ),
            sites: (0..parts.points.len() * figures.len())
                .map(|_| OnceLock::new())
                .collect(),
            figures,
        }
    }

    /// The point with this code.
    pub fn point(&self, code: &str) -> Option<&'a Point> {
        self.parts.points.get(*self.point_index.get(code)?)
    }

    /// Where a point's first site on a figure is: where the first of its rules the figure can
    /// place puts it (on the side of the figure's landmarks), as the points' own check places it.
    pub fn site_on(&self, code: &str, figure_index: usize) -> Option<FigurePos> {
        let point = *self.point_index.get(code)?;
        self.site_of(point, figure_index)
    }

    /// [`Self::site_on`] for the point at `point` in `parts.points`.
    pub fn site_of(&self, point: usize, figure_index: usize) -> Option<FigurePos> {
        let figure = self.figures.get(figure_index)?;
        let cell = self.sites.get(point * self.figures.len() + figure_index)?;
        *cell.get_or_init(|| first_site(self.parts.points.get(point)?, figure))
    }

    /// Reports every landmark or span a rule names that no figure defines, bad numbers, and a
    /// rule whose names are all known but that no figure can place. `at` gives the path of the
    /// rule; it is only built when there is a problem to report.
    pub fn check_rule(
        &self,
        rep: &mut Reporter<'_>,
        origin: &Origin,
        rule: &PlacementRule,
        at: &dyn Fn() -> String,
        what: &str,
    ) {
        let numbers_ok = numbers_usable(rule);
        if !numbers_ok {
            check_numbers(rep, origin, rule, &at());
        }
        let names_ok = self.names_known(rule);
        if !names_ok {
            for (field, name) in rule_names(rule, &NamePath::at_path(at())) {
                let (found, kind, id) = match name {
                    Name::Landmark(id) => (self.landmarks.contains(id), "landmark", id),
                    Name::Span(id) => (self.spans.contains(id), "span", id),
                };
                if !found {
                    rep.at(
                        origin,
                        &field.to_path(),
                        format!("unknown {kind} `{id}` (no figure defines it)"),
                    );
                }
            }
        }
        if numbers_ok
            && names_ok
            && !self
                .figures
                .iter()
                .any(|f| place_rule(rule, f).is_some_and(FigurePos::is_finite))
        {
            rep.at(
                origin,
                &at(),
                format!(
                    "this {what} cannot be placed on any figure: no figure defines every landmark and span its rule needs"
                ),
            );
        }
    }

    /// Whether every landmark and span a rule names is defined by some figure.
    fn names_known(&self, rule: &PlacementRule) -> bool {
        match rule {
            PlacementRule::At(id) => self.landmarks.contains(id.as_str()),
            PlacementRule::Between { from, to, .. } => {
                self.landmarks.contains(from.as_str()) && self.landmarks.contains(to.as_str())
            }
            PlacementRule::Offset { from, scale, .. } => {
                self.landmarks.contains(from.as_str()) && self.spans.contains(scale.as_str())
            }
            PlacementRule::OneOf(rules) => rules.iter().all(|r| self.names_known(r)),
        }
    }

    /// The first sample of a run's curve (and of its mirror image, where the figure mirrors
    /// it) that strays outside the figure's outline: where it is (mirrored, for the mirror
    /// image), and the index of the curve point its stretch starts at.
    pub fn first_outside(
        &self,
        figure_index: usize,
        run: &PlacedRun,
        mirrored: bool,
    ) -> Option<(usize, FigurePos)> {
        let indexed = self.figures.get(figure_index)?;
        let (figure, outline) = (indexed.figure(), indexed.outline());
        if outline.is_empty() {
            return None;
        }
        let size = figure.size.0.max(figure.size.1);
        let tolerance = OUTLINE_TOLERANCE * size;
        let outside = |p: FigurePos| !outline.contains_within(figure, p, tolerance);
        // Every half percent of the figure along the curve (at most a fixed number of times),
        // and every station: a stray narrower than that is hardly wider than the tolerance
        // allows anyway.
        let step = size * 0.005;
        // Inside an outline that is its own mirror image, a curve is inside mirrored too.
        let mirror_too = mirrored && !outline.symmetric();
        find_sample(&run.curve, &run.stations, step, outside).or_else(|| {
            mirror_too
                .then(|| {
                    find_sample(&run.curve, &run.stations, step, |p| {
                        outside(figure.mirror(p))
                    })
                    .map(|(i, p)| (i, figure.mirror(p)))
                })
                .flatten()
        })
    }
}

/// The most samples read between the stations of one curve: a curve's check costs the same
/// whatever the size its figure gives (a tiny figure once took minutes, then forever).
const MAX_SAMPLES_PER_CURVE: usize = 2000;

/// Walks a curve, reading its first and last points, every station, and a sample every `step`
/// of its length (longer steps on a curve more than [`MAX_SAMPLES_PER_CURVE`] steps long), and
/// returns the first sample that `strays`, with the index of the curve point its stretch
/// starts at. Samples are counted, never found by adding up steps, so a step too small to
/// move a sum still ends.
fn find_sample(
    curve: &[FigurePos],
    stations: &[(usize, FigurePos)],
    step: f32,
    mut strays: impl FnMut(FigurePos) -> bool,
) -> Option<(usize, FigurePos)> {
    let length = |i: usize| match (curve.get(i), curve.get(i + 1)) {
        (Some(p), Some(q)) => {
            (f64::from(q.x) - f64::from(p.x)).hypot(f64::from(q.y) - f64::from(p.y))
        }
        _ => 0.0,
    };
    let total: f64 = (0..curve.len()).map(length).sum();
    #[allow(clippy::cast_precision_loss)]
    let step = f64::from(step).max(total / MAX_SAMPLES_PER_CURVE as f64);
    let sampled = step.is_finite() && step > 0.0;
    let mut budget = MAX_SAMPLES_PER_CURVE + 1;
    let mut next_station = 0;
    // The length walked since the last sample.
    let mut since = 0.0;
    for (i, &p) in curve.iter().enumerate() {
        let station = stations.get(next_station).is_some_and(|(_, s)| *s == p);
        if station {
            next_station += 1;
        }
        if i == 0 || i + 1 == curve.len() || station || (sampled && since >= step) {
            since = 0.0;
            if strays(p) {
                return Some((i, p));
            }
        }
        let (Some(&q), true) = (curve.get(i + 1), sampled) else {
            continue;
        };
        let length = length(i);
        // The first sample lies `first` into this stretch; `count` of them fit before its end.
        let first = step - since;
        if first >= length {
            since += length;
            continue;
        }
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let count = (((length - first) / step).ceil() as usize).clamp(1, budget.max(1));
        budget = budget.saturating_sub(count);
        for k in 0..count {
            #[allow(clippy::cast_precision_loss)]
            let along = first + k as f64 * step;
            #[allow(clippy::cast_possible_truncation)]
            let sample = p.lerp(q, (along / length) as f32);
            if strays(sample) {
                return Some((i, sample));
            }
        }
        #[allow(clippy::cast_precision_loss)]
        let last = first + (count - 1) as f64 * step;
        since = length - last;
    }
    None
}

/// Whether every number of a rule is usable (checked without building any message).
fn numbers_usable(rule: &PlacementRule) -> bool {
    match rule {
        PlacementRule::At(_) => true,
        PlacementRule::Between { fraction, .. } => {
            fraction.is_finite() && (0.0..=1.0).contains(fraction)
        }
        PlacementRule::Offset { across, along, .. } => across.is_finite() && along.is_finite(),
        PlacementRule::OneOf(rules) => rules.iter().all(numbers_usable),
    }
}

/// Reports numbers a rule cannot use: a `Between` fraction outside 0 to 1 (as for points) or
/// an offset that is not finite. Returns whether every number is usable.
fn check_numbers(rep: &mut Reporter<'_>, origin: &Origin, rule: &PlacementRule, at: &str) -> bool {
    match rule {
        PlacementRule::At(_) => true,
        PlacementRule::Between { fraction, .. } => {
            let ok = fraction.is_finite() && (0.0..=1.0).contains(fraction);
            if !ok {
                rep.at(
                    origin,
                    &format!("{at}.fraction"),
                    format!("fraction must be between 0 and 1, not {fraction}"),
                );
            }
            ok
        }
        PlacementRule::Offset { across, along, .. } => {
            let mut ok = true;
            for (field, v) in [("across", across), ("along", along)] {
                if !v.is_finite() {
                    ok = false;
                    rep.at(
                        origin,
                        &format!("{at}.{field}"),
                        format!("{field} must be a finite number of cun"),
                    );
                }
            }
            ok
        }
        PlacementRule::OneOf(rules) => {
            // Every alternative is checked (and reported), not just up to the first bad one.
            let mut ok = true;
            for (j, r) in rules.iter().enumerate() {
                ok &= check_numbers(rep, origin, r, &format!("{at}.0[{j}]"));
            }
            ok
        }
    }
}

/// Between which stations of a run a curve sample lies, given the index of the curve point
/// its stretch starts at: the indexes of the stations before and after it (the curve passes
/// exactly through each station, in order).
pub fn between_stations(
    stations: &[(usize, FigurePos)],
    curve: &[FigurePos],
    stretch: usize,
) -> (usize, usize) {
    let mut current = stations.first().map_or(0, |s| s.0);
    let mut next = 1;
    for p in curve.iter().take(stretch + 1) {
        if let Some((i, at)) = stations.get(next)
            && at == p
        {
            current = *i;
            next += 1;
        }
    }
    let after = stations.get(next).map_or(current, |s| s.0);
    (current, after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_curve_is_read_every_step_of_its_length_at_its_ends_and_at_every_station() {
        let p = |x: f32| FigurePos::new(x, 0.0);
        // Two stretches meeting at a station, with a bend point between stations on the first.
        let curve = [p(0.0), p(0.22), p(0.5), p(1.0)];
        let stations = [(0, p(0.0)), (1, p(0.5)), (2, p(1.0))];
        let mut read = Vec::new();
        let none = find_sample(&curve, &stations, 0.1, |s| {
            read.push(s.x);
            false
        });
        assert_eq!(none, None);
        let expected = [0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];
        assert_eq!(read.len(), expected.len(), "{read:?}");
        for (got, want) in read.iter().zip(expected) {
            assert!((got - want).abs() < 1e-5, "{read:?}");
        }
        // The first sample past 0.65 is on the last stretch, between stations 1 and 2.
        let found = find_sample(&curve, &stations, 0.1, |s| s.x > 0.65);
        let (stretch, at) = found.expect("a sample strays");
        assert_eq!(stretch, 2);
        assert!((at.x - 0.7).abs() < 1e-5);
        assert_eq!(between_stations(&stations, &curve, stretch), (1, 2));
    }

    #[test]
    fn a_curve_on_a_tiny_or_huge_figure_is_read_a_fixed_number_of_times() {
        // Steps far too small to move a sum in f32 (a figure 1e-7 wide), and curves at every
        // scale: each is read at most the fixed number of times plus its stations.
        for (scale, step) in [
            (1.0_f32, 1e-12_f32),
            (1e-7, 5e-10),
            (1e30, 1e-3),
            (1.0, 0.0),
        ] {
            let p = |x: f32, y: f32| FigurePos::new(x * scale, y * scale);
            let curve = [p(0.0, 0.0), p(0.3, 0.1), p(0.5, 0.5), p(1.0, 0.2)];
            let stations = [(0, curve[0]), (1, curve[2]), (2, curve[3])];
            let mut read = 0;
            let none = find_sample(&curve, &stations, step, |_| {
                read += 1;
                false
            });
            assert_eq!(none, None);
            assert!(
                (4..=MAX_SAMPLES_PER_CURVE + 8).contains(&read),
                "x{scale}: {read}"
            );
        }
    }
}
