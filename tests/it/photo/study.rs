//! Study's locate questions on a photo: a click scored in the patient's own cun (the same at
//! any size of photo), with the figure's tolerance, asked only for points the marks place; and
//! in the window, a locate question answered by a click on the photo.

use super::marks_of;
use super::picture::{back_picture, true_marks};
use crate::common::click_at;
use acupoint_atlas::model::{Atlas, FigureId, FigurePos, PhotoMarks, PointCode};
use acupoint_atlas::placement::place_marked_photo;
use acupoint_atlas::session::{Answer, Command, Mode, StudyCommand};
use acupoint_atlas::study::{
    Grade, Kinds, QuestionKind, RIGHT_CUN, StudyPlan, Surface, askable_on_photo, score_on_photo,
};
use egui_kittest::kittest::Queryable;

/// Scores a click `cun` (in the photo's own cun) below `code`'s site.
fn score_off(
    atlas: &Atlas,
    marks: &PhotoMarks,
    photo_size: (f32, f32),
    code: &str,
    cun: f32,
) -> (f32, Grade) {
    let code = PointCode::new(code);
    let point = atlas.point(&code).unwrap();
    let (figure, placement) = place_marked_photo(atlas, marks, photo_size, &[point], None).unwrap();
    let site = placement
        .placed
        .iter()
        .find(|p| p.code == code)
        .unwrap()
        .site
        .clone();
    let unit = match figure.ruler(point, site.side) {
        Some(r) => r.from.distance(r.to) / r.cun,
        None => {
            figure
                .measuring_span(atlas, point, site.at, site.side)
                .unwrap()
                .unit
        }
    };
    // Straight down: a paired point's other site stays further away.
    let click = FigurePos::new(site.at.x, site.at.y + cun * unit);
    let r = score_on_photo(atlas, &figure, &placement, &code, click)
        .unwrap_or_else(|| panic!("{code} scored {cun} cun off"));
    (r.error_cun, r.grade)
}

#[test]
fn a_click_on_the_photo_is_scored_in_the_patients_own_cun_whatever_the_photos_size() {
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    for scale in [1.0, 2.5] {
        let marks = marks_of(view, "back.png", scale, (40.0, 10.0));
        let photo_size = (1200.0 * scale, 1600.0 * scale);
        for (code, cun) in [("BL23", 0.0), ("BL23", 2.0), ("BL40", 1.0)] {
            let (error, grade) = score_off(&atlas, &marks, photo_size, code, cun);
            assert!(
                (error - cun).abs() < 0.05,
                "{code} at {scale}: {error} not {cun}"
            );
            let expected = match cun {
                c if c <= RIGHT_CUN => Grade::Right,
                c if c <= 1.5 => Grade::Close,
                _ => Grade::Wrong,
            };
            assert_eq!(grade, expected, "{code} {cun} cun off at {scale}");
        }
    }
}

#[test]
fn only_points_the_marks_place_are_asked_on_the_photo() {
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    let mut marks = marks_of(view, "back.png", 1.0, (0.0, 0.0));
    marks
        .landmarks
        .retain(|name, _| !name.starts_with("popliteal_crease"));
    let codes = ["BL23", "BL40"].map(PointCode::new);
    let points: Vec<_> = codes.iter().map(|c| atlas.point(c).unwrap()).collect();
    let (figure, placement) =
        place_marked_photo(&atlas, &marks, (1200.0, 1600.0), &points, None).unwrap();
    assert!(askable_on_photo(&atlas, &figure, &placement, &codes[0]));
    assert!(!askable_on_photo(&atlas, &figure, &placement, &codes[1]));
}

