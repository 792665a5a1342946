//! Every id an atlas defines is plain (letters, digits, `-`, `_`, at most 64): ids become file
//! names ("Export view…" names its file after the figure) and appear in messages, so an id such
//! as `../../tmp/x` is refused where it is defined.

use super::Reporter;
use crate::load::parse::{Origin, Origins};
use crate::model::{AtlasParts, MAX_ID_CHARS, is_plain_id};

pub fn check_ids_are_plain(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) {
    for (figure, origin) in parts.figures.iter().zip(&origins.figures) {
        plain(rep, origin, ".id", "figure id", figure.id.as_str());
        for (i, landmark) in figure.landmarks.iter().enumerate() {
            let at = format!(".landmarks[{i}].id");
            plain(rep, origin, &at, "landmark id", landmark.id.as_str());
        }
        for (i, span) in figure.spans.iter().enumerate() {
            plain(
                rep,
                origin,
                &format!(".spans[{i}].id"),
                "span id",
                span.id.as_str(),
            );
        }
    }
    for (point, origin) in parts.points.iter().zip(&origins.points) {
        plain(rep, origin, ".code", "point code", point.code.as_str());
    }
    for (region, origin) in parts.regions.iter().zip(&origins.regions) {
        plain(rep, origin, ".id", "region id", region.id.as_str());
    }
    for (condition, origin) in parts.conditions.iter().zip(&origins.conditions) {
        plain(rep, origin, ".id", "condition id", condition.id.as_str());
    }
    for (mechanism, origin) in parts.mechanisms.iter().zip(&origins.mechanisms) {
        plain(rep, origin, ".id", "mechanism id", mechanism.id.as_str());
    }
    for (reference, origin) in parts.references.iter().zip(&origins.references) {
        plain(rep, origin, ".id", "reference id", reference.id.as_str());
    }
    for (schematic, origin) in parts.schematics.iter().zip(&origins.schematics) {
        plain(rep, origin, ".id", "schematic id", schematic.id.as_str());
        for (i, landmark) in schematic.landmarks.iter().enumerate() {
            let at = format!(".landmarks[{i}].id");
            plain(rep, origin, &at, "landmark id", landmark.id.as_str());
        }
        for (i, structure) in schematic.structures.iter().enumerate() {
            let at = format!(".structures[{i}].id");
            plain(rep, origin, &at, "structure id", structure.id.as_str());
        }
    }
}

fn plain(rep: &mut Reporter<'_>, origin: &Origin, sub: &str, what: &str, id: &str) {
    if !is_plain_id(id) {
        rep.at(
            origin,
            sub,
            format!(
                "{what} `{}` is not plain: use 1 to {MAX_ID_CHARS} letters, digits, `-` and `_`",
                id.escape_debug()
            ),
        );
    }
}
