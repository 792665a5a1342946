//! egui colours and strokes as krilla fills and strokes (egui's colours are premultiplied; a
//! PDF takes the colour and its opacity apart).

use egui::Color32;
use krilla::color::rgb;
use krilla::num::NormalizedF32;
use krilla::paint::{Fill, FillRule, LineCap, LineJoin};

/// A fill of an egui colour (premultiplied there; straight alpha in the PDF).
pub fn fill(color: Color32) -> Fill {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    Fill {
        paint: rgb::Color::new(r, g, b).into(),
        opacity: NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        rule: FillRule::NonZero,
    }
}

/// A stroke of an egui stroke: butt ends and round joins, as egui's tessellated lines look.
pub fn stroke(width: f32, color: Color32) -> krilla::paint::Stroke {
    let [r, g, b, a] = color.to_srgba_unmultiplied();
    krilla::paint::Stroke {
        paint: rgb::Color::new(r, g, b).into(),
        width,
        line_cap: LineCap::Butt,
        line_join: LineJoin::Round,
        opacity: NormalizedF32::new(f32::from(a) / 255.0).unwrap_or(NormalizedF32::ONE),
        ..Default::default()
    }
}
