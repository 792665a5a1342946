//! Puts a [`Scene`] on an egui painter: the figure's art, the dots coloured by region, the
//! selected point's ruler, the labels, the answer mark and the spotlight. The window's canvas
//! and the windowless renderer both draw through [`draw_scene`].

use super::art::{self, Art};
use super::labels::{self, LabelRequest, Placement};
use super::projector::Projector;
use super::ruler;
use super::theme::{self, CanvasColors};
use crate::model::{Atlas, Figure, Laterality, Point, PointCode};
use crate::scene::{LabelStyle, Scene};
use egui::{Color32, FontId, Pos2, Rect, Stroke};

/// One drawn site of a point.
#[derive(Clone, Debug)]
pub struct Dot<'a> {
    pub point: &'a Point,
    pub at: Pos2,
    pub radius: f32,
    pub color: Color32,
    /// Only one site of a point gets a label.
    pub labelled: bool,
}

/// What was drawn, for hit testing and for tests that look for a point on screen.
pub struct Drawn<'a> {
    pub dots: Vec<Dot<'a>>,
    /// The point under the pointer, if any.
    pub hovered: Option<&'a Point>,
    /// Markers such as "+4" for labels that found no place, with the points each stands for.
    pub clusters: Vec<(Rect, Vec<PointCode>)>,
}

/// Label text size at scale 1, in points.
pub const LABEL_SIZE: f32 = 14.0;

/// Draws `scene` of `figure` into `rect` through `proj`. `mouse` is where the pointer is (it
/// picks the hovered dot and centres the spotlight).
#[allow(
    clippy::too_many_arguments,
    reason = "the painter, the data and the projection are all needed"
)]
pub fn draw_scene<'a>(
    painter: &egui::Painter,
    rect: Rect,
    atlas: &'a Atlas,
    scene: &Scene,
    figure: &Figure,
    figure_art: &Art,
    proj: &Projector,
    mouse: Option<Pos2>,
) -> Drawn<'a> {
    let colors = theme::canvas_colors(scene.theme);
    painter.rect_filled(rect, 0.0, colors.background);
    let bones = scene.layers.bones.then_some(crate::model::ShapeKind::Bone);
    art::draw_except(painter, figure_art, proj, &colors, bones);
    let dots = if scene.show_dots {
        dots(atlas, scene, figure, proj, rect)
    } else {
        Vec::new()
    };
    let layer_tags = super::layers::draw_under(painter, atlas, scene, figure, proj, &dots);
    let hovered = mouse.filter(|p| rect.contains(*p)).and_then(|p| {
        dots.iter()
            .filter(|d| d.at.distance(p) <= d.radius + 5.0)
            .min_by(|a, b| a.at.distance(p).total_cmp(&b.at.distance(p)))
            .map(|d| d.point)
    });
    let emphasised = |dot: &Dot<'_>| {
        Some(&dot.point.code) == scene.selected.as_ref()
            || hovered.is_some_and(|h| h.code == dot.point.code)
    };
    let lit = |dot: &Dot<'_>| scene.highlighted.contains(&dot.point.code);
    // Plain dots first, then highlighted ones, then the selected and hovered ones on top, so
    // an emphasised dot is never covered by a dimmed one.
    let ring = Stroke::new(1.5, colors.dot_ring);
    for dot in dots.iter().filter(|d| !emphasised(d) && !lit(d)) {
        ringed_dot(painter, dot.at, dot.radius, dot.color, ring);
    }
    for dot in dots.iter().filter(|d| !emphasised(d) && lit(d)) {
        ringed_dot(painter, dot.at, dot.radius, dot.color, ring);
    }
    for dot in dots.iter().filter(|d| emphasised(d)) {
        ringed_dot(painter, dot.at, dot.radius, dot.color, ring);
        painter.circle_stroke(
            dot.at,
            dot.radius + 3.5 * scene.scale.sqrt(),
            Stroke::new(2.5, colors.highlight),
        );
    }
    if scene.calibration {
        ruler::calibration(painter, figure, proj, &colors);
    }
    // The ruler goes over the dots so its ticks and count stay readable; labels keep clear
    // of its texts.
    let mut ruler_texts = match scene.selected.as_ref().and_then(|c| atlas.point(c)) {
        Some(point) if scene.ruler => {
            ruler::draw(painter, point, figure, proj, &colors, scene.scale)
        }
        _ => Vec::new(),
    };
    ruler_texts.extend(layer_tags);
    let midline = figure.midline_x.map(|x| {
        proj.screen_from_figure(crate::model::FigurePos::new(x, 0.0))
            .x
    });
    let clusters = draw_labels(painter, scene, &dots, midline, &ruler_texts, rect, &colors);
    super::layers::draw_over(painter, atlas, scene, figure, proj, rect);
    if let Some(mark) = scene.marker {
        let at = proj.screen_from_figure(mark);
        let s = 7.0 * scene.scale;
        let stroke = Stroke::new(2.5, colors.highlight);
        painter.line_segment([at - egui::vec2(s, s), at + egui::vec2(s, s)], stroke);
        painter.line_segment([at - egui::vec2(s, -s), at + egui::vec2(s, -s)], stroke);
    }
    if scene.region_key {
        super::region_key::draw_region_key(painter, rect, atlas, scene, &colors);
    }
    if scene.spotlight {
        let selected_at = scene
            .selected
            .as_ref()
            .and_then(|c| dots.iter().find(|d| &d.point.code == c))
            .map(|d| d.at);
        if let Some(centre) = mouse.filter(|p| rect.contains(*p)).or(selected_at) {
            spotlight(painter, rect, centre);
        }
    }
    Drawn {
        dots,
        hovered,
        clusters,
    }
}

