//! Label layout. Every label goes right beside its dot where it fits, else further out with a
//! leader line, else into a cluster marker ("+4") beside the crowd it stands for. Labels never
//! overlap each other, a dot or a leader; leaders never cross each other or pass over a dot
//! other than their own. A label that names several sites of one point (two dots of a point
//! on one hand) reaches each with its own leader.

pub use super::segments::Leader;
use super::segments::{
    circle_hits_rect, distance_sq_to_segment, segment_hits_rect, segments_cross,
};
use egui::{Pos2, Rect, Vec2, pos2, vec2};

/// A label that wants a place near `anchor` (a dot of radius `radius`).
#[derive(Clone, Debug, PartialEq)]
pub struct LabelRequest {
    pub anchor: Pos2,
    /// Other dots of the same point that this label names too.
    pub others: Vec<Pos2>,
    pub radius: f32,
    pub size: Vec2,
    /// Try the left side first (for labels on the midline, whose right is crowded).
    pub prefer_left: bool,
    /// Higher goes first and so gets the best places.
    pub priority: u8,
    /// Right beside a dot only where that dot is the nearest to the label: a patient's number
    /// between two points' dots would seem to name either.
    pub strict: bool,
}

/// Where one label went.
#[derive(Clone, Debug, PartialEq)]
pub enum Placement {
    /// At `rect`, joined to its dots by `leaders` (none when it sits right beside its only dot).
    Shown { rect: Rect, leaders: Vec<Leader> },
    /// Counted in the cluster marker with this index.
    InCluster(usize),
}

/// A marker such as "+4" standing for labels that found no place.
#[derive(Clone, Debug, PartialEq)]
pub struct Cluster {
    pub rect: Rect,
    /// The requests it stands for.
    pub members: Vec<usize>,
    pub leader: Option<Leader>,
}

/// The whole layout: one placement per request, and the cluster markers.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Layout {
    pub placements: Vec<Placement>,
    pub clusters: Vec<Cluster>,
}

/// What is already on the canvas while labels are placed.
struct Board<'a> {
    bounds: Rect,
    dots: &'a [(Pos2, f32)],
    rects: Vec<Rect>,
    leaders: Vec<Leader>,
}

impl Board<'_> {
    /// Whether a label rectangle is free: inside the bounds, clear of every dot, label and
    /// leader.
    fn rect_free(&self, rect: Rect) -> bool {
        self.bounds.contains_rect(rect)
            && !self.rects.iter().any(|t| t.intersects(rect))
            && !self
                .dots
                .iter()
                .any(|(c, r)| circle_hits_rect(*c, *r + 1.0, rect))
            && !self
                .leaders
                .iter()
                .any(|l| segment_hits_rect(l.from, l.to, rect))
    }

    /// Whether a leader may be drawn: it crosses no other leader, passes over no dot but the
    /// ones it joins (`own`), and through no label but its own (not yet on the board).
    fn leader_free(&self, leader: Leader, own: &[Pos2]) -> bool {
        !self.leaders.iter().any(|l| segments_cross(*l, leader))
            && !self.dots.iter().any(|(c, r)| {
                distance_sq_to_segment(*c, leader.from, leader.to) < (*r + 1.0) * (*r + 1.0)
                    && !own.iter().any(|o| o.distance_sq(*c) < 0.25)
            })
            && !self
                .rects
                .iter()
                .any(|t| segment_hits_rect(leader.from, leader.to, t.shrink(0.5)))
    }

    fn take(&mut self, rect: Rect, leaders: &[Leader]) {
        self.rects.push(rect.expand(1.0));
        self.leaders.extend_from_slice(leaders);
    }
}

