//! A marks file's problems, each at `file:line:col` with what would be right.

use super::blank_png;
use acupoint_atlas::load::{load_builtin, load_photo_marks};

/// Writes `marks` (a whole marks file) beside a 400×600 photo and loads it.
fn problems_of(marks: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    blank_png(&dir.path().join("back.png"), 400, 600);
    let path = dir.path().join("back.marks.ron");
    std::fs::write(&path, marks).unwrap();
    let atlas = load_builtin().unwrap();
    load_photo_marks(&atlas, &path)
        .err()
        .map(|d| {
            d.to_string()
                .replace(&dir.path().display().to_string(), "DIR")
        })
        .unwrap_or_default()
}

#[test]
fn a_good_marks_file_loads_with_its_photo() {
    let dir = tempfile::tempdir().unwrap();
    blank_png(&dir.path().join("back.png"), 400, 600);
    let path = dir.path().join("m.ron");
    std::fs::write(
        &path,
        r#"PhotoMarks(image: "back.png", view: "posterior", landmarks: {"c7_spinous_lower": (200.0, 120.5), "psis_left": (180.0, 330.0)})"#,
    )
    .unwrap();
    let loaded = load_photo_marks(&load_builtin().unwrap(), &path).unwrap();
    assert_eq!((loaded.image.width, loaded.image.height), (400, 600));
    assert_eq!(loaded.marks.landmarks.len(), 2);
}

#[test]
fn an_unknown_landmark_is_reported_at_its_name_with_the_views_own_listed() {
    let text = "PhotoMarks(\n    image: \"back.png\",\n    view: \"posterior\",\n    landmarks: {\n        \"c7_spinous_lower\": (200.0, 120.0),\n        \"c8_spinous_lower\": (200.0, 130.0),\n    },\n)\n";
    let found = problems_of(text);
    assert!(found.starts_with("DIR/back.marks.ron:6:9: unknown landmark `c8_spinous_lower` on view `posterior`; its landmarks are: "), "{found}");
    assert!(
        found.contains("t1_spinous_lower") && found.contains("psis_right"),
        "{found}"
    );
}

#[test]
fn a_paired_landmark_without_its_side_is_told_how_to_name_it() {
    let text = "PhotoMarks(image: \"back.png\", view: \"posterior\", landmarks: {\n  \"psis\": (1.0, 2.0),\n})";
    let found = problems_of(text);
    assert!(found.starts_with("DIR/back.marks.ron:2:3: `psis` is paired on this view: mark it as `psis_left` and/or `psis_right`"), "{found}");
}

#[test]
fn a_view_that_does_not_exist_is_reported_at_its_name_with_the_views_listed() {
    let text = "PhotoMarks(image: \"back.png\",\n  view: \"backside\", landmarks: {})";
    let found = problems_of(text);
    assert!(
        found.starts_with(
            "DIR/back.marks.ron:2:9: unknown view `backside`; the views are: posterior"
        ),
        "{found}"
    );
}

#[test]
fn a_missing_photo_is_reported_at_its_name() {
    let text = "PhotoMarks(\n  image: \"gone.jpg\", view: \"posterior\", landmarks: {})";
    let found = problems_of(text);
    assert!(
        found.starts_with("DIR/back.marks.ron:2:10: photo `DIR/gone.jpg`: cannot read it"),
        "{found}"
    );
}

#[test]
fn a_mark_outside_the_photo_is_reported_with_the_photos_size() {
    let text = "PhotoMarks(image: \"back.png\", view: \"posterior\", landmarks: {\n  \"vertex\": (200.0, 10.0),\n  \"l4_spinous_lower\": (200.0, 600.5),\n})";
    let found = problems_of(text);
    assert_eq!(
        found,
        "DIR/back.marks.ron:3:3: mark `l4_spinous_lower` at (200, 600.5) is outside the photo, which is 400×600 pixels"
    );
}

#[test]
fn a_marks_file_that_is_not_ron_is_reported_where_it_breaks() {
    let found = problems_of("PhotoMarks(image: \"back.png\", view: 7)");
    assert!(found.starts_with("DIR/back.marks.ron:1:"), "{found}");
}

#[test]
fn a_photo_above_the_size_limit_is_refused_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.png");
    // A PNG header claiming 20000×20000 pixels is enough: the limit is checked before decoding.
    let img = image::GrayImage::new(1, 1);
    img.save(&path).unwrap();
    let mut data = std::fs::read(&path).unwrap();
    // IHDR width and height sit at bytes 16..24.
    data.splice(
        16..24,
        20_000u32
            .to_be_bytes()
            .into_iter()
            .chain(20_000u32.to_be_bytes()),
    );
    let crc = crc32(&data[12..29]);
    data.splice(29..33, crc.to_be_bytes());
    std::fs::write(&path, data).unwrap();
    let why = acupoint_atlas::load::read_photo(&path).unwrap_err();
    assert!(why.contains("at most 12000 pixels on a side"), "{why}");
}

/// The CRC-32 a PNG chunk ends with.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = 0xffff_ffff_u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}
