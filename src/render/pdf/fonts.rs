//! The window's fonts for the PDF target: the same files egui lays text out with (Noto Sans,
//! its bold, the CJK subset, egui's own fallbacks), each made a krilla font once per document,
//! and for each family and character the face egui would have taken (the first in the family
//! that has the character) with its glyph.

use egui::FontFamily;
use krilla::text::{Font, GlyphId};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::collections::HashMap;

/// A character's glyph in one face of a family.
#[derive(Clone, Copy, Debug)]
pub struct Found {
    /// Index into the font set's faces.
    pub face: usize,
    pub glyph: GlyphId,
    /// The glyph's advance in ems.
    pub advance: f32,
}

/// One font file.
struct Face {
    blob: egui::epaint::text::Blob,
    index: u32,
    /// Made when a glyph of it is first drawn, so unused fallbacks cost nothing.
    krilla: Option<Font>,
}

/// The faces of egui's font definitions and each family's list of them.
pub struct FontSet {
    faces: Vec<Face>,
    families: HashMap<FontFamily, Vec<usize>>,
    found: HashMap<(FontFamily, char), Option<Found>>,
}

impl FontSet {
    /// The fonts the program installs (see [`crate::paint::fonts`]).
    pub fn new() -> Self {
        let definitions = crate::paint::fonts::definitions();
        let mut faces = Vec::new();
        let mut index_of = HashMap::new();
        for (name, data) in &definitions.font_data {
            index_of.insert(name.clone(), faces.len());
            faces.push(Face {
                blob: data.font.clone(),
                index: data.index,
                krilla: None,
            });
        }
        let families = definitions
            .families
            .iter()
            .map(|(family, names)| {
                let list = names.iter().filter_map(|n| index_of.get(n).copied());
                (family.clone(), list.collect())
            })
            .collect();
        Self {
            faces,
            families,
            found: HashMap::new(),
        }
    }

    /// The glyph of `c` in `family`: in the first face that has it, as egui chooses.
    pub fn find(&mut self, family: &FontFamily, c: char) -> Option<Found> {
        // Characters a tagged PDF may not map a glyph to (a pasted byte-order mark) draw
        // nothing anyway.
        if matches!(c, '\0' | '\u{FEFF}' | '\u{FFFE}') {
            return None;
        }
        if let Some(found) = self.found.get(&(family.clone(), c)) {
            return *found;
        }
        let list = self
            .families
            .get(family)
            .or_else(|| self.families.get(&FontFamily::Proportional));
        let found = list.and_then(|list| {
            list.iter().find_map(|&face| {
                let f = self.faces.get(face)?;
                let font = skrifa::FontRef::from_index((*f.blob).as_ref(), f.index).ok()?;
                // Glyph 0 draws a box, and a tagged PDF may not hold it: such a character is left out.
                let glyph = font.charmap().map(c).filter(|g| g.to_u32() != 0)?;
                let metrics = font.glyph_metrics(Size::unscaled(), LocationRef::default());
                let upem = f32::from(
                    font.metrics(Size::unscaled(), LocationRef::default())
                        .units_per_em,
                )
                .max(1.0);
                let advance = metrics.advance_width(glyph).unwrap_or(0.0) / upem;
                Some(Found {
                    face,
                    glyph: GlyphId::new(glyph.to_u32()),
                    advance,
                })
            })
        });
        self.found.insert((family.clone(), c), found);
        found
    }

    /// The krilla font of a face, made on first use.
    pub fn krilla(&mut self, face: usize) -> Option<Font> {
        let f = self.faces.get_mut(face)?;
        if f.krilla.is_none() {
            f.krilla = Font::new(krilla::Data::from(f.blob.clone()), f.index);
        }
        f.krilla.clone()
    }
}
