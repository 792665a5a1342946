//! Study mode: a question card on the right, what is asked about and how it is going on the
//! left. Locate questions are answered by clicking the (unlabelled) figure and scored in cun;
//! the others by clicking a choice or pressing 1 to 4. Enter or N asks the next question.

use super::{study_charts, study_plan};
use crate::model::{Atlas, PointCode};
use crate::paint::theme;
use crate::session::{Answer, Command, Session, StudyCommand, StudyPhase};
use crate::study::{Grade, LocateResult, Question, QuestionKind, Surface, deck_pool, percent};
use crate::ui::widgets::{Verdict, section_ui, verdict_ui};
use egui::{Color32, FontId, RichText};

/// The left panel: this session so far, how well the deck is known, the weak points, the
/// charts, and "Reset my progress" (before and after a session).
pub fn progress_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    if session.study.phase == StudyPhase::Asking {
        session_summary_ui(ui, session);
        ui.add_space(6.0);
        if ui
            .button("End session")
            .on_hover_text("Stop here and see the summary")
            .clicked()
        {
            commands.push(Command::Study(StudyCommand::End));
        }
    }
    let codes = deck_pool(
        atlas,
        &session.study.plan.deck,
        session.kept.condition.as_ref(),
        &session.kept.progress,
    );
    let summary = session
        .kept
        .progress
        .summary(codes.iter().map(PointCode::as_str));
    section_ui(ui, "This deck, all sessions");
    ui.label(format!("{} known well", summary.known));
    ui.label(format!("{} being learned", summary.learning));
    ui.label(format!("{} weak (missed last time)", summary.weak));
    ui.label(format!("{} not asked yet", summary.unseen));
    weak_points_ui(ui, session, &codes);
    if session.study.phase != StudyPhase::Asking {
        study_charts::charts_ui(ui, session);
        study_plan::reset_ui(ui, session, commands);
    }
}

/// The deck's weak points, the farthest off first.
fn weak_points_ui(ui: &mut egui::Ui, session: &Session, codes: &[PointCode]) {
    let mut weak: Vec<(&str, f32)> = codes
        .iter()
        .filter_map(|c| {
            let p = session.kept.progress.points.get(c.as_str())?;
            (p.level == 0).then(|| (c.as_str(), p.last_error_cun.unwrap_or(f32::NAN)))
        })
        .collect();
    weak.sort_by(|a, b| b.1.total_cmp(&a.1));
    if !weak.is_empty() {
        section_ui(ui, "Weak points");
        for (code, err) in weak {
            if err.is_finite() {
                ui.label(format!("{code}: last off by {err:.1} cun"));
            } else {
                ui.label(code);
            }
        }
    }
}

/// This session: how many were asked and right, the time spent, and the points to review.
fn session_summary_ui(ui: &mut egui::Ui, session: &Session) {
    let study = &session.study;
    section_ui(ui, "This session");
    if let Some(n) = study.plan.length.count() {
        ui.label(format!("Question {} of {n}", (study.asked + 1).min(n)));
    }
    if study.asked == 0 {
        ui.label("No answers yet.");
        return;
    }
    ui.label(format!(
        "{} of {} right ({}%)",
        study.right,
        study.asked,
        percent(study.right, study.asked)
    ));
    ui.label(format!(
        "{} so far",
        study_charts::duration_text(study.seconds_spent())
    ));
    if study.missed.is_empty() {
        ui.label("Nothing to review yet.");
    } else {
        let list: Vec<&str> = study.missed.iter().map(PointCode::as_str).collect();
        ui.label(format!("To review: {}", list.join(", ")));
    }
}

