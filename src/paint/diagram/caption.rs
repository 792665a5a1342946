//! The caption beside a diagram: the mechanism, where we are in its steps, the step's title and
//! words, the grade of the evidence for this step (as a coloured badge and in plain words), the
//! mechanism's own grade when it differs, and a key to the arrows used so far. Text shrinks
//! until it fits.

use super::context::DiagramStyle;
use crate::model::{ArrowKind, Diagram, Mechanism};
use crate::paint::marks::{self, Role};
use crate::paint::theme::DiagramColors;
use crate::paint::{fonts, theme};
use egui::{Color32, FontId, Galley, Pos2, Rect, Stroke, Vec2};
use std::sync::Arc;

/// One laid-out piece of the caption, top to bottom.
enum Piece {
    Text(Arc<Galley>),
    /// The step's title (a heading for a reader).
    Title(Arc<Galley>),
    Gap(f32),
    /// Where we are: `n` of `total` dots, with the words before them.
    Dots {
        words: Arc<Galley>,
        at: usize,
        total: usize,
        size: f32,
    },
    /// A grade badge: the pill's galley and its fill.
    Badge(Arc<Galley>, Color32),
    /// A key line: an arrow sample and its words.
    Key(ArrowKind, Arc<Galley>),
}

impl Piece {
    fn height(&self) -> f32 {
        match self {
            Piece::Text(g) | Piece::Title(g) | Piece::Key(_, g) => g.size().y,
            Piece::Gap(h) => *h,
            Piece::Dots { words, size, .. } => words.size().y.max(*size),
            Piece::Badge(g, _) => g.size().y + 8.0,
        }
    }
}

/// The caption in `rect`: the step's words, where it is among the steps, its grade and a key
/// of the arrows, shrunk until they fit.
pub(super) fn draw(
    painter: &egui::Painter,
    rect: Rect,
    mechanism: &Mechanism,
    diagram: &Diagram,
    step: usize,
    colors: &DiagramColors,
    style: DiagramStyle,
) {
    let panel = rect.shrink2(Vec2::new(rect.width() * 0.03, rect.height() * 0.03));
    painter.rect(
        panel,
        10.0,
        colors.caption_fill,
        Stroke::new(1.0, colors.caption_line),
        egui::StrokeKind::Inside,
    );
    let base = (rect.height().min(rect.width() * 1.9) / 620.0).clamp(0.5, 2.4)
        * style.scale.clamp(1.0, 3.0).powf(0.6);
    let mut size = base;
    let pad = (18.0 * base).clamp(10.0, 40.0);
    let inner = panel.shrink(pad);
    let mut pieces = layout(
        painter,
        mechanism,
        diagram,
        step,
        colors,
        size,
        inner.width(),
    );
    for _ in 0..8 {
        let height: f32 = pieces.iter().map(Piece::height).sum();
        if height <= inner.height() {
            break;
        }
        size *= 0.9;
        pieces = layout(
            painter,
            mechanism,
            diagram,
            step,
            colors,
            size,
            inner.width(),
        );
    }
    let mut y = inner.top();
    for piece in pieces {
        let h = piece.height();
        draw_piece(painter, piece, Pos2::new(inner.left(), y), h, size, colors);
        y += h;
    }
}

/// One piece of the caption with its top left at `at`, `h` high; `size` is the caption's text
/// size multiplier.
fn draw_piece(
    painter: &egui::Painter,
    piece: Piece,
    at: Pos2,
    h: f32,
    size: f32,
    colors: &DiagramColors,
) {
    // Each text is marked for a tagged PDF, in the order it is read.
    let read = |g: Arc<Galley>, at: Pos2, color: Color32, role: Role| {
        marks::galley(painter, at, g, color, role);
    };
    match piece {
        Piece::Text(g) => read(g, at, colors.text, Role::Paragraph),
        Piece::Title(g) => read(g, at, colors.text, Role::Heading(2)),
        Piece::Gap(_) => {}
        Piece::Dots {
            words,
            at: current,
            total,
            size,
        } => {
            let w = words.size().x;
            read(words, at, colors.muted_text, Role::Paragraph);
            let r = size * 0.28;
            for i in 0..total {
                let centre = Pos2::new(
                    at.x + w + size * 0.8 + i as f32 * size * 0.9,
                    at.y + h / 2.0,
                );
                let fill = if i == current {
                    colors.step_done
                } else {
                    colors.step_todo
                };
                painter.circle_filled(centre, if i == current { r * 1.3 } else { r }, fill);
            }
        }
        Piece::Badge(g, fill) => {
            let pill = Rect::from_min_size(at, g.size() + Vec2::new(16.0, 8.0));
            // A pill on one line, a rounded box when the badge wraps.
            painter.rect_filled(pill, (pill.height() / 2.0).min(14.0), fill);
            read(g, at + Vec2::new(8.0, 4.0), colors.text, Role::Paragraph);
        }
        Piece::Key(kind, g) => {
            let line_w = (34.0 * size).max(20.0);
            let mid = at.y + h / 2.0;
            key_sample(painter, Pos2::new(at.x, mid), line_w, kind, colors, size);
            let words_at = Pos2::new(at.x + line_w + 10.0, at.y);
            read(g, words_at, colors.text, Role::Paragraph);
        }
    }
}

