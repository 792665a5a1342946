//! Study mode after a session: the summary (score, time, the points to review, each missed
//! answer beside the right one) and the charts of the last sessions' scores and of how many
//! points each box of the spaced repetition holds.

use crate::model::PointCode;
use crate::paint::theme;
use crate::session::{Command, Session, StudyCommand};
use crate::study::{box_counts, percent};
use crate::ui::widgets::section_ui;
use egui::{FontId, RichText};
use egui_plot::{Bar, BarChart, Plot};

/// How many past sessions the score chart shows.
const SESSIONS_CHARTED: usize = 12;

/// The summary of the session that just ended.
pub fn summary_ui(ui: &mut egui::Ui, session: &Session, commands: &mut Vec<Command>) {
    let study = &session.study;
    ui.label(RichText::new("Session summary").font(FontId::new(21.0, crate::paint::fonts::bold())));
    if study.asked == 0 {
        ui.label("No questions were answered.");
    } else {
        ui.label(
            RichText::new(format!(
                "{} of {} right ({}%)",
                study.right,
                study.asked,
                percent(study.right, study.asked)
            ))
            .size(19.0)
            .strong(),
        );
        ui.label(duration_text(study.seconds_spent()));
    }
    if study.missed.is_empty() {
        ui.label("Nothing to review: every answer was right.");
    } else {
        let list: Vec<&str> = study.missed.iter().map(PointCode::as_str).collect();
        ui.label(format!("To review: {}", list.join(", ")));
        misses_ui(ui, session);
    }
    ui.add_space(8.0);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(RichText::new("Again with this plan").size(17.0))
            .clicked()
        {
            commands.push(Command::Study(StudyCommand::Start));
        }
        if ui
            .button(RichText::new("New plan").size(17.0))
            .on_hover_text("Choose another deck, kinds or length (Enter)")
            .clicked()
        {
            commands.push(Command::Study(StudyCommand::NewPlan));
        }
    });
}

/// Each missed answer beside the right one.
fn misses_ui(ui: &mut egui::Ui, session: &Session) {
    let (right_ink, wrong_ink) = theme::answer_colors(session.kept.theme);
    section_ui(ui, "Missed answers");
    for missed in &session.study.misses {
        egui::Frame::group(ui.style()).show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(&missed.prompt).strong());
            ui.label(RichText::new(format!("Yours: {}", missed.given)).color(wrong_ink));
            ui.label(
                RichText::new(format!("Right: {}", missed.right))
                    .color(right_ink)
                    .strong(),
            );
        });
    }
}

/// "4 minutes", "Under a minute".
pub fn duration_text(seconds: u64) -> String {
    match seconds / 60 {
        0 => "Under a minute".to_owned(),
        1 => "1 minute".to_owned(),
        m => format!("{m} minutes"),
    }
}

/// The charts: the last sessions' scores, and the points in each box.
pub fn charts_ui(ui: &mut egui::Ui, session: &Session) {
    let ink = theme::answer_colors(session.kept.theme).0;
    section_ui(ui, "Last sessions (% right)");
    let sessions = session.study.history.last(SESSIONS_CHARTED);
    if sessions.is_empty() {
        ui.label("No finished sessions yet.");
    } else {
        let bars: Vec<Bar> = sessions
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let share = f64::from(percent(s.right, s.asked));
                Bar::new(i as f64 + 1.0, share)
                    .width(0.7)
                    .name(format!("{}: {} of {}", s.deck, s.right, s.asked))
                    .fill(ink)
            })
            .collect();
        let last = sessions.len().max(SESSIONS_CHARTED.min(6)) as f64;
        chart_ui(
            ui,
            "study_scores",
            BarChart::new("Score", bars),
            (0.3, last + 0.7),
            100.0,
        );
    }
    section_ui(ui, "Points in each box");
    let counts = box_counts(&session.kept.progress);
    if counts.iter().all(|n| *n == 0) {
        ui.label("No answers yet.");
        return;
    }
    let box_ink = theme::role_colors().0;
    let most = counts.iter().copied().max().unwrap_or(0).max(1);
    let bars: Vec<Bar> = counts
        .iter()
        .enumerate()
        .map(|(i, n)| {
            Bar::new(i as f64, f64::from(*n))
                .width(0.7)
                .name(format!("Box {i}: {n} points"))
                .fill(box_ink)
        })
        .collect();
    chart_ui(
        ui,
        "study_boxes",
        BarChart::new("Points", bars),
        (-0.6, 5.6),
        f64::from(most),
    );
    ui.label(
        RichText::new("Box 0 holds new and missed points; each right answer moves a point up a box, asked again later.")
            .small(),
    );
}

/// One small bar chart that neither pans nor zooms, showing `x` across and 0 to `top` up.
fn chart_ui(ui: &mut egui::Ui, id: &str, chart: BarChart, x: (f64, f64), top: f64) {
    Plot::new(id)
        .include_x(x.0)
        .include_x(x.1)
        .x_grid_spacer(egui_plot::uniform_grid_spacer(|_| [1.0, 5.0, 10.0]))
        .x_axis_formatter(|mark, _| whole(mark.value))
        .height(120.0)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
        .include_y(0.0)
        .include_y(top)
        .show_grid([false, true])
        .show(ui, |plot| plot.bar_chart(chart));
}

/// Axis marks at whole numbers only (sessions and boxes are counted, not measured).
fn whole(value: f64) -> String {
    if (value - value.round()).abs() < 1e-6 && value >= 0.0 {
        format!("{value:.0}")
    } else {
        String::new()
    }
}
