//! Damaged atlases: every problem is reported at `file:line:col`, and nothing panics.

use crate::common::fixture::{AtlasCopy, MINIMAL, line_col};
use acupoint_atlas::load::load_dir;
use std::path::Path;

#[test]
fn the_undamaged_fixture_loads() {
    let atlas = load_dir(Path::new(MINIMAL)).unwrap();
    assert_eq!(atlas.points().len(), 1);
    assert_eq!(atlas.sites(&atlas.points()[0].code).len(), 2);
}

#[test]
fn a_truncated_file_is_reported_with_its_place() {
    let copy = AtlasCopy::minimal();
    let text = copy.read("points/bladder.ron");
    copy.write("points/bladder.ron", &text[..text.len() / 2]);
    let problems = copy.problems();
    let first = problems.iter().next().unwrap().to_string();
    assert!(
        first.starts_with(&format!("{}:", copy.path("points/bladder.ron").display())),
        "{first}"
    );
    assert!(problems.iter().all(|p| p.pos.is_some()), "{problems}");
}

#[test]
fn text_that_is_not_utf8_is_refused_by_name() {
    let copy = AtlasCopy::minimal();
    std::fs::write(copy.path("regions.ron"), [0x5b, 0xff, 0xfe, 0x5d]).unwrap();
    assert!(copy.problems().to_string().contains("not UTF-8"));
}

#[test]
fn an_unknown_field_is_reported_where_it_stands() {
    let copy = AtlasCopy::minimal();
    let (line, _) = copy.edit("points/bladder.ron", "english:", "englsh:");
    let problems = copy.problems();
    let p = problems.iter().next().unwrap();
    assert_eq!(p.pos.unwrap().line, line, "{problems}");
    assert!(p.message.contains("englsh"), "{problems}");
}

#[test]
fn a_missing_field_is_named() {
    let copy = AtlasCopy::minimal();
    copy.edit(
        "points/bladder.ron",
        "        patient_note: \"Beside the spine at the waist.\",\n",
        "",
    );
    assert!(copy.problems().to_string().contains("patient_note"));
}

#[test]
fn a_value_of_the_wrong_type_is_reported_where_it_stands() {
    let copy = AtlasCopy::minimal();
    let (line, _) = copy.edit("references.ron", "year: 2008", "year: \"2008\"");
    let problems = copy.problems();
    assert_eq!(
        problems.iter().next().unwrap().pos.unwrap().line,
        line,
        "{problems}"
    );
}

#[test]
fn a_duplicate_point_code_in_another_file_is_reported_at_the_second_copy() {
    let copy = AtlasCopy::minimal();
    let text = copy.read("points/bladder.ron");
    copy.write("points/more.ron", &text);
    let (line, col) = line_col(&text, text.find("\"BL23\"").unwrap());
    copy.expect_at(
        "points/more.ron",
        (line, col),
        "duplicate point code `BL23`",
    );
}

#[test]
fn an_unknown_region_is_reported_at_the_id() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("points/bladder.ron", "[\"lower-back\"]", "[\"lower-bak\"]");
    copy.expect_at(
        "points/bladder.ron",
        (line, col + 1),
        "unknown region `lower-bak`",
    );
}

#[test]
fn an_unknown_reference_in_a_condition_is_reported_at_the_id() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit(
        "conditions.ron",
        "sources: [\"who2008\"]",
        "sources: [\"who2009\"]",
    );
    copy.expect_at(
        "conditions.ron",
        (line, col + 10),
        "unknown reference `who2009`",
    );
}

#[test]
fn an_unknown_point_in_a_condition_is_reported_at_the_code() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("conditions.ron", "\"BL23\"", "\"BL99\"");
    copy.expect_at("conditions.ron", (line, col), "unknown point `BL99`");
}

#[test]
fn an_unknown_landmark_in_a_rule_is_reported_at_the_landmark() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit(
        "points/bladder.ron",
        "\"l2_spinous_lower\"",
        "\"l2_spinus\"",
    );
    copy.expect_at(
        "points/bladder.ron",
        (line, col),
        "unknown landmark `l2_spinus`",
    );
}

#[test]
fn an_unknown_span_in_a_rule_is_reported_at_the_span() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("points/bladder.ron", "\"back_scale\"", "\"back_scal\"");
    copy.expect_at(
        "points/bladder.ron",
        (line, col),
        "unknown span `back_scal`",
    );
}

#[test]
fn a_span_of_zero_length_is_refused() {
    let copy = AtlasCopy::minimal();
    copy.edit("figures/back.ron", "at: (0.44, 0.25)", "at: (0.5, 0.25)");
    assert!(copy.problems().to_string().contains("zero length"));
}

#[test]
fn a_span_of_negative_cun_is_reported_at_the_number() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("figures/back.ron", "cun: 3.0", "cun: -3.0");
    copy.expect_at(
        "figures/back.ron",
        (line, col + 5),
        "positive number of cun",
    );
}

#[test]
fn a_non_finite_offset_is_reported() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit("points/bladder.ron", "across: 1.5", "across: NaN");
    copy.expect_at("points/bladder.ron", (line, col + 8), "finite");
}

#[test]
fn a_point_placed_outside_the_outline_is_reported() {
    let copy = AtlasCopy::minimal();
    copy.edit("points/bladder.ron", "across: 1.5", "across: 15.0");
    assert!(
        copy.problems()
            .to_string()
            .contains("outside the outline of figure `back`")
    );
}

