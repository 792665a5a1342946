//! Tests of the patient handout: its views, its dates and its header.
use super::*;
use crate::load::load_builtin;

/// The text shapes of the header laid out `width` points wide, as rectangles with their
/// rows.
fn header_texts(name: &str, width: f32) -> Vec<(egui::Rect, usize)> {
    let ctx = egui::Context::default();
    fonts::install(&ctx);
    let details = HandoutDetails {
        practitioner: name.to_owned(),
        date: "2026-11-30".into(),
        ..HandoutDetails::default()
    };
    let input = || egui::RawInput {
        screen_rect: Some(egui::Rect::from_min_size(
            egui::Pos2::ZERO,
            egui::vec2(width, 900.0),
        )),
        ..egui::RawInput::default()
    };
    let mut shapes = Vec::new();
    // The fonts take effect from the second frame.
    for _ in 0..2 {
        let mut out = ctx.run_ui(input(), |ui| header_ui(ui, &details, 3));
        out.textures_delta.clear();
        shapes = out.shapes;
    }
    shapes
        .into_iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) => Some((c.shape.visual_bounding_rect(), t.galley.rows.len())),
            _ => None,
        })
        .collect()
}

#[test]
fn a_long_practitioner_name_wraps_below_the_title_and_stays_on_the_page() {
    // The page's width inside its margins, in points, on A4.
    let width = 2480.0 / 2.8 - 80.0;
    let n82 = "Dr. Maximiliana Alexandrovna Konstantinopoulou-Wetherington-Smythe, L.Ac., Dipl.OM";
    let n113 = "Professor Maximiliana Alexandrovna Konstantinopoulou-Wetherington-Smythe-Featherstonehaugh, L.Ac., Dipl.O.M.";
    let n800 = "Dr. Longname ".repeat(62);
    for name in ["Dr. Wen", n82, n113, n800.as_str()] {
        let texts = header_texts(name, width);
        assert!(texts.len() >= 3, "title, name and date, and the guide line");
        for (i, (a, rows)) in texts.iter().enumerate() {
            assert!(
                a.left() >= -0.5 && a.right() <= width + 0.5,
                "{name}: {a:?} leaves the page"
            );
            assert!(*rows <= MAX_WHO_ROWS, "{name}: {rows} rows");
            for (b, _) in texts.iter().skip(i + 1) {
                assert!(
                    !a.shrink(1.0).intersects(b.shrink(1.0)),
                    "{name}: {a:?} overlaps {b:?}"
                );
            }
        }
    }
    // A short name stays beside the title, on its line.
    let short = header_texts("Dr. Wen", width);
    assert!(
        (short[0].0.center().y - short[1].0.center().y).abs() < 20.0,
        "{short:?}"
    );
}

#[test]
fn day_counts_become_calendar_dates() {
    assert_eq!(civil_from_days(0), (1970, 1, 1));
    assert_eq!(civil_from_days(20_787), (2026, 11, 30));
    assert_eq!(civil_from_days(11_016), (2000, 2, 29));
}

#[test]
fn a_plan_with_back_belly_and_hand_points_gets_every_view_it_needs() {
    let atlas = load_builtin().unwrap();
    let plan: Vec<PointCode> = ["BL23", "CV6", "LI4", "BL40"]
        .into_iter()
        .map(PointCode::new)
        .collect();
    let ids: Vec<String> = figures_for(&atlas, &plan, None)
        .iter()
        .map(|f| f.id.to_string())
        .collect();
    assert!(ids.contains(&"posterior".to_owned()), "{ids:?}");
    assert!(ids.contains(&"anterior".to_owned()), "{ids:?}");
    assert!(ids.iter().any(|i| i.starts_with("hand")), "{ids:?}");
    for code in &plan {
        assert!(
            ids.iter().any(|f| atlas
                .sites_on(code, &crate::model::FigureId::new(f.as_str()))
                .next()
                .is_some()),
            "{code} is on a chosen view"
        );
    }
}
