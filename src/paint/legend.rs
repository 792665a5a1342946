//! The legend of the layers: a small box at the canvas edge where it hides fewest dots and least
//! of the body (moving as the figure is zoomed and panned), naming each
//! channel drawn (with its colour and line), the bones, the nerves, the direction of flow and the
//! landmark a step points at. Exports draw the same box, so a picture explains itself.

use super::projector::Projector;
use super::theme::{self, LayerColors};
use crate::model::{AnatomyLayer, Atlas, Figure, FigurePos, ShapeKind};
use crate::scene::{Scene, StepFocus};
use egui::{Color32, FontId, Pos2, Rect, Stroke, vec2};

/// What one row of the legend shows beside its text.
enum Swatch {
    Line { ink: Color32, dashed: bool },
    Nerve,
    Bone,
    Arrow,
    Highlighter,
}

/// Draws the legend for what the scene's layers put on this figure.
pub fn draw(
    painter: &egui::Painter,
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    rect: Rect,
    colors: &LayerColors,
) {
    let rows = rows(atlas, scene, figure);
    if rows.is_empty() {
        return;
    }
    // The legend grows with the presentation, nearly as the labels do, to be read from a room
    // (a little less, as it is read once, not pointed at).
    let scale = scene.scale.clamp(1.0, 3.0).powf(0.75);
    let font = FontId::proportional(12.0 * scale);
    let row_h = 17.0 * scale;
    let swatch_w = 26.0 * scale;
    let galleys: Vec<_> = rows
        .iter()
        .map(|(_, text)| painter.layout_no_wrap(text.clone(), font.clone(), colors.legend_text))
        .collect();
    let text_w = galleys.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let size = vec2(swatch_w + text_w + 20.0, row_h * rows.len() as f32 + 10.0);
    let Some(boxed) = clearest_place(atlas, scene, figure, proj, rect.shrink(8.0), size) else {
        return;
    };
    let canvas = theme::canvas_colors(scene.theme);
    painter.rect(
        boxed,
        4.0,
        colors.legend_fill,
        Stroke::new(1.0, canvas.contour),
        egui::StrokeKind::Inside,
    );
    for (i, ((swatch, _), galley)) in rows.iter().zip(galleys).enumerate() {
        let y = boxed.top() + 5.0 + row_h * (i as f32 + 0.5);
        let a = Pos2::new(boxed.left() + 8.0, y);
        let b = a + vec2(swatch_w - 6.0, 0.0);
        draw_swatch(painter, swatch, a, b, colors, scale);
        painter.galley(
            Pos2::new(boxed.left() + 8.0 + swatch_w, y - galley.size().y * 0.5),
            galley,
            colors.legend_text,
        );
    }
}

fn draw_swatch(
    painter: &egui::Painter,
    swatch: &Swatch,
    a: Pos2,
    b: Pos2,
    colors: &LayerColors,
    scale: f32,
) {
    let w = 2.0 * scale;
    match swatch {
        Swatch::Line { ink, dashed: false } => {
            painter.line_segment([a, b], Stroke::new(w, *ink));
        }
        Swatch::Line { ink, dashed: true } => {
            painter.extend(egui::Shape::dashed_line(
                &[a, b],
                Stroke::new(w, *ink),
                6.0,
                3.0,
            ));
        }
        Swatch::Nerve => {
            painter.line_segment([a, b], Stroke::new(w * 2.2, colors.nerve_casing));
            painter.line_segment([a, b], Stroke::new(w * 1.3, colors.nerve));
        }
        Swatch::Bone => {
            painter.line_segment([a, b], Stroke::new(w, colors.bone));
            let mid = a + (b - a) * 0.5;
            painter.circle_stroke(mid, 3.5 * scale, Stroke::new(w * 0.7, colors.bone));
        }
        Swatch::Arrow => {
            let stroke = Stroke::new(w, colors.legend_text);
            painter.line_segment([a, b], stroke);
            painter.line_segment([b, b + vec2(-5.0, -3.5) * scale], stroke);
            painter.line_segment([b, b + vec2(-5.0, 3.5) * scale], stroke);
        }
        Swatch::Highlighter => {
            painter.line_segment([a, b], Stroke::new(w * 4.0, colors.highlighter));
        }
    }
}

