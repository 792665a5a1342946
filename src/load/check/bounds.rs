//! Bounds on the numbers of a drawing (a figure or a schematic): a frame in a sane range of
//! sizes, shapes inside their frame and with some length. A number that no drawing needs would
//! only make later checks and the painter work at absurd scales, so it is refused where it
//! stands, with the range it must lie in.

use super::Reporter;
use crate::load::parse::Origin;
use crate::model::{FigurePos, Shape};

/// The smallest side a frame may have, in its own units (the built-in figures are about 1).
pub const MIN_FRAME: f32 = 1e-4;
/// The largest side a frame may have (a photo measured in pixels is a few thousand).
pub const MAX_FRAME: f32 = 1e7;
/// How many times longer than the other one side of a frame may be.
pub const MAX_ASPECT: f32 = 100.0;
/// How far beyond its frame a shape may reach, as a share of the frame's larger side (an
/// outline's ink at the edge of the page).
const SHAPE_MARGIN: f32 = 0.05;

/// A number as a reader would write it: plain where that is short, with an exponent where the
/// plain form would run to dozens of digits.
pub fn number(v: f32) -> String {
    if v != 0.0 && v.is_finite() && !(1e-3..1e6).contains(&v.abs()) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

/// What is wrong with a frame of this size, if anything.
pub fn frame_problem((w, h): (f32, f32)) -> Option<String> {
    let sane = |v: f32| v.is_finite() && (MIN_FRAME..=MAX_FRAME).contains(&v);
    if !(sane(w) && sane(h)) {
        return Some(format!(
            "size must be two numbers between {} and {} (the frame's width and height in its own units), not {} x {}",
            number(MIN_FRAME),
            number(MAX_FRAME),
            number(w),
            number(h)
        ));
    }
    (w.max(h) > MAX_ASPECT * w.min(h)).then(|| {
        format!(
            "size {} x {} is more than {MAX_ASPECT} times as long one way as the other; no view of a body is that narrow",
            number(w),
            number(h)
        )
    })
}

/// Whether `at` lies inside a frame of this size (its edges count).
pub fn in_frame(at: FigurePos, (w, h): (f32, f32)) -> bool {
    (0.0..=w).contains(&at.x) && (0.0..=h).contains(&at.y)
}

/// Reports shapes with fewer than two points, with numbers that are not finite, reaching far
/// outside the frame, or with no length at all. Each shape is reported at its first bad point,
/// with how many more there are, not once for each of perhaps a million.
pub fn check_shapes(rep: &mut Reporter<'_>, origin: &Origin, shapes: &[Shape], size: (f32, f32)) {
    let margin = SHAPE_MARGIN * size.0.max(size.1);
    let near_frame = |p: &FigurePos| {
        (-margin..=size.0 + margin).contains(&p.x) && (-margin..=size.1 + margin).contains(&p.y)
    };
    let frame_ok = frame_problem(size).is_none();
    for (s, shape) in shapes.iter().enumerate() {
        if shape.points.len() < 2 {
            rep.at(
                origin,
                &format!(".shapes[{s}]"),
                "a shape needs at least two points",
            );
            continue;
        }
        let bad = |ok: &dyn Fn(&FigurePos) -> bool| {
            let first = shape.points.iter().position(|p| !ok(p))?;
            let more = shape
                .points
                .iter()
                .skip(first + 1)
                .filter(|p| !ok(p))
                .count();
            Some((first, more))
        };
        let and_more = |more: usize| match more {
            0 => String::new(),
            1 => " (and 1 more point of this shape)".to_owned(),
            n => format!(" (and {n} more points of this shape)"),
        };
        if let Some((p, more)) = bad(&|p| p.is_finite()) {
            rep.at(
                origin,
                &format!(".shapes[{s}].points[{p}]"),
                format!("coordinates must be finite numbers{}", and_more(more)),
            );
            continue;
        }
        if frame_ok && let Some((p, more)) = bad(&near_frame) {
            let at = shape
                .points
                .get(p)
                .copied()
                .unwrap_or(FigurePos::new(0.0, 0.0));
            rep.at(
                origin,
                &format!(".shapes[{s}].points[{p}]"),
                format!(
                    "({}, {}) lies outside the frame ({} x {}); a shape is drawn inside it{}",
                    number(at.x),
                    number(at.y),
                    number(size.0),
                    number(size.1),
                    and_more(more)
                ),
            );
        }
        let first = shape.points.first().copied();
        if shape.points.iter().all(|p| Some(*p) == first) {
            rep.at(
                origin,
                &format!(".shapes[{s}]"),
                "a shape whose points are all at one place draws nothing; give it some length",
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_from_tiny_to_huge_are_refused_and_sane_ones_pass() {
        for size in [
            (1e-7, 1e-7),
            (1e30, 1e30),
            (1.0, 0.0),
            (f32::NAN, 1.0),
            (1.0, 500.0),
        ] {
            assert!(frame_problem(size).is_some(), "{size:?}");
        }
        for size in [
            (1.0, 1.0),
            (0.322, 1.0),
            (4000.0, 3000.0),
            (3.22e-4, 1e-3),
            (1.254e6, 1e6),
        ] {
            assert_eq!(frame_problem(size), None, "{size:?}");
        }
        let text = frame_problem((1e30, 1e30)).unwrap_or_default();
        assert!(text.contains("not 1e30 x 1e30"), "{text}");
    }

    #[test]
    fn numbers_far_from_one_are_written_with_an_exponent() {
        assert_eq!(number(3.4e38), "3.4e38");
        assert_eq!(number(0.8), "0.8");
        assert_eq!(number(1e-7), "1e-7");
        assert_eq!(number(0.0), "0");
    }
}
