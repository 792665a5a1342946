//! A patient's photo in the window: opened from the menu or dropped onto the window, its view
//! chosen, its landmarks marked in a guided walk, and the points drawn on it in each mode.
//!
//! Privacy: a photo is read where it lies and never copied unless the practitioner chooses
//! "Keep", which puts a copy and its marks in the program's data folder; "Forget this photo"
//! deletes both. Nothing of a photo goes into the settings.

mod canvas;
mod dialogs;
mod keep;
mod picker;
mod study;
mod view;
mod walk;

use crate::load::{decode_photo, load_photo_marks, read_photo};
use crate::model::{Atlas, FigureId, MarkName, PhotoImage, PhotoMarks};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Where an open photo came from, so "Keep" can copy it (and nothing else ever reads it again).
#[derive(Clone, Debug)]
enum PhotoSource {
    File(PathBuf),
    /// Dropped as bytes (some desktops give no path).
    Bytes(Arc<[u8]>),
}

/// The guided walk through the view's landmarks.
#[derive(Clone, Debug)]
struct Walk {
    /// The marks asked for, those most points need first.
    order: Vec<MarkName>,
    /// The one asked for now.
    at: usize,
    /// The view whose landmarks they are, to see which the marks so far put off the photo.
    view: crate::model::Figure,
    /// Whether to ask for every landmark, those expected off the photo too.
    ask_all: bool,
}

/// An open photo.
pub struct PhotoState {
    /// The file's name, shown above the photo.
    name: String,
    source: PhotoSource,
    /// The upright photo until its texture is made (then only its size is kept).
    image: Option<PhotoImage>,
    /// A copy small enough for paper, kept for the handout.
    print: PhotoImage,
    size: (f32, f32),
    texture: Option<egui::TextureHandle>,
    marks: PhotoMarks,
    /// Whether the practitioner has said which view the photo shows.
    view_chosen: bool,
    walk: Option<Walk>,
    /// The mark being dragged.
    dragging: Option<String>,
    /// The folder in the data folder where it is kept, once kept.
    kept: Option<PathBuf>,
    /// Whether the figure is shown instead of the photo (the photo stays open).
    hidden: bool,
    /// Its pan and zoom.
    view: view::PhotoView,
}

/// The photo part of the window: the open photo, and the dialogs about it.
#[derive(Default)]
pub struct PhotoUi {
    state: Option<PhotoState>,
    /// The "Open photo" dialog, with the path being typed.
    open_dialog: Option<String>,
    /// Why the last photo could not be opened (or kept), shown until the next try.
    message: Option<String>,
    /// `photos/` in the program's data folder (none in tests: nothing can be kept).
    data_dir: Option<PathBuf>,
    /// The desktop's file chooser, while it is open.
    picker: Option<picker::Picker>,
    /// Whether the desktop's file chooser never showed: "Browse…" is offered no more.
    no_picker: bool,
}

impl PhotoUi {
    /// Photos kept under `dir` (the program's data folder).
    pub fn with_data_dir(dir: Option<PathBuf>) -> Self {
        Self {
            data_dir: dir.map(|d| d.join("photos")),
            ..Self::default()
        }
    }

    /// Whether the centre shows the photo instead of the figure.
    pub fn showing(&self) -> bool {
        self.state.as_ref().is_some_and(|s| !s.hidden)
    }

    /// The open photo's marks.
    pub fn marks(&self) -> Option<&PhotoMarks> {
        self.state.as_ref().map(|s| &s.marks)
    }

    /// Shows the "Open photo" dialog.
    pub fn ask_open(&mut self) {
        self.open_dialog = Some(String::new());
        self.message = None;
    }

    /// Opens a photo (JPEG or PNG) or a marks file (`.ron`) from a path.
    pub fn open_path(&mut self, atlas: &Atlas, path: &Path) {
        let is_marks = path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
        let name = file_name(path);
        let opened = if is_marks {
            load_photo_marks(atlas, path)
                .map(|loaded| {
                    let mut state = PhotoState::new(
                        file_name(&loaded.image_path),
                        PhotoSource::File(loaded.image_path.clone()),
                        loaded.image,
                    );
                    state.marks = loaded.marks;
                    state.view_chosen = true;
                    state
                })
                .map_err(|e| e.to_string())
        } else {
            read_photo(path)
                .map(|image| PhotoState::new(name, PhotoSource::File(path.to_path_buf()), image))
                .map_err(|why| format!("{}: {why}", path.display()))
        };
        self.take(opened);
    }

