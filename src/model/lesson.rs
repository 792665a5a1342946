//! Lessons an educator runs in Present mode: a title, then steps, each setting what the canvas
//! shows (a view of the body with a condition, emphasised points and recall, or a mechanism's
//! diagram at one of its steps) and a note for the presenter's eyes only.

use super::ids::{
    ConditionId, FigureId, LessonId, MechanismId, PointCode, ReferenceId, StructureId,
};
use super::text::{Prose, Title};
use serde::Deserialize;

/// One step of a lesson.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LessonStep {
    /// A few words, shown at the top of the canvas and in slide file names.
    pub title: Title,
    /// One or two sentences for the room, shown under the title (may be empty).
    #[serde(default)]
    pub text: Prose,
    /// For the presenter: shown beside the step controls, never on the canvas unless asked.
    pub note: Prose,
    /// The view of the body (default: the lesson's view).
    #[serde(default)]
    pub view: Option<FigureId>,
    /// The condition whose points are drawn (default: the lesson's condition).
    #[serde(default)]
    pub condition: Option<ConditionId>,
    /// Points to emphasise; the others are dimmed.
    #[serde(default)]
    pub points: Vec<PointCode>,
    /// A point to ring, with the cun ruler it is measured on.
    #[serde(default)]
    pub select: Option<PointCode>,
    /// Hide the labels so the room can recall the names.
    #[serde(default)]
    pub recall: bool,
    /// The bones (or other structures) the step's words use as landmarks, such as the line
    /// across the iliac crests: the bones are drawn, and these are lit, tagged and framed.
    #[serde(default)]
    pub structures: Vec<StructureId>,
    /// A mechanism whose diagram fills the canvas instead of the body.
    #[serde(default)]
    pub mechanism: Option<MechanismId>,
    /// Which step of that diagram, counted from 1 (default 1).
    #[serde(default)]
    pub diagram_step: Option<usize>,
}

impl LessonStep {
    /// The diagram step shown, counted from 0.
    pub fn diagram_index(&self) -> usize {
        self.diagram_step.unwrap_or(1).saturating_sub(1)
    }
}

/// A lesson, read from one file.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lesson {
    /// The file's name without `.ron`; set by the loader.
    #[serde(skip, default = "unnamed")]
    pub id: LessonId,
    pub title: Title,
    /// The view steps show unless they name another.
    #[serde(default)]
    pub view: Option<FigureId>,
    /// The condition steps show unless they name another.
    #[serde(default)]
    pub condition: Option<ConditionId>,
    /// The sources its words rest on, beyond those of the atlas entries it shows.
    #[serde(default)]
    pub references: Vec<ReferenceId>,
    pub steps: Vec<LessonStep>,
}

fn unnamed() -> LessonId {
    LessonId::new("")
}

impl Lesson {
    pub fn step(&self, index: usize) -> Option<&LessonStep> {
        self.steps.get(index)
    }

    /// The view a step shows: its own, else the lesson's.
    pub fn view_of<'a>(&'a self, step: &'a LessonStep) -> Option<&'a FigureId> {
        step.view.as_ref().or(self.view.as_ref())
    }

    /// The condition a step shows: its own, else the lesson's.
    pub fn condition_of<'a>(&'a self, step: &'a LessonStep) -> Option<&'a ConditionId> {
        step.condition.as_ref().or(self.condition.as_ref())
    }

    /// A file name for a step's slide: its number from 01 and its title in lower case, with
    /// anything but letters and digits turned into single dashes (`03-how-to-find-bl23.png`).
    pub fn slide_name(&self, index: usize) -> String {
        let title = self.step(index).map_or("", |s| s.title.as_str());
        let mut slug = String::new();
        for c in title.chars().flat_map(char::to_lowercase).map(plain_letter) {
            if c.is_ascii_alphanumeric() {
                slug.push(c);
            } else if !slug.ends_with('-') && !slug.is_empty() {
                slug.push('-');
            }
        }
        let slug: String = slug.trim_end_matches('-').chars().take(48).collect();
        let slug = slug.trim_end_matches('-');
        let width = self.steps.len().to_string().len().max(2);
        if slug.is_empty() {
            format!("{:0width$}.png", index + 1)
        } else {
            format!("{:0width$}-{slug}.png", index + 1)
        }
    }
}

/// A pinyin vowel with its tone mark taken off (`è` to `e`); other characters unchanged.
fn plain_letter(c: char) -> char {
    const VOWELS: [(&str, char); 5] = [
        ("āáǎàâä", 'a'),
        ("ēéěèêë", 'e'),
        ("īíǐìîï", 'i'),
        ("ōóǒòôö", 'o'),
        ("ūúǔùûüǖǘǚǜ", 'u'),
    ];
    VOWELS
        .iter()
        .find(|(marked, _)| marked.contains(c))
        .map_or(c, |(_, plain)| *plain)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn lesson(titles: &[&str]) -> Lesson {
        Lesson {
            id: LessonId::new("l"),
            title: "L".into(),
            view: None,
            condition: None,
            references: Vec::new(),
            steps: titles
                .iter()
                .map(|t| LessonStep {
                    title: (*t).into(),
                    text: Prose::default(),
                    note: "n".into(),
                    view: None,
                    condition: None,
                    points: Vec::new(),
                    select: None,
                    recall: false,
                    structures: Vec::new(),
                    mechanism: None,
                    diagram_step: None,
                })
                .collect(),
        }
    }

    #[test]
    fn slide_names_are_numbered_and_plain_whatever_the_title_holds() {
        let l = lesson(&["How to find BL23 (Shènshū)", "../../etc", "…"]);
        assert_eq!(l.slide_name(0), "01-how-to-find-bl23-shenshu.png");
        assert_eq!(l.slide_name(1), "02-etc.png");
        assert_eq!(l.slide_name(2), "03.png");
    }
}
