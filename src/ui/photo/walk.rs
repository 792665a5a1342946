//! The guided landmark walk beside the photo: which landmark to mark now, where it is on the
//! drawn figure, how to find it on the patient, and Back, Skip and Stop.

use super::{PhotoState, Walk};
use crate::model::{Atlas, Figure, MarkName, Side, mark_on_figure, palpation_hint};
use crate::paint::{Projector, art, theme};
use crate::placement::ExpectedMarks;
use egui::{Color32, Stroke};

impl Walk {
    pub(super) fn current(&self) -> Option<&MarkName> {
        self.order.get(self.at)
    }

    /// Whether `mark` is passed over: the marks so far (`fit`) put it well off a photo of
    /// `size`, and the practitioner has not asked for every landmark.
    fn passes_over(&self, fit: Option<ExpectedMarks>, mark: &MarkName, size: (f32, f32)) -> bool {
        !self.ask_all && fit.is_some_and(|e| e.off_photo(&self.view, mark, size))
    }
}

impl PhotoState {
    /// Marks the current landmark at `at` (photo pixels) and moves to the next one not marked.
    pub(super) fn mark_current(&mut self, at: crate::model::FigurePos) {
        let Some(walk) = &mut self.walk else {
            return;
        };
        let Some(name) = walk.current().map(MarkName::text) else {
            return;
        };
        self.marks.landmarks.insert(name, at);
        self.advance();
    }

    /// Moves to the next landmark not yet marked after the current one, passing over those
    /// the marks so far put well outside the photo; the walk ends after the last.
    pub(super) fn advance(&mut self) {
        let Some(walk) = &self.walk else {
            return;
        };
        let fit = ExpectedMarks::fit(&walk.view, &self.marks);
        let next = (walk.at + 1..walk.order.len()).find(|&i| {
            walk.order.get(i).is_some_and(|m| {
                !self.marks.landmarks.contains_key(&m.text())
                    && !walk.passes_over(fit, m, self.size)
            })
        });
        match (next, &mut self.walk) {
            (Some(i), Some(w)) => w.at = i,
            _ => self.walk = None,
        }
    }

    /// Goes back to the step before, passing over those off the photo as `advance` does.
    fn step_back(&mut self) {
        let Some(walk) = &self.walk else {
            return;
        };
        let fit = ExpectedMarks::fit(&walk.view, &self.marks);
        let before = (0..walk.at).rev().find(|&i| {
            walk.order
                .get(i)
                .is_some_and(|m| !walk.passes_over(fit, m, self.size))
        });
        if let (Some(i), Some(w)) = (before, &mut self.walk) {
            w.at = i;
        }
    }

    /// Says how many landmarks are passed over as off the photo, with a button to ask for
    /// them too.
    fn off_photo_ui(&mut self, ui: &mut egui::Ui, off: usize) {
        if off == 0 {
            return;
        }
        ui.small(format!(
            "{off} more that the marks so far place outside the photo are passed over."
        ))
        .on_hover_text("Judged from the drawn figure fitted to the marks made so far.");
        if ui.small_button("Ask for them too").clicked()
            && let Some(w) = &mut self.walk
        {
            w.ask_all = true;
        }
    }

    /// How many landmarks not yet marked the walk passes over, given the marks' `fit`.
    fn off_photo_count(&self, walk: &Walk, fit: Option<ExpectedMarks>) -> usize {
        walk.order
            .iter()
            .filter(|m| {
                !self.marks.landmarks.contains_key(&m.text()) && walk.passes_over(fit, m, self.size)
            })
            .count()
    }

    /// The walk's column: the step, the landmark on the drawn figure, its hint and buttons.
    pub(super) fn walk_ui(&mut self, ui: &mut egui::Ui, atlas: &Atlas) {
        let Some(walk) = &self.walk else {
            return;
        };
        let Some(figure) = atlas.figure(&self.marks.view) else {
            return;
        };
        let Some(mark) = walk.current().cloned() else {
            return;
        };
        let (step, total) = (walk.at + 1, walk.order.len());
        let marked = self.marks.landmarks.len();
        let fit = ExpectedMarks::fit(&walk.view, &self.marks);
        let off = self.off_photo_count(walk, fit);
        let guided = fit.is_some();
        ui.label(
            egui::RichText::new("Mark the landmarks")
                .strong()
                .size(17.0),
        );
        ui.label(format!(
            "Step {step} of {total} · {marked} marked · most useful first"
        ));
        self.off_photo_ui(ui, off);
        ui.add_space(4.0);
        let name = figure
            .landmark(&mark.landmark)
            .map_or_else(|| mark.landmark.to_string(), |l| l.name.to_string());
        let side = match mark.side {
            Some(Side::Left) => " — patient's left",
            Some(Side::Right) => " — patient's right",
            _ => "",
        };
        ui.label(
            egui::RichText::new(format!("{name}{side}"))
                .strong()
                .size(16.0),
        );
        if let Some(hint) = palpation_hint(mark.landmark.as_str()) {
            ui.label(hint);
        }
        if guided {
            ui.small(
                "Click it on the photo; the dashed ring is where the marks so far expect it. \
                 Drag any mark to correct it.",
            );
        } else {
            ui.small("Click it on the photo. Drag any mark to correct it.");
        }
        ui.horizontal(|ui| {
            if ui
                .add_enabled(step > 1, egui::Button::new("Back"))
                .clicked()
            {
                self.step_back();
            }
            if ui
                .button("Skip")
                .on_hover_text("Leave this landmark unmarked")
                .clicked()
            {
                self.advance();
            }
            if ui.button("Stop marking").clicked() {
                self.walk = None;
            }
        });
        let height = ui.available_height().max(160.0);
        let (rect, _) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), height),
            egui::Sense::hover(),
        );
        guide_figure(&ui.painter_at(rect), rect, figure, &mark);
    }
}

/// The drawn figure with the landmark asked for ringed (on the side of the body asked for).
fn guide_figure(painter: &egui::Painter, rect: egui::Rect, figure: &Figure, mark: &MarkName) {
    let colors = theme::canvas_colors(crate::scene::Theme::Light);
    painter.rect_filled(rect, 6.0, colors.background);
    let Some(at) = mark_on_figure(figure, mark) else {
        return;
    };
    // A third of the figure around the landmark: close enough to see which bump is meant,
    // wide enough to recognise the body part.
    let (w, h) = figure.size;
    let aspect = rect.width() / rect.height().max(1.0);
    let half_height = h * 0.2;
    let framing = crate::scene::Framing {
        center: at,
        half_width: (half_height * aspect).min(w * 0.5),
        half_height,
    };
    let proj = Projector::framed(rect, figure, framing);
    for (kind, curve) in art::smooth_figure(figure) {
        let stroke = match kind {
            crate::model::ShapeKind::Outline => Stroke::new(1.4, colors.outline),
            crate::model::ShapeKind::Contour => Stroke::new(0.8, colors.contour),
            crate::model::ShapeKind::Bone => Stroke::new(0.8, colors.bone),
        };
        painter.add(egui::Shape::line(proj.screen_polyline(&curve), stroke));
    }
    let p = proj.screen_from_figure(at);
    let gold = Color32::from_rgb(0xE0, 0x8A, 0x00);
    painter.circle_filled(p, 4.0, gold);
    painter.circle_stroke(p, 11.0, Stroke::new(2.5, gold));
    painter.circle_stroke(p, 18.0, Stroke::new(1.0, gold.gamma_multiply(0.6)));
}
