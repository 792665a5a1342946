//! Study mode: a question card on the right, the progress summary on the left. Locate
//! questions are answered by clicking the (unlabelled) figure and scored in cun.

use crate::model::{Atlas, PointCode};
use crate::session::Command;
use crate::session::{Answer, Session};
use crate::study::{Grade, QuestionKind, pool};
use crate::ui::widgets::section_ui;
use egui::{FontId, RichText};

/// The left panel: what is asked about, and how well it is known.
pub fn progress_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    section_ui(ui, "Ask about");
    let all = session.study.region.is_none();
    if ui
        .add(egui::Button::selectable(all, "Every region of the condition").wrap())
        .clicked()
    {
        commands.push(Command::SetStudyRegion(None));
    }
    let in_condition = atlas.condition_points(session.kept.condition.as_ref());
    for region in atlas
        .regions()
        .iter()
        .filter(|r| in_condition.iter().any(|p| p.regions.contains(&r.id)))
    {
        let on = session.study.region.as_ref() == Some(&region.id);
        if ui
            .add(egui::Button::selectable(on, region.name.as_str()).wrap())
            .clicked()
        {
            commands.push(Command::SetStudyRegion(Some(region.id.clone())));
        }
    }
    let codes = pool(
        atlas,
        session.kept.condition.as_ref(),
        session.study.region.as_ref(),
    );
    let summary = session
        .kept
        .progress
        .summary(codes.iter().map(PointCode::as_str));
    section_ui(ui, "Progress");
    ui.label(format!("{} known well", summary.known));
    ui.label(format!("{} being learned", summary.learning));
    ui.label(format!("{} weak (missed last time)", summary.weak));
    ui.label(format!("{} not asked yet", summary.unseen));
    if session.study.asked > 0 {
        ui.label(format!(
            "This session: {} of {} right",
            session.study.right, session.study.asked
        ));
    }
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

/// The right panel: the question, the choices or the instruction to click, and the feedback.
pub fn question_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    let Some(question) = &session.study.question else {
        ui.label("No points to ask about here. Choose another condition or region.");
        return;
    };
    ui.label(RichText::new(&question.prompt).font(FontId::new(21.0, crate::paint::fonts::bold())));
    ui.add_space(6.0);
    match (&question.kind, &session.study.answer) {
        (QuestionKind::Locate { .. }, None) => {
            ui.label("Click the figure where you would place the needle. Labels are hidden.");
        }
        (QuestionKind::Landmark { .. }, None) => {
            ui.label("Click the figure on the landmark. Bones and labels are hidden.");
        }
        (
            QuestionKind::Locate { .. } | QuestionKind::Landmark { .. },
            Some(Answer::Located(result)),
        ) => {
            let verdict = match result.grade {
                Grade::Right => "Right on the point",
                Grade::Close => "Close",
                Grade::Wrong => "Not there",
            };
            ui.label(
                RichText::new(format!("{verdict}: {:.1} cun away", result.error_cun))
                    .size(19.0)
                    .strong(),
            );
            let has_ruler = match &question.kind {
                QuestionKind::Locate { figure } => atlas
                    .point(&question.code)
                    .zip(atlas.figure(figure))
                    .and_then(|(p, f)| crate::placement::ruler_for(p, f))
                    .is_some(),
                QuestionKind::Choose { .. } | QuestionKind::Landmark { .. } => false,
            };
            let shown = if has_ruler {
                "The right spot and its cun ruler are shown on the figure."
            } else {
                "The right spot is shown on the figure."
            };
            ui.label(format!("Measured on: {}. {shown}", result.span_name));
        }
        (QuestionKind::Choose { options, answer }, given) => {
            for (i, option) in options.iter().enumerate() {
                let mut text = RichText::new(option).size(18.0);
                if let Some(Answer::Chose { index, .. }) = given {
                    if i == *answer {
                        text = text.color(crate::paint::theme::RIGHT_ANSWER).strong();
                    } else if i == *index {
                        text = text.color(ui.visuals().error_fg_color);
                    }
                }
                let button = ui.add_enabled(
                    given.is_none(),
                    egui::Button::new(text).min_size(egui::vec2(ui.available_width(), 34.0)),
                );
                if button.clicked() {
                    commands.push(Command::AnswerChoice(i));
                }
            }
            if let Some(Answer::Chose { right, .. }) = given {
                ui.label(
                    RichText::new(if *right {
                        "Right."
                    } else {
                        "Not this time: the right answer is marked."
                    })
                    .size(18.0)
                    .strong(),
                );
            }
        }
        _ => {}
    }
    if session.study.answer.is_some() {
        if let Some(point) = atlas.point(&question.code) {
            ui.add_space(6.0);
            ui.label(format!(
                "{} {} {} — {}",
                point.code, point.pinyin, point.hanzi, point.english
            ));
            ui.label(RichText::new(&point.location.measure).italics());
        }
        ui.add_space(8.0);
        if ui
            .button(RichText::new("Next question").size(18.0))
            .on_hover_text("Ask the next point (the weakest come back sooner)")
            .clicked()
        {
            commands.push(Command::NextQuestion);
        }
    }
}
