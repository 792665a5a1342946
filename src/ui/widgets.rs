//! Small shared widgets: coloured badges and section headings.

use egui::{Color32, CornerRadius, FontId, RichText};

/// A filled, rounded label such as an evidence grade or a safety flag.
pub fn badge_ui(ui: &mut egui::Ui, text: &str, fill: Color32, ink: Color32) -> egui::Response {
    let label = RichText::new(text)
        .font(FontId::new(13.5, super::fonts::bold()))
        .color(ink);
    egui::Frame::new()
        .fill(fill)
        .corner_radius(CornerRadius::same(9))
        .inner_margin(egui::Margin::symmetric(8, 2))
        .show(ui, |ui| ui.add(egui::Label::new(label).extend()))
        .response
}

/// A small bold heading inside a panel.
pub fn section_ui(ui: &mut egui::Ui, text: &str) {
    ui.add_space(6.0);
    ui.label(RichText::new(text).font(FontId::new(16.0, super::fonts::bold())));
}

/// The text with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
