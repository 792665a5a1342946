//! The photo in the centre of the window: a bar of its actions, the photo with its marks or
//! its points (Explore: codes, select a point for its detail and cun ruler; Patient: today's
//! plan numbered; Present: codes), and beside it the landmark walk while marking.

use super::{PhotoState, PhotoUi};
use crate::model::{Atlas, Figure, Point};
use crate::paint::photo::{PhotoProjector, draw_photo};
use crate::placement::{PhotoPlacement, place_marked_photo, unplaced_line, unplaced_needs};
use crate::scene::photo::{APPROXIMATE, PhotoMarkDot};
use crate::session::photo_scene::{PhotoLabels, PhotoSceneInput, photo_scene};
use crate::session::{Command, Mode, Session};

/// How near (in screen points) a click must be to a mark or a dot to take it.
const GRAB: f32 = 14.0;

/// What the bar asks of the photo part.
enum BarAction {
    Mark,
    Keep,
    Forget,
    Close,
    Hide,
}

impl PhotoUi {
    /// The photo in the centre; returns where the photo canvas was drawn.
    pub fn centre_ui(
        &mut self,
        ui: &mut egui::Ui,
        atlas: &Atlas,
        session: &Session,
        commands: &mut Vec<Command>,
    ) -> Option<egui::Rect> {
        let can_keep = self.data_dir.is_some();
        let message = self.message.clone();
        let state = self.state.as_mut()?;
        let action = bar_ui(ui, state, can_keep, message.as_deref());
        let mut rect = None;
        if state.walk.is_some() {
            let column = (ui.available_width() * 0.3).clamp(240.0, 380.0);
            egui::Panel::right("photo_walk")
                .exact_size(column)
                .resizable(false)
                .show(ui, |ui| state.walk_ui(ui, atlas));
        }
        egui::CentralPanel::default().show(ui, |ui| {
            rect = Some(state.photo_ui(ui, atlas, session, commands));
        });
        match action {
            Some(BarAction::Mark) => {
                let (first, _) = PhotoState::shown(atlas, session);
                state.start_walk(atlas, &first);
            }
            Some(BarAction::Keep) => self.keep(),
            Some(BarAction::Forget) => self.forget(),
            Some(BarAction::Close) => self.close(),
            Some(BarAction::Hide) => state.hidden = true,
            None => {}
        }
        rect
    }

    /// "Show photo" above the figure while a photo is open but hidden; while Study plans a
    /// session beside an open photo, that its locate questions will be asked on the photo.
    pub fn reshow_ui(&mut self, ui: &mut egui::Ui, session: &Session) {
        let Some(state) = &mut self.state else {
            return;
        };
        if state.hidden {
            if ui
                .button(format!("Show the photo ({})", state.name))
                .clicked()
            {
                state.hidden = false;
            }
        } else if session.mode == Mode::Study
            && session.study.phase == crate::session::StudyPhase::Plan
            && state.view_chosen
        {
            ui.label(format!(
                "Locate questions are asked on the photo ({}) wherever its marks place the point.",
                state.name
            ));
        }
    }
}

fn bar_ui(
    ui: &mut egui::Ui,
    state: &PhotoState,
    can_keep: bool,
    message: Option<&str>,
) -> Option<BarAction> {
    let mut action = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(&state.name).strong());
        // One row at 1280 points wide: short labels, the hover text says the rest.
        ui.label(format!("· {}", state.marks.view));
        if state.walk.is_none() && ui.button("Mark landmarks").clicked() {
            action = Some(BarAction::Mark);
        }
        let keep = if state.kept.is_some() { "Kept" } else { "Keep" };
        if ui
            .add_enabled(can_keep && state.kept.is_none(), egui::Button::new(keep))
            .on_hover_text("Save a copy of the photo and its marks in the program's data folder")
            .clicked()
        {
            action = Some(BarAction::Keep);
        }
        if ui
            .button("Forget this photo")
            .on_hover_text("Close the photo and delete any kept copy and marks")
            .clicked()
        {
            action = Some(BarAction::Forget);
        }
        if ui
            .button("Close")
            .on_hover_text("Close the photo; unless kept, nothing of it remains")
            .clicked()
        {
            action = Some(BarAction::Close);
        }
        if ui
            .button("Show figure")
            .on_hover_text("Show the drawn figure; the photo stays open")
            .clicked()
        {
            action = Some(BarAction::Hide);
        }
    });
    ui.colored_label(ui.visuals().warn_fg_color, APPROXIMATE);
    if let Some(why) = message {
        ui.colored_label(ui.visuals().error_fg_color, why);
    }
    action
}

