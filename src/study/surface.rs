//! What a question answered by a click is asked on: the drawn figure, or the patient's photo.
//! Every prompt, hint and feedback line of Study takes its words from here, so each names what
//! the trainee is looking at ("on this figure", "on the patient's back in the photo").

use super::question_kind::{Question, QuestionKind};
use crate::model::{Atlas, Point};

/// Where a click answers the question.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Surface {
    /// The drawn figure (no photo is open).
    #[default]
    Figure,
    /// The drawn figure while a photo is open: its marks do not place or measure the point
    /// (or the question is not a locate question), so it is asked on the figure.
    FigureBesidePhoto,
    /// The patient's marked photo. `back`: it shows the back; `ruler`: the point's own cun
    /// ruler is drawn on it once answered.
    Photo { back: bool, ruler: bool },
}

impl Surface {
    /// Where, inside a sentence: "on this figure", "on the patient's back in the photo".
    pub fn on(self) -> &'static str {
        match self {
            Surface::Figure | Surface::FigureBesidePhoto => "on this figure",
            Surface::Photo { back: true, .. } => "on the patient's back in the photo",
            Surface::Photo { back: false, .. } => "on the patient in the photo",
        }
    }

    /// What is clicked, as a noun: "figure" or "photo".
    pub fn noun(self) -> &'static str {
        match self {
            Surface::Figure | Surface::FigureBesidePhoto => "figure",
            Surface::Photo { .. } => "photo",
        }
    }

    /// What to do, below the prompt, before the answer.
    pub fn click_hint(self, kind: &QuestionKind) -> String {
        let beside = self == Surface::FigureBesidePhoto;
        match (kind, self) {
            (QuestionKind::Locate { .. }, Surface::Photo { back, .. }) => format!(
                "Click the photo where you would place the needle on the patient{}. The points are hidden until you answer, and the click is measured in the patient's own cun.",
                if back { "'s back" } else { "" }
            ),
            (QuestionKind::Landmark { .. }, _) => format!(
                "Click the figure on the landmark. Bones and labels are hidden until you answer.{}",
                if beside {
                    " Landmark questions are asked on the drawn figure, not the photo."
                } else {
                    ""
                }
            ),
            _ => format!(
                "Click the figure where you would place the needle. Labels are hidden until you answer.{}",
                if beside {
                    " The photo's marks do not place and measure this point, so it is asked on the drawn figure."
                } else {
                    ""
                }
            ),
        }
    }

    /// What the canvas shows once answered: `target` is "point" or "landmark"; `ruler`
    /// whether the figure draws the point's cun ruler (a photo says for itself).
    pub fn shown(self, target: &str, ruler: bool, landmark: Option<&str>) -> String {
        let noun = self.noun();
        let ruler = if let Surface::Photo { ruler: drawn, .. } = self {
            drawn
        } else {
            ruler
        };
        let click = match self {
            Surface::Photo { .. } => "your click is the yellow cross",
            Surface::Figure | Surface::FigureBesidePhoto => "your click is the cross",
        };
        match landmark {
            Some(name) => format!("The {noun} now shows the {name}, marked and named; {click}."),
            None if ruler => {
                format!("The {noun} now shows the {target}, ringed, with its cun ruler; {click}.")
            }
            None => format!("The {noun} now shows the {target}, ringed; {click}."),
        }
    }

    /// How the distance was measured: on `span` (its name), the point's own or (`own` false)
    /// one that lies away from the spot asked for.
    pub fn measured(self, span: &str, own: bool) -> String {
        let span = lower_first(span);
        match (self, own) {
            (Surface::Photo { .. }, true) => format!(
                "The distance is in the patient's own cun, measured on {span} as marked on the photo."
            ),
            (Surface::Photo { .. }, false) => format!(
                "This part of the body has no cun span of its own on the photo: the distance is in the cun of {span}, as marked."
            ),
            (_, true) => format!("The distance is measured on {span}."),
            (_, false) => format!(
                "This part of the body has no cun span of its own: the distance is in the cun of {span}."
            ),
        }
    }
}

