//! The cun ruler of the selected point: the span it is measured on with a tick per cun, and
//! for offset rules the legs from the landmark to the point with their length in cun.

use super::projector::Projector;
use super::theme::CanvasColors;
use crate::model::{Figure, FigurePos, PlacementRule, Point};
use crate::placement::{effective_rule, place_rule, ruler_for};
use egui::{Align2, FontId, Pos2, Stroke};

/// How the ruler's texts look, and the dots (centre, radius) they keep clear of.
struct RulerInk<'a> {
    painter: &'a egui::Painter,
    colors: &'a CanvasColors,
    font: FontId,
    scale: f32,
    dots: &'a [(Pos2, f32)],
}

/// Draws the ruler over the dots, its texts placed clear of `dots` (centre, radius) where they
/// can be; returns where its texts went, so labels can keep clear of them.
pub fn draw(
    painter: &egui::Painter,
    point: &Point,
    figure: &Figure,
    proj: &Projector,
    colors: &CanvasColors,
    scale: f32,
    dots: &[(Pos2, f32)],
) -> Vec<egui::Rect> {
    let ink = RulerInk {
        painter,
        colors,
        font: FontId::proportional(14.0 * scale),
        scale,
        dots,
    };
    let mut texts: Vec<egui::Rect> = span_ruler(&ink, point, figure, proj).into_iter().collect();
    texts.extend(offset_legs(&ink, point, figure, proj));
    texts
}

/// The span the point is measured on, with a tick per cun and its length; returns where the
/// length went.
fn span_ruler(
    ink: &RulerInk<'_>,
    point: &Point,
    figure: &Figure,
    proj: &Projector,
) -> Option<egui::Rect> {
    let (painter, colors, scale) = (ink.painter, ink.colors, ink.scale);
    let ruler = ruler_for(point, figure)?;
    let stroke = Stroke::new(2.0 * scale, colors.ruler);
    let from = proj.screen_from_figure(ruler.from);
    let to = proj.screen_from_figure(ruler.to);
    painter.line_segment([from, to], stroke);
    let dir = (to - from).normalized();
    let normal = egui::vec2(-dir.y, dir.x);
    for (i, tick) in ruler.ticks.iter().enumerate() {
        let at = proj.screen_from_figure(*tick);
        let len = if i == 0 || i + 1 == ruler.ticks.len() {
            7.0
        } else {
            4.0
        } * scale;
        painter.line_segment([at - normal * len, at + normal * len], stroke);
    }
    let mid = from + (to - from) * 0.5;
    let places =
        [1.0, -1.0, 2.2, -2.2].map(|k| (mid + normal * 14.0 * scale * k, Align2::CENTER_CENTER));
    Some(ink.text(&places, format!("{} cun", trim(ruler.cun))))
}

/// The legs of the first offset rule this figure can place, from the landmark to the point,
/// with their lengths; returns where the lengths went.
fn offset_legs(
    ink: &RulerInk<'_>,
    point: &Point,
    figure: &Figure,
    proj: &Projector,
) -> Vec<egui::Rect> {
    let (painter, colors, scale) = (ink.painter, ink.colors, ink.scale);
    let mut texts = Vec::new();
    for rule in point
        .placement
        .iter()
        .filter_map(|r| effective_rule(r, figure))
    {
        let PlacementRule::Offset {
            from,
            scale: span,
            across,
            along,
        } = rule
        else {
            continue;
        };
        let (Some(start), Some(end)) = (figure.landmark(from), place_rule(rule, figure)) else {
            continue;
        };
        let corner_rule = PlacementRule::Offset {
            from: from.clone(),
            scale: span.clone(),
            across: *across,
            along: 0.0,
        };
        let Some(corner) = place_rule(&corner_rule, figure) else {
            continue;
        };
        let (a, c, e) = (
            proj.screen_from_figure(start.at),
            proj.screen_from_figure(corner),
            proj.screen_from_figure(end),
        );
        let dashed = Stroke::new(1.5 * scale, colors.ruler);
        painter.add(egui::Shape::dashed_line(&[a, c, e], dashed, 5.0, 4.0));
        painter.circle_filled(a, 3.0 * scale, colors.ruler);
        if *across != 0.0 {
            let mid = a + (c - a) * 0.5;
            let places: Vec<(Pos2, Align2)> = [1.0_f32, 2.5, 4.0, 5.5]
                .into_iter()
                .flat_map(|k| {
                    let d = egui::vec2(0.0, 10.0 * scale * k);
                    [
                        (mid - d, Align2::CENTER_BOTTOM),
                        (mid + d, Align2::CENTER_TOP),
                    ]
                })
                .collect();
            texts.push(ink.text(&places, format!("{} cun", trim(across.abs()))));
        }
        if *along != 0.0 {
            let mid = c + (e - c) * 0.5;
            let places: Vec<(Pos2, Align2)> = [1.0_f32, 2.5, 4.0, 5.5]
                .into_iter()
                .flat_map(|k| {
                    let d = egui::vec2(10.0 * scale * k, 0.0);
                    [
                        (mid + d, Align2::LEFT_CENTER),
                        (mid - d, Align2::RIGHT_CENTER),
                    ]
                })
                .collect();
            texts.push(ink.text(&places, format!("{} cun", trim(along.abs()))));
        }
        break;
    }
    texts
}

