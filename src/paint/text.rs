//! The atlas's bounded text (`model::Bounded`) handed to egui as it is, so panels and painters
//! take a point's name or a note without converting it first.

use crate::model::Bounded;

impl<const MAX: usize> From<&Bounded<MAX>> for egui::WidgetText {
    fn from(text: &Bounded<MAX>) -> Self {
        egui::RichText::new(text.as_str()).into()
    }
}

impl<const MAX: usize> From<&Bounded<MAX>> for egui::RichText {
    fn from(text: &Bounded<MAX>) -> Self {
        egui::RichText::new(text.as_str())
    }
}
