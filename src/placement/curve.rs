//! Smooth curves through placed stations: centripetal Catmull-Rom splines (no loops or cusps
//! where stations crowd together, as the sacral foramina do), sampled just finely enough that
//! the straight segments between samples stay within a tolerance of the curve (a straight run
//! needs no samples between its stations, a bend gets more); and ovals.

use crate::model::FigurePos;

/// Shortest knot interval; guards against stations that coincide.
const MIN_KNOT: f32 = 1e-6;

/// The most samples one segment gets (a segment is never longer than the figure).
const MAX_PER_SEGMENT: usize = 256;

/// Samples a centripetal Catmull-Rom curve through `stations`. Each station appears exactly in
/// the output, and the straight segments between consecutive samples stay within about
/// `tolerance` of the curve. Closed curves end where they began. Consecutive stations at the
/// same place count once.
pub fn smooth(stations: &[FigurePos], closed: bool, tolerance: f32) -> Vec<FigurePos> {
    let mut pts: Vec<FigurePos> = Vec::with_capacity(stations.len());
    for p in stations {
        if pts
            .last()
            .is_none_or(|q: &FigurePos| q.distance(*p) > MIN_KNOT)
        {
            pts.push(*p);
        }
    }
    if closed
        && pts.len() > 1
        && let (Some(first), Some(last)) = (pts.first(), pts.last())
        && first.distance(*last) <= MIN_KNOT
    {
        pts.pop();
    }
    let n = pts.len();
    if n < 2 {
        return pts;
    }
    let at = |i: usize| pts.get(i).copied().unwrap_or(FigurePos::new(0.0, 0.0));
    // Neighbours of each segment: wrap for closed curves, reflect the end for open ones.
    let before = |i: usize| -> FigurePos {
        if closed {
            at((i + n - 1) % n)
        } else if i == 0 {
            reflect(at(0), at(1))
        } else {
            at(i - 1)
        }
    };
    let after = |j: usize| -> FigurePos {
        if closed {
            at((j + 1) % n)
        } else if j + 1 >= n {
            reflect(at(n - 1), at(n - 2))
        } else {
            at(j + 1)
        }
    };
    let segments = if closed { n } else { n - 1 };
    let tolerance = if tolerance.is_finite() && tolerance > 0.0 {
        tolerance
    } else {
        1e-4
    };
    let mut out = Vec::with_capacity(segments * 4 + 1);
    for i in 0..segments {
        let j = (i + 1) % n;
        let (p0, p1, p2, p3) = (before(i), at(i), at(j), after(j));
        // How far the segment bows away from its chord, read at four places: cut into `k`
        // pieces, a curving segment strays about that much divided by k squared (four times
        // as many pieces squared cover an uneven bend and the parameter's uneven speed).
        let bow = [0.2, 0.4, 0.6, 0.8]
            .into_iter()
            .map(|u| segment_distance(p1, p2, centripetal(p0, p1, p2, p3, u)))
            .fold(0.0, f32::max);
        // Counts are small and positive: the cast cannot truncate a real count.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        let count = ((4.0 * bow / tolerance).sqrt().ceil() as usize).clamp(1, MAX_PER_SEGMENT);
        out.push(p1);
        for k in 1..count {
            out.push(centripetal(p0, p1, p2, p3, k as f32 / count as f32));
        }
    }
    out.push(if closed { at(0) } else { at(n - 1) });
    out
}

/// The point mirrored through `end`, away from `inner` (a phantom neighbour for an open end).
fn reflect(end: FigurePos, inner: FigurePos) -> FigurePos {
    FigurePos::new(2.0 * end.x - inner.x, 2.0 * end.y - inner.y)
}

/// A point `u` (0 to 1) of the way along the segment from `p1` to `p2` of a centripetal
/// Catmull-Rom spline (Barry and Goldman's pyramid, alpha one half).
fn centripetal(p0: FigurePos, p1: FigurePos, p2: FigurePos, p3: FigurePos, u: f32) -> FigurePos {
    let knot = |a: FigurePos, b: FigurePos| a.distance(b).sqrt().max(MIN_KNOT);
    let t0 = 0.0;
    let t1 = t0 + knot(p0, p1);
    let t2 = t1 + knot(p1, p2);
    let t3 = t2 + knot(p2, p3);
    let t = t1 + (t2 - t1) * u;
    let mix = |a: FigurePos, b: FigurePos, ta: f32, tb: f32| {
        let w = (t - ta) / (tb - ta);
        FigurePos::new(a.x + (b.x - a.x) * w, a.y + (b.y - a.y) * w)
    };
    let a1 = mix(p0, p1, t0, t1);
    let a2 = mix(p1, p2, t1, t2);
    let a3 = mix(p2, p3, t2, t3);
    let b1 = mix(a1, a2, t0, t2);
    let b2 = mix(a2, a3, t1, t3);
    mix(b1, b2, t1, t2)
}

