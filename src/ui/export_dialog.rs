//! The export dialog: "Export handout…" and "Export view…" ask what to write (a PDF, with
//! vector figures and real text, or a PNG picture) and on which paper, say where the file will
//! go, and remember the choice in the settings.

use crate::store::{ExportFormat, PaperChoice, Settings};
use crate::ui::export_job::{Output, export_dir};

/// The dialog while it is open.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportDialog {
    /// A handout of today's plan, or the view on the canvas.
    pub handout: bool,
    pub output: Output,
}

/// What the user chose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choice {
    Export(Output),
    Cancel,
}

impl ExportDialog {
    /// The dialog with the choice remembered from last time.
    pub fn new(handout: bool, kept: &Settings) -> Self {
        Self {
            handout,
            output: Output {
                format: kept.export_format,
                paper: kept.paper,
            },
        }
    }

    /// Shows the dialog; returns the choice once made (Escape or a click outside cancels).
    pub fn dialog_ui(&mut self, ctx: &egui::Context) -> Option<Choice> {
        let mut choice = None;
        let response = egui::Modal::new(egui::Id::unique("export dialog")).show(ctx, |ui| {
            ui.set_width(380.0);
            ui.heading(if self.handout {
                "Export handout"
            } else {
                "Export view"
            });
            ui.add_space(6.0);
            self.choices_ui(ui);
            ui.add_space(6.0);
            ui.weak(format!("Saved in {}", export_dir().display()));
            ui.add_space(8.0);
            ui.horizontal(|ui| {
                let go = ui.button("Export").on_hover_text("Write the file (Enter)");
                if go.clicked() || ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                    choice = Some(Choice::Export(self.output));
                }
                if ui.button("Cancel").clicked() {
                    choice = Some(Choice::Cancel);
                }
            });
        });
        if choice.is_none() && response.should_close() {
            choice = Some(Choice::Cancel);
        }
        choice
    }

    /// The format and the paper, each row a label in a column of its own width. (Not an
    /// `egui::Grid`: a grid learns its column widths over two frames, and the modal's first
    /// frame showed the labels beside the wrong rows until the pointer moved.)
    fn choices_ui(&mut self, ui: &mut egui::Ui) {
        let out = &mut self.output;
        let png = if self.handout {
            "PNG picture (300 dpi)"
        } else {
            "PNG picture"
        };
        labelled_row_ui(ui, "Format", |ui| {
            ui.radio_value(&mut out.format, ExportFormat::Pdf, "PDF")
                .on_hover_text("Sharp at any size; its text can be selected and searched");
            ui.radio_value(&mut out.format, ExportFormat::Png, png);
        });
        ui.add_space(4.0);
        let paper_matters = self.handout || out.format == ExportFormat::Pdf;
        labelled_row_ui(ui, "Paper", |ui| {
            ui.add_enabled_ui(paper_matters, |ui| {
                ui.horizontal(|ui| {
                    ui.radio_value(&mut out.paper, PaperChoice::A4, "A4");
                    ui.radio_value(&mut out.paper, PaperChoice::Letter, "Letter");
                });
            });
        });
    }
}

/// The width of the labels' column.
const LABEL_WIDTH: f32 = 64.0;

/// A label in the labels' column, level with the first line of what `add` shows beside it.
fn labelled_row_ui(ui: &mut egui::Ui, label: &str, add: impl FnOnce(&mut egui::Ui)) {
    ui.horizontal_top(|ui| {
        let height = ui.spacing().interact_size.y;
        ui.allocate_ui_with_layout(
            egui::vec2(LABEL_WIDTH, height),
            egui::Layout::left_to_right(egui::Align::Center),
            |ui| {
                ui.set_min_size(egui::vec2(LABEL_WIDTH, height));
                ui.label(label);
            },
        );
        ui.vertical(add);
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dialog_opens_on_the_choice_remembered_in_the_settings() {
        let kept = Settings {
            export_format: ExportFormat::Png,
            paper: PaperChoice::Letter,
            ..Settings::default()
        };
        let dialog = ExportDialog::new(true, &kept);
        assert_eq!(
            dialog.output,
            Output {
                format: ExportFormat::Png,
                paper: PaperChoice::Letter
            }
        );
        let fresh = ExportDialog::new(false, &Settings::default());
        assert_eq!(fresh.output.format, ExportFormat::Pdf);
        assert_eq!(fresh.output.paper, PaperChoice::A4);
    }
}
