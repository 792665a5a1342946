//! Presentation mode: a slim step bar above the canvas (Previous, where we are, Next, the scale
//! of text and dots, recall, spotlight, full screen) and the current point's card, its text
//! scaled with the dots so the back row can read it.

use crate::model::{Atlas, Reader, capitalise};
use crate::session::{Command, Session};
use crate::ui::widgets::{action_button, action_checkbox};
use egui::{FontId, RichText};

/// The step bar. In full screen (`bare`) only the stepping controls and a way out remain.
pub fn step_bar_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    bare: bool,
    commands: &mut Vec<Command>,
) {
    if super::lesson::lesson_bar_ui(ui, atlas, session, bare, commands) {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        let points = session.visible_points(atlas);
        let at = session
            .kept
            .selected
            .as_ref()
            .and_then(|c| points.iter().position(|p| &p.code == c))
            .map_or(0, |i| i + 1);
        action_button(ui, "Previous", &Command::Step(-1), commands);
        ui.label(RichText::new(format!("{at} / {}", points.len())).strong());
        action_button(ui, "Next", &Command::Step(1), commands);
        if bare {
            ui.separator();
            action_button(ui, "Exit full screen", &Command::ToggleFullscreen, commands);
        }
        // With the presenter view open, its controls are there: this bar stays slim.
        if bare || session.present.presenter {
            return;
        }
        ui.separator();
        super::lesson::scale_ui(
            ui,
            session,
            commands,
            "Text and dots",
            "Scale the labels, dots and card for the back row (Ctrl+Plus, Ctrl+Minus)",
        );
        ui.separator();
        action_checkbox(
            ui,
            session.present.recall,
            "Recall",
            &Command::ToggleRecall,
            commands,
        );
        action_checkbox(
            ui,
            session.present.spotlight,
            "Spotlight",
            &Command::ToggleSpotlight,
            commands,
        );
        action_checkbox(
            ui,
            session.present.presenter,
            "Presenter view",
            &Command::TogglePresenter,
            commands,
        );
        action_button(ui, "Full screen", &Command::ToggleFullscreen, commands);
        super::lesson::choosers_ui(ui, atlas, session, commands);
    });
}

/// The least the card's type steps down to, as a share of the presentation's scale (and never
/// below scale 1): below it the card pages instead.
pub const CARD_FLOOR_SHARE: f32 = 0.6;

/// How one paragraph of the card looks.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Look {
    Heading,
    Plain,
    Italic,
    Strong,
}

/// One paragraph of the card: its text, its type size at scale 1, and the space above it.
struct Para {
    text: String,
    size: f32,
    look: Look,
    space: f32,
}

/// The paragraphs of a point's card, in order: names, its role here, where to find it.
fn card_paras(atlas: &Atlas, session: &Session, point: &crate::model::Point) -> Vec<Para> {
    let para = |text: &str, size, look, space| Para {
        text: text.to_owned(),
        size,
        look,
        space,
    };
    let mut out = vec![
        para(
            &format!("{}  {}", point.code, point.hanzi),
            34.0,
            Look::Heading,
            0.0,
        ),
        para(&point.pinyin, 24.0, Look::Plain, 0.0),
        para(&point.english, 20.0, Look::Italic, 0.0),
    ];
    let condition = session.kept.condition.as_ref();
    if let Some(why) = atlas
        .why_here(&point.code, condition, Reader::Trainee)
        .filter(|w| Some(&w.condition.id) == condition)
    {
        let role = format!("{} point", capitalise(why.role.id()));
        out.push(para(&role, 19.0, Look::Strong, 8.0));
        out.push(para(why.reason, 18.0, Look::Plain, 0.0));
        if let Some(caveat) = why.caveat {
            out.push(para(caveat, 16.0, Look::Italic, 0.0));
        }
    }
    for (i, text) in [
        &point.location.landmark,
        &point.location.measure,
        &point.location.palpate,
    ]
    .into_iter()
    .enumerate()
    {
        out.push(para(
            text,
            17.0,
            Look::Plain,
            if i == 0 { 8.0 } else { 4.0 },
        ));
    }
    out
}

