//! Study mode before a session: the plan chooser (the deck, the kinds of question, the length)
//! and, in the progress panel, "Reset my progress" with its confirmation.

use crate::model::Atlas;
use crate::session::{Command, Session, StudyCommand, deck_name};
use crate::study::{Deck, Length, StudyPlan, deck_pool};
use crate::ui::widgets::section_ui;
use egui::{FontId, RichText};

/// The plan chooser: what to ask about, which kinds, how many, and Start.
pub fn plan_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    ui.label(
        RichText::new("Plan a study session").font(FontId::new(21.0, crate::paint::fonts::bold())),
    );
    let plan = &session.study.plan;
    let mut next = plan.clone();
    deck_ui(ui, atlas, session, &mut next);
    section_ui(ui, "Kinds of question");
    let kinds = &mut next.kinds;
    ui.checkbox(&mut kinds.locate, "Locate: click the point");
    ui.checkbox(
        &mut kinds.landmark,
        "Landmark: click the bone it is found from",
    );
    ui.checkbox(&mut kinds.names, "Names: code, pinyin, characters, English");
    ui.checkbox(&mut kinds.region_condition, "Region and condition");
    section_ui(ui, "Length");
    ui.horizontal_wrapped(|ui| {
        for length in Length::ALL {
            if ui
                .selectable_label(next.length == length, length.name())
                .clicked()
            {
                next.length = length;
            }
        }
    });
    if next != *plan {
        commands.push(Command::Study(StudyCommand::SetPlan(next.clone())));
    }
    ui.add_space(10.0);
    let pool = deck_pool(
        atlas,
        &next.deck,
        session.kept.condition.as_ref(),
        &session.kept.progress,
    );
    let why_not = if pool.is_empty() {
        Some("This deck has no points yet.")
    } else if !next.kinds.any() {
        Some("Choose at least one kind of question.")
    } else {
        None
    };
    let start = ui
        .add_enabled(
            why_not.is_none(),
            egui::Button::new(RichText::new("Start").size(18.0)).min_size(egui::vec2(120.0, 34.0)),
        )
        .on_hover_text("Start the session (Enter)");
    if start.clicked() {
        commands.push(Command::Study(StudyCommand::Start));
    }
    ui.label(match why_not {
        Some(why) => why.to_owned(),
        None => format!("{} points in this deck. Enter starts.", pool.len()),
    });
}

/// The deck: the condition shown, one of its regions, a channel, or the weak points.
fn deck_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, plan: &mut StudyPlan) {
    let condition = session.kept.condition.as_ref();
    section_ui(ui, "Ask about");
    let mut choice = |ui: &mut egui::Ui, deck: Deck, text: String| {
        if ui
            .add(egui::Button::selectable(plan.deck == deck, text).wrap())
            .clicked()
        {
            plan.deck = deck;
        }
    };
    choice(
        ui,
        Deck::Condition,
        format!(
            "Every point of {}",
            deck_name(atlas, condition, &Deck::Condition)
        ),
    );
    let weak = deck_pool(atlas, &Deck::Weak, condition, &session.kept.progress).len();
    choice(ui, Deck::Weak, format!("My weak points ({weak})"));
    ui.label(RichText::new("A region").weak());
    let in_condition = atlas.condition_points(condition);
    ui.horizontal_wrapped(|ui| {
        for region in atlas.regions().iter().filter(|r| {
            in_condition.iter().any(|p| {
                atlas
                    .display_region(p, condition)
                    .is_some_and(|(_, d)| d.id == r.id)
            })
        }) {
            choice(ui, Deck::Region(region.id.clone()), region.name.to_string());
        }
    });
    ui.label(RichText::new("A channel").weak());
    ui.horizontal_wrapped(|ui| {
        for channel in atlas.channels() {
            choice(
                ui,
                Deck::Channel(channel.id.clone()),
                channel.id.to_string(),
            );
        }
    });
}

/// "Reset my progress", then its confirmation.
pub fn reset_ui(ui: &mut egui::Ui, session: &Session, commands: &mut Vec<Command>) {
    ui.add_space(10.0);
    if !session.study.confirm_reset {
        if ui
            .button("Reset my progress…")
            .on_hover_text("Forget every answer and every past session")
            .clicked()
        {
            commands.push(Command::Study(StudyCommand::AskReset));
        }
        return;
    }
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.label(
            RichText::new("Forget every answer and every past session? This cannot be undone.")
                .strong(),
        );
        ui.horizontal(|ui| {
            if ui.button("Reset my progress").clicked() {
                commands.push(Command::Study(StudyCommand::Reset));
            }
            if ui.button("Keep it").clicked() {
                commands.push(Command::Study(StudyCommand::CancelReset));
            }
        });
    });
}