#[test]
fn in_study_a_locate_question_is_answered_by_a_click_on_the_photo() {
    let dir = tempfile::tempdir().unwrap();
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let view = atlas.figure(&FigureId::new("posterior")).unwrap();
    back_picture(view)
        .save(dir.path().join("back.png"))
        .unwrap();
    let marks = true_marks(view, "back.png");

    let mut h = super::app_with_photo(dir.path(), &marks);
    let ctx = h.ctx.clone();
    let plan = StudyPlan {
        kinds: Kinds {
            locate: true,
            landmark: false,
            names: false,
            region_condition: false,
        },
        ..StudyPlan::default()
    };
    for c in [
        Command::SetMode(Mode::Study),
        Command::Study(StudyCommand::SetPlan(plan)),
        Command::Study(StudyCommand::Start),
    ] {
        h.state_mut().run_command(&ctx, c);
    }
    h.run();
    // Skip to a question on a point the photo's marks place.
    let photo_size = (
        f32::from(u16::try_from(super::picture::WIDTH).unwrap()),
        f32::from(u16::try_from(super::picture::HEIGHT).unwrap()),
    );
    let mut site = None;
    for _ in 0..60 {
        let q = h.state().session().study.question.clone().unwrap();
        assert!(matches!(q.kind, QuestionKind::Locate { .. }));
        let point = atlas.point(&q.code).unwrap();
        if let Some((figure, placement)) =
            place_marked_photo(&atlas, &marks, photo_size, &[point], None)
            && askable_on_photo(&atlas, &figure, &placement, &q.code)
        {
            site = placement.placed.first().map(|p| p.site.at);
            break;
        }
        h.state_mut().run_command(&ctx, Command::NextQuestion);
        h.run();
    }
    let site = site.expect("a question on a point the photo places");
    let canvas = h.state().layout().canvas.unwrap();
    let proj = acupoint_atlas::paint::photo::PhotoProjector::fit(canvas, photo_size);
    shot(&mut h, "study-photo-question.png");
    // Every line names the photo the question is asked on, none the figure.
    says(
        &h,
        &[
            "lies on the patient's back in the photo.",
            "Click the photo where you would place the needle",
        ],
        &["lies on this figure", "Click the figure"],
    );
    click_at(&mut h, proj.screen(site));
    shot(&mut h, "study-photo-answered.png");
    says(
        &h,
        &[
            "in the patient's own cun, measured on",
            "The photo now shows the point",
        ],
        &["The figure now shows"],
    );
    let Some(Answer::Located(result)) = &h.state().session().study.answer else {
        panic!(
            "the click on the photo answered: {:?}",
            h.state().session().study.answer
        );
    };
    assert_eq!(result.grade, Grade::Right, "{result:?}");
    // Scored in the photo's pixels, not the figure's.
    assert!(result.answer.distance(site) < 0.5, "{result:?}");
}

#[test]
fn a_missed_question_on_the_photo_is_reviewed_as_asked_on_the_photo() {
    let atlas = acupoint_atlas::load::load_builtin().unwrap();
    let mut session = acupoint_atlas::session::Session {
        mode: Mode::Study,
        ..Default::default()
    };
    let point = atlas.point(&PointCode::new("BL23")).unwrap();
    session.study.question = Some(acupoint_atlas::study::Question {
        code: point.code.clone(),
        prompt: acupoint_atlas::study::locate_prompt(point, Surface::Figure),
        about: acupoint_atlas::study::Topic::Location,
        kind: QuestionKind::Locate {
            figure: FigureId::new("posterior"),
        },
    });
    let far = acupoint_atlas::study::LocateResult::graded(
        FigurePos::new(0.0, 0.0),
        FigurePos::new(300.0, 0.0),
        10.0,
        "Back".to_owned(),
    );
    let surface = Surface::Photo {
        back: true,
        ruler: true,
    };
    acupoint_atlas::session::apply(
        &mut session,
        &atlas,
        Command::Study(StudyCommand::AnsweredOnPhoto(Box::new(far), surface)),
        0,
    );
    let missed = session.study.misses.last().unwrap();
    assert_eq!(
        missed.prompt,
        "Click where BL23 (Shènshū) lies on the patient's back in the photo."
    );
    assert_eq!(
        missed.right,
        "a click on BL23, on the patient's back in the photo"
    );
}

/// Asserts the window shows a label containing each of `shown` and none containing `not`.
fn says(h: &egui_kittest::Harness<'_, acupoint_atlas::ui::AtlasApp>, shown: &[&str], not: &[&str]) {
    for text in shown {
        assert!(
            h.query_by_label_contains(text).is_some(),
            "no label says {text:?}"
        );
    }
    for text in not {
        assert!(
            h.query_by_label_contains(text).is_none(),
            "a label says {text:?}"
        );
    }
}

/// With `PHOTO_DEMO_DIR` set, saves the window as it looks now under that name there.
fn shot(h: &mut egui_kittest::Harness<'_, acupoint_atlas::ui::AtlasApp>, name: &str) {
    if let Some(dir) = std::env::var_os("PHOTO_DEMO_DIR") {
        h.run();
        let image = h.render().unwrap();
        image.save(std::path::Path::new(&dir).join(name)).unwrap();
    }
}