/// The right panel: the question, the choices or the instruction to click, and the feedback,
/// each naming what the question is asked on (`surface`: the figure or the patient's photo).
pub fn question_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    (session, surface): (&Session, Surface),
    commands: &mut Vec<Command>,
) {
    match session.study.phase {
        StudyPhase::Plan => return study_plan::plan_ui(ui, atlas, session, commands),
        StudyPhase::Summary => return study_charts::summary_ui(ui, session, commands),
        StudyPhase::Asking => {}
    }
    let Some(question) = &session.study.question else {
        ui.label("No question of the chosen kinds fits this deck. End the session and choose another plan.");
        return;
    };
    let (right_ink, wrong_ink) = theme::answer_colors(session.kept.theme);
    let prompt = question.prompt_on(atlas, surface);
    ui.label(RichText::new(prompt).font(FontId::new(21.0, crate::paint::fonts::bold())));
    ui.add_space(6.0);
    match (&question.kind, &session.study.answer) {
        (QuestionKind::Locate { .. } | QuestionKind::Landmark { .. }, None) => {
            ui.label(surface.click_hint(&question.kind));
        }
        (
            QuestionKind::Locate { .. } | QuestionKind::Landmark { .. },
            Some(Answer::Located(result)),
        ) => {
            located_ui(
                ui,
                atlas,
                (question, surface),
                result,
                (right_ink, wrong_ink),
            );
        }
        (QuestionKind::Choose { options, answer }, given) => {
            choices_ui(
                ui,
                options,
                *answer,
                given.as_ref(),
                (right_ink, wrong_ink),
                commands,
            );
        }
        (
            QuestionKind::Locate { .. } | QuestionKind::Landmark { .. },
            Some(Answer::Chose { .. }),
        ) => {}
    }
    if session.study.answer.is_some() {
        answered_ui(ui, atlas, question, commands);
    }
}

/// The answer choices as buttons, marked once answered, with the verdict or the keys to press.
fn choices_ui(
    ui: &mut egui::Ui,
    options: &[String],
    answer: usize,
    given: Option<&Answer>,
    (right_ink, wrong_ink): (egui::Color32, egui::Color32),
    commands: &mut Vec<Command>,
) {
    for (i, option) in options.iter().enumerate() {
        let Some(Answer::Chose { index, .. }) = given else {
            let text = RichText::new(format!("{}.  {option}", i + 1)).size(18.0);
            let button = egui::Button::new(text)
                .wrap()
                .min_size(egui::vec2(ui.available_width(), 34.0));
            if ui
                .add(button)
                .on_hover_text(format!("Answer {} (key {})", option, i + 1))
                .clicked()
            {
                commands.push(Command::AnswerChoice(i));
            }
            continue;
        };
        // Once answered the options are plain text on the panel, not faded disabled buttons,
        // so the marked answers keep their full contrast.
        let (note, ink) = if i == answer {
            ("  (the right answer)", Some(right_ink))
        } else if i == *index {
            ("  (your answer)", Some(wrong_ink))
        } else {
            ("", None)
        };
        let mut text = RichText::new(format!("{}.  {option}{note}", i + 1)).size(18.0);
        if let Some(ink) = ink {
            text = text.color(ink).strong();
        }
        let stroke = egui::Stroke::new(
            if ink.is_some() { 2.0 } else { 1.0 },
            ink.unwrap_or(ui.visuals().widgets.noninteractive.bg_stroke.color),
        );
        egui::Frame::new()
            .stroke(stroke)
            .corner_radius(4.0)
            .inner_margin(egui::Margin::symmetric(8, 5))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                ui.add(egui::Label::new(text).wrap());
            });
    }
    if let Some(Answer::Chose { right, .. }) = given {
        if *right {
            verdict_ui(ui, Verdict::Right, "Right.", right_ink, 18.0);
        } else {
            verdict_ui(
                ui,
                Verdict::Wrong,
                "Not this time. The right answer is marked.",
                wrong_ink,
                18.0,
            );
        }
    } else {
        let keys = match options.len() {
            0 | 1 => "Press 1".to_owned(),
            2 => "Press 1 or 2".to_owned(),
            n => format!("Press 1 to {n}"),
        };
        ui.label(RichText::new(format!("{keys}, or click an answer.")).weak());
    }
}

