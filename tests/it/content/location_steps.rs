//! Each step of locating a point draws what it says: a "Measure" step that counts cun or
//! splits a line has a line to measure along on every figure that shows the point (a span
//! named apart from the placement, as GV20's hairline scale, on the figures that define it,
//! at least one), and a "Landmark" step lights its landmark on both sides of a bilateral
//! point.

use super::atlas;
use acupoint_atlas::model::{Figure, Laterality, Point};
use acupoint_atlas::placement::step_marks::{landmark_lit, measure_lines};

/// Whether a Measure step's words send the reader along a ruler or a span: a count of cun, a
/// scale, or a line split into parts. "No cun count: …" steps measure nothing.
fn mentions_a_ruler_or_span(text: &str) -> bool {
    let lower = text.to_lowercase();
    if lower.starts_with("no ") {
        return false;
    }
    let counts_cun = lower
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c.is_alphabetic()))
        .zip(
            lower
                .split(|c: char| !(c.is_ascii_digit() || c == '.' || c.is_alphabetic()))
                .skip(1),
        )
        .any(|(n, unit)| unit == "cun" && n.parse::<f32>().is_ok());
    counts_cun
        || ["ruler", "span", "scale", "third", "split the line"]
            .iter()
            .any(|w| lower.contains(w))
}

/// The figures that show a point (close-ups included).
fn figures_of(point: &Point) -> impl Iterator<Item = &'static Figure> + '_ {
    atlas()
        .figures()
        .iter()
        .filter(move |f| atlas().sites_on(&point.code, &f.id).next().is_some())
}

#[test]
fn every_measure_step_that_names_a_ruler_or_span_has_a_line_to_draw() {
    let mut missing = Vec::new();
    let mut checked = 0;
    for point in atlas().points() {
        if !mentions_a_ruler_or_span(&point.location.measure) {
            continue;
        }
        let mut drawn_somewhere = false;
        for figure in figures_of(point) {
            checked += 1;
            let drawn = !measure_lines(point, figure).is_empty();
            drawn_somewhere |= drawn;
            let named_apart = point
                .location
                .ruler
                .as_ref()
                .is_some_and(|s| figure.span(s).is_none());
            if !drawn && !named_apart {
                missing.push(format!("{} on {}", point.code, figure.id));
            }
        }
        if !drawn_somewhere {
            missing.push(format!("{} on any figure", point.code));
        }
    }
    assert!(checked > 20, "only {checked} steps checked");
    assert!(missing.is_empty(), "no line to measure along: {missing:?}");
}

#[test]
fn gb30s_measure_step_splits_the_trochanter_to_hiatus_line_in_thirds() {
    let gb30 = atlas()
        .points()
        .iter()
        .find(|p| p.code.as_str() == "GB30")
        .unwrap();
    assert!(mentions_a_ruler_or_span(&gb30.location.measure));
    let posterior = figures_of(gb30)
        .find(|f| f.id.as_str() == "posterior")
        .unwrap();
    let lines = measure_lines(gb30, posterior);
    assert_eq!(lines.len(), 2, "one line on each side");
    for line in &lines {
        assert_eq!(line.marks.len(), 4, "the ends and the two thirds between");
    }
}

#[test]
fn every_landmark_step_of_a_bilateral_point_lights_both_sides() {
    let mut one_sided = Vec::new();
    for point in atlas()
        .points()
        .iter()
        .filter(|p| p.laterality == Laterality::Bilateral)
    {
        for figure in figures_of(point) {
            let Some(mid) = figure.midline_x else {
                continue;
            };
            let lit = landmark_lit(atlas(), point, figure);
            let near = 1e-3;
            let on_midline = !lit.is_empty() && lit.iter().all(|p| (p.x - mid).abs() < near);
            let left = lit.iter().any(|p| p.x < mid - near);
            let right = lit.iter().any(|p| p.x > mid + near);
            if !(on_midline || (left && right)) {
                one_sided.push(format!("{} on {}", point.code, figure.id));
            }
        }
    }
    assert!(
        one_sided.is_empty(),
        "landmark lit on one side only: {one_sided:?}"
    );
}

#[test]
fn the_measure_words_test_tells_a_count_from_no_count() {
    assert!(mentions_a_ruler_or_span("Go 1.5 cun down the midline"));
    assert!(mentions_a_ruler_or_span("on the 16-cun scale"));
    assert!(mentions_a_ruler_or_span("Split the line into thirds"));
    assert!(!mentions_a_ruler_or_span(
        "No cun count: move a little forward."
    ));
    assert!(!mentions_a_ruler_or_span(
        "Take the midpoint of the crease."
    ));
}
