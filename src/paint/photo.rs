//! Puts a [`PhotoScene`] on a painter: the photo, the marked midline, the marks, the selected
//! point's cun ruler, the dots with their labels, and the "palpate to confirm" note. The window
//! and the windowless renderer both draw photos through here.

use super::theme::{self, CanvasColors};
use crate::model::FigurePos;
use crate::scene::photo::PhotoScene;
use egui::{Align2, Color32, FontId, Painter, Pos2, Rect, Stroke, TextureId, pos2, vec2};

/// Where things went, for hit tests.
#[derive(Clone, Debug, Default)]
pub struct PhotoDrawn {
    /// Each dot of the scene (same order) at its place on screen.
    pub dots: Vec<Pos2>,
    pub dot_radius: f32,
    /// Where each label went, by the index of its dot.
    pub labels: Vec<(usize, Rect)>,
}

/// Maps photo pixels to the screen rectangle the photo fills.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhotoProjector {
    pub rect: Rect,
    pub size: (f32, f32),
}

impl PhotoProjector {
    /// The largest rectangle of the photo's shape centred in `area`.
    pub fn fit(area: Rect, size: (f32, f32)) -> Self {
        let scale = (area.width() / size.0.max(1.0)).min(area.height() / size.1.max(1.0));
        let rect = Rect::from_center_size(area.center(), vec2(size.0 * scale, size.1 * scale));
        Self { rect, size }
    }

    pub fn screen(&self, p: FigurePos) -> Pos2 {
        pos2(
            self.rect.min.x + p.x / self.size.0.max(1.0) * self.rect.width(),
            self.rect.min.y + p.y / self.size.1.max(1.0) * self.rect.height(),
        )
    }

    pub fn photo(&self, p: Pos2) -> FigurePos {
        FigurePos::new(
            (p.x - self.rect.min.x) / self.rect.width().max(1e-3) * self.size.0,
            (p.y - self.rect.min.y) / self.rect.height().max(1e-3) * self.size.1,
        )
    }
}

/// Draws the scene with the photo's texture filling `proj.rect`; `scale` enlarges text and
/// dots (1 in the window).
pub fn draw_photo(
    painter: &Painter,
    proj: &PhotoProjector,
    texture: Option<TextureId>,
    scene: &PhotoScene,
    scale: f32,
) -> PhotoDrawn {
    match texture {
        Some(id) => {
            painter.image(
                id,
                proj.rect,
                Rect::from_min_max(Pos2::ZERO, pos2(1.0, 1.0)),
                Color32::WHITE,
            );
        }
        None => {
            painter.rect_filled(proj.rect, 0.0, Color32::from_gray(90));
        }
    }
    if scene.midline.len() >= 2 {
        let line: Vec<Pos2> = scene.midline.iter().map(|p| proj.screen(*p)).collect();
        painter.add(egui::Shape::dashed_line(
            &line,
            Stroke::new(
                1.5 * scale,
                Color32::from_rgba_unmultiplied(255, 255, 255, 160),
            ),
            6.0 * scale,
            5.0 * scale,
        ));
    }
    if let Some(ruler) = &scene.ruler {
        let colors = theme::canvas_colors(scene.theme);
        draw_ruler(painter, proj, ruler, &colors, scale);
    }
    let drawn = draw_dots(painter, proj, scene, scale);
    // Over the dots: Study's click must show even on the ringed answer it hit.
    draw_marks(painter, proj, scene, scale);
    if let Some(note) = &scene.note {
        draw_note(painter, proj, note, scale);
    }
    drawn
}

