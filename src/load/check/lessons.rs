//! Checks of lessons: a plain file name, a title and at least one step, and every view,
//! condition, point, structure and mechanism a step names resolves (a diagram step within its
//! diagram), and a step shows every point its words name.

use super::Reporter;
use super::content::require_text;
use crate::load::parse::Origin;
use crate::load::unread::IdKind;
use crate::model::{AtlasParts, Lesson, is_plain_id};

/// The most steps one lesson may have.
pub const MAX_LESSON_STEPS: usize = 99;

/// Checks every lesson of the atlas.
pub fn check_lessons(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &[Origin]) {
    for (lesson, origin) in parts.lessons.iter().zip(origins) {
        check_lesson(rep, parts, lesson, origin);
    }
}

/// Checks one lesson against the atlas's parts.
pub fn check_lesson(rep: &mut Reporter<'_>, parts: &AtlasParts, lesson: &Lesson, origin: &Origin) {
    if !is_plain_id(lesson.id.as_str()) {
        rep.at(
            origin,
            "",
            format!(
                "the lesson's file name `{}` may hold only letters, digits, `-` and `_` (it is the lesson's id)",
                lesson.id
            ),
        );
    }
    require_text(rep, origin, ".title", &lesson.title);
    super::diagrams::check_references(rep, parts, origin, ".references", &lesson.references);
    if lesson.steps.is_empty() || lesson.steps.len() > MAX_LESSON_STEPS {
        rep.at(
            origin,
            ".steps",
            format!(
                "a lesson has 1 to {MAX_LESSON_STEPS} steps, not {}",
                lesson.steps.len()
            ),
        );
    }
    let view = |id: &crate::model::FigureId| parts.figures.iter().any(|f| &f.id == id);
    let condition = |id: &crate::model::ConditionId| parts.conditions.iter().any(|c| &c.id == id);
    if let Some(id) = &lesson.view
        && !view(id)
    {
        let message = unknown_view(parts, id.as_str());
        rep.unknown(IdKind::Figure, id.as_str(), origin, ".view", message);
    }
    if let Some(id) = &lesson.condition
        && !condition(id)
    {
        let message = unknown_condition(parts, id.as_str());
        rep.unknown(
            IdKind::Condition,
            id.as_str(),
            origin,
            ".condition",
            message,
        );
    }
    for (i, step) in lesson.steps.iter().enumerate() {
        check_step(rep, parts, step, origin, &format!(".steps[{i}]"));
    }
}

/// Checks one step of a lesson: its words, and the view, condition, points and diagram it
/// names.
fn check_step(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
    step: &crate::model::LessonStep,
    origin: &Origin,
    at: &str,
) {
    let view = |id: &crate::model::FigureId| parts.figures.iter().any(|f| &f.id == id);
    let condition = |id: &crate::model::ConditionId| parts.conditions.iter().any(|c| &c.id == id);
    require_text(rep, origin, &format!("{at}.title"), &step.title);
    require_text(rep, origin, &format!("{at}.note"), &step.note);
    if let Some(id) = &step.view
        && !view(id)
    {
        let message = unknown_view(parts, id.as_str());
        rep.unknown(
            IdKind::Figure,
            id.as_str(),
            origin,
            &format!("{at}.view"),
            message,
        );
    }
    if let Some(id) = &step.condition
        && !condition(id)
    {
        let message = unknown_condition(parts, id.as_str());
        let sub = format!("{at}.condition");
        rep.unknown(IdKind::Condition, id.as_str(), origin, &sub, message);
    }
    let point = |code: &crate::model::PointCode| parts.points.iter().any(|p| &p.code == code);
    for (j, code) in step.points.iter().enumerate() {
        if !point(code) {
            let sub = format!("{at}.points[{j}]");
            let message = format!("unknown point `{code}`");
            rep.unknown(IdKind::Point, code.as_str(), origin, &sub, message);
        }
    }
    if let Some(code) = &step.select
        && !point(code)
    {
        let sub = format!("{at}.select");
        let message = format!("unknown point `{code}`");
        rep.unknown(IdKind::Point, code.as_str(), origin, &sub, message);
    }
    for (j, id) in step.structures.iter().enumerate() {
        if !parts.structures.iter().any(|s| &s.id == id) {
            rep.at(
                origin,
                &format!("{at}.structures[{j}]"),
                format!("unknown structure `{id}` (structures are defined in anatomy.ron)"),
            );
        }
    }
    check_named_codes(rep, parts, step, origin, at);
    check_diagram_step(rep, parts, step, origin, at);
}

