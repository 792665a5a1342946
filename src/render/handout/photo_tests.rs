//! Tests of the patient's photo on the handout: the photo is painted as an image, today's
//! numbers sit on it, and the page says the placement is approximate.
use super::*;
use crate::model::{FigurePos, PhotoImage, Side};
use crate::scene::photo::{PhotoDot, PhotoScene};

/// A plain 300×400 photo with the plan's first two points numbered on it.
fn photo() -> HandoutPhoto {
    let image = PhotoImage {
        width: 300,
        height: 400,
        rgba: vec![160; 300 * 400 * 4],
    };
    let dot = |code: &str, label: &str, x: f32, y: f32| PhotoDot {
        code: PointCode::new(code),
        side: Side::Midline,
        at: FigurePos::new(x, y),
        label: label.to_owned(),
        region: None,
        selected: false,
        in_plan: false,
        labelled: true,
    };
    let scene = PhotoScene {
        size: (300.0, 400.0),
        dots: vec![
            dot("GV4", "1", 150.0, 150.0),
            dot("BL40", "2", 100.0, 320.0),
        ],
        marks: Vec::new(),
        expected: None,
        ruler: None,
        midline: Vec::new(),
        note: Some(crate::scene::photo::APPROXIMATE.to_owned()),
        theme: crate::scene::Theme::Light,
    };
    HandoutPhoto::new(&image, scene)
}

#[test]
fn a_handout_with_a_photo_numbers_the_plan_on_the_photo_and_says_palpate_to_confirm() {
    let photo = photo();
    let details = HandoutDetails::default();
    let p = super::tests::painted_with(&["GV4", "BL40"], &details, Paper::A4, Some(&photo));
    let [image] = p.images.as_slice() else {
        panic!("one photo painted, got {:?}", p.images);
    };
    // The photo keeps its shape (3:4) on the page.
    assert!(
        (image.width() / image.height() - 0.75).abs() < 0.01,
        "{image:?}"
    );
    for n in ["1", "2"] {
        assert!(
            p.texts
                .iter()
                .any(|(t, r, _)| t == n && image.contains(r.center())),
            "number {n} on the photo"
        );
    }
    assert!(p.texts.iter().any(|(t, _, _)| t == PHOTO_TITLE));
    let warning = p
        .texts
        .iter()
        .find(|(t, _, _)| t.contains("Palpate to confirm"))
        .map(|(_, r, _)| *r);
    // Under the photo, where it hides no point.
    assert!(
        warning.is_some_and(|r| r.top() >= image.bottom()),
        "{warning:?}"
    );
}

#[test]
fn a_handout_without_a_photo_paints_no_image() {
    let p = super::tests::painted(&["GV4", "BL40"], &HandoutDetails::default(), Paper::A4);
    assert!(p.images.is_empty());
}

#[test]
fn the_photo_is_marked_as_a_figure_that_names_its_numbered_points() {
    let photo = photo();
    let atlas = crate::load::load_builtin().unwrap();
    let plan = [PointCode::new("GV4"), PointCode::new("BL40")];
    let mut renderer = super::Renderer::new();
    let pages = handout_pages(
        &mut renderer,
        &atlas,
        &plan,
        &HandoutDetails::default(),
        Paper::A4,
        Some(&photo),
    )
    .unwrap();
    let words: Vec<&str> = pages[0]
        .marks
        .iter()
        .filter_map(|m| match &m.role {
            crate::paint::marks::Role::Figure(w) => Some(w.as_str()),
            _ => None,
        })
        .collect();
    let on_photo = words.iter().find(|w| w.starts_with(PHOTO_TITLE));
    assert_eq!(
        on_photo.copied(),
        Some(
            "On your own photo: the patient's photo with points 1 GV4 and 2 BL40 marked. \
             Approximate: placed from the landmarks marked on this photo. Palpate to confirm."
        ),
        "{words:?}"
    );
    assert!(words.len() >= 2, "the drawn figures too: {words:?}");
}