/// Places every label inside `bounds`, avoiding every dot in `dots` (centre, radius) and every
/// rectangle in `avoid` (such as the ruler's texts). `marker_size` is the size of a cluster
/// marker's text for a count.
pub fn place(
    requests: &[LabelRequest],
    dots: &[(Pos2, f32)],
    avoid: &[Rect],
    bounds: Rect,
    marker_size: impl Fn(usize) -> Vec2,
) -> Layout {
    let mut board = Board {
        bounds,
        dots,
        rects: avoid.to_vec(),
        leaders: Vec::new(),
    };
    let mut order: Vec<usize> = (0..requests.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (&requests[a], &requests[b]);
        rb.priority
            .cmp(&ra.priority)
            .then(ra.anchor.y.total_cmp(&rb.anchor.y))
    });
    let mut placements: Vec<Option<Placement>> = vec![None; requests.len()];
    // First everything that fits right beside its dot, then the rest led out, in order from
    // the top down so leaders to a column do not cross; the selected point's label (the
    // highest priority) may go anywhere a leader reaches rather than into a marker.
    for pass in [Pass::Beside, Pass::LedOut, Pass::Anywhere, Pass::Through] {
        for &i in &order {
            let far = matches!(pass, Pass::Anywhere | Pass::Through);
            if placements[i].is_some() || (far && requests[i].priority < 2) {
                continue;
            }
            // Led anywhere, a label's leader may pass over dots smaller than its own (the
            // dimmed points around an emphasised one).
            let smaller: Vec<Pos2> = match pass {
                Pass::Anywhere | Pass::Through => dots
                    .iter()
                    .filter(|(_, r)| *r < requests[i].radius * 0.9)
                    .map(|(c, _)| *c)
                    .collect(),
                Pass::Beside | Pass::LedOut => Vec::new(),
            };
            if let Some((rect, leaders)) = find_place(&board, &requests[i], pass, &smaller) {
                board.take(rect, &leaders);
                placements[i] = Some(Placement::Shown { rect, leaders });
            }
        }
    }
    let left_over: Vec<usize> = order
        .iter()
        .copied()
        .filter(|&i| placements[i].is_none())
        .collect();
    let clusters = cluster(&mut board, requests, &left_over, &marker_size);
    for (k, c) in clusters.iter().enumerate() {
        for &m in &c.members {
            placements[m] = Some(Placement::InCluster(k));
        }
    }
    Layout {
        placements: placements
            .into_iter()
            .map(|p| p.unwrap_or(Placement::InCluster(usize::MAX)))
            .collect(),
        clusters,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Pass {
    Beside,
    LedOut,
    /// Anywhere on the canvas a leader can reach, nearest first (cluster markers only).
    Anywhere,
    /// Anywhere, with leaders that may pass over other dots: the last resort of a label that
    /// must not go into a marker (a patient's numbers), such as a midline point ringed by a
    /// row of others.
    Through,
}

/// The first free place for a label in this pass, with its leaders. Leaders may pass over the
/// label's own dots and the dots in `passable` (a marker's members).
fn find_place(
    board: &Board<'_>,
    req: &LabelRequest,
    pass: Pass,
    passable: &[Pos2],
) -> Option<(Rect, Vec<Leader>)> {
    let own: Vec<Pos2> = std::iter::once(req.anchor)
        .chain(req.others.iter().copied())
        .collect();
    let mut may_cross: Vec<Pos2> = own.iter().chain(passable).copied().collect();
    if pass == Pass::Through {
        may_cross.extend(board.dots.iter().map(|(c, _)| *c));
    }
    let candidates: Vec<(Rect, bool)> = match pass {
        Pass::Beside => beside_candidates(req)
            .into_iter()
            .map(|r| (r, false))
            .collect(),
        Pass::LedOut => column_candidates(req, board.dots)
            .into_iter()
            .chain(radial_candidates(req))
            .map(|r| (r, true))
            .collect(),
        Pass::Anywhere | Pass::Through => spiral_candidates(req, board.bounds)
            .into_iter()
            .map(|r| (r, true))
            .collect(),
    };
    for (rect, led) in candidates {
        if !board.rect_free(rect)
            || (!led && req.strict && !nearest_own(board, &own, req.radius, rect))
        {
            continue;
        }
        let mut leaders = Vec::new();
        // The last resort leads to the label's own dot only, not to each of its sites.
        let targets: &[Pos2] = match (led, pass) {
            (true, Pass::Through) => own.get(..1).unwrap_or_default(),
            (true, _) => &own,
            (false, _) => own.get(1..).unwrap_or_default(),
        };
        let mut ok = true;
        for target in targets {
            let leader = leader_to(*target, req.radius, rect);
            // Leaders of one label may meet at the label, but must not cross each other.
            if !board.leader_free(leader, &may_cross)
                || leaders.iter().any(|l| segments_cross(*l, leader))
            {
                ok = false;
                break;
            }
            leaders.push(leader);
        }
        if ok {
            return Some((rect, leaders));
        }
    }
    None
}

/// Whether a label without a leader at `rect` is nearer its own dot (of `radius`) than any
/// other: one between two points' dots would name either.
fn nearest_own(board: &Board<'_>, own: &[Pos2], radius: f32, rect: Rect) -> bool {
    let gap = |c: Pos2, r: f32| rect.distance_to_pos(c) - r;
    let mine = own.iter().map(|c| gap(*c, radius)).fold(f32::MAX, f32::min);
    board
        .dots
        .iter()
        .filter(|(c, _)| !own.iter().any(|o| o.distance_sq(*c) < 0.25))
        .all(|(c, r)| gap(*c, *r) >= mine)
}

/// The leader from the edge of a dot at `at` to the nearest point of `rect`.
fn leader_to(at: Pos2, radius: f32, rect: Rect) -> Leader {
    let to = pos2(
        at.x.clamp(rect.min.x, rect.max.x),
        at.y.clamp(rect.min.y, rect.max.y),
    );
    let dir = (to - at).normalized();
    Leader {
        from: at + dir * radius,
        to,
    }
}

/// Groups the labels that found no place by nearness and places a marker for each group; a
/// group whose marker finds no place joins the nearest group that has one.
fn cluster(
    board: &mut Board<'_>,
    requests: &[LabelRequest],
    left_over: &[usize],
    marker_size: &impl Fn(usize) -> Vec2,
) -> Vec<Cluster> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in left_over {
        let at = requests[i].anchor;
        let reach = (requests[i].size.y * 4.0).max(48.0);
        match groups
            .iter_mut()
            .find(|g| g.iter().any(|&j| requests[j].anchor.distance(at) <= reach))
        {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut homeless: Vec<Vec<usize>> = Vec::new();
    for members in groups {
        // The marker stands beside the member nearest the group's middle.
        let n = members.len() as f32;
        let middle = members
            .iter()
            .fold(Vec2::ZERO, |acc, &m| acc + requests[m].anchor.to_vec2())
            / n;
        let Some(&near) = members.iter().min_by(|&&a, &&b| {
            let da = (requests[a].anchor.to_vec2() - middle).length();
            let db = (requests[b].anchor.to_vec2() - middle).length();
            da.total_cmp(&db)
        }) else {
            continue;
        };
        let marker = LabelRequest {
            anchor: requests[near].anchor,
            others: Vec::new(),
            radius: requests[near].radius,
            size: marker_size(members.len()),
            prefer_left: requests[near].prefer_left,
            priority: 0,
            strict: false,
        };
        let crowd: Vec<Pos2> = members.iter().map(|&m| requests[m].anchor).collect();
        // With a leader where one can be drawn; else close beside the crowd without one (the
        // marker still names its points on hover).
        let placed = find_place(board, &marker, Pass::Beside, &crowd)
            .or_else(|| find_place(board, &marker, Pass::LedOut, &crowd))
            .or_else(|| find_place(board, &marker, Pass::Anywhere, &crowd))
            .or_else(|| {
                spiral_candidates(&marker, board.bounds)
                    .into_iter()
                    .find(|r| board.rect_free(*r))
                    .map(|r| (r, Vec::new()))
            });
        match placed {
            Some((rect, leaders)) => {
                board.take(rect, &leaders);
                clusters.push(Cluster {
                    rect,
                    members,
                    leader: leaders.first().copied(),
                });
            }
            None => homeless.push(members),
        }
    }
    for members in homeless {
        let at = requests[members[0]].anchor;
        let nearest = clusters.iter_mut().min_by(|a, b| {
            a.rect
                .center()
                .distance(at)
                .total_cmp(&b.rect.center().distance(at))
        });
        if let Some(c) = nearest {
            c.members.extend(members);
        }
    }
    clusters
}

/// Places in a column just outside the dots near the label's own height, going down from the
/// dot's level, then up.
fn column_candidates(req: &LabelRequest, dots: &[(Pos2, f32)]) -> Vec<Rect> {
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
    let min_x = if req.prefer_left {
        near.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut edge = req.anchor.x - req.radius;
        for (x, r) in near.into_iter().filter(|(x, _)| *x <= req.anchor.x) {
            if x + r >= edge - gap {
                edge = edge.min(x - r);
            }
        }
        edge - gap - 2.0 - s.x
    } else {
        near.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut edge = req.anchor.x + req.radius;
        for (x, r) in near.into_iter().filter(|(x, _)| *x >= req.anchor.x) {
            if x - r <= edge + gap {
                edge = edge.max(x + r);
            }
        }
        edge + gap + 2.0
    };
    let step = s.y + 2.0;
    let mut out = Vec::new();
    for k in 0..8 {
        for sign in [1.0_f32, -1.0] {
            if k == 0 && sign < 0.0 {
                continue;
            }
            let y = req.anchor.y + sign * k as f32 * step;
            out.push(Rect::from_min_size(pos2(min_x, y - s.y / 2.0), s));
        }
    }
    out
}

/// Rectangles further out in twelve directions at three distances.
fn radial_candidates(req: &LabelRequest) -> Vec<Rect> {
    let s = req.size;
    let mut out = Vec::new();
    for d in [2.5_f32, 4.0, 6.0] {
        let reach = req.radius * 2.0 + d * 10.0;
        for k in 0..12 {
            let a = std::f32::consts::TAU * k as f32 / 12.0;
            let dir = vec2(a.cos(), a.sin());
            let dir = if req.prefer_left {
                vec2(-dir.x, dir.y)
            } else {
                dir
            };
            let to = req.anchor + dir * reach;
            // The rectangle's near edge at `to`, on the side away from the dot.
            let min = pos2(
                if dir.x >= 0.0 { to.x } else { to.x - s.x },
                to.y - s.y / 2.0,
            );
            out.push(Rect::from_min_size(min, s));
        }
    }
    out
}

/// Rectangles on rings of growing radius around the dot, out to the far side of `bounds`.
fn spiral_candidates(req: &LabelRequest, bounds: Rect) -> Vec<Rect> {
    let s = req.size;
    let far = bounds.size().length();
    let mut out = Vec::new();
    let mut reach = req.radius * 2.0 + 20.0;
    while reach < far {
        #[allow(
            clippy::cast_possible_truncation,
            clippy::cast_sign_loss,
            reason = "clamped to 12..=96 first"
        )]
        let steps = ((std::f32::consts::TAU * reach) / (s.x + 8.0)).clamp(12.0, 96.0) as usize;
        for k in 0..steps {
            let a = std::f32::consts::TAU * k as f32 / steps as f32;
            let to = req.anchor + vec2(a.cos(), a.sin()) * reach;
            let min = pos2(
                if a.cos() >= 0.0 { to.x } else { to.x - s.x },
                to.y - s.y / 2.0,
            );
            out.push(Rect::from_min_size(min, s));
        }
        reach += s.y * 1.5;
    }
    out
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

#[cfg(test)]
mod tests;
