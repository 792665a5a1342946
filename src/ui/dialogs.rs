//! The window's own small dialogs, asked for from the Menu: "Open atlas…" (a folder to load)
//! and "About" (the version, the sources and licences, and where settings are kept). They
//! belong to the window, not to the session, so they live here rather than in a `Command`.

use egui::RichText;
use std::path::{Path, PathBuf};

/// What the Menu asks of the window beyond the session's commands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MenuRequest {
    OpenAtlas,
    About,
    Quit,
    /// Hide Explore mode's side panels, leaving the window to the figure (or show them again).
    ToggleSidePanels,
}

/// Which dialogs are open, with what the user has typed.
#[derive(Debug, Default)]
pub struct Dialogs {
    /// The folder typed into "Open atlas…" while it is open.
    open_atlas: Option<String>,
    about: bool,
}

/// What a dialog asks of the window this frame.
#[derive(Debug, PartialEq, Eq)]
pub enum DialogOutcome {
    /// Load the atlas in this folder.
    Load(PathBuf),
}

impl Dialogs {
    /// Opens the dialog `request` names (Quit is the window's to do).
    pub fn open(&mut self, request: MenuRequest, start_dir: Option<&Path>) {
        match request {
            MenuRequest::OpenAtlas => {
                let start = start_dir
                    .map(|d| d.display().to_string())
                    .unwrap_or_default();
                self.open_atlas = Some(start);
            }
            MenuRequest::About => self.about = true,
            MenuRequest::Quit | MenuRequest::ToggleSidePanels => {}
        }
    }

    /// Whether a dialog is open (it then takes the keys).
    pub fn any_open(&self) -> bool {
        self.open_atlas.is_some() || self.about
    }

    /// Closes the open dialogs; returns whether one was open (`Esc` closes it and does no more).
    pub fn close(&mut self) -> bool {
        let was = self.any_open();
        self.open_atlas = None;
        self.about = false;
        was
    }

    /// Draws the open dialogs. `data_dir` is where settings are kept.
    pub fn show(&mut self, ctx: &egui::Context, data_dir: Option<&Path>) -> Option<DialogOutcome> {
        if self.about {
            let mut open = true;
            fitted_window("About Acupoint Atlas", ctx)
                .open(&mut open)
                .show(ctx, |ui| about_ui(ui, data_dir));
            self.about = open;
        }
        let typed = self.open_atlas.as_mut()?;
        let mut open = true;
        let mut chosen = None;
        fitted_window("Open atlas", ctx)
            .open(&mut open)
            .show(ctx, |ui| chosen = open_atlas_ui(ui, typed));
        if !open || chosen.is_some() {
            self.open_atlas = None;
        }
        chosen.map(DialogOutcome::Load)
    }
}

/// A dialog in the middle of the window, never larger than it.
fn fitted_window<'a>(title: &'a str, ctx: &egui::Context) -> egui::Window<'a> {
    let room = ctx.content_rect().size() - egui::vec2(40.0, 80.0);
    egui::Window::new(title)
        .collapsible(false)
        .resizable(false)
        .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
        .max_width(room.x.clamp(200.0, 560.0))
        .max_height(room.y.max(120.0))
}

/// The version, what the atlas rests on and under which licences, and where data is kept.
fn about_ui(ui: &mut egui::Ui, data_dir: Option<&Path>) {
    ui.label(RichText::new(format!("Acupoint Atlas {}", env!("CARGO_PKG_VERSION"))).strong());
    ui.label("An atlas of acupuncture points for chronic back pain, placed by proportional cun.");
    ui.add_space(6.0);
    ui.label(ABOUT_SOURCES);
    ui.label(ABOUT_LICENCES);
    ui.add_space(6.0);
    match data_dir {
        Some(dir) => {
            ui.label("Your settings, plan and study progress are kept in:");
            ui.add(
                egui::Label::new(RichText::new(dir.display().to_string()).monospace())
                    .selectable(true),
            );
        }
        None => {
            ui.label("Settings are not kept in this session.");
        }
    }
    ui.add_space(6.0);
    ui.label(
        RichText::new("Information, not instruction: needling belongs to licensed practitioners.")
            .weak(),
    );
}

/// Where the atlas's facts come from.
pub const ABOUT_SOURCES: &str = "Point locations follow the WHO Standard Acupuncture Point \
Locations (2008); every point, condition and mechanism lists its own sources in the atlas.";

/// The program's and the fonts' licences.
pub const ABOUT_LICENCES: &str = "Program: MIT or Apache-2.0. Fonts: Noto Sans (SIL Open Font \
License 1.1) and Droid Sans Fallback (Apache License 2.0).";

/// The folder field and its buttons; returns the folder to load when the user asks.
fn open_atlas_ui(ui: &mut egui::Ui, typed: &mut String) -> Option<PathBuf> {
    ui.label("The folder of an atlas (with figures/, points/, conditions.ron …):");
    let edit = ui.add(
        egui::TextEdit::singleline(typed)
            .hint_text("/home/me/my-atlas")
            .desired_width(f32::INFINITY),
    );
    let path = PathBuf::from(typed.trim());
    let usable = !typed.trim().is_empty() && path.is_dir();
    if !typed.trim().is_empty() && !usable {
        ui.colored_label(ui.visuals().error_fg_color, "No such folder.");
    }
    let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if usable {
        folders_ui(ui, &path, typed);
    }
    let mut chosen = None;
    ui.horizontal(|ui| {
        let open = ui
            .add_enabled(usable, egui::Button::new("Open"))
            .on_hover_text("Load this folder; the atlas on screen stays until it has loaded");
        if open.clicked() || (entered && usable) {
            chosen = Some(path.clone());
        }
    });
    chosen
}

/// Folders shown to click through at most.
const MAX_FOLDERS: usize = 60;

/// The folder's parent and its subfolders, to click through instead of typing.
fn folders_ui(ui: &mut egui::Ui, dir: &Path, typed: &mut String) {
    let mut subfolders: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect()
        })
        .unwrap_or_default();
    subfolders.sort();
    egui::ScrollArea::vertical()
        .max_height(180.0)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if let Some(parent) = dir.parent()
                && ui
                    .selectable_label(false, ".. (the folder above)")
                    .clicked()
            {
                *typed = parent.display().to_string();
            }
            for sub in subfolders.iter().take(MAX_FOLDERS) {
                let name = sub
                    .file_name()
                    .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
                if ui.selectable_label(false, format!("{name}/")).clicked() {
                    *typed = sub.display().to_string();
                }
            }
        });
}
