//! Checks of figures: ids, landmarks, spans and numbers.

use super::bounds::{check_shapes, frame_problem, in_frame, number};
use super::{Reporter, duplicates};
use crate::load::parse::{Origin, Origins};
use crate::model::{AtlasParts, Facing, Figure, Landmark};
use crate::placement::MIN_SPAN_CUN;
use rustc_hash::FxHashMap as HashMap;

pub fn check_figures(rep: &mut Reporter<'_>, parts: &AtlasParts, origins: &Origins) {
    duplicates(
        rep,
        "figure id",
        parts
            .figures
            .iter()
            .zip(&origins.figures)
            .map(|(f, o)| (f.id.as_str(), o, ".id".to_owned())),
    );
    for (figure, origin) in parts.figures.iter().zip(&origins.figures) {
        let (w, h) = figure.size;
        let frame = frame_problem(figure.size);
        if let Some(why) = &frame {
            rep.at(origin, ".size", why.clone());
        }
        if let Some(m) = figure.midline_x {
            if !m.is_finite() || m < 0.0 || m > w {
                rep.at(
                    origin,
                    ".midline_x",
                    "midline_x must lie inside the figure's width",
                );
            }
            if figure.facing == Facing::Lateral {
                rep.at(
                    origin,
                    ".midline_x",
                    "a Lateral figure shows one side and has no midline; use None",
                );
            }
        }
        check_shapes(rep, origin, &figure.shapes, figure.size);
        duplicates(
            rep,
            "landmark id",
            figure
                .landmarks
                .iter()
                .enumerate()
                .map(|(i, l)| (l.id.as_str(), origin, format!(".landmarks[{i}].id"))),
        );
        for (i, landmark) in figure.landmarks.iter().enumerate() {
            if !landmark.at.is_finite() {
                rep.at(
                    origin,
                    &format!(".landmarks[{i}].at"),
                    "coordinates must be finite numbers",
                );
            } else if frame.is_none() && !in_frame(landmark.at, figure.size) {
                rep.at(
                    origin,
                    &format!(".landmarks[{i}].at"),
                    format!(
                        "landmark `{}` lies outside the figure's frame ({} x {})",
                        landmark.id,
                        number(w),
                        number(h)
                    ),
                );
            }
        }
        check_spans(rep, figure, origin);
    }
}

/// The longest span in cun: the longest proportional measures of the body (thigh, 19 cun; the
/// back's height in some systems) are about 20, and twice that leaves room for any of them.
const MAX_SPAN_CUN: f32 = 40.0;

fn check_spans(rep: &mut Reporter<'_>, figure: &Figure, origin: &Origin) {
    duplicates(
        rep,
        "span id",
        figure
            .spans
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.as_str(), origin, format!(".spans[{i}].id"))),
    );
    // Looked up by hash: a figure may have many thousands of landmarks and spans.
    let mut landmarks: HashMap<&str, &Landmark> = HashMap::default();
    for l in &figure.landmarks {
        landmarks.entry(l.id.as_str()).or_insert(l);
    }
    for (i, span) in figure.spans.iter().enumerate() {
        let from = landmarks.get(span.from.as_str()).copied();
        let to = landmarks.get(span.to.as_str()).copied();
        for (end, id, found) in [("from", &span.from, from), ("to", &span.to, to)] {
            if found.is_none() {
                rep.at(
                    origin,
                    &format!(".spans[{i}].{end}"),
                    format!(
                        "unknown landmark `{id}` (figure `{}` does not define it)",
                        figure.id
                    ),
                );
            }
        }
        if !span.cun.is_finite() || span.cun <= 0.0 {
            rep.at(
                origin,
                &format!(".spans[{i}].cun"),
                format!(
                    "span `{}` must be a positive number of cun, not {}",
                    span.id, span.cun
                ),
            );
        } else if span.cun > MAX_SPAN_CUN {
            rep.at(
                origin,
                &format!(".spans[{i}].cun"),
                format!(
                    "span `{}` is {} cun; no measure of the body is longer than about 20 cun (the thigh is 19), so at most {MAX_SPAN_CUN}",
                    span.id,
                    number(span.cun)
                ),
            );
        } else if span.cun < MIN_SPAN_CUN {
            rep.at(
                origin,
                &format!(".spans[{i}].cun"),
                format!(
                    "span `{}` is {} cun, too small to place points on (at least {MIN_SPAN_CUN})",
                    span.id, span.cun
                ),
            );
        }
        if let (Some(a), Some(b)) = (from, to)
            && a.at.is_finite()
            && b.at.is_finite()
            && a.at.distance(b.at) <= 0.0
        {
            {
                rep.at(
                    origin,
                    &format!(".spans[{i}]"),
                    format!(
                        "span `{}` has zero length: `{}` and `{}` are at the same place",
                        span.id, span.from, span.to
                    ),
                );
            }
        }
    }
}
