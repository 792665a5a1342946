//! Helpers for the integration tests (`tests/it`); `generate.rs` also serves the benches and
//! the unit tests.

#![allow(clippy::unwrap_used)]

pub mod fixture;
pub mod generate;

use acupoint_atlas::store::Store;
use acupoint_atlas::ui::AtlasApp;
use egui_kittest::Harness;
use std::path::{Path, PathBuf};

/// The window at 1280×800 on the built-in atlas (or `atlas`), keeping settings in `store`.
pub fn app_harness<'a>(atlas: Option<PathBuf>, store: Option<Store>) -> Harness<'a, AtlasApp> {
    Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_eframe(move |cc| AtlasApp::with_store(&cc.egui_ctx, atlas.as_deref(), store))
}

/// Copies a folder tree (an atlas) into another folder.
pub fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// Moves the pointer to `at`, then presses and releases the primary button there.
pub fn click_at<S>(h: &mut egui_kittest::Harness<'_, S>, at: egui::Pos2) {
    h.hover_at(at);
    h.run();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run();
}

/// The code of the point selected in the window, if any.
pub fn selected(h: &Harness<'_, AtlasApp>) -> Option<String> {
    h.state()
        .session()
        .kept
        .selected
        .as_ref()
        .map(ToString::to_string)
}
