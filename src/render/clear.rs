//! Fills that change no pixel. A picture starts cleared to its background colour; the panels
//! and canvases drawn on it begin by filling their rectangles with that same colour, and on
//! lavapipe each such fill is a full-screen pass of shading. A plain opaque rectangle of the
//! clear colour painted where nothing has been painted yet leaves every pixel as it was (its
//! soft edge blends the colour with itself), so it is left out, or cut down to the part of it
//! that lies over something painted before it.

use egui::emath::TSTransform;
use egui::epaint::{ClippedShape, Color32, Rect, Shape};

/// How far past a shape's outline its pixels may reach, in points: its soft edge, a snap to
/// the pixel grid, and room for pictures drawn at fewer pixels than points.
const REACH: f32 = 2.0;

/// `shapes` without the fills of `clear` that lie over nothing painted before them; a fill
/// that lies partly over something painted is cut down to that part.
pub fn without_clear_fills(shapes: Vec<ClippedShape>, clear: Color32) -> Vec<ClippedShape> {
    // Everything kept so far lies inside this rectangle (on screen, soft edges included).
    let mut painted = Rect::NOTHING;
    let mut kept = Vec::with_capacity(shapes.len());
    for mut clipped in shapes {
        let moved = clipped.transform_after_tessellation;
        let bounds = (moved * clipped.shape.visual_bounding_rect())
            .expand(REACH)
            .intersect(clipped.clip_rect.expand(REACH));
        if moved == TSTransform::IDENTITY && is_plain_fill(&clipped.shape, clear) {
            if !bounds.intersects(painted) {
                continue;
            }
            // Outside `painted` the fill would lay the clear colour on the clear colour. The
            // cut edges lie at least REACH from anything painted, so their soft edges too
            // fall on the clear colour alone.
            if let Shape::Rect(r) = &mut clipped.shape {
                r.rect = r.rect.intersect(painted);
            }
        }
        if bounds.is_positive() {
            painted = painted.union(bounds);
        }
        kept.push(clipped);
    }
    kept
}

/// Whether `shape` is an opaque rectangle of `color` with square corners, no outline, no
/// texture and no blur.
fn is_plain_fill(shape: &Shape, color: Color32) -> bool {
    match shape {
        Shape::Rect(r) => {
            r.fill == color
                && color.is_opaque()
                && r.stroke.is_empty()
                && r.corner_radius == egui::CornerRadius::ZERO
                && r.blur_width == 0.0
                && r.brush.is_none()
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use egui::{Pos2, Stroke, pos2};

    fn clipped(shape: Shape) -> ClippedShape {
        ClippedShape {
            clip_rect: Rect::EVERYTHING,
            shape,
            transform_after_tessellation: TSTransform::IDENTITY,
        }
    }

    fn fill(rect: Rect, color: Color32) -> ClippedShape {
        clipped(Shape::rect_filled(rect, 0.0, color))
    }

    #[test]
    fn fills_of_the_clear_colour_over_nothing_are_left_out_and_the_rest_kept() {
        let bg = Color32::from_rgb(250, 248, 240);
        let screen = Rect::from_min_max(Pos2::ZERO, pos2(100.0, 100.0));
        let top = Rect::from_min_max(Pos2::ZERO, pos2(100.0, 20.0));
        let below = Rect::from_min_max(pos2(0.0, 40.0), pos2(100.0, 100.0));
        let band = Rect::from_min_max(pos2(10.0, 5.0), pos2(90.0, 15.0));
        let shapes = vec![
            fill(screen, bg),
            fill(top, bg),
            fill(band, Color32::DARK_BLUE),
            // Over the band: it would paint over the band's pixels, so it stays, cut down to
            // the band and its edge.
            fill(top, bg),
            // Clear of everything painted so far: left out.
            fill(below, bg),
            clipped(Shape::circle_stroke(
                pos2(50.0, 70.0),
                5.0,
                Stroke::new(1.0, bg),
            )),
            // Over the circle: kept, cut down to the circle and its edge.
            fill(below, bg),
        ];
        let kept = without_clear_fills(shapes, bg);
        let rects: Vec<Option<Rect>> = kept
            .iter()
            .map(|c| match &c.shape {
                Shape::Rect(r) => Some(r.rect),
                _ => None,
            })
            .collect();
        // The cut fills cover what lies under them, with its edge, and no more than before.
        let covers = |cut: Option<Rect>, under: Rect, whole: Rect| {
            cut.is_some_and(|c| c.contains_rect(under.expand(REACH)) && whole.contains_rect(c))
        };
        let circle = Rect::from_center_size(pos2(50.0, 70.0), egui::vec2(11.0, 11.0));
        assert_eq!(rects.len(), 4, "{rects:?}");
        assert_eq!(rects[0], Some(band));
        assert!(covers(rects[1], band, top), "{rects:?}");
        assert_eq!(rects[2], None);
        assert!(covers(rects[3], circle, below), "{rects:?}");
    }

    #[test]
    fn translucent_rounded_or_outlined_fills_are_always_kept() {
        let bg = Color32::from_rgb(250, 248, 240);
        let r = Rect::from_min_max(Pos2::ZERO, pos2(10.0, 10.0));
        let clear = Color32::from_rgba_unmultiplied(250, 248, 240, 128);
        let shapes = vec![
            clipped(Shape::rect_filled(r, 2.0, bg)),
            clipped(Shape::rect_filled(
                r.translate(egui::vec2(50.0, 0.0)),
                0.0,
                clear,
            )),
        ];
        assert_eq!(without_clear_fills(shapes.clone(), bg).len(), 2);
        assert_eq!(without_clear_fills(shapes, clear).len(), 2);
    }
}
