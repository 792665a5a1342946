//! Label layout: every label is placed beside its dot where it fits, led out with a line where
//! the neighbourhood is crowded, or hidden; labels never overlap each other or cover a dot.

use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// A label that wants a place near `anchor` (a dot of radius `radius`).
#[derive(Clone, Copy, Debug)]
pub struct LabelRequest {
    pub anchor: Pos2,
    pub radius: f32,
    pub size: Vec2,
    /// Try the left side first (for labels on the midline, whose right is crowded).
    pub prefer_left: bool,
    /// Higher goes first and so gets the best places.
    pub priority: u8,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Placement {
    /// Right beside the dot.
    Beside(Rect),
    /// Further out, joined to the dot by a line.
    LedOut {
        rect: Rect,
        from: Pos2,
        to: Pos2,
    },
    Hidden,
}

/// Places every label inside `bounds`, avoiding every dot in `dots` (centre, radius) and every
/// rectangle in `avoid` (such as the ruler's texts).
///
/// First pass: each label, by priority, takes the first free place right beside its dot.
/// Second pass: the labels left over are stacked in a column just outside the crowd on their
/// side, in the order of their dots from top to bottom, so their leader lines do not cross.
pub fn place(
    requests: &[LabelRequest],
    dots: &[(Pos2, f32)],
    avoid: &[Rect],
    bounds: Rect,
) -> Vec<Placement> {
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by_key(|&i| {
        let r = requests.get(i).map_or(0, |r| r.priority);
        std::cmp::Reverse(r)
    });
    let mut taken: Vec<Rect> = avoid.to_vec();
    let mut out = vec![Placement::Hidden; requests.len()];
    let fits = |rect: &Rect, taken: &[Rect]| {
        bounds.contains_rect(*rect)
            && !taken.iter().any(|t| t.intersects(*rect))
            && !dots
                .iter()
                .any(|(c, r)| circle_hits_rect(*c, *r + 1.0, *rect))
    };
    let mut left_over = Vec::new();
    for i in order {
        let Some(req) = requests.get(i) else { continue };
        match beside_candidates(req).into_iter().find(|r| fits(r, &taken)) {
            Some(rect) => {
                taken.push(rect.expand(1.0));
                if let Some(slot) = out.get_mut(i) {
                    *slot = Placement::Beside(rect);
                }
            }
            None => left_over.push(i),
        }
    }
    // Columns: left-preferring labels go left of the crowd, the others right of it.
    left_over.sort_by(|&a, &b| {
        let ya = requests.get(a).map_or(0.0, |r| r.anchor.y);
        let yb = requests.get(b).map_or(0.0, |r| r.anchor.y);
        ya.total_cmp(&yb)
    });
    for i in left_over {
        let Some(req) = requests.get(i) else { continue };
        let placed = column_candidates(req, dots)
            .into_iter()
            .chain(led_out_candidates(req))
            .find(|(rect, _)| fits(rect, &taken));
        if let Some((rect, to)) = placed {
            let from = req.anchor + (to - req.anchor).normalized() * req.radius;
            taken.push(rect.expand(1.0));
            if let Some(slot) = out.get_mut(i) {
                *slot = Placement::LedOut { rect, from, to };
            }
        }
    }
    out
}

/// Places in a column just outside the dots near the label's own height, going down from the
/// dot's level, then up.
fn column_candidates(req: &LabelRequest, dots: &[(Pos2, f32)]) -> Vec<(Rect, Pos2)> {
    // The crowd is the run of dots at about this height that touch one another going outward
    // from this dot; the column stands just beyond it (not beyond a distant hand).
    let band = req.size.y * 3.0;
    let mut near: Vec<(f32, f32)> = dots
        .iter()
        .filter(|(c, _)| (c.y - req.anchor.y).abs() < band)
        .map(|(c, r)| (c.x, *r))
        .collect();
    let s = req.size;
    let gap = 12.0;
    let (to_x, min_x) = if req.prefer_left {
        near.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut edge = req.anchor.x - req.radius;
        for (x, r) in near.into_iter().filter(|(x, _)| *x <= req.anchor.x) {
            if x + r >= edge - gap {
                edge = edge.min(x - r);
            }
        }
        (edge - gap, edge - gap - 2.0 - s.x)
    } else {
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut edge = req.anchor.x + req.radius;
        for (x, r) in near.into_iter().filter(|(x, _)| *x >= req.anchor.x) {
            if x - r <= edge + gap {
                edge = edge.max(x + r);
            }
        }
        (edge + gap, edge + gap + 2.0)
    };
    let step = s.y + 2.0;
    let mut out = Vec::new();
    for k in 0..5 {
        for sign in [1.0_f32, -1.0] {
            if k == 0 && sign < 0.0 {
                continue;
            }
            let y = req.anchor.y + sign * k as f32 * step;
            out.push((
                Rect::from_min_size(pos2(min_x, y - s.y / 2.0), s),
                pos2(to_x, y),
            ));
        }
    }
    out
}

fn circle_hits_rect(c: Pos2, r: f32, rect: Rect) -> bool {
    let nearest = pos2(
        c.x.clamp(rect.min.x, rect.max.x),
        c.y.clamp(rect.min.y, rect.max.y),
    );
    nearest.distance_sq(c) < r * r
}

fn beside_candidates(req: &LabelRequest) -> Vec<Rect> {
    let gap = req.radius + 3.0;
    let s = req.size;
    let a = req.anchor;
    let right = Rect::from_min_size(pos2(a.x + gap, a.y - s.y / 2.0), s);
    let left = Rect::from_min_size(pos2(a.x - gap - s.x, a.y - s.y / 2.0), s);
    let up_right = Rect::from_min_size(pos2(a.x + gap * 0.6, a.y - gap * 0.6 - s.y), s);
    let down_right = Rect::from_min_size(pos2(a.x + gap * 0.6, a.y + gap * 0.6), s);
    let up_left = Rect::from_min_size(pos2(a.x - gap * 0.6 - s.x, a.y - gap * 0.6 - s.y), s);
    let down_left = Rect::from_min_size(pos2(a.x - gap * 0.6 - s.x, a.y + gap * 0.6), s);
    let up = Rect::from_min_size(pos2(a.x - s.x / 2.0, a.y - gap - s.y), s);
    let down = Rect::from_min_size(pos2(a.x - s.x / 2.0, a.y + gap), s);
    if req.prefer_left {
        vec![
            left, up_left, down_left, right, up_right, down_right, up, down,
        ]
    } else {
        vec![
            right, up_right, down_right, left, up_left, down_left, up, down,
        ]
    }
}

/// Rectangles further out in eight directions, each with the point its leader line ends at.
fn led_out_candidates(req: &LabelRequest) -> Vec<(Rect, Pos2)> {
    let s = req.size;
    let mut out = Vec::new();
    let sides: [f32; 2] = if req.prefer_left {
        [-1.0, 1.0]
    } else {
        [1.0, -1.0]
    };
    for step in [2.5_f32, 4.0] {
        let d = req.radius * 2.0 + step * 8.0;
        for side in sides {
            for dy in [0.0_f32, -0.8, 0.8, -1.6, 1.6] {
                let to = req.anchor + vec2(side * d, dy * d * 0.5);
                let min = if side > 0.0 {
                    pos2(to.x + 2.0, to.y - s.y / 2.0)
                } else {
                    pos2(to.x - 2.0 - s.x, to.y - s.y / 2.0)
                };
                out.push((Rect::from_min_size(min, s), to));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(x: f32, y: f32) -> LabelRequest {
        LabelRequest {
            anchor: pos2(x, y),
            radius: 5.0,
            size: vec2(40.0, 14.0),
            prefer_left: false,
            priority: 0,
        }
    }

    fn rect_of(p: &Placement) -> Option<Rect> {
        match p {
            Placement::Beside(r) | Placement::LedOut { rect: r, .. } => Some(*r),
            Placement::Hidden => None,
        }
    }

    #[test]
    fn a_lone_label_sits_right_beside_its_dot() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(400.0, 400.0));
        let placed = place(
            &[req(100.0, 100.0)],
            &[(pos2(100.0, 100.0), 5.0)],
            &[],
            bounds,
        );
        match placed[0] {
            Placement::Beside(r) => assert!(r.min.x > 105.0 && r.center().y == 100.0),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn crowded_labels_never_overlap_each_other_or_cover_a_dot() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(300.0, 600.0));
        // A dense column like the Jiaji row: dots 5 px apart.
        let requests: Vec<_> = (0..60).map(|i| req(150.0, 20.0 + i as f32 * 5.0)).collect();
        let dots: Vec<_> = requests.iter().map(|r| (r.anchor, r.radius)).collect();
        let placed = place(&requests, &dots, &[], bounds);
        let rects: Vec<Rect> = placed.iter().filter_map(rect_of).collect();
        assert!(rects.len() > 10, "most labels find a place");
        assert!(placed.iter().any(|p| matches!(p, Placement::LedOut { .. })));
        for (i, a) in rects.iter().enumerate() {
            assert!(bounds.contains_rect(*a));
            for b in &rects[i + 1..] {
                assert!(!a.intersects(*b), "{a:?} overlaps {b:?}");
            }
            for (c, r) in &dots {
                assert!(
                    !circle_hits_rect(*c, *r, *a),
                    "label {a:?} covers dot {c:?}"
                );
            }
        }
    }

    #[test]
    fn a_label_with_no_room_is_hidden() {
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(20.0, 20.0));
        let placed = place(&[req(10.0, 10.0)], &[], &[], bounds);
        assert_eq!(placed[0], Placement::Hidden);
    }
}