/// A paragraph laid out at `k` times its size, `width` wide.
fn lay_out(ui: &egui::Ui, p: &Para, k: f32, width: f32) -> std::sync::Arc<egui::Galley> {
    let font = match p.look {
        Look::Heading => FontId::new(p.size * k, crate::paint::fonts::bold()),
        Look::Plain | Look::Italic | Look::Strong => FontId::proportional(p.size * k),
    };
    let mut text = RichText::new(&p.text).font(font);
    text = match p.look {
        Look::Italic => text.italics(),
        Look::Strong => text.strong(),
        Look::Heading | Look::Plain => text,
    };
    egui::WidgetText::from(text).into_galley(
        ui,
        Some(egui::TextWrapMode::Wrap),
        width,
        egui::TextStyle::Body,
    )
}

/// Splits paragraphs of these heights (each with its space above) into pages of at most
/// `page` points; a paragraph is never split, so no sentence is cut.
fn pages(heights: &[f32], page: f32) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let (mut start, mut used) = (0, 0.0);
    for (i, h) in heights.iter().enumerate() {
        if i > start && used + h > page {
            out.push(start..i);
            start = i;
            used = 0.0;
        }
        used += h;
    }
    out.push(start..heights.len());
    out
}

/// The current point's card, large, scaled with the dots. Its type steps down (to
/// [`CARD_FLOOR_SHARE`] of the scale) until the whole text fits the panel; beyond that the card
/// pages, a paragraph at a time, and stepping forward turns its pages ("1/2").
pub fn card_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    let scale = session.kept.text_scale.clamp(1.0, 3.0);
    if session.present.asking {
        // Recall's first press: the question only; the next press shows the card.
        ui.label(
            RichText::new("What is this point?")
                .font(FontId::new(34.0 * scale, crate::paint::fonts::bold())),
        );
        ui.label(RichText::new("Name it, then find it on yourself.").size(20.0 * scale));
        return;
    }
    let Some(point) = session.kept.selected.as_ref().and_then(|c| atlas.point(c)) else {
        ui.label(
            RichText::new("Press the Right arrow or PageDown to step through the points.")
                .size(20.0 * scale),
        );
        return;
    };
    let paras = card_paras(atlas, session, point);
    let width = ui.available_width().max(40.0);
    let footer = 16.0 * scale.sqrt() * 1.4 + 2.0 * ui.spacing().item_spacing.y + 4.0;
    // The visible height (inside a scroll area the available height is unbounded).
    let visible = ui.clip_rect().bottom().min(ui.max_rect().bottom()) - ui.cursor().top();
    let room = (visible - footer).max(40.0);
    // Each paragraph is its space above, its text and a gap, each with the spacing between items.
    let gaps = 3.0 * ui.spacing().item_spacing.y;
    let heights = |k: f32| -> Vec<f32> {
        paras
            .iter()
            .map(|p| lay_out(ui, p, k, width).size().y + (p.space + 4.0) * k + gaps)
            .collect()
    };
    let floor = (scale * CARD_FLOOR_SHARE).max(1.0);
    let mut k = scale;
    while k > floor && heights(k).iter().sum::<f32>() > room {
        k = (k * 0.92).max(floor);
    }
    // A page holds at least one whole paragraph: on a very small screen the type goes below the
    // floor (to scale 1) rather than cut the longest one.
    while k > 1.0 && heights(k).iter().copied().fold(0.0, f32::max) > room {
        k = (k * 0.92).max(1.0);
    }
    let split = pages(&heights(k), room);
    let count = split.len();
    if session.present.card.code.as_ref() != Some(&point.code)
        || session.present.card.pages != count
    {
        commands.push(Command::SetCardPages(point.code.clone(), count));
    }
    let page = if session.present.card.code.as_ref() == Some(&point.code) {
        session.present.card.page.min(count.saturating_sub(1))
    } else {
        0
    };
    let shown = split
        .get(page)
        .and_then(|r| paras.get(r.clone()))
        .unwrap_or_default();
    for p in shown {
        ui.add_space(p.space * k);
        ui.add(egui::Label::new(lay_out(ui, p, k, width)));
        ui.add_space(4.0 * k);
    }
    if count > 1 {
        let more = if page + 1 < count {
            "  ·  Next for more"
        } else {
            ""
        };
        ui.add_space(4.0);
        ui.label(
            RichText::new(format!("{}/{count}{more}", page + 1))
                .size(16.0 * scale.sqrt())
                .strong(),
        );
    }
}