/// After an answer: the point's names, its landmark and measure, and the next question.
fn answered_ui(ui: &mut egui::Ui, atlas: &Atlas, question: &Question, commands: &mut Vec<Command>) {
    if let Some(point) = atlas.point(&question.code) {
        ui.add_space(6.0);
        ui.label(
            RichText::new(format!(
                "{} {} {} — {}",
                point.code, point.pinyin, point.hanzi, point.english
            ))
            .strong(),
        );
        ui.label(format!("Landmark: {}", point.location.landmark));
        ui.label(format!("Measure: {}", point.location.measure));
    }
    ui.add_space(8.0);
    if ui
        .button(RichText::new("Next question").size(18.0))
        .on_hover_text("Ask the next question; missed points come back sooner (Enter or N)")
        .clicked()
    {
        commands.push(Command::NextQuestion);
    }
}

/// The feedback on a click: how far it was, in cun, and what the figure (or photo) now shows.
fn located_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    (question, surface): (&Question, Surface),
    result: &LocateResult,
    (right_ink, wrong_ink): (Color32, Color32),
) {
    let target = match question.kind {
        QuestionKind::Landmark { .. } => "landmark",
        _ => "point",
    };
    let (mark, verdict, ink) = match result.grade {
        Grade::Right => (Verdict::Right, format!("Right on the {target}"), right_ink),
        Grade::Close => (
            Verdict::Close,
            format!("Close, but not on the {target}"),
            wrong_ink,
        ),
        Grade::Wrong => (Verdict::Wrong, "Not there".to_owned(), wrong_ink),
    };
    let words = match (&question.kind, result.grade) {
        (QuestionKind::Landmark { target, .. }, Grade::Right) => {
            format!("Right: on the {}.", target.name)
        }
        (QuestionKind::Landmark { target, .. }, _) => format!(
            "{verdict}: you were {:.1} cun from the {}.",
            result.error_cun, target.name
        ),
        _ => format!("{verdict}: you were {:.1} cun away.", result.error_cun),
    };
    verdict_ui(ui, mark, &words, ink, 19.0);
    let has_ruler = match &question.kind {
        QuestionKind::Locate { figure } => atlas
            .point(&question.code)
            .zip(atlas.figure(figure))
            .and_then(|(p, f)| crate::placement::ruler_for(p, f))
            .is_some(),
        QuestionKind::Choose { .. } | QuestionKind::Landmark { .. } => false,
    };
    let landmark = match &question.kind {
        QuestionKind::Landmark { target, .. } => Some(target.name.as_str()),
        QuestionKind::Locate { .. } | QuestionKind::Choose { .. } => None,
    };
    let shown = surface.shown(target, has_ruler, landmark);
    let measured = surface.measured(&result.span_name, result.span_near);
    ui.label(format!("{measured} {shown}"));
}

#[cfg(test)]
mod tests {
    use crate::paint::theme;
    use crate::scene::Theme;
    use egui::Color32;

    /// WCAG's contrast ratio between two opaque colours.
    fn contrast(a: Color32, b: Color32) -> f32 {
        let lum = |c: Color32| {
            let ch = |v: u8| {
                let v = f32::from(v) / 255.0;
                if v <= 0.040_45 {
                    v / 12.92
                } else {
                    ((v + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * ch(c.r()) + 0.7152 * ch(c.g()) + 0.0722 * ch(c.b())
        };
        let (x, y) = (lum(a), lum(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn the_answer_colours_read_at_4_5_to_1_on_the_panel_in_every_theme() {
        for theme_kind in [Theme::Light, Theme::Dark, Theme::HighContrast] {
            let ctx = egui::Context::default();
            theme::apply(&ctx, theme_kind);
            let visuals = ctx.global_style().visuals.clone();
            let (right, wrong) = theme::answer_colors(theme_kind);
            for background in [visuals.panel_fill, visuals.window_fill] {
                for ink in [right, wrong] {
                    let ratio = contrast(ink, background);
                    assert!(
                        ratio >= 4.5,
                        "{theme_kind:?}: {ink:?} on {background:?} is {ratio:.2}:1"
                    );
                }
            }
        }
    }

    #[test]
    fn the_contrast_of_black_on_white_is_21() {
        assert!((contrast(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    }
}
