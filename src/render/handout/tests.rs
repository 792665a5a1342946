//! Tests of the patient handout, read back from the shapes its pages paint: type sizes in
//! typographic points and their contrast, the numbers on the figures, the header, the views.
use super::*;
use crate::load::load_builtin;

/// Every text the pages of a handout paint, laid out on `paper` as the picture is: each as
/// (its text, its rectangle, and per section: characters, size in points, colour).
/// Per section of a text: its characters (not counting spaces), size and colour.
type Sections = Vec<(usize, f32, egui::Color32)>;

pub(super) struct Painted {
    pub texts: Vec<(String, egui::Rect, Sections)>,
    pub pages: usize,
    /// The rectangles of textured images painted (the photo).
    pub images: Vec<egui::Rect>,
}

pub(super) fn painted(plan: &[&str], details: &HandoutDetails, paper: Paper) -> Painted {
    painted_with(plan, details, paper, None)
}

/// [`painted`] with a photo beside the figures.
pub(super) fn painted_with(
    plan: &[&str],
    details: &HandoutDetails,
    paper: Paper,
    photo: Option<&HandoutPhoto>,
) -> Painted {
    let atlas = load_builtin().unwrap();
    let plan: Vec<PointCode> = plan.iter().map(|c| PointCode::new(*c)).collect();
    let mut sheet = sheet(&atlas, &plan, details, paper).unwrap();
    sheet.photo = photo;
    let mut texts = Vec::new();
    let mut images = Vec::new();
    let (mut index, mut pages) = (0, 1);
    while index < pages {
        let (shapes, count) = page_shapes(&sheet, paper, index);
        pages = count;
        let mut flat = Vec::new();
        for c in shapes {
            flatten(c.shape, &mut flat, &mut images);
        }
        for t in flat {
            let job = &t.galley.job;
            let sections = job
                .sections
                .iter()
                .map(|s| {
                    let range = s.byte_range.start.0..s.byte_range.end.0;
                    let chars = job.text.get(range).unwrap_or_default();
                    let n = chars.chars().filter(|c| !c.is_whitespace()).count();
                    let color = t.override_text_color.unwrap_or(s.format.color);
                    (n, s.format.font_id.size, color)
                })
                .collect();
            let rect = t.galley.rect.translate(t.pos.to_vec2());
            texts.push((t.galley.text().to_owned(), rect, sections));
        }
        index += 1;
    }
    Painted {
        texts,
        pages,
        images,
    }
}

/// The shapes page `index` of `sheet` paints on `paper` (each with its clip rectangle), and
/// how many pages the handout has.
pub(super) fn page_shapes(
    sheet: &page::Sheet<'_>,
    paper: Paper,
    index: usize,
) -> (Vec<egui::epaint::ClippedShape>, usize) {
    let ctx = egui::Context::default();
    crate::paint::fonts::install(&ctx);
    let [w, h] = paper.pixels();
    #[allow(clippy::cast_precision_loss)]
    let size = egui::vec2(w as f32, h as f32) / PIXELS_PER_POINT;
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(egui::Pos2::ZERO, size)),
        ..egui::RawInput::default()
    };
    let (mut shapes, mut pages) = (Vec::new(), 1);
    // The fonts take effect from the second frame.
    for _ in 0..2 {
        let mut out = ctx.run_ui(input(), |ui| {
            egui::Frame::NONE
                .inner_margin(8.0)
                .show(ui, |ui| pages = page::page_ui(ui, sheet, index));
        });
        out.textures_delta.clear();
        shapes = out.shapes;
    }
    (shapes, pages)
}

fn flatten(
    shape: egui::Shape,
    out: &mut Vec<egui::epaint::TextShape>,
    images: &mut Vec<egui::Rect>,
) {
    match shape {
        egui::Shape::Text(t) => out.push(t),
        egui::Shape::Vec(v) => v.into_iter().for_each(|s| flatten(s, out, images)),
        egui::Shape::Rect(r) if r.fill_texture_id() != egui::TextureId::default() => {
            images.push(r.rect);
        }
        egui::Shape::Mesh(m) if m.texture_id != egui::TextureId::default() => {
            images.push(m.calc_bounds());
        }
        _ => {}
    }
}