impl PhotoState {
    /// The points shown in this mode, and how they are labelled.
    pub(super) fn shown<'a>(
        atlas: &'a Atlas,
        session: &'a Session,
    ) -> (Vec<&'a Point>, PhotoLabels<'a>) {
        match session.mode {
            Mode::Patient => (
                session
                    .kept
                    .plan
                    .iter()
                    .filter_map(|c| atlas.point(c))
                    .collect(),
                PhotoLabels::Plan(&session.kept.plan),
            ),
            Mode::Study => (
                super::study::locate_code(session)
                    .and_then(|c| atlas.point(c))
                    .into_iter()
                    .collect(),
                PhotoLabels::Codes,
            ),
            _ => (
                atlas.condition_points(session.kept.condition.as_ref()),
                PhotoLabels::Codes,
            ),
        }
    }

    fn photo_ui(
        &mut self,
        ui: &mut egui::Ui,
        atlas: &Atlas,
        session: &Session,
        commands: &mut Vec<Command>,
    ) -> egui::Rect {
        let area = ui.available_rect_before_wrap();
        let response = ui.allocate_rect(area, egui::Sense::click_and_drag());
        let proj = self.view.project(area, self.size);
        let (points, labels) = Self::shown(atlas, session);
        let condition = session.kept.condition.as_ref();
        let placed = place_marked_photo(atlas, &self.marks, self.size, &points, condition);
        let marking = self.walk.is_some();
        let mut scene = match &placed {
            Some((figure, placement)) => photo_scene(&PhotoSceneInput {
                atlas,
                figure,
                placement,
                size: self.size,
                condition,
                labels,
                selected: session.kept.selected.as_ref(),
                ringed: if session.mode == Mode::Explore {
                    &session.kept.plan
                } else {
                    &[]
                },
                theme: session.kept.theme,
            }),
            None => crate::scene::photo::PhotoScene {
                size: self.size,
                dots: Vec::new(),
                marks: Vec::new(),
                expected: None,
                ruler: None,
                midline: Vec::new(),
                note: None,
                theme: session.kept.theme,
            },
        };
        if session.mode == Mode::Patient {
            // The patient sees where, not how it is measured.
            scene.ruler = None;
        }
        // The bar above says it; on the photo the note would hide the feet (and the points
        // there). Pictures saved without the window keep it.
        scene.note = None;
        let studying = session.mode == Mode::Study && !marking;
        if marking {
            self.show_marks(&mut scene);
        } else if studying {
            Self::study_scene(&mut scene, session);
        }
        let texture = self.texture(ui.ctx());
        // A patient looks from further away: larger dots and numbers.
        let scale = if session.mode == Mode::Patient {
            1.35
        } else {
            1.0
        };
        let drawn = draw_photo(
            &ui.painter().with_clip_rect(area),
            &proj,
            texture,
            &scene,
            scale,
        );
        if marking {
            self.marking_input(&response, &proj);
        }
        // A drag that took a mark moves the mark, not the photo.
        let may_pan = self.dragging.is_none();
        super::view::pan_zoom_input(&mut self.view, ui, &response, area, may_pan);
        if studying {
            self.study_input(atlas, session, &response, &proj, commands);
        } else if !marking && response.clicked() {
            let at = response.interact_pointer_pos();
            match at.and_then(|p| dot_at(&scene, &drawn, p)) {
                Some(code) => commands.push(Command::SelectPoint(code)),
                None if session.mode == Mode::Explore => commands.push(Command::ClearSelection),
                None => {}
            }
        }
        if let Some((_, placement)) = &placed
            && !marking
            && let Some(view) = atlas.figure(&self.marks.view)
        {
            unplaced_ui(ui, area, view, placement);
        }
        area
    }

    /// While marking: the marks instead of the points, the current one picked out.
    fn show_marks(&self, scene: &mut crate::scene::photo::PhotoScene) {
        scene.dots.clear();
        scene.ruler = None;
        let current = self
            .walk
            .as_ref()
            .and_then(|w| w.current())
            .map(crate::model::MarkName::text);
        scene.marks = self
            .marks
            .landmarks
            .iter()
            .map(|(name, at)| PhotoMarkDot {
                name: name.clone(),
                at: *at,
                current: Some(name) == current.as_ref() || self.dragging.as_ref() == Some(name),
            })
            .collect();
        // Where the marks so far expect it: a guide, not a mark.
        scene.expected = self.walk.as_ref().and_then(|w| {
            let mark = w.current()?;
            if self.marks.landmarks.contains_key(&mark.text()) {
                return None;
            }
            crate::placement::ExpectedMarks::fit(&w.view, &self.marks)?.at(&w.view, mark)
        });
    }

    /// Clicks mark the current landmark; a drag that starts on a mark moves it.
    fn marking_input(&mut self, response: &egui::Response, proj: &PhotoProjector) {
        if response.drag_started()
            && let Some(p) = response.interact_pointer_pos()
        {
            self.dragging = self
                .marks
                .landmarks
                .iter()
                .map(|(n, at)| (n, proj.screen(*at).distance(p)))
                .filter(|(_, d)| *d <= GRAB)
                .min_by(|a, b| a.1.total_cmp(&b.1))
                .map(|(n, _)| n.clone());
        }
        if let (Some(name), Some(p)) = (&self.dragging, response.interact_pointer_pos())
            && response.dragged()
            && let Some(at) = self.marks.landmarks.get_mut(name)
        {
            *at = clamp_to(proj.photo(p), self.size);
        }
        if response.drag_stopped() && self.dragging.take().is_some() {
            let _ = self.save_if_kept();
        }
        if response.clicked()
            && let Some(p) = response.interact_pointer_pos()
            && proj.rect.contains(p)
        {
            self.mark_current(clamp_to(proj.photo(p), self.size));
            let _ = self.save_if_kept();
        }
    }
}

