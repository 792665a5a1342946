//! Checks of channel courses: known channel ids, stations that resolve, waypoints some figure
//! can place, curves that stay inside their figure's outline, and every point of a channel on
//! its course wherever the point is shown.

use super::course_context::{Context, between_stations};
use super::{Reporter, duplicates};
use crate::load::parse::{Origin, Origins};
use crate::model::{Channel, Meridian, PlacedPath, Station, meridian_of};
use crate::placement::Lookup;
use crate::placement::runs::{PlacedRun, channel_runs, mirrors, to_paths};

/// Reports channel ids defined twice.
pub fn check_channel_ids(rep: &mut Reporter<'_>, context: &Context<'_>, origins: &Origins) {
    duplicates(
        rep,
        "channel",
        context
            .parts
            .channels
            .iter()
            .zip(&origins.channels)
            .map(|(c, o)| (c.id.as_str(), o, ".id".to_owned())),
    );
}

/// Checks one channel and returns its curves on every figure.
pub fn check_channel(
    rep: &mut Reporter<'_>,
    context: &Context<'_>,
    channel: &Channel,
    origin: &Origin,
) -> Vec<PlacedPath> {
    let meridian = meridian_of(&channel.id);
    if meridian.is_none() {
        let known: Vec<&str> = Meridian::ALL
            .iter()
            .filter(|m| **m != Meridian::EX)
            .map(|m| m.abbreviation())
            .collect();
        rep.at(
            origin,
            ".id",
            format!(
                "unknown channel `{}`; channels are named by the abbreviation in their points' codes: {}",
                channel.id,
                known.join(", ")
            ),
        );
    }
    if channel.name.trim().is_empty() {
        rep.at(origin, ".name", "the name must not be empty");
    }
    if channel.course.trim().is_empty() {
        rep.at(
            origin,
            ".course",
            "describe the course in a sentence (it is shown beside the point)",
        );
    }
    let mut stations_ok = true;
    for (i, path) in channel.paths.iter().enumerate() {
        if path.len() < 2 {
            rep.at(
                origin,
                &format!(".paths[{i}]"),
                "a run needs at least two stations",
            );
        }
        for (j, station) in path.iter().enumerate() {
            let at = || format!(".paths[{i}][{j}].0");
            match station {
                Station::Point(code) => match context.point(code.as_str()) {
                    None => {
                        stations_ok = false;
                        rep.at(origin, &at(), format!("unknown point `{code}`"));
                    }
                    Some(point) if meridian.is_some_and(|m| m != point.meridian) => {
                        stations_ok = false;
                        rep.at(
                            origin,
                            &at(),
                            format!(
                                "`{code}` is a point of the {} channel, not of {}; pass it with a waypoint",
                                point.meridian.abbreviation(),
                                channel.id
                            ),
                        );
                    }
                    Some(_) => {}
                },
                Station::Via(rule) => context.check_rule(rep, origin, rule, &at, "waypoint"),
            }
        }
    }
    let on_course = if stations_ok { meridian } else { None };
    place_on_figures(rep, context, origin, channel, on_course)
}

/// The channel's curves on every figure, with a problem for each run that leaves a figure's
/// outline; `on_course` (the channel's meridian, when its stations are sound) also asks that
/// every point of the meridian a figure shows is passed where the figure draws the channel.
fn place_on_figures(
    rep: &mut Reporter<'_>,
    context: &Context<'_>,
    origin: &Origin,
    channel: &Channel,
    on_course: Option<Meridian>,
) -> Vec<PlacedPath> {
    let mut paths = Vec::new();
    for (f, indexed) in context.figures.iter().enumerate() {
        let figure = indexed.figure();
        let runs = channel_runs(channel, indexed, |c| context.site_on(c.as_str(), f));
        for run in &runs {
            if let Some((stretch, p)) = context.first_outside(f, run, mirrors(figure, run)) {
                let (a, b) = between_stations(&run.stations, &run.curve, stretch);
                rep.at(
                    origin,
                    &format!(".paths[{}][{a}]", run.index),
                    format!(
                        "the {} course leaves the outline of figure `{}` near ({:.3}, {:.3}), between stations {a} and {b} of run {}",
                        channel.id, figure.id, p.x, p.y, run.index
                    ),
                );
            }
            paths.extend(to_paths(figure, run));
        }
        // A channel drawn on a figure must pass every point of its own shown there; one that
        // the figure cannot draw at all (say a figure added with only a few landmarks) is
        // simply not drawn there.
        if !runs.is_empty()
            && let Some(meridian) = on_course
        {
            check_points_on_course(rep, context, origin, channel, meridian, f, &runs);
        }
    }
    paths
}

/// Every point of the channel shown on the figure must be a station of a run drawn there (the
/// caller asks only where some run is drawn).
fn check_points_on_course(
    rep: &mut Reporter<'_>,
    context: &Context<'_>,
    origin: &Origin,
    channel: &Channel,
    meridian: Meridian,
    figure_index: usize,
    runs: &[PlacedRun],
) {
    let Some(indexed) = context.figures.get(figure_index) else {
        return;
    };
    let figure = indexed.figure();
    let of_meridian = context
        .by_meridian
        .get(&meridian)
        .map_or(&[][..], Vec::as_slice);
    for &i in of_meridian {
        let Some(point) = context.parts.points.get(i) else {
            continue;
        };
        if context.site_of(i, figure_index).is_none() {
            continue;
        }
        let on_course = runs.iter().any(|run| {
            run.stations.iter().any(|(i, _)| {
                channel
                    .paths
                    .get(run.index)
                    .and_then(|p| p.get(*i))
                    .and_then(Station::code)
                    == Some(&point.code)
            })
        });
        if !on_course {
            rep.at(
                origin,
                ".paths",
                format!(
                    "`{}` is shown on figure `{}` but no run of the {} course passes through it there: add it as a station with a neighbour that figure can place",
                    point.code, figure.id, channel.id
                ),
            );
        }
    }
}
