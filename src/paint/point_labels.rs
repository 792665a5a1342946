//! The labels of a scene's points: their texts and requests, laid out (or the layout this
//! canvas had last frame, when nothing it depends on changed) and drawn with their leaders and
//! cluster markers.

use super::dots::Dot;
use super::labels::{self, LabelRequest, Placement};
use super::segments::Leader;
use super::theme::CanvasColors;
use crate::model::{Laterality, Point, PointCode};
use crate::scene::{LabelStyle, Scene};
use egui::{Color32, FontId, Pos2, Rect, Stroke};

/// The text of a point's label in this scene.
fn label_text(scene: &Scene, point: &Point) -> String {
    match scene.labels {
        LabelStyle::Full => format!("{} {}", point.code, point.pinyin),
        LabelStyle::Numbered => scene
            .number_of(&point.code)
            .map_or_else(String::new, |n| n.to_string()),
        LabelStyle::NumberedCode => scene
            .number_of(&point.code)
            .map_or_else(|| point.code.to_string(), |n| format!("{n} {}", point.code)),
        LabelStyle::Code | LabelStyle::None => point.code.to_string(),
    }
}

/// One label request per labelled point of the scene, with its text and whether it is greyed: anchored at the point's
/// labelled site, naming the point's other sites on the same side of `midline` (all of them
/// on a view without one). `measure` gives a text's size.
pub fn label_requests(
    scene: &Scene,
    dots: &[Dot<'_>],
    midline: Option<f32>,
    mut measure: impl FnMut(&str) -> egui::Vec2,
) -> Vec<(LabelRequest, String, bool)> {
    if scene.labels == LabelStyle::None {
        return Vec::new();
    }
    let selected: Option<&PointCode> = scene.selected.as_ref();
    let side = |x: f32| midline.map(|m| x >= m);
    dots.iter()
        .filter(|d| d.labelled && scene.labels_point(&d.point.code))
        .map(|dot| {
            let text = label_text(scene, dot.point);
            // The selected point first; on a lesson step the points it names next, and they
            // too may go anywhere a leader reaches rather than fold into a "+N". A patient's
            // labels may also go anywhere a leader reaches: a "+N" tells a patient nothing.
            let named = scene.highlighted.contains(&dot.point.code);
            let patient = if scene.labels.is_numbered() { 2 } else { 0 };
            let priority = patient
                + if Some(&dot.point.code) == selected {
                    3
                } else if named && scene.frame_step {
                    2
                } else {
                    u8::from(named)
                };
            let mut others: Vec<egui::Pos2> = dots
                .iter()
                .filter(|o| o.point.code == dot.point.code && o.at != dot.at)
                .filter(|o| side(o.at.x) == side(dot.at.x))
                .map(|o| o.at)
                .collect();
            // On a patient's sheet a row of sites (one per vertebra) is numbered at one of
            // them: a fan of leaders to every one crosses the points between them. The
            // point's note says it is a row.
            if scene.labels.is_numbered() && others.len() > MAX_LED_SITES {
                others.clear();
            }
            let request = LabelRequest {
                anchor: dot.at,
                others,
                radius: dot.radius,
                size: measure(&text) + egui::vec2(6.0, 2.0),
                prefer_left: dot.point.laterality == Laterality::Midline,
                priority,
                strict: scene.labels.is_numbered(),
            };
            // While a mechanism's points are highlighted, the others' labels are greyed with
            // their dots.
            let dim = !scene.highlighted.is_empty() && !scene.highlighted.contains(&dot.point.code);
            (request, text, dim)
        })
        .collect()
}

/// The most other sites on one side a label reaches with leaders of its own.
const MAX_LED_SITES: usize = 2;

/// Label text size at scale 1, in points.
pub const LABEL_SIZE: f32 = 14.0;

/// Where labels were drawn: each shown label's box with its point (a click on a label selects
/// its point), and the cluster markers with the points each stands for.
#[derive(Default)]
pub struct PlacedLabels {
    pub labels: Vec<(Rect, PointCode)>,
    pub clusters: Vec<(Rect, Vec<PointCode>)>,
}

/// The labels of the scene, laid out and drawn.
pub fn draw_labels(
    painter: &egui::Painter,
    scene: &Scene,
    dots: &[Dot<'_>],
    midline: Option<f32>,
    avoid: &[Rect],
    rect: Rect,
    colors: &CanvasColors,
) -> PlacedLabels {
    let font = &FontId::proportional(LABEL_SIZE * scene.scale);
    // Labels are laid out in the canvas's own coordinates, snapped to a sixteenth of a point,
    // so the same scene lays out the same wherever the canvas sits (window or picture).
    let origin = rect.min.to_vec2();
    let local = |p: Pos2| {
        let v = (p - origin) * 16.0;
        Pos2::new(v.x.round() / 16.0, v.y.round() / 16.0)
    };
    let local_dots: Vec<Dot<'_>> = dots
        .iter()
        .map(|d| Dot {
            at: local(d.at),
            ..d.clone()
        })
        .collect();
    let measure = |text: &str| {
        painter
            .layout_no_wrap(text.to_owned(), font.clone(), colors.label_text)
            .size()
    };
    let bounds = Rect::from_min_size(Pos2::ZERO, rect.size()).shrink(2.0);
    // Only dots in view are labelled (a zoomed canvas has points beyond its edges).
    let requests: Vec<(LabelRequest, String, bool)> =
        label_requests(scene, &local_dots, midline.map(|m| m - origin.x), measure)
            .into_iter()
            .filter(|(r, _, _)| bounds.contains(r.anchor))
            .collect();
    let all_dots: Vec<(Pos2, f32)> = local_dots.iter().map(|d| (d.at, d.radius)).collect();
    let avoid: Vec<Rect> = avoid
        .iter()
        .map(|r| Rect::from_min_max(local(r.min), local(r.max)))
        .collect();
    let inputs = LabelInputs {
        requests: requests.iter().map(|(r, _, _)| r.clone()).collect(),
        dots: all_dots,
        avoid,
        bounds,
    };
    let layout = remembered_layout(painter, rect, inputs, |n| {
        measure(&marker_text(n)) + egui::vec2(6.0, 2.0)
    });
    let ink = LabelInk {
        font,
        colors,
        origin,
    };
    let shown = draw_placed(painter, &layout, &requests, &ink);
    let labels = shown
        .into_iter()
        .filter_map(|(at, anchor)| {
            let dot = local_dots.iter().find(|d| d.at == anchor)?;
            Some((at, dot.point.code.clone()))
        })
        .collect();
    PlacedLabels {
        labels,
        clusters: draw_clusters(painter, &layout, &requests, &local_dots, &ink),
    }
}

/// The text of a cluster marker standing for `n` labels.
fn marker_text(n: usize) -> String {
    format!("+{n}")
}

/// How labels look, and where the canvas's local coordinates start on screen.
struct LabelInk<'a> {
    font: &'a FontId,
    colors: &'a CanvasColors,
    origin: egui::Vec2,
}

impl LabelInk<'_> {
    /// A label's box with its text; a cluster marker's (`strong`) is outlined.
    fn boxed(&self, painter: &egui::Painter, at: Rect, text: String, strong: bool, ink: Color32) {
        painter.rect_filled(at, 3.0, self.colors.label_fill);
        if strong {
            painter.rect_stroke(
                at,
                3.0,
                Stroke::new(1.0, self.colors.leader),
                egui::StrokeKind::Inside,
            );
        }
        let galley = painter.layout_no_wrap(text, self.font.clone(), ink);
        painter.galley(at.min + egui::vec2(3.0, 1.0), galley, ink);
    }

    fn leader(&self, painter: &egui::Painter, l: Leader) {
        let stroke = Stroke::new(1.0, self.colors.leader);
        painter.line_segment([l.from + self.origin, l.to + self.origin], stroke);
    }
}