/// A filled dot with a ring round its outside (as egui strokes a circle). When both colours
/// are opaque it is drawn as two discs, the ring's colour under the fill's: the tessellator
/// fills a disc with about 70 vertices (4 when it is small) but strokes a circle with about
/// 130, and a frame of the back figure has over a hundred dots. Translucent colours keep the
/// stroked circle, which looks the same only when nothing shows through.
pub fn ringed_dot(painter: &egui::Painter, at: Pos2, radius: f32, fill: Color32, ring: Stroke) {
    if fill.is_opaque() && ring.color.is_opaque() {
        painter.circle_filled(at, radius + ring.width, ring.color);
        painter.circle_filled(at, radius, fill);
    } else {
        painter.circle(at, radius, fill, ring);
    }
}

/// The radius of the clear circle of the spotlight.
pub fn spotlight_radius(rect: Rect) -> f32 {
    rect.size().min_elem() * 0.17
}

/// Dims everything in `rect` but a circle around `centre`: a ring-shaped mesh from the
/// circle out past the corners of the canvas.
fn spotlight(painter: &egui::Painter, rect: Rect, centre: Pos2) {
    let inner = spotlight_radius(rect);
    let outer = inner + rect.size().length() * 2.0;
    let mut mesh = egui::Mesh::default();
    let steps: u32 = 96;
    for i in 0..steps {
        let a = std::f32::consts::TAU * i as f32 / steps as f32;
        let dir = egui::vec2(a.cos(), a.sin());
        mesh.colored_vertex(centre + dir * inner, theme::SPOTLIGHT_VEIL);
        mesh.colored_vertex(centre + dir * outer, theme::SPOTLIGHT_VEIL);
    }
    for i in 0..steps {
        let next = (i + 1) % steps;
        let (inner_here, outer_here) = (2 * i, 2 * i + 1);
        let (inner_next, outer_next) = (2 * next, 2 * next + 1);
        mesh.add_triangle(inner_here, outer_here, inner_next);
        mesh.add_triangle(outer_here, outer_next, inner_next);
    }
    painter.add(egui::Shape::mesh(mesh));
    painter.circle_stroke(
        centre,
        inner,
        Stroke::new(2.0, Color32::from_white_alpha(160)),
    );
}

