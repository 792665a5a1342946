//! Study mode: a question card on the right, what is asked about and how it is going on the
//! left. Locate questions are answered by clicking the (unlabelled) figure and scored in cun;
//! the others by clicking a choice or pressing 1 to 4. Enter or N asks the next question.

use crate::model::{Atlas, PointCode};
use crate::paint::theme;
use crate::session::{Answer, Command, Session};
use crate::study::{Grade, LocateResult, Question, QuestionKind, pool};
use crate::ui::widgets::{Verdict, section_ui, verdict_ui};
use egui::{Color32, FontId, RichText};

/// The left panel: what is asked about, this session so far, and how well each point is known.
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
    let condition = session.kept.condition.as_ref();
    let in_condition = atlas.condition_points(condition);
    for region in atlas.regions().iter().filter(|r| {
        in_condition.iter().any(|p| {
            atlas
                .display_region(p, condition)
                .is_some_and(|(_, d)| d.id == r.id)
        })
    }) {
        let on = session.study.region.as_ref() == Some(&region.id);
        if ui
            .add(egui::Button::selectable(on, region.name.as_str()).wrap())
            .clicked()
        {
            commands.push(Command::SetStudyRegion(Some(region.id.clone())));
        }
    }
    session_summary_ui(ui, session);
    let codes = pool(
        atlas,
        session.kept.condition.as_ref(),
        session.study.region.as_ref(),
    );
    let summary = session
        .kept
        .progress
        .summary(codes.iter().map(PointCode::as_str));
    section_ui(ui, "All sessions");
    ui.label(format!("{} known well", summary.known));
    ui.label(format!("{} being learned", summary.learning));
    ui.label(format!("{} weak (missed last time)", summary.weak));
    ui.label(format!("{} not asked yet", summary.unseen));
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
    if study.asked == 0 {
        ui.label("No answers yet.");
        return;
    }
    let share = 100 * study.right / study.asked.max(1);
    ui.label(format!(
        "{} of {} right ({share}%)",
        study.right, study.asked
    ));
    let minutes = study.seconds_spent() / 60;
    ui.label(match minutes {
        0 => "Under a minute so far".to_owned(),
        1 => "1 minute so far".to_owned(),
        m => format!("{m} minutes so far"),
    });
    if study.missed.is_empty() {
        ui.label("Nothing to review yet.");
    } else {
        let list: Vec<&str> = study.missed.iter().map(PointCode::as_str).collect();
        ui.label(format!("To review: {}", list.join(", ")));
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
        ui.label("There are no points to ask about here. Choose another condition or region.");
        return;
    };
    let (right_ink, wrong_ink) = theme::answer_colors(session.kept.theme);
    ui.label(RichText::new(&question.prompt).font(FontId::new(21.0, crate::paint::fonts::bold())));
    ui.add_space(6.0);
    match (&question.kind, &session.study.answer) {
        (QuestionKind::Locate { .. }, None) => {
            ui.label("Click the figure where you would place the needle. Labels are hidden until you answer.");
        }
        (QuestionKind::Landmark { .. }, None) => {
            ui.label(
                "Click the figure on the landmark. Bones and labels are hidden until you answer.",
            );
        }
        (
            QuestionKind::Locate { .. } | QuestionKind::Landmark { .. },
            Some(Answer::Located(result)),
        ) => {
            located_ui(ui, atlas, question, result, (right_ink, wrong_ink));
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
        let mut text = RichText::new(format!("{}.  {option}", i + 1)).size(18.0);
        if let Some(Answer::Chose { index, .. }) = given {
            if i == answer {
                text = RichText::new(format!("{}.  {option}  (the right answer)", i + 1))
                    .size(18.0)
                    .color(right_ink)
                    .strong();
            } else if i == *index {
                text = RichText::new(format!("{}.  {option}  (your answer)", i + 1))
                    .size(18.0)
                    .color(wrong_ink);
            }
        }
        let button = ui.add_enabled(
            given.is_none(),
            egui::Button::new(text)
                .wrap()
                .min_size(egui::vec2(ui.available_width(), 34.0)),
        );
        if button
            .on_hover_text(format!("Answer {} (key {})", option, i + 1))
            .clicked()
        {
            commands.push(Command::AnswerChoice(i));
        }
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

/// The text with its first letter in lower case ("Popliteal crease to …" inside a sentence).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The feedback on a click: how far it was, in cun, and what the figure now shows.
fn located_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    question: &Question,
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
    let words = format!("{verdict}: you were {:.1} cun away.", result.error_cun);
    verdict_ui(ui, mark, &words, ink, 19.0);
    let has_ruler = match &question.kind {
        QuestionKind::Locate { figure } => atlas
            .point(&question.code)
            .zip(atlas.figure(figure))
            .and_then(|(p, f)| crate::placement::ruler_for(p, f))
            .is_some(),
        QuestionKind::Choose { .. } | QuestionKind::Landmark { .. } => false,
    };
    let shown = if has_ruler {
        format!(
            "The figure now shows the {target}, ringed, with its cun ruler; your click is the cross."
        )
    } else {
        format!("The figure now shows the {target}, ringed; your click is the cross.")
    };
    ui.label(format!(
        "The distance is measured on {}. {shown}",
        lower_first(&result.span_name)
    ));
}
