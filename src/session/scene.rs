//! The one place that decides what the canvas shows in each mode: the session and the atlas
//! in, a [`Scene`] out. The window draws it, "Export view…" exports it, and `export` builds a
//! session from its arguments and exports the same.

use super::mode::Mode;
use super::state::{Answer, Session};
use crate::model::{Atlas, PointCode};
use crate::scene::{LabelStyle, LandmarkMark, Scene};
use crate::study::QuestionKind;
use std::collections::BTreeSet;

/// Dot and label size for a patient watching a laptop screen.
pub const PATIENT_SCALE: f32 = 1.6;

impl Session {
    /// What the canvas shows now; `None` when the atlas has no figure.
    pub fn scene(&self, atlas: &Atlas) -> Option<Scene> {
        let figure = self
            .kept
            .figure
            .as_ref()
            .filter(|f| atlas.figure(f).is_some())
            .or_else(|| atlas.figures().first().map(|f| &f.id))?
            .clone();
        let points: Vec<PointCode> = self
            .visible_points(atlas)
            .iter()
            .map(|p| p.code.clone())
            .collect();
        let mut scene = Scene::new(figure, points);
        scene.condition.clone_from(&self.kept.condition);
        scene.selected.clone_from(&self.kept.selected);
        scene.ruler = scene.selected.is_some();
        scene.theme = self.kept.theme;
        scene.labels = if self.kept.pinyin_labels {
            LabelStyle::Full
        } else {
            LabelStyle::Code
        };
        match self.mode {
            Mode::Explore => {
                scene.highlighted = self.mechanism_points(atlas);
                scene.in_plan = self.kept.plan.iter().cloned().collect();
                scene.calibration = self.calibration;
            }
            Mode::Patient => {
                scene.scale = PATIENT_SCALE;
                scene.ruler = false;
                scene.labels = if self.patient_codes {
                    LabelStyle::NumberedCode
                } else {
                    LabelStyle::Numbered
                };
            }
            Mode::Study => self.study_scene(&mut scene),
            Mode::Present => {
                scene.scale = self.kept.text_scale;
                scene.spotlight = self.present.spotlight;
                if self.present.recall {
                    scene.label_only = Some(self.present.revealed.clone());
                }
                scene.calibration = self.calibration;
                self.present_extras(atlas, &mut scene);
            }
        }
        self.layer_scene(atlas, &mut scene);
        Some(scene)
    }

    /// Study: the figure gives nothing away before the answer; after it, the point is ringed
    /// with its ruler (and the click is marked for a locate question).
    fn study_scene(&self, scene: &mut Scene) {
        scene.labels = LabelStyle::None;
        scene.highlighted = BTreeSet::new();
        let Some(question) = &self.study.question else {
            scene.selected = None;
            scene.ruler = false;
            return;
        };
        scene.points = vec![question.code.clone()];
        match &self.study.answer {
            None => {
                scene.show_dots = false;
                scene.selected = None;
                scene.ruler = false;
            }
            Some(answer) => {
                scene.selected = Some(question.code.clone());
                scene.ruler = true;
                if let (true, Answer::Located(r)) = (question.kind.is_click(), answer) {
                    scene.marker = Some(r.clicked);
                }
                // A landmark's answer is the landmark: its ring and name, not the point's.
                if let QuestionKind::Landmark {
                    landmark, target, ..
                } = &question.kind
                {
                    scene.selected = None;
                    scene.ruler = false;
                    scene.landmark_mark = Some(LandmarkMark {
                        structure: target.structure.clone(),
                        landmark: landmark.clone(),
                        spot: target.spot,
                        name: target.name.clone(),
                    });
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::session::{Command, apply};
    use crate::store::Settings;
    use crate::study::QuestionKind;

    #[test]
    fn each_mode_describes_its_own_canvas() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        apply(
            &mut s,
            &atlas,
            Command::SelectPoint(PointCode::new("BL23")),
            0,
        );
        apply(
            &mut s,
            &atlas,
            Command::AddToPlan(PointCode::new("BL23")),
            0,
        );
        let explore = s.scene(&atlas).unwrap();
        assert!(explore.ruler && explore.labels == LabelStyle::Code);
        assert!(explore.points.len() > 10);

        s.mode = Mode::Patient;
        let patient = s.scene(&atlas).unwrap();
        assert_eq!(patient.points, [PointCode::new("BL23")]);
        assert!(!patient.ruler, "no rulers for patients");
        assert_eq!(patient.labels, LabelStyle::Numbered);

        s.mode = Mode::Present;
        apply(&mut s, &atlas, Command::SetTextScale(2.0), 0);
        assert_eq!(s.scene(&atlas).unwrap().scale, 2.0);
    }

    #[test]
    fn a_study_question_shows_no_dot_until_it_is_answered() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        apply(&mut s, &atlas, Command::SetMode(Mode::Study), 0);
        apply(
            &mut s,
            &atlas,
            Command::Study(crate::session::StudyCommand::Start),
            0,
        );
        let asked = s.scene(&atlas).unwrap();
        assert!(!asked.show_dots && asked.selected.is_none() && !asked.ruler);
        let code = s.study.question.as_ref().unwrap().code.clone();
        match s.study.question.as_ref().unwrap().kind.clone() {
            QuestionKind::Locate { .. } | QuestionKind::Landmark { .. } => {
                let at = crate::model::FigurePos::new(0.5, 0.5);
                apply(&mut s, &atlas, Command::AnswerLocate(at), 0);
            }
            QuestionKind::Choose { .. } => {
                apply(&mut s, &atlas, Command::AnswerChoice(0), 0);
            }
        }
        let answered = s.scene(&atlas).unwrap();
        assert!(answered.show_dots && answered.ruler);
        assert_eq!(answered.selected, Some(code));
    }
}
