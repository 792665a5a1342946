//! Lessons and diagrams in a session: opening, stepping without wrapping, the note kept off
//! the canvas unless asked, and each diagram's own step.

#![allow(clippy::unwrap_used)]

use super::*;
use crate::load::load_builtin;
use crate::session::{Command, apply};
use crate::store::Settings;

fn first_lesson(atlas: &Atlas) -> LessonId {
    atlas.lessons().first().unwrap().id.clone()
}

#[test]
fn opening_a_lesson_enters_present_mode_at_its_first_step_and_the_keys_step_it() {
    let atlas = load_builtin().unwrap();
    let mut s = Session::resume(&atlas, Settings::default());
    let id = first_lesson(&atlas);
    apply(&mut s, &atlas, Command::OpenLesson(Some(id.clone())), 0);
    assert_eq!(s.mode, Mode::Present);
    assert_eq!(s.lesson_play(&atlas).map(|(_, i)| i), Some(0));
    apply(&mut s, &atlas, Command::Step(1), 0);
    apply(&mut s, &atlas, Command::Step(1), 0);
    assert_eq!(s.lesson_play(&atlas).map(|(_, i)| i), Some(2));
    apply(&mut s, &atlas, Command::Step(-5), 0);
    assert_eq!(
        s.lesson_play(&atlas).map(|(_, i)| i),
        Some(0),
        "no wrap at the start"
    );
    let scene = s.scene(&atlas).unwrap();
    let title = &atlas.lesson(&id).unwrap().steps[0].title;
    assert_eq!(
        scene.banner.as_ref().map(|b| &b.title),
        Some(&title.to_string())
    );
}

#[test]
fn the_presenters_note_reaches_the_canvas_only_when_asked() {
    let atlas = load_builtin().unwrap();
    let mut s = Session::resume(&atlas, Settings::default());
    apply(
        &mut s,
        &atlas,
        Command::OpenLesson(Some(first_lesson(&atlas))),
        0,
    );
    assert_eq!(s.scene(&atlas).unwrap().banner.unwrap().note, None);
    apply(&mut s, &atlas, Command::ToggleNoteOnCanvas, 0);
    assert!(s.scene(&atlas).unwrap().banner.unwrap().note.is_some());
}

#[test]
fn a_presented_diagram_fills_the_canvas_and_steps_without_wrapping() {
    let atlas = load_builtin().unwrap();
    let mut s = Session::resume(&atlas, Settings::default());
    let id = MechanismId::new("endogenous-opioids");
    apply(&mut s, &atlas, Command::PresentDiagram(Some(id.clone())), 0);
    assert_eq!(s.mode, Mode::Present);
    assert!(!s.present_card_shown(&atlas));
    let n = atlas.diagram(&id).unwrap().steps.len();
    for _ in 0..n + 3 {
        apply(&mut s, &atlas, Command::Step(1), 0);
    }
    let view = s.scene(&atlas).unwrap().diagram.unwrap();
    assert_eq!(
        view,
        DiagramView {
            mechanism: id.clone(),
            step: n - 1
        }
    );
    apply(&mut s, &atlas, Command::PresentDiagram(None), 0);
    assert!(s.scene(&atlas).unwrap().diagram.is_none());
}

#[test]
fn the_tabs_previous_and_next_move_one_diagram_only() {
    let atlas = load_builtin().unwrap();
    let mut s = Session::resume(&atlas, Settings::default());
    let a = MechanismId::new("adenosine");
    apply(&mut s, &atlas, Command::StepDiagram(a.clone(), 1), 0);
    assert_eq!(s.diagram_step(&a), 1);
    assert_eq!(s.diagram_step(&MechanismId::new("circulation")), 0);
    apply(&mut s, &atlas, Command::StepDiagram(a.clone(), -3), 0);
    assert_eq!(s.diagram_step(&a), 0);
}