/// The dots and their labels; returns where the dots went.
fn draw_dots(
    painter: &Painter,
    proj: &PhotoProjector,
    scene: &PhotoScene,
    scale: f32,
) -> PhotoDrawn {
    let colors = theme::canvas_colors(scene.theme);
    let halo = Stroke::new(4.0 * scale, Color32::from_black_alpha(150));
    let radius = (proj.rect.size().min_elem() * 0.009).clamp(4.0, 14.0) * scale;
    let mut drawn = PhotoDrawn {
        dots: Vec::with_capacity(scene.dots.len()),
        dot_radius: radius,
        labels: Vec::new(),
    };
    let font = FontId::proportional(13.0 * scale);
    let mut taken: Vec<Rect> = Vec::new();
    for dot in &scene.dots {
        let at = proj.screen(dot.at);
        drawn.dots.push(at);
        taken.push(Rect::from_center_size(at, vec2(2.0 * radius, 2.0 * radius)));
    }
    for (dot, at) in scene.dots.iter().zip(drawn.dots.clone()) {
        let fill = dot
            .region
            .map_or(theme::NO_REGION, |i| theme::region_color(i, scene.theme));
        let r = if dot.selected { radius * 1.4 } else { radius };
        painter.circle(at, r, fill, Stroke::new(2.0 * scale, Color32::WHITE));
        if dot.in_plan && !dot.selected {
            // Today's plan, ringed as on the drawn figure: white on a dark halo, seen on any skin.
            painter.circle_stroke(at, r + 2.5 * scale, halo);
            painter.circle_stroke(
                at,
                r + 2.5 * scale,
                Stroke::new(1.8 * scale, Color32::WHITE),
            );
        }
        if dot.selected {
            painter.circle_stroke(at, r + 3.0 * scale, halo);
            painter.circle_stroke(
                at,
                r + 3.0 * scale,
                Stroke::new(2.0 * scale, colors.highlight),
            );
        }
    }
    // The selected point's label first, so it always finds a place, then from the top down,
    // so that each label's right side is taken by its own dot's neighbour below at most and
    // the label below steps down rather than between a pair; in a dense row the others that
    // find no free place are left out (the list and a click name them).
    let mut order: Vec<usize> = (0..scene.dots.len()).collect();
    order.sort_by(|&i, &j| {
        let key = |k: usize| {
            scene
                .dots
                .get(k)
                .map_or((true, f32::MAX), |d| (!d.selected, d.at.y))
        };
        let ((si, yi), (sj, yj)) = (key(i), key(j));
        si.cmp(&sj).then(yi.total_cmp(&yj))
    });
    for i in order {
        let (Some(dot), Some(at)) = (scene.dots.get(i), drawn.dots.get(i).copied()) else {
            continue;
        };
        if dot.labelled {
            let r = if dot.selected { radius * 1.4 } else { radius };
            let placed = label(
                painter,
                at,
                r,
                &dot.label,
                &font,
                &taken,
                scale,
                dot.selected,
            );
            taken.extend(placed);
            drawn.labels.extend(placed.map(|r| (i, r)));
        }
    }
    drawn
}

/// The note along the bottom of the photo.
fn draw_note(painter: &Painter, proj: &PhotoProjector, note: &str, scale: f32) {
    let font = FontId::proportional(12.0 * scale);
    let galley = painter.layout(
        note.to_owned(),
        font,
        Color32::WHITE,
        proj.rect.width() - 16.0,
    );
    let at = pos2(
        proj.rect.min.x + 8.0,
        proj.rect.max.y - galley.size().y - 8.0,
    );
    let back = Rect::from_min_size(at, galley.size()).expand(4.0);
    painter.rect_filled(back, 4.0, Color32::from_black_alpha(190));
    painter.galley(at, galley, Color32::WHITE);
}

/// A label beside its dot: to the right, else below or above on the right, below, above,
/// further out on the right with a leader, or to the left, wherever it
/// covers no dot or label already placed; when none is free, a label that `must` be shown
/// goes up and to the right with a leader, any other is left out. Returns where it went.
#[allow(clippy::too_many_arguments)]
fn label(
    painter: &Painter,
    at: Pos2,
    radius: f32,
    text: &str,
    font: &FontId,
    taken: &[Rect],
    scale: f32,
    must: bool,
) -> Option<Rect> {
    let galley = painter.layout_no_wrap(text.to_owned(), font.clone(), Color32::WHITE);
    let gap = radius + 5.0 * scale;
    // Outward first: a label to the left of a dot of a pair sits between the two and
    // reads as the other's, so the left is the last resort.
    let near = [
        (Align2::LEFT_CENTER, vec2(gap, 0.0)),
        (Align2::LEFT_TOP, vec2(gap * 0.7, gap * 0.7)),
        (Align2::LEFT_BOTTOM, vec2(gap * 0.7, -gap * 0.7)),
        (Align2::CENTER_TOP, vec2(0.0, gap)),
        (Align2::CENTER_BOTTOM, vec2(0.0, -gap)),
    ];
    // Further out on the right, with a leader to the dot.
    let out = [2.4_f32, 3.6]
        .into_iter()
        .flat_map(|k| [0.0_f32, -1.4, 1.4].map(|d| (Align2::LEFT_CENTER, vec2(gap * k, gap * d))));
    let candidates = near
        .into_iter()
        .chain(out)
        .chain([(Align2::RIGHT_CENTER, vec2(-gap, 0.0))]);
    let place = |(align, offset): (Align2, egui::Vec2)| {
        align
            .anchor_size(at + offset, galley.size())
            .expand(3.0 * scale)
    };
    // A leader to a label further out must not pass over another dot or label either.
    let crosses = |r: &Rect| {
        let to = r.center();
        (1..12).any(|k| {
            #[allow(clippy::cast_precision_loss, reason = "eleven steps")]
            let p = at + (to - at) * (k as f32 / 12.0);
            taken.iter().any(|t| !t.contains(at) && t.contains(p))
        })
    };
    let free = candidates
        .map(place)
        .find(|r| !taken.iter().any(|t| t.intersects(*r)) && !crosses(r));
    let rect = match free {
        Some(rect) => rect,
        None if must => place((Align2::LEFT_BOTTOM, vec2(gap * 2.0, -gap * 2.0))),
        None => return None,
    };
    if rect.distance_to_pos(at) > gap {
        painter.line_segment(
            [at, rect.center()],
            Stroke::new(1.0 * scale, Color32::WHITE),
        );
    }
    painter.rect_filled(rect, 4.0 * scale, Color32::from_black_alpha(200));
    painter.galley(
        rect.min + vec2(3.0 * scale, 3.0 * scale),
        galley,
        Color32::WHITE,
    );
    Some(rect)
}

