//! The canvas a lesson's step describes: the body in the step's view with its condition's
//! points, some emphasised (and those labelled), one ringed with its ruler, the bones its words
//! use lit and tagged, framed on what it names, labels hidden for recall; or a
//! mechanism's diagram at one of its steps. The window's Present mode and the slides exported
//! by `lesson export` both start from here.

use super::{Banner, DiagramView, LabelStyle, Scene};
use crate::model::{Atlas, Lesson};
use std::collections::BTreeSet;

/// The scene of step `index` (from 0) of a lesson, with its banner; `None` when the step does
/// not exist or the atlas has no figure.
pub fn lesson_scene(atlas: &Atlas, lesson: &Lesson, index: usize) -> Option<Scene> {
    let step = lesson.step(index)?;
    let figure = lesson
        .view_of(step)
        .filter(|f| atlas.figure(f).is_some())
        .or_else(|| atlas.figures().first().map(|f| &f.id))?
        .clone();
    let condition = lesson
        .condition_of(step)
        .filter(|c| atlas.condition(c).is_some())
        .cloned();
    let points = atlas
        .condition_points(condition.as_ref())
        .iter()
        .map(|p| p.code.clone())
        .collect();
    let mut scene = Scene::new(figure, points);
    scene.condition = condition;
    scene.highlighted = step
        .points
        .iter()
        .filter(|c| atlas.point(c).is_some())
        .cloned()
        .collect();
    // Emphasised points and the ringed one are drawn even when the condition lacks them.
    for code in scene.highlighted.clone().iter().chain(step.select.iter()) {
        if atlas.point(code).is_some() && !scene.points.contains(code) {
            scene.points.push(code.clone());
        }
    }
    scene.selected = step.select.clone().filter(|c| atlas.point(c).is_some());
    scene.ruler = scene.selected.is_some();
    scene.region_key = true;
    // A step that names points labels exactly those, all of them: the other points are there
    // for context, dimmed, and would only crowd the named ones' labels out.
    if !scene.highlighted.is_empty() {
        let named = scene.highlighted.iter().chain(&scene.selected).cloned();
        scene.label_only = Some(named.collect());
    }
    if step.recall {
        scene.label_only = Some(BTreeSet::new());
    }
    // Landmarks the words use: the bones drawn, the named ones lit and tagged.
    scene.layers.named = step
        .structures
        .iter()
        .filter(|s| atlas.structure(s).is_some())
        .cloned()
        .collect();
    scene.layers.bones = !scene.layers.named.is_empty();
    scene.frame_step =
        scene.selected.is_some() || !scene.highlighted.is_empty() || !scene.layers.named.is_empty();
    scene.labels = LabelStyle::Code;
    scene.diagram = step.mechanism.as_ref().map(|m| DiagramView {
        mechanism: m.clone(),
        step: step.diagram_index(),
    });
    scene.banner = Some(Banner {
        title: step.title.to_string(),
        text: step.text.to_string(),
        counter: format!("{} · {} / {}", lesson.title, index + 1, lesson.steps.len()),
        note: None,
    });
    Some(scene)
}
