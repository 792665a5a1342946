//! Study's locate questions on the patient's photo: "Where is BL23?" asked on the photo when
//! its marks place and measure the point (otherwise on the figure), the click scored in the
//! patient's own cun, then the answer shown with its ruler and the click.

use super::{PhotoState, PhotoUi};
use crate::model::{Atlas, PointCode};
use crate::placement::place_marked_photo;
use crate::scene::photo::{PhotoMarkDot, PhotoScene};
use crate::session::{Answer, Command, Mode, Session, StudyCommand};
use crate::study::{QuestionKind, Surface};

impl PhotoUi {
    /// Whether the photo asks Study's current question: an open, shown, marked photo and a
    /// locate question on a point its marks place and measure.
    pub fn asks_question(&self, atlas: &Atlas, session: &Session) -> bool {
        let Some(state) = &self.state else {
            return false;
        };
        !state.hidden
            && state.view_chosen
            && session.mode == Mode::Study
            && locate_code(session).is_some_and(|code| state.can_ask(atlas, session, code))
    }
}

impl PhotoUi {
    /// What Study's current question is asked on, so its words name it: the photo (the
    /// patient's back when it shows the back, with whether it draws the point's ruler), the
    /// figure beside an open photo, or the figure.
    pub fn study_surface(&self, atlas: &Atlas, session: &Session) -> Surface {
        let Some(state) = &self.state else {
            return Surface::Figure;
        };
        if !self.asks_question(atlas, session) {
            let clicked = session
                .study
                .question
                .as_ref()
                .is_some_and(|q| q.kind.is_click());
            return if !state.hidden && state.view_chosen && clicked {
                Surface::FigureBesidePhoto
            } else {
                Surface::Figure
            };
        }
        let ruler = locate_code(session)
            .and_then(|code| atlas.point(code))
            .and_then(|point| {
                let condition = session.kept.condition.as_ref();
                let (figure, placement) =
                    place_marked_photo(atlas, &state.marks, state.size, &[point], condition)?;
                let side = placement.placed.first()?.site.side;
                figure.ruler(point, side)
            })
            .is_some();
        Surface::Photo {
            // Only the whole back view is "the patient's back" (not the back of the head).
            back: state.marks.view.as_str() == "posterior",
            ruler,
        }
    }
}

/// The point of Study's locate question, if one is asked.
pub(super) fn locate_code(session: &Session) -> Option<&PointCode> {
    let q = session.study.question.as_ref()?;
    matches!(q.kind, QuestionKind::Locate { .. }).then_some(&q.code)
}

impl PhotoState {
    fn can_ask(&self, atlas: &Atlas, session: &Session, code: &PointCode) -> bool {
        let Some(point) = atlas.point(code) else {
            return false;
        };
        let condition = session.kept.condition.as_ref();
        place_marked_photo(atlas, &self.marks, self.size, &[point], condition).is_some_and(
            |(figure, placement)| crate::study::askable_on_photo(atlas, &figure, &placement, code),
        )
    }

    /// The question's scene: nothing on the photo until it is answered (the dot would give
    /// the answer away), then the point with its ruler and the click.
    pub(super) fn study_scene(scene: &mut PhotoScene, session: &Session) {
        if let Some(Answer::Located(result)) = &session.study.answer {
            scene.marks = vec![PhotoMarkDot {
                // The distance is in the question panel; a short label keeps clear of the dot.
                name: "Your click".to_owned(),
                at: result.clicked,
                current: true,
            }];
        } else {
            // The question panel says where to click; the photo stays clear to click on.
            scene.dots.clear();
            scene.ruler = None;
        }
        scene.midline.clear();
    }

    /// A click on the photo answers the question, scored on the photo.
    pub(super) fn study_input(
        &self,
        atlas: &Atlas,
        session: &Session,
        response: &egui::Response,
        proj: &crate::paint::photo::PhotoProjector,
        commands: &mut Vec<Command>,
    ) {
        let Some(p) = response.interact_pointer_pos() else {
            return;
        };
        if !response.clicked() || !proj.rect.contains(p) || session.study.answer.is_some() {
            return;
        }
        let at = proj.photo(p);
        let Some(code) = locate_code(session) else {
            return;
        };
        let Some(point) = atlas.point(code) else {
            return;
        };
        let surface = Surface::Photo {
            back: self.marks.view.as_str() == "posterior",
            ruler: false,
        };
        let condition = session.kept.condition.as_ref();
        let scored = place_marked_photo(atlas, &self.marks, self.size, &[point], condition)
            .and_then(|(figure, placement)| {
                crate::study::score_on_photo(atlas, &figure, &placement, code, at)
            });
        if let Some(result) = scored {
            commands.push(Command::Study(StudyCommand::AnsweredOnPhoto(
                Box::new(result),
                surface,
            )));
        }
    }
}