/// Every site of every point of the scene on this figure, sized by the canvas.
pub fn dots<'a>(
    atlas: &'a Atlas,
    scene: &Scene,
    figure: &Figure,
    proj: &Projector,
    rect: Rect,
) -> Vec<Dot<'a>> {
    // Sized by the canvas, not by figure units (close-ups use other units), growing gently
    // with zoom so dense rows separate as the user zooms in, and with the scene's scale a
    // little less than the labels do, so a row of dots stays a row when presenting.
    let base = (rect.size().min_elem() * 0.0062 * proj.zoom().powf(0.35)).clamp(3.5, 12.0)
        * scene.scale.powf(0.75);
    let dimming = !scene.highlighted.is_empty();
    let colors = theme::canvas_colors(scene.theme);
    let condition = scene.condition.as_ref();
    let mut out = Vec::new();
    for point in scene.points.iter().filter_map(|c| atlas.point(c)) {
        let region = atlas.display_region(point, condition).map(|(i, _)| i);
        let lit = scene.highlighted.contains(&point.code);
        let color = match region {
            Some(_) if dimming && !lit => colors.dimmed_dot,
            Some(i) => theme::region_color(i, scene.theme),
            None => theme::NO_REGION,
        };
        let radius = if Some(&point.code) == scene.selected.as_ref() || (dimming && lit) {
            base * 1.35
        } else {
            base
        };
        let sites = atlas.sites_for(&point.code, &figure.id, condition);
        // Label the site furthest to the viewer's right (bilateral labels go right of the
        // midline; midline points label to the left).
        let labelled = sites
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.at.x.total_cmp(&b.1.at.x))
            .map(|(i, _)| i);
        for (i, site) in sites.iter().enumerate() {
            out.push(Dot {
                point,
                at: proj.screen_from_figure(site.at),
                radius,
                color,
                labelled: Some(i) == labelled,
            });
        }
    }
    out
}

/// The text of a point's label in this scene.
fn label_text(scene: &Scene, point: &Point) -> String {
    match scene.labels {
        LabelStyle::Full => format!("{} {}", point.code, point.pinyin),
        LabelStyle::Numbered => scene
            .number_of(&point.code)
            .map_or_else(String::new, |n| n.to_string()),
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
            let priority = if Some(&dot.point.code) == selected {
                2
            } else {
                u8::from(scene.highlighted.contains(&dot.point.code))
            };
            let others = dots
                .iter()
                .filter(|o| o.point.code == dot.point.code && o.at != dot.at)
                .filter(|o| side(o.at.x) == side(dot.at.x))
                .map(|o| o.at)
                .collect();
            let request = LabelRequest {
                anchor: dot.at,
                others,
                radius: dot.radius,
                size: measure(&text) + egui::vec2(6.0, 2.0),
                prefer_left: dot.point.laterality == Laterality::Midline,
                priority,
            };
            // While a mechanism's points are highlighted, the others' labels are greyed with
            // their dots.
            let dim = !scene.highlighted.is_empty() && !scene.highlighted.contains(&dot.point.code);
            (request, text, dim)
        })
        .collect()
}

/// The labels of the scene, laid out and drawn; returns the cluster markers with the points
/// each stands for.
fn draw_labels(
    painter: &egui::Painter,
    scene: &Scene,
    dots: &[Dot<'_>],
    midline: Option<f32>,
    avoid: &[Rect],
    rect: Rect,
    colors: &CanvasColors,
) -> Vec<(Rect, Vec<PointCode>)> {
    let font = FontId::proportional(LABEL_SIZE * scene.scale);
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
    let marker_text = |n: usize| format!("+{n}");
    let inputs = LabelInputs {
        requests: requests.iter().map(|(r, _, _)| r.clone()).collect(),
        dots: all_dots,
        avoid,
        bounds,
    };
    let layout = remembered_layout(painter, rect, inputs, |n| {
        measure(&marker_text(n)) + egui::vec2(6.0, 2.0)
    });
    let leader = Stroke::new(1.0, colors.leader);
    let boxed = |at: Rect, text: String, strong: bool, ink: egui::Color32| {
        painter.rect_filled(at, 3.0, colors.label_fill);
        if strong {
            painter.rect_stroke(
                at,
                3.0,
                Stroke::new(1.0, colors.leader),
                egui::StrokeKind::Inside,
            );
        }
        let galley = painter.layout_no_wrap(text, font.clone(), ink);
        painter.galley(at.min + egui::vec2(3.0, 1.0), galley, ink);
    };
    for (placement, (_, text, dim)) in layout.placements.iter().zip(&requests) {
        if let Placement::Shown { rect, leaders } = placement {
            for l in leaders {
                painter.line_segment([l.from + origin, l.to + origin], leader);
            }
            let ink = if *dim {
                colors.dimmed_text
            } else {
                colors.label_text
            };
            boxed(rect.translate(origin), text.clone(), false, ink);
        }
    }
    let mut markers = Vec::new();
    for cluster in &layout.clusters {
        if let Some(l) = cluster.leader {
            painter.line_segment([l.from + origin, l.to + origin], leader);
        }
        let at = cluster.rect.translate(origin);
        boxed(
            at,
            marker_text(cluster.members.len()),
            true,
            colors.label_text,
        );
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