    /// Opens a photo dropped as bytes.
    pub fn open_bytes(&mut self, name: &str, bytes: &Arc<[u8]>) {
        let opened = decode_photo(bytes)
            .map(|image| PhotoState::new(name.to_owned(), PhotoSource::Bytes(bytes.clone()), image))
            .map_err(|why| format!("{name}: {why}"));
        self.take(opened);
    }

    fn take(&mut self, opened: Result<PhotoState, String>) {
        match opened {
            Ok(state) => {
                self.state = Some(state);
                self.open_dialog = None;
                self.message = None;
            }
            Err(why) => {
                self.message = Some(why);
                if self.open_dialog.is_none() {
                    self.open_dialog = Some(String::new());
                }
            }
        }
    }

    /// Closes the photo; unless it was kept, nothing of it remains.
    pub fn close(&mut self) {
        self.state = None;
    }

    /// Files dropped onto the window: the first one is opened.
    pub fn take_dropped(&mut self, ctx: &egui::Context, atlas: &Atlas) {
        let dropped = ctx.input(|i| i.raw.dropped_files.first().cloned());
        let Some(file) = dropped else {
            return;
        };
        let path = file.path();
        if path.as_os_str().is_empty() {
            // Without a path (a browser, some desktops) the bytes are all there is.
            match file.bytes() {
                Ok(bytes) => self.open_bytes("dropped photo", &bytes.into()),
                Err(why) => self.message = Some(format!("The dropped file: {why}")),
            }
        } else {
            self.open_path(atlas, path);
        }
    }
}

/// The longest side of the photo's copy for paper, in pixels.
const PRINT_SIDE: u32 = 1600;

impl PhotoUi {
    /// The open photo for a handout of `plan`, numbered on it, when its view is chosen and
    /// some landmarks are marked.
    pub fn handout_photo(
        &self,
        atlas: &Atlas,
        plan: &[crate::model::PointCode],
        condition: Option<&crate::model::ConditionId>,
    ) -> Option<crate::render::HandoutPhoto> {
        let state = self.state.as_ref()?;
        if !state.view_chosen || state.marks.landmarks.is_empty() {
            return None;
        }
        crate::session::photo_scene::handout_photo_scene(
            atlas,
            &state.marks,
            state.size,
            plan,
            condition,
        )
        .map(|scene| crate::render::HandoutPhoto::new(&state.print, scene))
    }
}

impl PhotoState {
    fn new(name: String, source: PhotoSource, image: PhotoImage) -> Self {
        // Photos are at most 12000 pixels a side: exact in f32.
        #[allow(clippy::cast_precision_loss)]
        let size = (image.width as f32, image.height as f32);
        Self {
            marks: PhotoMarks {
                image: name.clone(),
                view: FigureId::new(""),
                landmarks: BTreeMap::new(),
            },
            name,
            source,
            print: crate::render::fit_photo(&image, PRINT_SIDE),
            image: Some(image),
            size,
            texture: None,
            view_chosen: false,
            walk: None,
            dragging: None,
            kept: None,
            hidden: false,
            view: view::PhotoView::default(),
        }
    }

    /// The photo's texture, made on first use at most 4096 pixels on a side.
    fn texture(&mut self, ctx: &egui::Context) -> Option<egui::TextureId> {
        if self.texture.is_none()
            && let Some(image) = self.image.take()
        {
            let small = crate::render::fit_photo(&image, 4096);
            let color = egui::ColorImage::from_rgba_unmultiplied(
                [small.width as usize, small.height as usize],
                &small.rgba,
            );
            self.texture =
                Some(ctx.load_texture("patient-photo", color, egui::TextureOptions::LINEAR));
        }
        self.texture.as_ref().map(egui::TextureHandle::id)
    }
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}