/// The prompt of a locate question on `point`, asked on `surface`.
pub fn locate_prompt(point: &Point, surface: Surface) -> String {
    format!(
        "Click where {} ({}) lies {}.",
        point.code,
        point.pinyin,
        surface.on()
    )
}

impl Question {
    /// The prompt as asked on `surface`: a locate question names the photo when it is asked
    /// there; every other question reads as written.
    pub fn prompt_on(&self, atlas: &Atlas, surface: Surface) -> String {
        match (&self.kind, surface, atlas.point(&self.code)) {
            (QuestionKind::Locate { .. }, Surface::Photo { .. }, Some(point)) => {
                locate_prompt(point, surface)
            }
            _ => self.prompt.clone(),
        }
    }
}

/// The text with its first letter in lower case ("Popliteal crease to …" inside a sentence).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{FigureId, PointCode};

    fn locate(atlas: &Atlas, code: &str) -> Question {
        let point = atlas.point(&PointCode::new(code)).unwrap();
        Question {
            code: point.code.clone(),
            prompt: locate_prompt(point, Surface::Figure),
            about: super::super::Topic::Location,
            kind: QuestionKind::Locate {
                figure: FigureId::new("posterior"),
            },
        }
    }

    const BACK: Surface = Surface::Photo {
        back: true,
        ruler: true,
    };

    #[test]
    fn a_locate_question_on_the_photo_names_the_patients_back_and_never_the_figure() {
        let atlas = crate::load::load_builtin().unwrap();
        let q = locate(&atlas, "BL23");
        let lines = [
            q.prompt_on(&atlas, BACK),
            BACK.click_hint(&q.kind),
            BACK.shown("point", false, None),
            BACK.measured("Posterior midline to medial border of scapula", true),
            BACK.measured("Posterior midline to medial border of scapula", false),
        ];
        assert!(
            lines[0].contains("on the patient's back in the photo"),
            "{}",
            lines[0]
        );
        for line in &lines {
            assert!(!line.contains("figure"), "{line}");
            assert!(line.contains("photo"), "{line}");
        }
        assert!(lines[2].contains("cun ruler"), "{}", lines[2]);
    }

    #[test]
    fn a_photo_of_another_part_names_the_patient_not_the_back() {
        let atlas = crate::load::load_builtin().unwrap();
        let q = locate(&atlas, "SI3");
        let hand = Surface::Photo {
            back: false,
            ruler: false,
        };
        let prompt = q.prompt_on(&atlas, hand);
        assert!(
            prompt.ends_with("lies on the patient in the photo."),
            "{prompt}"
        );
        assert!(!hand.click_hint(&q.kind).contains("back"));
    }

    #[test]
    fn on_the_figure_the_words_name_the_figure_and_say_why_when_a_photo_is_open() {
        let atlas = crate::load::load_builtin().unwrap();
        let q = locate(&atlas, "BL23");
        for surface in [Surface::Figure, Surface::FigureBesidePhoto] {
            assert_eq!(q.prompt_on(&atlas, surface), q.prompt);
            assert!(q.prompt.ends_with("on this figure."), "{}", q.prompt);
            assert!(!surface.shown("point", true, None).contains("photo"));
            assert!(!surface.measured("Back", true).contains("photo"));
        }
        assert!(!Surface::Figure.click_hint(&q.kind).contains("photo"));
        let beside = Surface::FigureBesidePhoto.click_hint(&q.kind);
        assert!(
            beside.contains("marks do not place and measure this point"),
            "{beside}"
        );
        let landmark = QuestionKind::Landmark {
            figure: FigureId::new("posterior"),
            landmark: crate::model::LandmarkId::new("l2_spinous_lower"),
            target: crate::study::LandmarkTarget {
                structure: crate::model::StructureId::new("lumbar_spine"),
                name: "L2 spinous process".to_owned(),
                spot: true,
            },
        };
        let beside = Surface::FigureBesidePhoto.click_hint(&landmark);
        assert!(
            beside.contains("Landmark questions are asked on the drawn figure"),
            "{beside}"
        );
    }
}
