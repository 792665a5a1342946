//! Checks of schematics and mechanism diagrams: landmarks and structures placed inside the
//! frame, every structure and mechanism named resolves, 3 to 8 steps with text, and no step
//! graded above its mechanism.

use super::bounds::{check_shapes, frame_problem, in_frame, number};
use super::content::require_text;
use super::{Reporter, duplicates};
use crate::load::parse::{Origin, Origins};
use crate::load::unread::IdKind;
use crate::model::{
    AtlasParts, DIAGRAM_STEPS, Diagram, Geometry, PartId, Schematic, SchematicRule,
};

pub fn check_diagrams(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) {
    duplicates(
        rep,
        "schematic id",
        parts
            .schematics
            .iter()
            .zip(&origins.schematics)
            .map(|(s, o)| (s.id.as_str(), o, ".id".to_owned())),
    );
    for (schematic, origin) in parts.schematics.iter().zip(&origins.schematics) {
        check_schematic(rep, schematic, origin);
    }
    duplicates(
        rep,
        "diagram of mechanism",
        parts
            .diagrams
            .iter()
            .zip(&origins.diagrams)
            .map(|(d, o)| (d.mechanism.as_str(), o, ".mechanism".to_owned())),
    );
    for (diagram, origin) in parts.diagrams.iter().zip(&origins.diagrams) {
        check_diagram(rep, parts, diagram, origin);
    }
}

fn check_schematic(rep: &mut Reporter<'_>, schematic: &Schematic, origin: &Origin) {
    let (w, h) = schematic.size;
    if let Some(why) = frame_problem(schematic.size) {
        rep.at(origin, ".size", why);
    }
    require_text(rep, origin, ".title", &schematic.title);
    check_shapes(rep, origin, &schematic.shapes, schematic.size);
    for (i, area) in schematic.areas.iter().enumerate() {
        require_text(rep, origin, &format!(".areas[{i}].text"), &area.text);
        check_rule(rep, schematic, origin, &format!(".areas[{i}].at"), &area.at);
    }
    duplicates(
        rep,
        "landmark id",
        schematic
            .landmarks
            .iter()
            .enumerate()
            .map(|(i, l)| (l.id.as_str(), origin, format!(".landmarks[{i}].id"))),
    );
    for (i, landmark) in schematic.landmarks.iter().enumerate() {
        if !landmark.at.is_finite() || !in_frame(landmark.at, schematic.size) {
            rep.at(
                origin,
                &format!(".landmarks[{i}].at"),
                format!(
                    "landmark `{}` must lie inside the schematic's frame ({w} x {h})",
                    landmark.id
                ),
            );
        }
    }
    duplicates(
        rep,
        "structure id",
        schematic
            .structures
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), origin, format!(".structures[{i}].id"))),
    );
    for (i, structure) in schematic.structures.iter().enumerate() {
        check_structure(rep, schematic, origin, i, structure);
    }
}

/// Checks one structure: its name, anchor and the rules of its geometry.
fn check_structure(
    rep: &mut Reporter<'_>,
    schematic: &Schematic,
    origin: &Origin,
    i: usize,
    structure: &crate::model::SchematicPart,
) {
    let at = format!(".structures[{i}]");
    require_text(rep, origin, &format!("{at}.name"), &structure.name);
    if !(0.0..=1.0).contains(&structure.anchor) {
        rep.at(
            origin,
            &format!("{at}.anchor"),
            "anchor must be between 0 and 1",
        );
    }
    let geometry = format!("{at}.geometry");
    match &structure.geometry {
        Geometry::Blob { at: rule, size } => {
            check_rule(rep, schematic, origin, &format!("{geometry}.at"), rule);
            let fits = |v: f32, side: f32| v.is_finite() && v > 0.0 && v <= side;
            if !(fits(size.0, schematic.size.0) && fits(size.1, schematic.size.1)) {
                rep.at(
                    origin,
                    &format!("{geometry}.size"),
                    format!(
                        "size must be two positive numbers no larger than the schematic ({} x {}), not {} x {}",
                        number(schematic.size.0),
                        number(schematic.size.1),
                        number(size.0),
                        number(size.1)
                    ),
                );
            }
        }
        Geometry::Band { from, to, width } => {
            check_rule(rep, schematic, origin, &format!("{geometry}.from"), from);
            check_rule(rep, schematic, origin, &format!("{geometry}.to"), to);
            let side = schematic.size.0.max(schematic.size.1);
            if !(width.is_finite() && *width > 0.0 && *width <= side) {
                rep.at(
                    origin,
                    &format!("{geometry}.width"),
                    format!(
                        "width must be a positive number no larger than the schematic ({}), not {}",
                        number(side),
                        number(*width)
                    ),
                );
            }
        }
        Geometry::Needle { from, to } => {
            check_rule(rep, schematic, origin, &format!("{geometry}.from"), from);
            check_rule(rep, schematic, origin, &format!("{geometry}.to"), to);
        }
        Geometry::Path { through } => {
            if through.len() < 2 {
                rep.at(
                    origin,
                    &format!("{geometry}.through"),
                    "a path needs at least two positions",
                );
            }
            for (j, rule) in through.iter().enumerate() {
                check_rule(
                    rep,
                    schematic,
                    origin,
                    &format!("{geometry}.through[{j}]"),
                    rule,
                );
            }
        }
    }
}

