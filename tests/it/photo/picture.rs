//! A photo-like picture of a back made for the tests (never a real person): the posterior
//! figure's silhouette filled with skin, shaded toward its edges, a spine groove, shorts and
//! hair, on a plain backdrop, the patient leaning a little. Its true landmarks are known.

#![allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    clippy::cast_precision_loss
)]

use acupoint_atlas::model::{Figure, FigurePos, PhotoMarks, ShapeKind};
use image::{Rgb, RgbImage};

pub const WIDTH: u32 = 900;
pub const HEIGHT: u32 = 1200;
const SCALE: f32 = 1150.0;
const SHIFT: (f32, f32) = (-125.0, 15.0);

/// Where a position of the figure lies on the picture (the patient leans to the viewer's
/// right by 3 pixels per 100 rows).
pub fn on_picture(p: FigurePos) -> FigurePos {
    let y = p.y * SCALE + SHIFT.1;
    FigurePos::new(p.x * SCALE + SHIFT.0 + 0.03 * (y - 600.0), y)
}

/// The picture of the back of the figure.
pub fn back_picture(view: &Figure) -> RgbImage {
    let polygons: Vec<Vec<FigurePos>> = view
        .shapes
        .iter()
        .filter(|s| s.kind == ShapeKind::Outline && s.closed)
        .flat_map(|s| {
            let mut out = vec![s.points.iter().map(|p| on_picture(*p)).collect::<Vec<_>>()];
            if s.mirrored {
                out.push(
                    s.points
                        .iter()
                        .map(|p| on_picture(view.mirror(*p)))
                        .collect(),
                );
            }
            out
        })
        .collect();
    let level = |id: &str| {
        on_picture(
            view.landmark(&acupoint_atlas::model::LandmarkId::new(id))
                .unwrap()
                .at,
        )
    };
    let (crest, fold, hair) = (
        level("iliac_crest_top").y,
        level("gluteal_fold_centre").y,
        level("posterior_hairline_mid").y,
    );
    let (c7, l5) = (level("c7_spinous_lower"), level("l5_spinous_lower"));
    let mut seed = 0x2545_f491_u32;
    let mut img = RgbImage::new(WIDTH, HEIGHT);
    for y in 0..HEIGHT {
        let fy = y as f32 + 0.5;
        let spans = row_spans(&polygons, fy);
        for x in 0..WIDTH {
            let fx = x as f32 + 0.5;
            seed = seed.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let noise = ((seed >> 24) as f32 / 255.0 - 0.5) * 10.0;
            let back = 150.0 + 40.0 * fy / HEIGHT as f32;
            let mut c = [back * 0.8, back * 0.85, back];
            if let Some(edge) = spans
                .iter()
                .find(|(a, b)| fx >= *a && fx <= *b)
                .map(|(a, b)| (fx - a).min(b - fx))
            {
                let shade = 0.72 + 0.28 * (edge / 28.0).min(1.0);
                c = [226.0 * shade, 182.0 * shade, 152.0 * shade];
                let t = ((fy - c7.y) / (l5.y - c7.y)).clamp(0.0, 1.0);
                let spine_x = c7.x + (l5.x - c7.x) * t;
                if fy > c7.y && fy < l5.y + 20.0 {
                    let groove = (-((fx - spine_x) / 6.0).powi(2)).exp() * 0.18;
                    c = c.map(|v| v * (1.0 - groove));
                }
                if fy > crest - 10.0 && fy < fold - 25.0 && (fx - spine_x).abs() < 0.105 * SCALE {
                    c = [52.0, 64.0, 96.0];
                } else if fy < hair {
                    c = [70.0, 52.0, 40.0];
                }
            }
            img.put_pixel(x, y, Rgb(c.map(|v| (v + noise).clamp(0.0, 255.0) as u8)));
        }
    }
    img
}

/// The stretches of a row inside the polygons (even-odd).
fn row_spans(polygons: &[Vec<FigurePos>], y: f32) -> Vec<(f32, f32)> {
    let mut out = Vec::new();
    for poly in polygons {
        let mut xs: Vec<f32> = Vec::new();
        for (i, a) in poly.iter().enumerate() {
            let b = poly[(i + 1) % poly.len()];
            if (a.y <= y) != (b.y <= y) {
                xs.push(a.x + (y - a.y) / (b.y - a.y) * (b.x - a.x));
            }
        }
        xs.sort_by(f32::total_cmp);
        out.extend(xs.chunks(2).filter(|c| c.len() == 2).map(|c| (c[0], c[1])));
    }
    out
}

/// Marks for every landmark of the view at its true place on the picture.
pub fn true_marks(view: &Figure, image: &str) -> PhotoMarks {
    let mut marks = super::marks_of(view, image, 1.0, (0.0, 0.0));
    for at in marks.landmarks.values_mut() {
        *at = on_picture(*at);
    }
    marks
}