/// WCAG's contrast ratio of two colours.
fn contrast(a: egui::Color32, b: egui::Color32) -> f32 {
    let lum = |c: egui::Color32| {
        let lin = |v: u8| {
            let v = f32::from(v) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * lin(c.r()) + 0.7152 * lin(c.g()) + 0.0722 * lin(c.b())
    };
    let (x, y) = (lum(a), lum(b));
    (x.max(y) + 0.05) / (x.min(y) + 0.05)
}

const FOUR: [&str; 4] = ["BL23", "BL25", "BL40", "KI3"];
const TWELVE: [&str; 12] = [
    "BL23", "BL25", "BL40", "GB30", "KI3", "LI4", "GB34", "BL60", "SP6", "CV6", "GV4", "EX-B2",
];

fn details() -> HandoutDetails {
    HandoutDetails {
        date: "2026-12-06".into(),
        practitioner: "Dr. Wen".into(),
        ..HandoutDetails::default()
    }
}

#[test]
fn handout_text_is_large_and_near_black_on_both_papers() {
    let page = crate::paint::theme::canvas_colors(Theme::Light).background;
    for paper in [Paper::A4, Paper::Letter] {
        for plan in [&FOUR[..], &TWELVE[..]] {
            let p = painted(plan, &details(), paper);
            let (mut all, mut large) = (0, 0);
            for (text, _, sections) in &p.texts {
                for (n, size, color) in sections {
                    all += n;
                    if *size >= 11.0 {
                        large += n;
                    }
                    assert!(*size >= 9.0 || *n == 0, "{text:?} is set at {size} pt");
                    assert!(
                        *n == 0 || contrast(*color, page) >= 7.0,
                        "{text:?} in {color:?}: contrast {}",
                        contrast(*color, page)
                    );
                }
            }
            assert!(all > 500, "{paper:?} {}: {all} characters", plan.len());
            assert!(p.pages <= MAX_PAGES, "{paper:?}: {} pages", p.pages);
            assert!(
                large * 10 >= all * 9,
                "{paper:?} {}: {large} of {all} characters at 11 pt or more",
                plan.len()
            );
        }
    }
}

#[test]
fn no_text_leaves_the_page_whatever_the_name() {
    let long = "Professor Maximiliana Alexandrovna Konstantinopoulou-Wetherington-Smythe-Featherstonehaugh, L.Ac., Dipl.O.M. ".repeat(4);
    for paper in [Paper::A4, Paper::Letter] {
        let d = HandoutDetails {
            practitioner: long.clone(),
            ..details()
        };
        let p = painted(&TWELVE, &d, paper);
        let [w, h] = paper.pixels();
        #[allow(clippy::cast_precision_loss)]
        let page = egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(w as f32, h as f32) / PIXELS_PER_POINT,
        );
        for (text, rect, _) in &p.texts {
            assert!(
                page.contains_rect(*rect),
                "{text:?} at {rect:?} leaves {page:?}"
            );
        }
        let who = p
            .texts
            .iter()
            .find(|(t, _, _)| t.starts_with("Date:"))
            .unwrap();
        assert!(who.0.starts_with("Date: 6 December 2026") || paper == Paper::Letter);
    }
}

#[test]
fn the_date_is_in_words_and_the_sheet_names_no_country() {
    let p = painted(&FOUR, &details(), Paper::A4);
    assert!(
        p.texts
            .iter()
            .any(|(t, _, _)| t.contains("6 December 2026"))
    );
    assert!(!p.texts.iter().any(|(t, _, _)| t.contains("2026-12-06")));
    assert!(!p.texts.iter().any(|(t, _, _)| t.contains("United States")));
    let letter = painted(&FOUR, &details(), Paper::Letter);
    assert!(
        letter
            .texts
            .iter()
            .any(|(t, _, _)| t.contains("December 6, 2026"))
    );
}

#[test]
fn the_last_page_ends_in_note_lines_and_the_figures_take_the_first_pages_room() {
    let h = Heights {
        page: 770.0,
        header: 90.0,
        flow: vec![130.0, 180.0, 236.0, 400.0, 15.0],
        notes: 76.0,
        figures_min: 231.0,
        figures_max: 430.0,
    };
    let pages = paginate(&h);
    assert_eq!(pages.len(), 2, "{pages:?}");
    let first = &pages[0];
    assert!(first.figures > h.figures_min, "{first:?}");
    assert!(pages[1].note_lines.unwrap() >= 2);
    let all: Vec<usize> = pages.iter().flat_map(|p| p.flow.clone()).collect();
    assert_eq!(all, [0, 1, 2, 3, 4], "every part once, in order");
}

#[test]
fn a_plan_with_back_belly_and_hand_points_gets_every_view_it_needs() {
    let atlas = load_builtin().unwrap();
    let plan: Vec<PointCode> = ["BL23", "CV6", "LI4", "BL40"]
        .into_iter()
        .map(PointCode::new)
        .collect();
    let ids: Vec<String> = figures::figures_for(&atlas, &plan, None)
        .iter()
        .map(|f| f.id.to_string())
        .collect();
    assert!(ids.contains(&"posterior".to_owned()), "{ids:?}");
    assert!(ids.contains(&"anterior".to_owned()), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with("hand")), "{ids:?}");
}

#[path = "photo_tests.rs"]
mod photo_tests;

#[path = "figure_tests.rs"]
mod figure_tests;
