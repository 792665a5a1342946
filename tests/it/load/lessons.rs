//! Damaged lessons, diagrams and schematics: every problem at `file:line:col`, on a copy of the
//! built-in atlas, and a lesson file read on its own is checked the same way.

use crate::common::fixture::{AtlasCopy, line_col};
use acupoint_atlas::load::{load_builtin, load_dir, load_lesson_file};

const LESSON: &str = "lessons/chronic-back-pain.ron";

#[test]
fn the_copied_atlas_loads_with_its_lesson_and_diagrams() {
    let copy = AtlasCopy::builtin();
    let atlas = load_dir(copy.dir.path()).unwrap();
    assert_eq!(atlas.lessons().len(), 1);
    assert_eq!(atlas.diagrams().len(), atlas.mechanisms().len());
}

#[test]
fn a_lesson_naming_an_unknown_point_is_reported_at_the_code() {
    let copy = AtlasCopy::builtin();
    let at = copy.edit(LESSON, "\"BL24\"", "\"XX99\"");
    copy.expect_at(LESSON, at, "unknown point `XX99`");
}

#[test]
fn a_lesson_naming_an_unknown_view_lists_the_known_ones() {
    let copy = AtlasCopy::builtin();
    let at = copy.edit(LESSON, "Some(\"posterior\")", "Some(\"backside\")");
    copy.expect_at(LESSON, at, "unknown view `backside`; known: anterior,");
}

#[test]
fn a_lesson_naming_an_unknown_mechanism_is_reported_at_the_id() {
    let copy = AtlasCopy::builtin();
    let at = copy.edit(LESSON, "Some(\"adenosine\")", "Some(\"adenosin\")");
    copy.expect_at(LESSON, at, "unknown mechanism `adenosin`");
}

#[test]
fn a_diagram_step_beyond_the_diagram_is_reported_with_the_range() {
    let copy = AtlasCopy::builtin();
    let at = copy.edit_after(LESSON, "\"adenosine\"", "Some(2)", "Some(9)");
    copy.expect_at(LESSON, at, "has steps 1 to 4, not 9");
}

#[test]
fn a_diagram_lighting_an_unknown_structure_is_reported_at_its_name() {
    let copy = AtlasCopy::builtin();
    let rel = "diagrams/adenosine.ron";
    let at = copy.edit(
        rel,
        "\"tissue-around-needle\", \"muscle\"",
        "\"tissue\", \"muscle\"",
    );
    copy.expect_at(rel, at, "unknown structure `tissue`");
}

#[test]
fn a_step_graded_above_its_mechanism_is_refused_at_its_grade() {
    let copy = AtlasCopy::builtin();
    let rel = "diagrams/adenosine.ron";
    let at = copy.edit(rel, "AnimalStudies", "HumanStudies");
    copy.expect_at(rel, at, "a step may not claim more than its mechanism");
}

#[test]
fn a_diagram_of_two_steps_is_refused() {
    let copy = AtlasCopy::builtin();
    let rel = "diagrams/circulation.ron";
    let text = std::fs::read_to_string(copy.path(rel)).unwrap();
    let last = text
        .rfind("        (\n            title: \"Does it ease the pain?\"")
        .unwrap();
    let end = text.rfind("    ],\n)").unwrap();
    let mut cut = text.clone();
    cut.replace_range(last..end, "");
    std::fs::write(copy.path(rel), cut).unwrap();
    let at = line_col(&text, text.find("steps: [").unwrap() + "steps: ".len());
    copy.expect_at(rel, at, "a diagram has 3 to 8 steps, not 2");
}

#[test]
fn a_structure_placed_from_an_unknown_landmark_is_reported_where_it_is_named() {
    let copy = AtlasCopy::builtin();
    let rel = "schematics/nervous-system.ron";
    let at = copy.edit_after(rel, "(id: \"pag\"", "At(\"midbrain\")", "At(\"mid-brain\")");
    let at = (at.0, at.1 + "At(".len());
    copy.expect_at(rel, at, "unknown landmark `mid-brain`");
}

#[test]
fn a_lesson_file_read_on_its_own_is_checked_against_the_atlas() {
    let atlas = load_builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("my-lesson.ron");
    let text = "Lesson(\n    title: \"Mine\",\n    steps: [\n        (title: \"One\", note: \"n\", select: Some(\"BL99\")),\n        (title: \"Two\", note: \"n\", mechanism: Some(\"adenosine\"), diagram_step: Some(3)),\n    ],\n)\n";
    std::fs::write(&path, text).unwrap();
    let problems = load_lesson_file(&atlas, &path).unwrap_err();
    let (line, col) = line_col(text, text.find("Some(\"BL99\")").unwrap());
    let want = format!("{}:{line}:{col}: ", path.display());
    assert!(
        problems
            .iter()
            .any(|p| p.to_string().starts_with(&want) && p.message.contains("unknown point `BL99`")),
        "{problems}"
    );
    std::fs::write(&path, text.replace("BL99", "BL23")).unwrap();
    let lesson = load_lesson_file(&atlas, &path).unwrap();
    assert_eq!(lesson.id.as_str(), "my-lesson");
    assert_eq!(lesson.steps.len(), 2);
}

#[test]
fn a_lesson_file_with_a_syntax_error_is_reported_at_its_place() {
    let atlas = load_builtin().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.ron");
    std::fs::write(&path, "Lesson(\n    title: \"Mine\",\n    stepz: [],\n)\n").unwrap();
    let problems = load_lesson_file(&atlas, &path).unwrap_err();
    let first = problems.iter().next().unwrap();
    assert_eq!(first.pos.map(|p| p.line), Some(3), "{problems}");
}

#[test]
fn a_step_whose_words_name_a_point_it_does_not_show_is_reported_at_its_text() {
    let copy = AtlasCopy::builtin();
    let at = copy.edit(
        LESSON,
        "\"Local points lie in",
        "\"Local points, such as BL54, lie in",
    );
    copy.expect_at(
        LESSON,
        at,
        "the step's words name BL54 but the step does not show it",
    );
}

#[test]
fn a_step_naming_an_unknown_structure_is_reported_at_its_name() {
    let copy = AtlasCopy::builtin();
    let at = copy.edit(LESSON, "\"l2_spinous\"]", "\"l9_spinous\"]");
    copy.expect_at(LESSON, at, "unknown structure `l9_spinous`");
}
