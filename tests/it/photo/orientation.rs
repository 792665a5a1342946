//! A photo is read upright: the orientation its camera wrote in EXIF is applied, in JPEG and
//! in PNG.

use acupoint_atlas::load::read_photo;
use image::{ImageEncoder, Rgb, RgbImage};

/// An EXIF block (little-endian TIFF) holding only an orientation.
fn exif_orientation(value: u16) -> Vec<u8> {
    let mut b = vec![b'I', b'I', 42, 0, 8, 0, 0, 0, 1, 0];
    b.extend_from_slice(&0x0112u16.to_le_bytes());
    b.extend_from_slice(&3u16.to_le_bytes());
    b.extend_from_slice(&1u32.to_le_bytes());
    b.extend_from_slice(&value.to_le_bytes());
    b.extend_from_slice(&[0, 0, 0, 0, 0, 0]);
    b
}

/// A 40×20 picture, red on its left half and blue on its right, stored as the camera saw it.
fn stored() -> RgbImage {
    RgbImage::from_fn(40, 20, |x, _| {
        if x < 20 {
            Rgb([255, 0, 0])
        } else {
            Rgb([0, 0, 255])
        }
    })
}

fn is_red(p: &[u8]) -> bool {
    p[0] > 200 && p[2] < 60
}

fn pixel(img: &acupoint_atlas::model::PhotoImage, x: u32, y: u32) -> Vec<u8> {
    let i = ((y * img.width + x) * 4) as usize;
    img.rgba[i..i + 4].to_vec()
}

#[test]
fn a_png_marked_rotate_90_is_read_upright() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("turned.png");
    let mut bytes = Vec::new();
    let mut enc = image::codecs::png::PngEncoder::new(&mut bytes);
    enc.set_exif_metadata(exif_orientation(6)).unwrap();
    let img = stored();
    enc.write_image(img.as_raw(), 40, 20, image::ExtendedColorType::Rgb8)
        .unwrap();
    std::fs::write(&path, bytes).unwrap();
    let photo = read_photo(&path).unwrap();
    // Turned a quarter clockwise: 20 wide, 40 tall, the red half now on top.
    assert_eq!((photo.width, photo.height), (20, 40));
    assert!(is_red(&pixel(&photo, 10, 5)));
    assert!(!is_red(&pixel(&photo, 10, 35)));
}

#[test]
fn a_jpeg_marked_rotate_270_is_read_upright() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("turned.jpg");
    let mut bytes = Vec::new();
    let mut enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 95);
    enc.set_exif_metadata(exif_orientation(8)).unwrap();
    let img = stored();
    enc.write_image(img.as_raw(), 40, 20, image::ExtendedColorType::Rgb8)
        .unwrap();
    std::fs::write(&path, bytes).unwrap();
    let photo = read_photo(&path).unwrap();
    // Turned a quarter counter-clockwise: the red half now at the bottom.
    assert_eq!((photo.width, photo.height), (20, 40));
    assert!(!is_red(&pixel(&photo, 10, 5)));
    assert!(is_red(&pixel(&photo, 10, 35)));
}

#[test]
fn a_photo_without_orientation_is_read_as_stored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plain.jpg");
    stored().save(&path).unwrap();
    let photo = read_photo(&path).unwrap();
    assert_eq!((photo.width, photo.height), (40, 20));
    assert!(is_red(&pixel(&photo, 5, 10)));
}

#[test]
fn a_file_that_is_not_a_picture_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.jpg");
    std::fs::write(&path, "not a picture").unwrap();
    let why = read_photo(&path).unwrap_err();
    assert!(why.contains("not a JPEG or PNG"), "{why}");
}