/// A step whose words name a point should show it: a room reads "BL25" and looks for it. Every
/// point code in the step's title or text must be among its `points` or its `select`.
fn check_named_codes(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
    step: &crate::model::LessonStep,
    origin: &Origin,
    at: &str,
) {
    let shown = |code: &str| {
        step.points.iter().any(|c| c.as_str() == code)
            || step.select.as_ref().is_some_and(|c| c.as_str() == code)
    };
    let mut missing: Vec<&str> = Vec::new();
    for word in named_codes(parts, &format!("{} {}", step.title, step.text)) {
        if !shown(word) && !missing.contains(&word) {
            missing.push(word);
        }
    }
    if !missing.is_empty() {
        rep.at(
            origin,
            &format!("{at}.text"),
            format!(
                "the step's words name {} but the step does not show {}: add {} to `points` (or reword)",
                missing.join(", "),
                if missing.len() == 1 { "it" } else { "them" },
                if missing.len() == 1 { "it" } else { "them" },
            ),
        );
    }
}

/// The point codes of the atlas that `text` names, as whole words (`EX-UE7` whole, `BL23`
/// not inside `BL230`), in order.
fn named_codes<'p>(parts: &'p AtlasParts, text: &str) -> Vec<&'p str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| !w.is_empty())
        .filter_map(|w| {
            parts
                .points
                .iter()
                .find(|p| p.code.as_str() == w)
                .map(|p| p.code.as_str())
        })
        .collect()
}

fn check_diagram_step(
    rep: &mut Reporter<'_>,
    parts: &AtlasParts,
    step: &crate::model::LessonStep,
    origin: &Origin,
    at: &str,
) {
    let Some(id) = &step.mechanism else {
        if step.diagram_step.is_some() {
            rep.at(
                origin,
                &format!("{at}.diagram_step"),
                "`diagram_step` needs a `mechanism` whose diagram it shows",
            );
        }
        return;
    };
    if !parts.mechanisms.iter().any(|m| &m.id == id) {
        let known: Vec<&str> = parts.mechanisms.iter().map(|m| m.id.as_str()).collect();
        let message = format!("unknown mechanism `{id}`; known: {}", known.join(", "));
        let sub = format!("{at}.mechanism");
        rep.unknown(IdKind::Mechanism, id.as_str(), origin, &sub, message);
        return;
    }
    let Some(diagram) = parts.diagrams.iter().find(|d| &d.mechanism == id) else {
        rep.at(
            origin,
            &format!("{at}.mechanism"),
            format!("mechanism `{id}` has no diagram (add one in diagrams/)"),
        );
        return;
    };
    if let Some(n) = step.diagram_step
        && (n == 0 || n > diagram.steps.len())
    {
        rep.at(
            origin,
            &format!("{at}.diagram_step"),
            format!(
                "the diagram of `{id}` has steps 1 to {}, not {n}",
                diagram.steps.len()
            ),
        );
    }
    for (field, set) in [
        ("view", step.view.is_some()),
        ("select", step.select.is_some()),
        ("points", !step.points.is_empty()),
        ("structures", !step.structures.is_empty()),
    ] {
        if set {
            rep.at(
                origin,
                &format!("{at}.{field}"),
                format!(
                    "a step showing a mechanism's diagram shows no body, so `{field}` has no effect"
                ),
            );
        }
    }
}

fn unknown_view(parts: &AtlasParts, id: &str) -> String {
    let known: Vec<&str> = parts.figures.iter().map(|f| f.id.as_str()).collect();
    format!("unknown view `{id}`; known: {}", known.join(", "))
}

fn unknown_condition(parts: &AtlasParts, id: &str) -> String {
    let known: Vec<&str> = parts.conditions.iter().map(|c| c.id.as_str()).collect();
    format!("unknown condition `{id}`; known: {}", known.join(", "))
}