fn draw_marks(painter: &Painter, proj: &PhotoProjector, scene: &PhotoScene, scale: f32) {
    let font = FontId::proportional(11.0 * scale);
    if let Some(expected) = scene.expected {
        // A dashed ring where the walk's landmark is expected: a guide to palpate near.
        let at = proj.screen(expected);
        let r = (proj.rect.size().min_elem() * 0.035).clamp(12.0, 40.0) * scale;
        let ring: Vec<Pos2> = (0..=48)
            .map(|k| {
                #[allow(clippy::cast_precision_loss, reason = "48 steps")]
                let a = k as f32 / 48.0 * std::f32::consts::TAU;
                at + vec2(a.cos(), a.sin()) * r
            })
            .collect();
        let yellow = Color32::from_rgb(0xFF, 0xD8, 0x4D);
        painter.add(egui::Shape::dashed_line(
            &ring,
            Stroke::new(3.5 * scale, Color32::from_black_alpha(150)),
            6.0 * scale,
            4.0 * scale,
        ));
        painter.add(egui::Shape::dashed_line(
            &ring,
            Stroke::new(1.8 * scale, yellow),
            6.0 * scale,
            4.0 * scale,
        ));
    }
    for mark in &scene.marks {
        let at = proj.screen(mark.at);
        let (color, size) = if mark.current {
            (Color32::from_rgb(0xFF, 0xD8, 0x4D), 9.0 * scale)
        } else {
            (Color32::from_rgb(0x6C, 0xFF, 0xB0), 6.0 * scale)
        };
        let stroke = Stroke::new(2.0 * scale, color);
        let dark = Stroke::new(4.0 * scale, Color32::from_black_alpha(160));
        for s in [dark, stroke] {
            painter.line_segment([at - vec2(size, 0.0), at + vec2(size, 0.0)], s);
            painter.line_segment([at - vec2(0.0, size), at + vec2(0.0, size)], s);
        }
        if mark.current {
            let galley = painter.layout_no_wrap(mark.name.clone(), font.clone(), color);
            let rect = Align2::LEFT_BOTTOM
                .anchor_size(at + vec2(size + 2.0, -size), galley.size())
                .expand(2.0);
            painter.rect_filled(rect, 3.0, Color32::from_black_alpha(190));
            painter.galley(rect.min + vec2(2.0, 2.0), galley, color);
        }
    }
}

fn draw_ruler(
    painter: &Painter,
    proj: &PhotoProjector,
    ruler: &crate::scene::photo::PhotoRuler,
    colors: &CanvasColors,
    scale: f32,
) {
    let from = proj.screen(ruler.from);
    let to = proj.screen(ruler.to);
    let color = colors.ruler.gamma_multiply(1.0);
    let back = Stroke::new(5.0 * scale, Color32::WHITE);
    let stroke = Stroke::new(2.5 * scale, color);
    painter.line_segment([from, to], back);
    painter.line_segment([from, to], stroke);
    let dir = (to - from).normalized();
    let normal = vec2(-dir.y, dir.x);
    for (i, tick) in ruler.ticks.iter().enumerate() {
        let at = proj.screen(*tick);
        let len = if i == 0 || i + 1 == ruler.ticks.len() {
            8.0
        } else {
            5.0
        } * scale;
        painter.line_segment([at - normal * len, at + normal * len], back);
        painter.line_segment([at - normal * len, at + normal * len], stroke);
    }
    // A long span name ("Popliteal crease to the calcaneal tendon at malleolus level (…)")
    // wraps into a narrow block beside the ruler, on the side where it fits in the photo,
    // rather than one line across the whole photo.
    let text = format!("{}: {} cun", ruler.name, trim(ruler.cun));
    let wrap = 190.0 * scale;
    let galley = painter.layout(text, FontId::proportional(12.5 * scale), color, wrap);
    let size = galley.size();
    let mid = from + (to - from) * 0.5;
    let reach = 10.0 * scale + f32::midpoint(size.x * normal.x.abs(), size.y * normal.y.abs());
    let boxed = |side: f32| {
        Align2::CENTER_CENTER
            .anchor_size(mid + normal * reach * side, size)
            .expand(3.0)
    };
    let rect = [1.0, -1.0]
        .map(boxed)
        .into_iter()
        .find(|r| proj.rect.contains_rect(*r))
        .unwrap_or_else(|| boxed(1.0));
    painter.rect_filled(rect, 3.0, Color32::from_white_alpha(230));
    painter.galley(rect.min + vec2(3.0, 3.0), galley, color);
}

/// A cun count without a trailing `.0`.
fn trim(v: f32) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

#[cfg(test)]
#[path = "photo_tests.rs"]
mod tests;