/// Every place the ruler of `point` draws through on `figure`: the ends of the span it is
/// measured on, and the landmark, corner and end of its offset legs (what framing must show
/// for the ruler to be seen whole).
pub fn ruler_places(point: &Point, figure: &Figure) -> Vec<FigurePos> {
    let mut out: Vec<FigurePos> = ruler_for(point, figure)
        .map(|r| vec![r.from, r.to])
        .unwrap_or_default();
    let legs = point
        .placement
        .iter()
        .filter_map(|r| effective_rule(r, figure));
    for rule in legs {
        let PlacementRule::Offset {
            from,
            scale,
            across,
            ..
        } = rule
        else {
            continue;
        };
        let corner = PlacementRule::Offset {
            from: from.clone(),
            scale: scale.clone(),
            across: *across,
            along: 0.0,
        };
        let (Some(start), Some(end)) = (figure.landmark(from), place_rule(rule, figure)) else {
            continue;
        };
        out.extend([start.at, end]);
        out.extend(place_rule(&corner, figure));
        break;
    }
    out
}

impl RulerInk<'_> {
    /// Text in the ruler's colour on a backdrop, so it reads over lines: at the first of
    /// `places` (anchor and alignment) where it covers no dot, else at the first.
    fn text(&self, places: &[(Pos2, Align2)], text: String) -> egui::Rect {
        let galley = self
            .painter
            .layout_no_wrap(text, self.font.clone(), self.colors.ruler);
        let size = galley.size();
        let boxed = |(at, align): &(Pos2, Align2)| align.anchor_size(*at, size).expand(2.0);
        // Clear of every dot if it can be, else at least of the largest (emphasised) ones.
        let largest = self.dots.iter().map(|d| d.1).fold(0.0, f32::max);
        let clear_of = |least: f32| {
            move |r: &egui::Rect| {
                !self
                    .dots
                    .iter()
                    .any(|(c, radius)| *radius >= least && r.expand(*radius).contains(*c))
            }
        };
        let rect = places
            .iter()
            .map(boxed)
            .find(clear_of(0.0))
            .or_else(|| places.iter().map(boxed).find(clear_of(largest * 0.9)))
            .or_else(|| places.first().map(boxed))
            .unwrap_or(egui::Rect::NOTHING);
        self.painter.rect_filled(rect, 3.0, self.colors.label_fill);
        self.painter
            .galley(rect.min + egui::vec2(2.0, 2.0), galley, self.colors.ruler);
        rect
    }
}

/// A cun count without a trailing `.0`.
fn trim(v: f32) -> String {
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Every landmark (a small square and its name) and every span (a line and its cun count).
pub fn calibration(
    painter: &egui::Painter,
    figure: &Figure,
    proj: &Projector,
    colors: &CanvasColors,
) {
    let font = FontId::proportional(11.0);
    let stroke = Stroke::new(1.0, colors.ruler);
    for span in &figure.spans {
        let (Some(a), Some(b)) = (figure.landmark(&span.from), figure.landmark(&span.to)) else {
            continue;
        };
        let (a, b) = (proj.screen_from_figure(a.at), proj.screen_from_figure(b.at));
        painter.add(egui::Shape::dashed_line(&[a, b], stroke, 4.0, 3.0));
        painter.text(
            a + (b - a) * 0.5 + egui::vec2(4.0, 0.0),
            Align2::LEFT_CENTER,
            format!("{} ({} cun)", span.id, trim(span.cun)),
            font.clone(),
            colors.ruler,
        );
    }
    for landmark in &figure.landmarks {
        let at = proj.screen_from_figure(landmark.at);
        painter.rect_filled(
            egui::Rect::from_center_size(at, egui::vec2(5.0, 5.0)),
            0.0,
            colors.ruler,
        );
        painter.text(
            at + egui::vec2(5.0, -2.0),
            Align2::LEFT_BOTTOM,
            landmark.id.as_str(),
            font.clone(),
            colors.label_text,
        );
    }
}
