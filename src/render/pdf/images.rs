//! Pictures in the PDF (the patient's photo): an image shape of the paint layer (a textured
//! rectangle, or a mesh over a texture) written as an embedded image under the transform that
//! maps its texture onto the page. An opaque picture is embedded as JPEG, a photo's own kind of
//! file, so a handout with a photo stays a few hundred kilobytes; one with transparency keeps
//! its pixels losslessly. The same picture on several pages is encoded once.

use crate::render::renderer::PageImages;
use egui::epaint::{Mesh, RectShape};
use egui::{ColorImage, Pos2, Shape, TextureId};
use krilla::geom::{PathBuilder, Size, Transform};
use krilla::image::Image;
use krilla::paint::FillRule;
use krilla::surface::Surface;
use std::collections::HashMap;
use std::sync::Arc;

/// The JPEG quality of an embedded photo: no visible loss when printed.
const JPEG_QUALITY: u8 = 90;

/// The pictures of one document, each encoded once.
#[derive(Default)]
pub struct ImageSet {
    /// Keyed by the picture's pixels (the `Arc` the pages share), not by texture id: ids are
    /// reused once a texture is freed.
    made: HashMap<usize, Option<(Image, [usize; 2])>>,
}

impl ImageSet {
    /// The embedded image of `picture` and its size in pixels; `None` when it cannot be encoded.
    fn get(&mut self, picture: &Arc<ColorImage>) -> Option<(Image, [usize; 2])> {
        let key = Arc::as_ptr(picture) as usize;
        self.made
            .entry(key)
            .or_insert_with(|| encode(picture).map(|image| (image, picture.size)))
            .clone()
    }
}

/// True when `shape` paints a picture (not the font atlas): [`draw`] writes it.
pub fn is_picture(shape: &Shape) -> bool {
    match shape {
        Shape::Rect(r) => r.fill_texture_id() != TextureId::default(),
        Shape::Mesh(m) => m.texture_id != TextureId::default(),
        _ => false,
    }
}

/// Writes a picture shape; a picture whose pixels the page does not have is left out, as the
/// window would show nothing there either.
pub fn draw(surface: &mut Surface<'_>, set: &mut ImageSet, pictures: &PageImages, shape: &Shape) {
    match shape {
        Shape::Rect(r) => draw_rect(surface, set, pictures, r),
        Shape::Mesh(m) => draw_mesh(surface, set, pictures, m),
        _ => {}
    }
}

fn draw_rect(surface: &mut Surface<'_>, set: &mut ImageSet, pictures: &PageImages, r: &RectShape) {
    let Some(brush) = &r.brush else { return };
    let Some(picture) = pictures.get(&brush.fill_texture_id) else {
        return;
    };
    let (rect, uv) = (r.rect, brush.uv);
    let corners = [
        (uv.min, rect.min),
        (Pos2::new(uv.max.x, uv.min.y), rect.right_top()),
        (Pos2::new(uv.min.x, uv.max.y), rect.left_bottom()),
    ];
    let turned = r.angle != 0.0;
    if turned {
        let c = rect.center();
        surface.push_transform(&Transform::from_rotate_at(r.angle.to_degrees(), c.x, c.y));
    }
    let outline = [rect.min, rect.right_top(), rect.max, rect.left_bottom()];
    paint_mapped(surface, set, picture, corners, &[outline.to_vec()]);
    if turned {
        surface.pop();
    }
}

fn draw_mesh(surface: &mut Surface<'_>, set: &mut ImageSet, pictures: &PageImages, mesh: &Mesh) {
    let Some(picture) = pictures.get(&mesh.texture_id) else {
        return;
    };
    let triangles: Vec<Vec<Pos2>> = mesh
        .indices
        .chunks_exact(3)
        .filter_map(|tri| {
            tri.iter()
                .map(|&i| mesh.vertices.get(i as usize).map(|v| v.pos))
                .collect()
        })
        .collect();
    let Some(first) = mesh.indices.get(..3) else {
        return;
    };
    let corners: Option<Vec<(Pos2, Pos2)>> = first
        .iter()
        .map(|&i| mesh.vertices.get(i as usize).map(|v| (v.uv, v.pos)))
        .collect();
    let Some([a, b, c]) = corners.as_deref() else {
        return;
    };
    paint_mapped(surface, set, picture, [*a, *b, *c], &triangles);
}

