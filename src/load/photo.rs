//! A photo's marks file read and checked against a loaded atlas, with every problem at
//! `file:line:col` as in the atlas's own files: the view exists, every mark names one of its
//! landmarks, the photo beside it reads, and every mark lies inside the photo.

use super::diagnostic::{Diagnostic, Diagnostics, TextPos};
use super::fields::for_each_string;
use super::lex::Positions;
use super::photo_image::read_photo;
use super::ron_file::read_ron_file;
use super::source::FileKind;
use crate::model::{Atlas, Figure, PhotoImage, PhotoMarks, mark_names, parse_mark_name};
use std::path::{Path, PathBuf};

/// A marks file read and checked, with its photo decoded and upright.
#[derive(Clone, Debug)]
pub struct LoadedPhoto {
    pub marks: PhotoMarks,
    /// Where the photo was read from.
    pub image_path: PathBuf,
    pub image: PhotoImage,
}

/// Reads the marks file at `path`, its photo, and checks both against `atlas`.
pub fn load_photo_marks(atlas: &Atlas, path: &Path) -> Result<LoadedPhoto, Diagnostics> {
    // The kind only names what the file holds for the atlas's own checks; a marks file is
    // read on its own, so any kind that defines no ids serves.
    let (marks, file): (PhotoMarks, _) = read_ron_file(path, FileKind::Lesson, "a marks file may")?;
    let places = StringPlaces::of(&file.text);
    let at = |pos: Option<TextPos>, message: String| Diagnostic::at(&file.path, pos, message);
    let Some(figure) = atlas.figure(&marks.view) else {
        let known: Vec<&str> = atlas.figures().iter().map(|f| f.id.as_str()).collect();
        return Err(Diagnostics(vec![at(
            places.view,
            format!(
                "unknown view `{}`; the views are: {}",
                marks.view,
                known.join(", ")
            ),
        )]));
    };
    let mut problems = unknown_marks(figure, &marks, &places, &at);
    let image_path = image_path(path, &marks.image);
    match read_photo(&image_path) {
        Ok(image) => {
            problems.extend(outside_marks(&marks, &image, &places, &at));
            if problems.is_empty() {
                return Ok(LoadedPhoto {
                    marks,
                    image_path,
                    image,
                });
            }
        }
        Err(why) => problems.push(at(
            places.image,
            format!("photo `{}`: {why}", image_path.display()),
        )),
    }
    Err(super::finish(problems))
}

/// The photo a marks file names: relative names are beside the marks file.
pub fn image_path(marks_file: &Path, image: &str) -> PathBuf {
    let named = Path::new(image);
    if named.is_absolute() {
        named.to_path_buf()
    } else {
        marks_file
            .parent()
            .map_or_else(|| named.to_path_buf(), |dir| dir.join(named))
    }
}

/// Where the strings of a marks file stand: the image's name, the view's and each mark's.
#[derive(Default)]
struct StringPlaces {
    image: Option<TextPos>,
    view: Option<TextPos>,
    marks: Vec<(String, TextPos)>,
}

impl StringPlaces {
    fn of(text: &str) -> Self {
        let mut places = Positions::new(text);
        let mut found = Self::default();
        for_each_string(text, |field, offset, string| {
            let pos = places.of(offset);
            match field {
                "image" => found.image = found.image.or(Some(pos)),
                "view" => found.view = found.view.or(Some(pos)),
                "landmarks" => found.marks.push((string.to_owned(), pos)),
                _ => {}
            }
        });
        found
    }

    fn mark(&self, name: &str) -> Option<TextPos> {
        self.marks.iter().find(|(n, _)| n == name).map(|(_, p)| *p)
    }
}

/// A mark whose name is not one of the view's, with the names the view has.
fn unknown_marks(
    figure: &Figure,
    marks: &PhotoMarks,
    places: &StringPlaces,
    at: &dyn Fn(Option<TextPos>, String) -> Diagnostic,
) -> Vec<Diagnostic> {
    let unknown: Vec<&String> = marks
        .landmarks
        .keys()
        .filter(|name| parse_mark_name(figure, name).is_none())
        .collect();
    if unknown.is_empty() {
        return Vec::new();
    }
    let known: Vec<String> = mark_names(figure)
        .iter()
        .map(crate::model::MarkName::text)
        .collect();
    unknown
        .into_iter()
        .map(|name| {
            let hint = if figure.landmark(&crate::model::LandmarkId::new(name.as_str())).is_some()
            {
                format!("`{name}` is paired on this view: mark it as `{name}_left` and/or `{name}_right`")
            } else {
                format!("unknown landmark `{name}` on view `{}`", figure.id)
            };
            at(
                places.mark(name),
                format!("{hint}; its landmarks are: {}", known.join(", ")),
            )
        })
        .collect()
}

/// A mark that does not lie on the photo.
fn outside_marks(
    marks: &PhotoMarks,
    image: &PhotoImage,
    places: &StringPlaces,
    at: &dyn Fn(Option<TextPos>, String) -> Diagnostic,
) -> Vec<Diagnostic> {
    #[allow(
        clippy::cast_precision_loss,
        reason = "photos are at most 16384 pixels wide"
    )]
    let (w, h) = (image.width as f32, image.height as f32);
    marks
        .landmarks
        .iter()
        .filter(|(_, p)| !(p.is_finite() && (0.0..=w).contains(&p.x) && (0.0..=h).contains(&p.y)))
        .map(|(name, p)| {
            at(
                places.mark(name),
                format!(
                    "mark `{name}` at ({}, {}) is outside the photo, which is {}×{} pixels",
                    p.x, p.y, image.width, image.height
                ),
            )
        })
        .collect()
}