/// The point whose dot is nearest a click, if one is near enough.
fn dot_at(
    scene: &crate::scene::photo::PhotoScene,
    drawn: &crate::paint::photo::PhotoDrawn,
    p: egui::Pos2,
) -> Option<crate::model::PointCode> {
    scene
        .dots
        .iter()
        .zip(&drawn.dots)
        .filter(|(_, d)| d.distance(p) <= GRAB.max(drawn.dot_radius))
        .min_by(|a, b| a.1.distance(p).total_cmp(&b.1.distance(p)))
        .map(|(dot, _)| dot.code.clone())
}

fn clamp_to(p: crate::model::FigurePos, size: (f32, f32)) -> crate::model::FigurePos {
    crate::model::FigurePos::new(p.x.clamp(0.0, size.0), p.y.clamp(0.0, size.1))
}

/// The points that need more marks, named in one line over the top of the photo; hovering the
/// line lists the landmarks each still needs.
fn unplaced_ui(ui: &egui::Ui, area: egui::Rect, view: &Figure, placement: &PhotoPlacement) {
    if placement.unplaced.is_empty() {
        return;
    }
    let painter = ui.painter();
    let galley = painter.layout(
        unplaced_line(&placement.unplaced),
        egui::FontId::proportional(13.0),
        egui::Color32::WHITE,
        area.width() - 24.0,
    );
    let at = area.min + egui::vec2(12.0, 8.0);
    let plate = egui::Rect::from_min_size(at, galley.size()).expand(4.0);
    painter.rect_filled(plate, 4.0, egui::Color32::from_black_alpha(190));
    painter.galley(at, galley, egui::Color32::WHITE);
    // The names are worked out only while the line is hovered, not every frame.
    ui.interact(
        plate,
        egui::Id::unique("photo-unplaced"),
        egui::Sense::hover(),
    )
    .on_hover_ui(|ui| {
        let needs = unplaced_needs(view, &placement.unplaced).join("\n");
        ui.label(format!("Mark these landmarks to place them:\n{needs}"));
    });
}