/// An oval whose long axis runs from `from` to `to`, `width` its breadth as a share of its
/// length, as a closed polyline of `samples` points (plus the first again).
pub fn oval(from: FigurePos, to: FigurePos, width: f32, samples: usize) -> Vec<FigurePos> {
    let centre = from.lerp(to, 0.5);
    let (ax, ay) = ((to.x - from.x) * 0.5, (to.y - from.y) * 0.5);
    // The breadth axis, at right angles to the length.
    let (bx, by) = (-ay * width, ax * width);
    let samples = samples.max(8);
    (0..=samples)
        .map(|i| {
            let a = std::f32::consts::TAU * (i % samples) as f32 / samples as f32;
            let (c, s) = (a.cos(), a.sin());
            FigurePos::new(centre.x + ax * c + bx * s, centre.y + ay * c + by * s)
        })
        .collect()
}

/// The distance from `p` to the nearest segment of a polyline.
pub fn distance_to_polyline(polyline: &[FigurePos], p: FigurePos) -> f32 {
    match polyline {
        [] => f32::INFINITY,
        [only] => only.distance(p),
        _ => polyline
            .windows(2)
            .map(|w| match w {
                [a, b] => segment_distance(*a, *b, p),
                _ => f32::INFINITY,
            })
            .fold(f32::INFINITY, f32::min),
    }
}

/// The distance from `p` to the segment from `a` to `b`. Worked in `f64`, so figures drawn at
/// any scale (×0.001 to ×1e30) measure alike.
pub fn segment_distance(a: FigurePos, b: FigurePos, p: FigurePos) -> f32 {
    let d = segment_distance_f64(
        (f64::from(a.x), f64::from(a.y)),
        (f64::from(b.x), f64::from(b.y)),
        (f64::from(p.x), f64::from(p.y)),
    );
    // Back to the figure's own precision.
    #[allow(clippy::cast_possible_truncation)]
    let d = d as f32;
    d
}

/// The distance from `p` to the segment from `a` to `b`, in `f64`.
pub fn segment_distance_f64(a: (f64, f64), b: (f64, f64), p: (f64, f64)) -> f64 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let len2 = dx * dx + dy * dy;
    let t = if len2 > 0.0 {
        (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / len2).clamp(0.0, 1.0)
    } else {
        0.0
    };
    (a.0 + t * dx - p.0).hypot(a.1 + t * dy - p.1)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_curve_passes_exactly_through_every_station_in_order() {
        let stations = [
            FigurePos::new(0.1, 0.1),
            FigurePos::new(0.12, 0.3),
            FigurePos::new(0.121, 0.302),
            FigurePos::new(0.3, 0.8),
        ];
        let curve = smooth(&stations, false, 1e-4);
        let mut from = 0;
        for s in stations {
            let at = curve[from..].iter().position(|p| *p == s).unwrap();
            from += at;
        }
        assert_eq!(curve.first(), Some(&stations[0]));
        assert_eq!(curve.last(), Some(&stations[3]));
    }

    #[test]
    fn straight_segments_between_samples_stay_within_the_tolerance_of_the_curve() {
        let stations = [
            FigurePos::new(0.0, 0.0),
            FigurePos::new(0.2, 0.05),
            FigurePos::new(0.25, 0.4),
            FigurePos::new(0.1, 0.6),
        ];
        let coarse = smooth(&stations, false, 1e-4);
        let fine = smooth(&stations, false, 1e-8);
        // Every point of the true (finely sampled) curve is near the coarse polyline.
        let worst = fine
            .iter()
            .map(|p| distance_to_polyline(&coarse, *p))
            .fold(0.0, f32::max);
        assert!(worst < 2e-4, "{worst}");
        assert!(coarse.len() < fine.len());
    }

    #[test]
    fn a_straight_run_needs_no_samples_between_its_stations() {
        let stations = [
            FigurePos::new(0.5, 0.1),
            FigurePos::new(0.5, 0.2),
            FigurePos::new(0.5, 0.3),
        ];
        assert_eq!(smooth(&stations, false, 1e-4), stations.to_vec());
    }

    #[test]
    fn a_closed_curve_ends_where_it_began_and_repeated_stations_count_once() {
        let square = [
            FigurePos::new(0.0, 0.0),
            FigurePos::new(1.0, 0.0),
            FigurePos::new(1.0, 0.0),
            FigurePos::new(1.0, 1.0),
            FigurePos::new(0.0, 1.0),
        ];
        let curve = smooth(&square, true, 1e-3);
        assert_eq!(curve.first(), curve.last());
        assert!(curve.iter().all(|p| p.is_finite()));
    }

    #[test]
    fn an_oval_spans_its_axis_and_its_breadth() {
        let o = oval(FigurePos::new(0.0, 0.0), FigurePos::new(0.0, 2.0), 0.5, 32);
        let max_x = o.iter().map(|p| p.x).fold(f32::MIN, f32::max);
        let max_y = o.iter().map(|p| p.y).fold(f32::MIN, f32::max);
        assert!((max_x - 0.5).abs() < 1e-3, "{max_x}");
        assert!((max_y - 2.0).abs() < 1e-3, "{max_y}");
        assert_eq!(o.first(), o.last());
    }
}
