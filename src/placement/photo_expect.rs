//! Where a view's landmarks are to be expected on a photo, from the marks made so far: the drawn
//! figure fitted to them (an affine map by least squares). The landmark walk passes over the
//! landmarks this puts well outside the photo (the ankles on a photo of the back). No egui.

use crate::model::{Figure, FigurePos, MarkName, PhotoMarks, mark_on_figure, parse_mark_name};

/// How many marks a fit needs before it is trusted.
const FIT_MARKS: usize = 4;
/// How far outside the photo, as a share of its longer side, a landmark must be expected
/// before the walk passes it over: the drawn figure's proportions are not the patient's.
const MARGIN: f32 = 0.1;

/// The drawn figure mapped onto the photo: `x' = a x + b y + c`, `y' = d x + e y + f`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ExpectedMarks {
    x: [f32; 3],
    y: [f32; 3],
}

impl ExpectedMarks {
    /// The fit of `view` to the photo's marks, once there are enough of them, spread over
    /// both directions (not all on one line).
    pub fn fit(view: &Figure, marks: &PhotoMarks) -> Option<Self> {
        let pairs: Vec<(FigurePos, FigurePos)> = marks
            .landmarks
            .iter()
            .filter_map(|(name, at)| {
                let mark = parse_mark_name(view, name)?;
                Some((mark_on_figure(view, &mark)?, *at))
            })
            .collect();
        if pairs.len() < FIT_MARKS {
            return None;
        }
        // The normal equations of least squares over (x, y, 1), in f64 for their squares.
        let mut m = [[0.0_f64; 3]; 3];
        let (mut rx, mut ry) = ([0.0_f64; 3], [0.0_f64; 3]);
        for (from, to) in &pairs {
            let v = [f64::from(from.x), f64::from(from.y), 1.0];
            for (i, vi) in v.iter().enumerate() {
                for (j, vj) in v.iter().enumerate() {
                    if let Some(cell) = m.get_mut(i).and_then(|row| row.get_mut(j)) {
                        *cell += vi * vj;
                    }
                }
                if let (Some(x), Some(y)) = (rx.get_mut(i), ry.get_mut(i)) {
                    *x += vi * f64::from(to.x);
                    *y += vi * f64::from(to.y);
                }
            }
        }
        let x = solve(m, rx)?;
        let y = solve(m, ry)?;
        #[allow(clippy::cast_possible_truncation, reason = "photo pixels")]
        let narrow = |c: [f64; 3]| c.map(|v| v as f32);
        Some(Self {
            x: narrow(x),
            y: narrow(y),
        })
    }

    /// Where `mark` is expected on the photo.
    pub fn at(&self, view: &Figure, mark: &MarkName) -> Option<FigurePos> {
        let drawn = mark_on_figure(view, mark)?;
        let apply =
            |[along_x, along_y, shift]: [f32; 3]| along_x * drawn.x + along_y * drawn.y + shift;
        Some(FigurePos::new(apply(self.x), apply(self.y)))
    }

    /// Whether `mark` is expected well outside a photo of `size` pixels.
    pub fn off_photo(&self, view: &Figure, mark: &MarkName, size: (f32, f32)) -> bool {
        let Some(p) = self.at(view, mark) else {
            return false;
        };
        let margin = MARGIN * size.0.max(size.1);
        p.x < -margin || p.y < -margin || p.x > size.0 + margin || p.y > size.1 + margin
    }
}

/// Solves `matrix · c = rhs` by Cramer's rule; `None` when `matrix` is (nearly) singular: the
/// marks all on one line say nothing of the other direction.
fn solve(matrix: [[f64; 3]; 3], rhs: [f64; 3]) -> Option<[f64; 3]> {
    let whole = det3(&matrix);
    let largest: f64 = matrix.iter().flatten().map(|v| v.abs()).fold(0.0, f64::max);
    if !whole.is_finite() || whole.abs() <= 1e-9 * largest.powi(3) {
        return None;
    }
    let mut out = [0.0; 3];
    for (column, slot) in out.iter_mut().enumerate() {
        let mut replaced = matrix;
        for (row, value) in replaced.iter_mut().zip(rhs) {
            if let Some(cell) = row.get_mut(column) {
                *cell = value;
            }
        }
        *slot = det3(&replaced) / whole;
    }
    Some(out)
}

