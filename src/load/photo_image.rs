//! A patient's photo (JPEG or PNG) decoded upright: its EXIF orientation applied, refused with
//! a message when it is larger than a photo needs to be.

use crate::model::PhotoImage;
use image::{DynamicImage, ImageDecoder, ImageReader, Limits};
use std::io::{BufRead, Cursor, Seek};
use std::path::Path;

/// The largest photo file read, in bytes (a phone's photo is a few megabytes).
pub const MAX_PHOTO_BYTES: u64 = 64 * 1024 * 1024;

/// The longest side of a photo, in pixels.
pub const MAX_PHOTO_SIDE: u32 = 12_000;

/// The most pixels a photo may have (a 48-megapixel phone camera is under this).
pub const MAX_PHOTO_PIXELS: u64 = 60_000_000;

/// Reads and decodes the photo at `path`; the reason it cannot be used otherwise.
pub fn read_photo(path: &Path) -> Result<PhotoImage, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("cannot read it: {e}"))?;
    if !meta.is_file() {
        return Err("is not a file".to_owned());
    }
    if meta.len() > MAX_PHOTO_BYTES {
        return Err(format!(
            "the file is {} MB; photos may be at most {} MB",
            meta.len() / (1024 * 1024),
            MAX_PHOTO_BYTES / (1024 * 1024)
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read it: {e}"))?;
    decode_photo(&bytes)
}

/// Decodes a photo held in memory (a file dropped onto the window may come as bytes).
pub fn decode_photo(bytes: &[u8]) -> Result<PhotoImage, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|e| format!("cannot read it: {e}"))?;
    decode(reader)
}

fn decode<R: BufRead + Seek>(mut reader: ImageReader<R>) -> Result<PhotoImage, String> {
    match reader.format() {
        Some(image::ImageFormat::Jpeg | image::ImageFormat::Png) => {}
        _ => return Err("is not a JPEG or PNG picture".to_owned()),
    }
    // The sides and pixels are checked below, where the message can name the photo's size;
    // the decoder's own limit bounds what it may allocate on the way.
    let mut limits = Limits::default();
    limits.max_alloc = Some(MAX_PHOTO_PIXELS * 4 * 2);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|e| match e {
        image::ImageError::Limits(_) => format!(
            "is larger than a photo may be (at most {MAX_PHOTO_SIDE} pixels on a side and {} megapixels): save a smaller copy",
            MAX_PHOTO_PIXELS / 1_000_000
        ),
        other => format!("cannot decode it: {other}"),
    })?;
    let (w, h) = decoder.dimensions();
    if u64::from(w) * u64::from(h) > MAX_PHOTO_PIXELS || w.max(h) > MAX_PHOTO_SIDE {
        return Err(too_large(w, h));
    }
    if w == 0 || h == 0 {
        return Err("has no pixels".to_owned());
    }
    // A photo without orientation data (or with damaged data) is taken as it is stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut picture = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => too_large(w, h),
        other => format!("cannot decode it: {other}"),
    })?;
    picture.apply_orientation(orientation);
    let rgba = picture.into_rgba8();
    Ok(PhotoImage {
        width: rgba.width(),
        height: rgba.height(),
        rgba: rgba.into_raw(),
    })
}

fn too_large(w: u32, h: u32) -> String {
    format!(
        "is {w}×{h} pixels; photos may be at most {MAX_PHOTO_SIDE} pixels on a side and {} megapixels: save a smaller copy",
        MAX_PHOTO_PIXELS / 1_000_000
    )
}