/// Draws `picture` so that each of three texture points (uv, 0 to 1) lands on its page point,
/// clipped to the `outline` polygons.
fn paint_mapped(
    surface: &mut Surface<'_>,
    set: &mut ImageSet,
    picture: &Arc<ColorImage>,
    corners: [(Pos2, Pos2); 3],
    outline: &[Vec<Pos2>],
) {
    let Some((image, [w, h])) = set.get(picture) else {
        return;
    };
    #[allow(clippy::cast_precision_loss, reason = "a picture's side")]
    let (w, h) = (w as f32, h as f32);
    let Some(map) = affine(corners, w, h) else {
        return;
    };
    let Some(size) = Size::from_wh(w, h) else {
        return;
    };
    let mut pb = PathBuilder::new();
    for polygon in outline {
        let Some((first, rest)) = polygon.split_first() else {
            continue;
        };
        pb.move_to(first.x, first.y);
        for p in rest {
            pb.line_to(p.x, p.y);
        }
        pb.close();
    }
    let Some(clip) = pb.finish() else { return };
    surface.push_clip_path(&clip, &FillRule::NonZero);
    surface.push_transform(&map);
    surface.draw_image(image, size);
    surface.pop();
    surface.pop();
}

/// The transform taking the picture's pixels (`w` by `h`) to the page, from three texture
/// points and where they land; `None` when the three lie on one line.
fn affine(corners: [(Pos2, Pos2); 3], w: f32, h: f32) -> Option<Transform> {
    let [(ua, pa), (ub, pb), (uc, pc)] = corners;
    // In pixels of the picture.
    let (ua, ub, uc) = (
        Pos2::new(ua.x * w, ua.y * h),
        Pos2::new(ub.x * w, ub.y * h),
        Pos2::new(uc.x * w, uc.y * h),
    );
    let (e1, e2) = (ub - ua, uc - ua);
    let det = e1.x * e2.y - e1.y * e2.x;
    if det.abs() < 1e-6 {
        return None;
    }
    let (f1, f2) = (pb - pa, pc - pa);
    // The linear part M with M·e1 = f1 and M·e2 = f2.
    let sx = (f1.x * e2.y - f2.x * e1.y) / det;
    let kx = (f2.x * e1.x - f1.x * e2.x) / det;
    let ky = (f1.y * e2.y - f2.y * e1.y) / det;
    let sy = (f2.y * e1.x - f1.y * e2.x) / det;
    let tx = pa.x - (sx * ua.x + kx * ua.y);
    let ty = pa.y - (ky * ua.x + sy * ua.y);
    Some(Transform::from_row(sx, ky, kx, sy, tx, ty))
}