/// Reports a rule that names an unknown landmark, has a number that is not finite, or puts a
/// position outside the frame.
fn check_rule(
    rep: &mut Reporter<'_>,
    schematic: &Schematic,
    origin: &Origin,
    at: &str,
    rule: &SchematicRule,
) {
    let mut known = true;
    let fields: &[&str] = match rule {
        SchematicRule::At(_) => &[".0"],
        _ => &[".from", ".to"],
    };
    for (id, field) in rule.landmarks().into_iter().zip(fields) {
        if schematic.landmark(id).is_none() {
            known = false;
            rep.at(
                origin,
                &format!("{at}{field}"),
                format!(
                    "unknown landmark `{id}` (schematic `{}` does not define it)",
                    schematic.id
                ),
            );
        }
    }
    let numbers: Vec<(&str, f32)> = match rule {
        SchematicRule::At(_) => Vec::new(),
        SchematicRule::Between { fraction, .. } => vec![("fraction", *fraction)],
        SchematicRule::Offset { along, across, .. } => {
            vec![("along", *along), ("across", *across)]
        }
    };
    for (name, value) in numbers {
        if !value.is_finite() {
            known = false;
            rep.at(
                origin,
                &format!("{at}.{name}"),
                format!("`{name}` must be a finite number, not {value}"),
            );
        }
    }
    if known
        && let Some(p) = rule.place(schematic)
        && !in_frame(p, schematic.size)
    {
        rep.at(
            origin,
            at,
            format!(
                "this places the structure outside the schematic's frame, at ({:.1}, {:.1})",
                p.x, p.y
            ),
        );
    }
}

fn check_diagram(rep: &mut Reporter<'_>, parts: &AtlasParts, diagram: &Diagram, origin: &Origin) {
    let mechanism = parts.mechanisms.iter().find(|m| m.id == diagram.mechanism);
    if mechanism.is_none() {
        rep.unknown(
            IdKind::Mechanism,
            diagram.mechanism.as_str(),
            origin,
            ".mechanism",
            format!(
                "unknown mechanism `{}` (mechanisms.ron does not define it)",
                diagram.mechanism
            ),
        );
    }
    let schematic = parts.schematics.iter().find(|s| s.id == diagram.schematic);
    if schematic.is_none() {
        rep.unknown(
            IdKind::Schematic,
            diagram.schematic.as_str(),
            origin,
            ".schematic",
            format!(
                "unknown schematic `{}` (no file in schematics/ defines it)",
                diagram.schematic
            ),
        );
    }
    require_text(rep, origin, ".patient", &diagram.patient);
    if diagram.references.is_empty() {
        rep.at(origin, ".references", "a diagram names at least one source");
    }
    check_references(rep, parts, origin, ".references", &diagram.references);
    if !DIAGRAM_STEPS.contains(&diagram.steps.len()) {
        rep.at(
            origin,
            ".steps",
            format!(
                "a diagram has {} to {} steps, not {}",
                DIAGRAM_STEPS.start(),
                DIAGRAM_STEPS.end(),
                diagram.steps.len()
            ),
        );
    }
    for (i, step) in diagram.steps.iter().enumerate() {
        check_step(rep, diagram, mechanism, schematic, origin, i, step);
    }
}