/// The determinant of a 3×3 matrix.
fn det3(rows: &[[f64; 3]; 3]) -> f64 {
    let [[r0c0, r0c1, r0c2], [r1c0, r1c1, r1c2], [r2c0, r2c1, r2c2]] = *rows;
    r0c0 * (r1c1 * r2c2 - r1c2 * r2c1) - r0c1 * (r1c0 * r2c2 - r1c2 * r2c0)
        + r0c2 * (r1c0 * r2c1 - r1c1 * r2c0)
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;
    use crate::model::{FigureId, mark_names};

    /// The back's marks named in `keep`, drawn 1000 times larger and shifted, as a photo
    /// showing only the upper body would carry them.
    fn marks(view: &Figure, keep: &[&str]) -> PhotoMarks {
        let mut out = PhotoMarks {
            image: "back.png".into(),
            view: view.id.clone(),
            landmarks: std::collections::BTreeMap::new(),
        };
        for mark in mark_names(view) {
            if keep.contains(&mark.text().as_str()) {
                let p = mark_on_figure(view, &mark).unwrap();
                out.landmarks.insert(
                    mark.text(),
                    FigurePos::new(p.x * 1000.0 + 40.0, p.y * 1000.0 - 100.0),
                );
            }
        }
        out
    }

    #[test]
    fn the_fit_puts_each_landmark_where_the_figure_scaled_and_shifted_has_it() {
        let atlas = crate::load::load_builtin().unwrap();
        let view = atlas.figure(&FigureId::new("posterior")).unwrap();
        let made = marks(
            view,
            &[
                "t3_spinous_lower",
                "scapula_medial_border_t3_left",
                "scapula_medial_border_t3_right",
                "l4_spinous_lower",
            ],
        );
        let fit = ExpectedMarks::fit(view, &made).unwrap();
        for mark in mark_names(view) {
            let want = mark_on_figure(view, &mark).unwrap();
            let got = fit.at(view, &mark).unwrap();
            assert!(
                (got.x - (want.x * 1000.0 + 40.0)).abs() < 0.5
                    && (got.y - (want.y * 1000.0 - 100.0)).abs() < 0.5,
                "{}: {got:?}",
                mark.text()
            );
        }
        // A photo of the back down to the buttocks: the ankles and knees are far below it,
        // the lower back is on it.
        let size = (1000.0, 450.0);
        let named = |t: &str| parse_mark_name(view, t).unwrap();
        assert!(fit.off_photo(view, &named("lateral_malleolus_left"), size));
        assert!(fit.off_photo(view, &named("popliteal_crease_centre_right"), size));
        assert!(!fit.off_photo(view, &named("psis_left"), size));
        assert!(!fit.off_photo(view, &named("l5_spinous_lower"), size));
    }

    #[test]
    fn too_few_marks_or_marks_on_one_line_fit_nothing() {
        let atlas = crate::load::load_builtin().unwrap();
        let view = atlas.figure(&FigureId::new("posterior")).unwrap();
        let three = marks(
            view,
            &[
                "t3_spinous_lower",
                "scapula_medial_border_t3_left",
                "l4_spinous_lower",
            ],
        );
        assert_eq!(ExpectedMarks::fit(view, &three), None);
        let spine = marks(
            view,
            &[
                "t3_spinous_lower",
                "t7_spinous_lower",
                "l2_spinous_lower",
                "l4_spinous_lower",
            ],
        );
        assert_eq!(ExpectedMarks::fit(view, &spine), None, "all on the midline");
    }
}