/// The picture as an embedded image: JPEG when it is opaque, lossless RGBA when not.
fn encode(picture: &ColorImage) -> Option<Image> {
    let [w, h] = picture.size;
    let (w32, h32) = (u32::try_from(w).ok()?, u32::try_from(h).ok()?);
    let opaque = picture.pixels.iter().all(|p| p.a() == 255);
    if opaque {
        let rgb: Vec<u8> = picture
            .pixels
            .iter()
            .flat_map(|p| [p.r(), p.g(), p.b()])
            .collect();
        let mut jpeg = Vec::new();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut jpeg, JPEG_QUALITY)
            .encode(&rgb, w32, h32, image::ExtendedColorType::Rgb8)
            .ok()?;
        Image::from_jpeg(jpeg.into(), true).ok()
    } else {
        let rgba: Vec<u8> = picture
            .pixels
            .iter()
            .flat_map(egui::Color32::to_srgba_unmultiplied)
            .collect();
        Some(Image::from_rgba8(rgba, w32, h32))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::Rect;

    fn lands(t: Transform, x: f32, y: f32) -> (f32, f32) {
        (
            t.sx() * x + t.kx() * y + t.tx(),
            t.ky() * x + t.sy() * y + t.ty(),
        )
    }

    #[test]
    fn a_picture_maps_its_corners_onto_the_rectangle_it_fills() {
        let rect = Rect::from_min_max(Pos2::new(10.0, 20.0), Pos2::new(110.0, 70.0));
        let corners = [
            (Pos2::new(0.0, 0.0), rect.min),
            (Pos2::new(1.0, 0.0), rect.right_top()),
            (Pos2::new(0.0, 1.0), rect.left_bottom()),
        ];
        let t = affine(corners, 400.0, 200.0).unwrap();
        let close = |(x, y): (f32, f32), p: Pos2| (x - p.x).abs() < 1e-3 && (y - p.y).abs() < 1e-3;
        assert!(close(lands(t, 0.0, 0.0), rect.min));
        assert!(close(lands(t, 400.0, 200.0), rect.max));
        assert!(close(lands(t, 400.0, 0.0), rect.right_top()));
    }

    #[test]
    fn three_texture_points_on_one_line_give_no_transform() {
        let p = Pos2::ZERO;
        let corners = [
            (Pos2::new(0.0, 0.0), p),
            (Pos2::new(0.5, 0.5), p),
            (Pos2::new(1.0, 1.0), p),
        ];
        assert!(affine(corners, 10.0, 10.0).is_none());
    }

    /// A page painting a `w`×`h` picture of `pixel` into a rectangle, as the photo is painted.
    fn page_with_picture(pixel: egui::Color32) -> crate::render::Page {
        let mut renderer = crate::render::Renderer::new();
        let mut texture: Option<egui::TextureHandle> = None;
        renderer
            .page([200, 100], 1.0, crate::scene::Theme::Light, |ui| {
                let id = texture
                    .get_or_insert_with(|| {
                        let picture = ColorImage::filled([8, 4], pixel);
                        ui.ctx()
                            .load_texture("t", picture, egui::TextureOptions::LINEAR)
                    })
                    .id();
                let rect = Rect::from_min_size(Pos2::new(20.0, 20.0), egui::vec2(80.0, 40.0));
                let uv = Rect::from_min_max(Pos2::ZERO, Pos2::new(1.0, 1.0));
                ui.painter().image(id, rect, uv, egui::Color32::WHITE);
            })
            .unwrap()
    }

    fn pdf_of(page: crate::render::Page) -> String {
        let size = page.size;
        let pdf = super::super::write_pdf(&[super::super::Sheet::whole(page, size)], "t").unwrap();
        String::from_utf8_lossy(&pdf).into_owned()
    }

    #[test]
    fn an_opaque_picture_is_embedded_once_as_a_jpeg() {
        let pdf = pdf_of(page_with_picture(egui::Color32::from_rgb(200, 40, 40)));
        assert_eq!(pdf.matches("/Subtype/Image").count(), 1, "one image");
        assert!(pdf.contains("/DCTDecode"), "as JPEG");
    }

    #[test]
    fn a_picture_with_transparency_keeps_its_alpha() {
        let pdf = pdf_of(page_with_picture(egui::Color32::from_rgba_unmultiplied(
            200, 40, 40, 128,
        )));
        assert!(pdf.contains("/SMask"), "an alpha mask");
        assert!(!pdf.contains("/DCTDecode"), "not as JPEG");
    }

    #[test]
    fn a_picture_the_page_has_no_pixels_for_is_left_out() {
        let mut page = page_with_picture(egui::Color32::from_rgb(200, 40, 40));
        page.images.clear();
        let pdf = pdf_of(page);
        assert!(!pdf.contains("/Subtype/Image"));
    }
}