/// The rows: each channel drawn on this figure, then bones, nerves, flow and the landmark.
fn rows(atlas: &Atlas, scene: &Scene, figure: &Figure) -> Vec<(Swatch, String)> {
    let layers = &scene.layers;
    let mut out = Vec::new();
    for channel in atlas.channels() {
        if !layers.shows_channel(&channel.id)
            || atlas
                .channel_paths(&channel.id, &figure.id)
                .next()
                .is_none()
        {
            continue;
        }
        let id = channel.id.as_str();
        out.push((
            Swatch::Line {
                ink: theme::channel_color(id, scene.theme),
                dashed: theme::channel_dashed(id),
            },
            format!("{id}  {} channel", channel.name),
        ));
    }
    let drawn = |layer: AnatomyLayer| {
        atlas
            .structures()
            .iter()
            .filter(|s| s.layer == layer && layers.shows(s))
            .filter(|s| atlas.structure_on(&s.id, &figure.id))
            .collect::<Vec<_>>()
    };
    if !drawn(AnatomyLayer::Bones).is_empty() {
        out.push((Swatch::Bone, "Bones (levels tagged)".to_owned()));
    }
    let nerves = drawn(AnatomyLayer::Nerves);
    match nerves.as_slice() {
        [] => {}
        [one] if !layers.nerves => out.push((Swatch::Nerve, one.name.to_string())),
        _ => out.push((Swatch::Nerve, "Nerves".to_owned())),
    }
    if layers.flow && out.iter().any(|(s, _)| matches!(s, Swatch::Line { .. })) {
        out.push((Swatch::Arrow, "Direction of flow".to_owned()));
    }
    out.extend(step_row(atlas, scene, figure));
    out
}

/// The legend's row for the location step shown: the landmarks it lights, or the line to
/// measure along (only when one is drawn).
fn step_row(atlas: &Atlas, scene: &Scene, figure: &Figure) -> Option<(Swatch, String)> {
    match &scene.layers.step {
        Some(StepFocus::Landmark(landmark)) => {
            // Every landmark the step lights (both ends of GB30's line), each named once.
            let spots = scene
                .selected
                .as_ref()
                .and_then(|c| atlas.point(c))
                .map(|p| crate::placement::step_marks::landmark_spots(p, figure))
                .unwrap_or_default();
            let mut ids: Vec<&crate::model::LandmarkId> =
                spots.iter().map(|s| &s.landmark).collect();
            if ids.is_empty() {
                ids.push(landmark);
            }
            ids.dedup();
            let names: Vec<String> = ids
                .into_iter()
                .filter_map(|id| {
                    atlas
                        .structures_marking(id)
                        .next()
                        .map(|s| s.name.to_string())
                        .or_else(|| figure.landmark(id).map(|l| l.name.to_string()))
                })
                .collect();
            let head = if names.len() > 1 {
                "Landmarks"
            } else {
                "Landmark"
            };
            (!names.is_empty())
                .then(|| (Swatch::Highlighter, format!("{head}: {}", names.join(", "))))
        }
        Some(StepFocus::Measure) => {
            // Only a line that is drawn is promised.
            let line = scene
                .selected
                .as_ref()
                .and_then(|c| atlas.point(c))
                .is_some_and(|p| {
                    !crate::placement::step_marks::measure_lines(p, figure).is_empty()
                });
            line.then(|| (Swatch::Highlighter, "Measure along the line".to_owned()))
        }
        Some(StepFocus::Palpate) | None => None,
    }
}

/// Where the legend box of `size` covers least of what matters inside `area`: the corners and
/// the middles of the edges, scored by the dots they would hide (each counts heavily) and the
/// outline's vertices they would cover. Zoomed in, the body fills the canvas and no place is
/// clear of it, so the dots decide.
fn clearest_place(
    atlas: &Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    area: Rect,
    size: egui::Vec2,
) -> Option<Rect> {
    let (l, r) = (area.left(), area.right() - size.x);
    let (t, b) = (area.top(), area.bottom() - size.y);
    let (cx, cy) = ((l + r) * 0.5, (t + b) * 0.5);
    let places = [
        (l, b),
        (r, b),
        (l, t),
        (r, t),
        (l, cy),
        (r, cy),
        (cx, b),
        (cx, t),
    ]
    .map(|(x, y)| Rect::from_min_size(Pos2::new(x, y), size));
    let dots: Vec<Pos2> = scene
        .points
        .iter()
        .flat_map(|c| atlas.sites_for(c, &figure.id, scene.condition.as_ref()))
        .map(|site| proj.screen_from_figure(site.at))
        .collect();
    let outline: Vec<Pos2> = outline_points(figure)
        .map(|p| proj.screen_from_figure(p))
        .collect();
    let score = |r: &Rect| {
        let hidden = dots.iter().filter(|p| r.expand(6.0).contains(**p)).count();
        let covered = outline.iter().filter(|p| r.contains(**p)).count();
        hidden * 50 + covered
    };
    places.into_iter().min_by_key(score)
}

/// The outline's vertices in figure coordinates, mirrored shapes on both sides.
fn outline_points(figure: &Figure) -> impl Iterator<Item = FigurePos> + '_ {
    figure
        .shapes
        .iter()
        .filter(|s| s.kind == ShapeKind::Outline)
        .flat_map(|s| {
            let mirrored = s
                .mirrored
                .then(|| s.points.iter().map(|p| figure.mirror(*p)));
            s.points
                .iter()
                .copied()
                .chain(mirrored.into_iter().flatten())
        })
}