/// The labels that found a place, with their leaders; returns each one's box on screen with
/// its anchor (in local coordinates).
fn draw_placed(
    painter: &egui::Painter,
    layout: &labels::Layout,
    requests: &[(LabelRequest, String, bool)],
    ink: &LabelInk<'_>,
) -> Vec<(Rect, Pos2)> {
    let mut shown = Vec::new();
    for (placement, (request, text, dim)) in layout.placements.iter().zip(requests) {
        if let Placement::Shown { rect, leaders } = placement {
            for l in leaders {
                ink.leader(painter, *l);
            }
            let color = if *dim {
                ink.colors.dimmed_text
            } else {
                ink.colors.label_text
            };
            let at = rect.translate(ink.origin);
            ink.boxed(painter, at, text.clone(), false, color);
            shown.push((at, request.anchor));
        }
    }
    shown
}

/// The cluster markers ("+4"); returns each with the points it stands for.
fn draw_clusters(
    painter: &egui::Painter,
    layout: &labels::Layout,
    requests: &[(LabelRequest, String, bool)],
    local_dots: &[Dot<'_>],
    ink: &LabelInk<'_>,
) -> Vec<(Rect, Vec<PointCode>)> {
    let mut markers = Vec::new();
    for cluster in &layout.clusters {
        if let Some(l) = cluster.leader {
            ink.leader(painter, l);
        }
        let at = cluster.rect.translate(ink.origin);
        let text = marker_text(cluster.members.len());
        ink.boxed(painter, at, text, true, ink.colors.label_text);
        let codes = cluster
            .members
            .iter()
            .filter_map(|&m| requests.get(m))
            .filter_map(|(r, _, _)| {
                local_dots
                    .iter()
                    .find(|d| d.at == r.anchor)
                    .map(|d| d.point.code.clone())
            })
            .collect();
        markers.push((at, codes));
    }
    markers
}

/// What a label layout is made from: the same inputs give the same layout.
#[derive(Clone, Debug, PartialEq)]
struct LabelInputs {
    requests: Vec<LabelRequest>,
    dots: Vec<(Pos2, f32)>,
    avoid: Vec<Rect>,
    bounds: Rect,
}

/// The label layout for `inputs`: the one this canvas had last frame when nothing it depends on
/// changed (a hover, or no input at all), else a new one. The layout is the costly part of a
/// frame; positions are local and rounded, so the same view gives the same inputs.
fn remembered_layout(
    painter: &egui::Painter,
    rect: Rect,
    inputs: LabelInputs,
    marker_size: impl Fn(usize) -> egui::Vec2,
) -> labels::Layout {
    type Memo = std::sync::Arc<(LabelInputs, labels::Layout)>;
    let id = egui::Id::unique((
        "label-layout",
        painter.layer_id(),
        rect.min.x.to_bits(),
        rect.min.y.to_bits(),
    ));
    let kept = painter
        .ctx()
        .data_mut(|d| d.get_temp::<Memo>(id).filter(|m| m.0 == inputs));
    if let Some(memo) = kept {
        return memo.1.clone();
    }
    let layout = labels::place(
        &inputs.requests,
        &inputs.dots,
        &inputs.avoid,
        inputs.bounds,
        marker_size,
    );
    painter
        .ctx()
        .data_mut(|d| d.insert_temp(id, Memo::new((inputs, layout.clone()))));
    layout
}
