//! The photo's dialogs: "Open photo" (a path, or a kept photo), and which view a new photo
//! shows.

use super::{PhotoUi, Walk};
use crate::model::{Atlas, FigureId};
use crate::placement::marks_by_use;
use crate::session::Session;
use std::path::PathBuf;

impl PhotoUi {
    /// The dialogs that are open: "Open photo", and the view of a photo just opened.
    pub fn dialogs_ui(&mut self, ctx: &egui::Context, atlas: &Atlas, session: &Session) {
        self.open_dialog_ui(ctx, atlas);
        self.view_dialog_ui(ctx, atlas, session);
    }

    fn open_dialog_ui(&mut self, ctx: &egui::Context, atlas: &Atlas) {
        let Some(mut typed) = self.open_dialog.take() else {
            return;
        };
        let mut keep_open = true;
        let mut chosen: Option<PathBuf> = self.poll_picker();
        let mut browse = false;
        let waiting = self.picker.is_some();
        let offer_browse = super::picker::Picker::AVAILABLE && !self.no_picker;
        egui::Window::new("Open a photo of the patient")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.set_max_width(460.0);
                ui.label("Drag a JPEG or PNG photo onto the window, or type where it is:");
                let field = ui.add(
                    egui::TextEdit::singleline(&mut typed)
                        .hint_text("/home/me/photos/back.jpg")
                        .desired_width(440.0),
                );
                let entered = (field.has_focus() || field.lost_focus())
                    && ui.input(|i| i.key_pressed(egui::Key::Enter));
                if typed.is_empty() && !field.has_focus() {
                    field.request_focus();
                }
                ui.small(
                    "A marks file (.ron) opens its photo with the landmarks marked. The photo \
                     stays where it is: nothing is copied unless you choose Keep.",
                );
                if let Some(why) = &self.message {
                    ui.colored_label(ui.visuals().error_fg_color, why);
                }
                self.kept_list_ui(ui, &mut chosen);
                ui.horizontal(|ui| {
                    if (ui.button("Open").clicked() || entered) && !typed.trim().is_empty() {
                        chosen = Some(PathBuf::from(typed.trim()));
                    }
                    if offer_browse {
                        browse = ui
                            .add_enabled(!waiting, egui::Button::new("Browse…"))
                            .on_hover_text("Choose the file in the desktop's own file chooser")
                            .clicked();
                    }
                    if ui.button("Cancel").clicked() {
                        keep_open = false;
                    }
                });
                if waiting {
                    ui.weak("Waiting for the desktop's file chooser…");
                }
            });
        if browse {
            self.picker = super::picker::Picker::open(std::env::home_dir(), ctx);
        }
        if keep_open {
            self.open_dialog = Some(typed);
        } else {
            // Closed: whatever the chooser answers later is not wanted.
            self.picker = None;
        }
        if let Some(path) = chosen {
            self.open_path(atlas, &path);
            if let (Some(state), Some(dir)) = (&mut self.state, path.parent())
                && self.data_dir.as_ref().is_some_and(|d| dir.starts_with(d))
            {
                state.kept = Some(dir.to_path_buf());
                state.name = super::file_name(dir);
            }
        }
    }

    /// The file the desktop's chooser gave, once it answers; a chooser that never showed
    /// is offered no more (the path field is the way in), with a word why.
    fn poll_picker(&mut self) -> Option<PathBuf> {
        use super::picker::Picked;
        let picked = self.picker.as_ref()?.poll();
        match picked {
            Picked::Waiting => return None,
            Picked::Chosen(path) => {
                self.picker = None;
                return Some(path);
            }
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.no_picker = true;
                self.message = Some(
                    "The desktop's file chooser did not open here (it needs the file-chooser \
                     portal or zenity): type where the photo is, or drag it onto the window."
                        .to_owned(),
                );
            }
        }
        self.picker = None;
        None
    }

    /// The photos kept in the data folder, each with a button that opens it.
    fn kept_list_ui(&self, ui: &mut egui::Ui, chosen: &mut Option<PathBuf>) {
        let kept = self.kept_photos();
        if kept.is_empty() {
            return;
        }
        ui.separator();
        ui.label("Kept photos:");
        for (name, marks) in kept {
            if ui.button(name).clicked() {
                *chosen = Some(marks);
            }
        }
    }

    fn view_dialog_ui(&mut self, ctx: &egui::Context, atlas: &Atlas, session: &Session) {
        let Some(state) = &mut self.state else {
            return;
        };
        if state.view_chosen {
            return;
        }
        let mut chosen: Option<FigureId> = None;
        let mut cancel = false;
        egui::Window::new("The photo's view")
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .show(ctx, |ui| {
                ui.label(format!(
                    "{}: choose the view whose landmarks you will mark on it.",
                    state.name
                ));
                let mut figures: Vec<_> = atlas.figures().iter().collect();
                figures.sort_by_key(|f| f.order);
                for figure in figures {
                    if ui.button(figure.title.as_str()).clicked() {
                        chosen = Some(figure.id.clone());
                    }
                }
                if ui.button("Cancel: close the photo").clicked() {
                    cancel = true;
                }
            });
        if let Some(view) = chosen {
            state.marks.view = view;
            state.view_chosen = true;
            let (first, _) = super::PhotoState::shown(atlas, session);
            state.start_walk(atlas, &first);
        }
        if cancel {
            self.close();
        }
    }
}

impl super::PhotoState {
    /// Starts the guided walk at the first mark not yet made.
    pub(super) fn start_walk(&mut self, atlas: &Atlas, first: &[&crate::model::Point]) {
        let Some(view) = atlas.figure(&self.marks.view) else {
            return;
        };
        let order = marks_by_use(atlas, view, first);
        let at = order
            .iter()
            .position(|m| !self.marks.landmarks.contains_key(&m.text()))
            .unwrap_or(0);
        self.walk = Some(Walk {
            order,
            at,
            view: view.clone(),
            ask_all: false,
        });
    }
}