/// The caption's pieces at text size multiplier `t`, wrapped to `width`.
fn layout(
    painter: &egui::Painter,
    mechanism: &Mechanism,
    diagram: &Diagram,
    step: usize,
    colors: &DiagramColors,
    t: f32,
    width: f32,
) -> Vec<Piece> {
    let Some(current) = diagram.step(step) else {
        return Vec::new();
    };
    let text = |s: &str, size: f32, bold: bool, color: Color32| {
        let family = if bold {
            fonts::bold()
        } else {
            egui::FontFamily::Proportional
        };
        painter.layout(s.to_owned(), FontId::new(size * t, family), color, width)
    };
    let (fill, ink) = theme::grade_colors(current.grade);
    // The badge wraps: with its note on who was studied it can be wider than the caption.
    let badge = painter.layout(
        current.badge(),
        FontId::new(17.0 * t, fonts::bold()),
        ink,
        (width - 16.0).max(40.0),
    );
    let mut pieces = vec![
        Piece::Text(text(&mechanism.title, 17.0, true, colors.muted_text)),
        Piece::Gap(8.0 * t),
        Piece::Dots {
            words: text(
                &format!("Step {} of {}", step + 1, diagram.steps.len()),
                15.0,
                false,
                colors.muted_text,
            ),
            at: step,
            total: diagram.steps.len(),
            size: 15.0 * t,
        },
        Piece::Gap(10.0 * t),
        Piece::Title(text(&current.title, 28.0, true, colors.text)),
        Piece::Gap(8.0 * t),
        Piece::Text(text(&current.text, 20.0, false, colors.text)),
        Piece::Gap(14.0 * t),
        Piece::Badge(badge, fill),
        Piece::Gap(4.0 * t),
        Piece::Text(text(
            &format!("This step: {}.", current.grade.plain()),
            16.0,
            false,
            colors.muted_text,
        )),
    ];
    if current.grade != mechanism.grade {
        pieces.push(Piece::Text(text(
            &format!(
                "The mechanism as a whole: {}.",
                mechanism.grade.label().to_lowercase()
            ),
            16.0,
            false,
            colors.muted_text,
        )));
    }
    let kinds = diagram.arrow_kinds_until(step);
    if !kinds.is_empty() {
        pieces.push(Piece::Gap(14.0 * t));
        for kind in kinds {
            pieces.push(Piece::Key(
                kind,
                text(kind.legend(), 15.0, false, colors.text),
            ));
            pieces.push(Piece::Gap(3.0 * t));
        }
    }
    pieces
}

/// A short sample of an arrow for the key.
fn key_sample(
    painter: &egui::Painter,
    left: Pos2,
    width: f32,
    kind: ArrowKind,
    colors: &DiagramColors,
    t: f32,
) {
    let color = colors.arrow(kind);
    let stroke = Stroke::new((2.5 * t).max(2.0), color);
    let end = left + Vec2::new(width, 0.0);
    let head = (9.0 * t).max(7.0);
    let body_end = end - Vec2::new(head * 0.6, 0.0);
    match kind {
        ArrowKind::Release => {
            painter.extend(egui::Shape::dotted_line(
                &[left, body_end],
                color,
                stroke.width * 2.4,
                stroke.width * 0.75,
            ));
        }
        ArrowKind::Claim => {
            painter.extend(egui::Shape::dashed_line(
                &[left, body_end],
                stroke,
                stroke.width * 3.0,
                stroke.width * 2.0,
            ));
        }
        _ => {
            painter.line_segment(
                [
                    left,
                    if kind == ArrowKind::Calms {
                        end
                    } else {
                        body_end
                    },
                ],
                stroke,
            );
        }
    }
    if kind == ArrowKind::Calms {
        painter.line_segment(
            [
                end - Vec2::new(0.0, head * 0.7),
                end + Vec2::new(0.0, head * 0.7),
            ],
            Stroke::new(stroke.width * 1.3, color),
        );
    } else {
        painter.add(egui::Shape::convex_polygon(
            vec![
                end,
                end - Vec2::new(head, head * 0.5),
                end - Vec2::new(head, -head * 0.5),
            ],
            color,
            Stroke::NONE,
        ));
    }
}