/// Checks one step of a diagram: its words, its grade against the mechanism's, and that the
/// structures it lights, its arrows and its tags name the schematic's structures.
fn check_step(
    rep: &mut Reporter<'_>,
    diagram: &Diagram,
    mechanism: Option<&crate::model::Mechanism>,
    schematic: Option<&Schematic>,
    origin: &Origin,
    i: usize,
    step: &crate::model::DiagramStep,
) {
    let known = |id: &PartId| schematic.is_none_or(|s| s.structure(id).is_some());
    let unknown = |id: &PartId| {
        format!(
            "unknown structure `{id}` (schematic `{}` does not define it)",
            diagram.schematic
        )
    };
    let at = format!(".steps[{i}]");
    require_text(rep, origin, &format!("{at}.title"), &step.title);
    require_text(rep, origin, &format!("{at}.text"), &step.text);
    // A step may rest on stronger evidence than the proposal as a whole (the needle grasp was
    // measured, relief through it was not) only when its note says what was shown.
    if let Some(m) = mechanism
        && !step.grade.within(m.grade)
        && step
            .grade_note
            .as_deref()
            .is_none_or(|n| n.trim().is_empty())
    {
        rep.at(
            origin,
            &format!("{at}.grade"),
            format!(
                "a step may not claim more than its mechanism unless its `grade_note` says what was shown: `{}` is graded {}, this step {}",
                m.id,
                m.grade.label(),
                step.grade.label()
            ),
        );
    }
    if step.show.is_empty() {
        rep.at(
            origin,
            &format!("{at}.show"),
            "a step lights at least one structure",
        );
    }
    for (j, id) in step.show.iter().enumerate() {
        if !known(id) {
            rep.at(origin, &format!("{at}.show[{j}]"), unknown(id));
        }
    }
    for (j, arrow) in step.arrows.iter().enumerate() {
        let here = format!("{at}.arrows[{j}]");
        check_arrow(rep, origin, &here, arrow, schematic, &known, &unknown);
    }
    for (j, tag) in step.tags.iter().enumerate() {
        if !known(&tag.at) {
            rep.at(origin, &format!("{at}.tags[{j}].at"), unknown(&tag.at));
        }
        require_text(rep, origin, &format!("{at}.tags[{j}].text"), &tag.text);
    }
}

/// Checks one arrow of a step: its ends name known structures, it runs either along one
/// structure or from one to another (never to itself), and what it runs along is not a blob.
fn check_arrow(
    rep: &mut Reporter<'_>,
    origin: &Origin,
    here: &str,
    arrow: &crate::model::Arrow,
    schematic: Option<&Schematic>,
    known: &dyn Fn(&PartId) -> bool,
    unknown: &dyn Fn(&PartId) -> String,
) {
    let ends = [
        ("along", &arrow.along),
        ("from", &arrow.from),
        ("to", &arrow.to),
    ];
    for (field, id) in ends {
        if let Some(id) = id
            && !known(id)
        {
            rep.at(origin, &format!("{here}.{field}"), unknown(id));
        }
    }
    let between = arrow.from.is_some() && arrow.to.is_some();
    let one_end = arrow.from.is_some() != arrow.to.is_some();
    if arrow.along.is_some() == between || one_end {
        rep.at(
            origin,
            here,
            "an arrow runs either `along` one structure or `from` one `to` another",
        );
    }
    if let (Some(from), Some(to)) = (&arrow.from, &arrow.to)
        && from == to
    {
        rep.at(
            origin,
            &format!("{here}.to"),
            format!("this arrow runs from `{from}` to itself; an arrow joins two structures"),
        );
    }
    if let (Some(id), Some(s)) = (&arrow.along, schematic)
        && let Some(structure) = s.structure(id)
        && matches!(structure.geometry, Geometry::Blob { .. })
    {
        rep.at(
            origin,
            &format!("{here}.along"),
            format!("`{id}` is a blob; an arrow runs along a path, band or needle"),
        );
    }
}

/// Reports every reference id that `references.ron` does not define.
pub(super) fn check_references(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
    origin: &Origin,
    field: &str,
    ids: &[crate::model::ReferenceId],
) {
    for (i, id) in ids.iter().enumerate() {
        if !parts.references.iter().any(|r| &r.id == id) {
            rep.unknown(
                IdKind::Reference,
                id.as_str(),
                origin,
                &format!("{field}[{i}]"),
                format!("unknown reference `{id}` (references.ron does not define it)"),
            );
        }
    }
}