#[test]
fn a_point_no_figure_can_place_is_reported() {
    let copy = AtlasCopy::minimal();
    // The landmark exists, but on a figure without the span the rule measures on.
    copy.edit(
        "figures/back.ron",
        "        (id: \"back_scale\", name: \"Midline to scapula\", from: \"t3_spinous_lower\", to: \"scapula_medial_border_t3\", cun: 3.0),\n",
        "",
    );
    let text = copy.problems().to_string();
    assert!(text.contains("unknown span `back_scale`"), "{text}");
}

#[test]
fn a_missing_folder_and_missing_files_are_named() {
    let problems = load_dir(Path::new("/no/such/atlas")).unwrap_err();
    assert_eq!(problems.to_string(), "/no/such/atlas: folder not found");
    let copy = AtlasCopy::minimal();
    std::fs::remove_file(copy.path("guidance.ron")).unwrap();
    assert!(
        copy.problems()
            .to_string()
            .contains("guidance.ron: file is missing")
    );
}

#[test]
fn very_deep_nesting_is_refused_with_a_message() {
    let copy = AtlasCopy::minimal();
    copy.write(
        "mechanisms.ron",
        &format!("{}{}", "[".repeat(5000), "]".repeat(5000)),
    );
    assert!(
        copy.problems()
            .to_string()
            .contains("nesting is deeper than")
    );
}

#[test]
fn a_very_large_file_is_refused_with_a_message() {
    let copy = AtlasCopy::minimal();
    let big = format!("[{}]", " ".repeat(9 * 1024 * 1024));
    copy.write("guidance.ron", &big);
    assert!(
        copy.problems()
            .to_string()
            .contains("atlas files may be at most")
    );
}

#[test]
fn every_truncation_of_every_file_gives_diagnostics_and_never_panics() {
    for rel in [
        "points/bladder.ron",
        "figures/back.ron",
        "conditions.ron",
        "references.ron",
    ] {
        let copy = AtlasCopy::minimal();
        let text = copy.read(rel);
        let cuts: Vec<usize> = (0..text.len())
            .step_by(7)
            .filter(|i| text.is_char_boundary(*i))
            .collect();
        for cut in cuts {
            copy.write(rel, &text[..cut]);
            let problems = copy.problems();
            assert!(!problems.is_empty());
        }
    }
}

/// Gives the fixture's BL23 one level group (`lumbar`, with the single level `L2`).
fn with_levels(copy: &AtlasCopy) {
    copy.edit(
        "points/bladder.ron",
        "        location:",
        "        levels: [(id: \"lumbar\", name: \"Lumbar\", region: \"lower-back\", levels: [\"L2\"],\n            needling: (depth_cun: Some((1.0, 1.5)), note: \"Deeper here.\"))],\n        location:",
    );
}

#[test]
fn a_point_with_level_groups_loads_and_a_condition_may_name_its_group_or_a_level() {
    let copy = AtlasCopy::minimal();
    with_levels(&copy);
    copy.edit(
        "conditions.ron",
        "role: Local,",
        "role: Local, levels: [\"lumbar\", \"L2\"],",
    );
    let atlas = load_dir(copy.dir.path()).unwrap();
    let code = &atlas.points()[0].code;
    assert_eq!(atlas.sites(code).len(), 2);
    let site = &atlas.sites(code)[0];
    assert_eq!(atlas.site_level(code, site).unwrap().level.as_str(), "L2");
}

#[test]
fn an_unknown_level_in_a_condition_is_reported_at_the_name() {
    let copy = AtlasCopy::minimal();
    with_levels(&copy);
    let (line, col) = copy.edit(
        "conditions.ron",
        "role: Local,",
        "role: Local, levels: [\"lumbr\"],",
    );
    copy.expect_at(
        "conditions.ron",
        (line, col + "role: Local, levels: [".len()),
        "unknown level `lumbr` of point `BL23`",
    );
}

#[test]
fn levels_named_for_a_point_without_levels_are_reported_at_the_name() {
    let copy = AtlasCopy::minimal();
    let (line, col) = copy.edit(
        "conditions.ron",
        "role: Local,",
        "role: Local, levels: [\"L4\"],",
    );
    copy.expect_at(
        "conditions.ron",
        (line, col + "role: Local, levels: [".len()),
        "point `BL23` has no levels",
    );
}

#[test]
fn a_point_whose_levels_do_not_match_its_rules_is_reported() {
    let copy = AtlasCopy::minimal();
    with_levels(&copy);
    copy.edit(
        "points/bladder.ron",
        "levels: [\"L2\"]",
        "levels: [\"L2\", \"L3\"]",
    );
    let text = copy.problems().to_string();
    assert!(text.contains("1 placement rules but 2 levels"), "{text}");
}

#[test]
fn a_mechanism_linked_by_role_without_saying_where_its_evidence_comes_from_is_reported() {
    let copy = AtlasCopy::minimal();
    let text = "[\n    Mechanism(id: \"gate\", title: \"Gate\", summary: \"s\", explanation: \"e\",\n        grade: TheoryOnly, roles: [Local], references: []),\n]";
    copy.write("mechanisms.ron", text);
    let (line, col) = line_col(text, text.find("[Local]").unwrap());
    copy.expect_at("mechanisms.ron", (line, col), "needs `role_evidence`");
}

#[test]
fn a_file_that_cannot_be_parsed_is_listed_before_what_follows_from_it() {
    // The diagrams name mechanisms that the broken file would define, and they sort ahead of
    // it by path; the cause still comes first.
    let copy = AtlasCopy::builtin();
    copy.write("mechanisms.ron", "[ Mechanism(id: ");
    let problems = copy.problems();
    let first = problems.iter().next().unwrap();
    assert!(
        first.path.ends_with("mechanisms.ron"),
        "the unparsed file first, not {first}"
    );
}
