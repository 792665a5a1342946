//! Photos of a patient as figures: the marks file's checks, the photo's orientation, and points
//! placed on a photo by the view's own rules.

mod cli;
mod marks;
mod orientation;
mod picture;
mod placement;
mod scene;
mod spans;
mod study;
mod window;

use acupoint_atlas::model::{Figure, PhotoMarks, mark_names};
use std::collections::BTreeMap;
use std::path::Path;

/// A blank PNG of `w`×`h` pixels at `path`.
fn blank_png(path: &Path, w: u32, h: u32) {
    image::RgbaImage::from_pixel(w, h, image::Rgba([200, 170, 150, 255]))
        .save(path)
        .unwrap();
}

/// Marks for every landmark of `view` (both sides of paired ones), scaled by `scale` and
/// shifted by `shift`, as a photo of the drawn figure would have them.
fn marks_of(view: &Figure, image: &str, scale: f32, shift: (f32, f32)) -> PhotoMarks {
    let mut landmarks = BTreeMap::new();
    for mark in mark_names(view) {
        let drawn = view.landmark(&mark.landmark).unwrap().at;
        // The views draw a paired landmark on the viewer's left; its other side is its mirror.
        let at = if acupoint_atlas::model::on_viewer_left(
            view.facing,
            mark.side.unwrap_or(acupoint_atlas::model::Side::Left),
        ) || mark.side.is_none()
        {
            drawn
        } else {
            view.mirror(drawn)
        };
        landmarks.insert(
            mark.text(),
            (at.x * scale + shift.0, at.y * scale + shift.1).into(),
        );
    }
    PhotoMarks {
        image: image.to_owned(),
        view: view.id.clone(),
        landmarks,
    }
}

fn write_marks(path: &Path, marks: &PhotoMarks) {
    let text = ron::ser::to_string_pretty(marks, ron::ser::PrettyConfig::default()).unwrap();
    std::fs::write(path, text).unwrap();
}

/// The app with `marks` written beside their photo in `dir` and opened, as a user opens a
/// marks file.
fn app_with_photo<'a>(
    dir: &Path,
    marks: &PhotoMarks,
) -> egui_kittest::Harness<'a, acupoint_atlas::ui::AtlasApp> {
    let path = dir.join("back.marks.ron");
    write_marks(&path, marks);
    let mut h = crate::common::app_harness(None, None);
    h.run();
    h.state_mut().open_photo(&path);
    h.run();
    h
}
