//! Checks of the anatomical structures (bones, nerves, muscles): ids, the landmarks they mark,
//! the conditions and points they name, positions some figure can place, and curves that stay
//! inside their figure's outline.

use super::course_context::{Context, between_stations};
use super::{Reporter, duplicates};
use crate::load::parse::{Origin, Origins};
use crate::model::{Form, PlacedPath, Structure, is_plain_id};
use crate::placement::Lookup;
use crate::placement::runs::{mirrors, structure_runs, to_paths};

/// Reports structure ids defined twice.
pub fn check_structure_ids(rep: &mut Reporter<'_>, context: &Context<'_>, origins: &Origins) {
    duplicates(
        rep,
        "structure id",
        context
            .parts
            .structures
            .iter()
            .zip(&origins.structures)
            .map(|(s, o)| (s.id.as_str(), o, ".id".to_owned())),
    );
}

/// Checks one structure and returns its curves on every figure.
pub fn check_structure(
    rep: &mut Reporter<'_>,
    context: &Context<'_>,
    structure: &Structure,
    origin: &Origin,
) -> Vec<PlacedPath> {
    check_names(rep, context, structure, origin);
    let mut paths = Vec::new();
    for (f, indexed) in context.figures.iter().enumerate() {
        let figure = indexed.figure();
        for run in structure_runs(structure, indexed) {
            if let Some((stretch, p)) = context.first_outside(f, &run, mirrors(figure, &run)) {
                let (a, _) = between_stations(&run.stations, &run.curve, stretch);
                let sub = match structure.forms.get(run.index) {
                    Some(Form::Line(_) | Form::Loop(_)) => {
                        format!(".forms[{}].0[{a}]", run.index)
                    }
                    _ => format!(".forms[{}]", run.index),
                };
                rep.at(
                    origin,
                    &sub,
                    format!(
                        "`{}` leaves the outline of figure `{}` near ({:.3}, {:.3})",
                        structure.id, figure.id, p.x, p.y
                    ),
                );
            }
            paths.extend(to_paths(figure, &run));
        }
    }
    paths
}

/// The ids, names, landmarks, conditions, points and positions one structure names.
fn check_names(
    rep: &mut Reporter<'_>,
    context: &Context<'_>,
    structure: &Structure,
    origin: &Origin,
) {
    if !is_plain_id(structure.id.as_str()) {
        rep.at(
            origin,
            ".id",
            "an id may hold only letters, digits, `-` and `_`",
        );
    }
    if structure.name.trim().is_empty() {
        rep.at(origin, ".name", "the name must not be empty");
    }
    if structure.forms.is_empty() {
        rep.at(
            origin,
            ".forms",
            "a structure needs at least one form to draw",
        );
    }
    for (i, landmark) in structure.marks.iter().enumerate() {
        if !context.landmarks.contains(landmark.as_str()) {
            rep.at(
                origin,
                &format!(".marks[{i}]"),
                format!("unknown landmark `{landmark}` (no figure defines it)"),
            );
        }
    }
    for (i, condition) in structure.shown_with.iter().enumerate() {
        if !context.conditions.contains(condition.as_str()) {
            rep.at(
                origin,
                &format!(".shown_with[{i}]"),
                format!("unknown condition `{condition}`"),
            );
        }
    }
    for (i, spot) in structure.spots.iter().enumerate() {
        if !structure.marks(&spot.landmark) {
            rep.at(
                origin,
                &format!(".spots[{i}].landmark"),
                format!(
                    "`{}` is not one of the landmarks this structure marks",
                    spot.landmark
                ),
            );
        }
    }
    for (i, code) in structure.points.iter().enumerate() {
        if context.point(code.as_str()).is_none() {
            rep.at(
                origin,
                &format!(".points[{i}]"),
                format!("unknown point `{code}`"),
            );
        }
    }
    for (i, form) in structure.forms.iter().enumerate() {
        for (sub, rule) in form.rules() {
            let at = || format!(".forms[{i}]{sub}");
            context.check_rule(rep, origin, rule, &at, "position");
        }
        match form {
            Form::Oval { width, .. } if !(width.is_finite() && *width > 0.0) => rep.at(
                origin,
                &format!(".forms[{i}].width"),
                format!("an oval's width must be a positive share of its length, not {width}"),
            ),
            Form::Line(rules) if rules.len() < 2 => rep.at(
                origin,
                &format!(".forms[{i}]"),
                "a line needs at least two positions",
            ),
            Form::Loop(rules) if rules.len() < 3 => rep.at(
                origin,
                &format!(".forms[{i}]"),
                "a loop needs at least three positions",
            ),
            _ => {}
        }
    }
}
