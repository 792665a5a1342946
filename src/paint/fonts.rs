//! The fonts the window uses, embedded so every machine (and every test) draws the same glyphs:
//! Noto Sans for Latin text with pinyin tone marks, and a subset of Droid Sans Fallback for the
//! Chinese characters. `scripts/subset-fonts.sh` regenerates them.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const NOTO_REGULAR: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");
const CJK: &[u8] = include_bytes!("../../assets/fonts/DroidSansFallback-atlas.ttf");

/// The family for headings and badges.
pub fn bold() -> FontFamily {
    FontFamily::Name("bold".into())
}

/// Font definitions: Noto Sans first, then the CJK subset, then egui's own fonts as fallback.
pub fn definitions() -> FontDefinitions {
    let mut fonts = FontDefinitions::default();
    for (name, data) in [
        ("noto-regular", NOTO_REGULAR),
        ("noto-bold", NOTO_BOLD),
        ("cjk", CJK),
    ] {
        fonts
            .font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(data)));
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Proportional) {
        list.insert(0, "noto-regular".to_owned());
        list.insert(1, "cjk".to_owned());
    }
    if let Some(list) = fonts.families.get_mut(&FontFamily::Monospace) {
        list.push("cjk".to_owned());
    }
    let fallback = fonts
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let mut bold_list = vec!["noto-bold".to_owned()];
    bold_list.extend(fallback.into_iter().filter(|f| f != "noto-regular"));
    fonts.families.insert(bold(), bold_list);
    fonts
}

/// Installs the fonts on a context.
pub fn install(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}
