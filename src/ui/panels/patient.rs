//! Patient mode: today's plan in plain words. The practitioner builds the plan in explore mode;
//! here each point is named by where it is on the body, with why it is used (and the caveat on
//! the evidence) in a patient's words, what the patient may feel and the safety lines. No
//! needling depths, rulers or codes unless asked.

use crate::model::{Atlas, ConditionId, GuidanceTopic, Point, PointCode, Reader};
use crate::session::Command;
use crate::session::Session;
use crate::ui::widgets::action_button;
use crate::ui::widgets::section_ui;
use egui::{FontId, RichText};

/// The left panel: the plan, with buttons to reorder and remove.
pub fn plan_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    section_ui(ui, "Today's plan");
    if !session.kept.plan.is_empty() {
        let date = crate::render::date_in_words(&session.kept.plan_date, crate::render::Paper::A4);
        let n = session.kept.plan.len();
        ui.label(format!(
            "{date}: {n} point{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    if session.undo_plan.is_some() {
        action_button(
            ui,
            "Undo: bring the last plan back",
            &Command::UndoPlan,
            commands,
        );
    }
    if session.kept.plan.is_empty() {
        ui.label("No points yet. In Explore mode, select a point and press \"Add to today's plan\" (or P).");
        super::plans::plan_files_ui(ui, atlas, session, commands);
        return;
    }
    for (n, code) in session.kept.plan.iter().enumerate() {
        let Some(point) = atlas.point(code) else {
            continue;
        };
        ui.horizontal_wrapped(|ui| {
            let text = if session.patient_codes {
                format!(
                    "{}. {} ({})",
                    n + 1,
                    atlas.place_name(point, plan_condition(atlas, session)),
                    point.code
                )
            } else {
                format!(
                    "{}. {}",
                    n + 1,
                    atlas.place_name(point, plan_condition(atlas, session))
                )
            };
            let on = session.kept.selected.as_ref() == Some(code);
            if ui
                .add(egui::Button::selectable(on, RichText::new(text).size(17.0)).wrap())
                .clicked()
            {
                commands.push(Command::SelectPoint(code.clone()));
            }
        });
        plan_buttons_ui(ui, point, commands);
    }
    ui.add_space(8.0);
    let mut codes = session.patient_codes;
    if ui.checkbox(&mut codes, "Show point codes").changed() {
        commands.push(Command::TogglePatientCodes);
    }
    ui.add_space(4.0);
    handout_ui(ui, session, commands);
    super::plans::plan_files_ui(ui, atlas, session, commands);
}

/// The practitioner's name, "Export handout…", and starting over.
fn handout_ui(ui: &mut egui::Ui, session: &Session, commands: &mut Vec<Command>) {
    ui.label("Practitioner (printed on the handout):");
    let mut name = session.kept.practitioner.clone();
    if ui
        .add(
            egui::TextEdit::singleline(&mut name)
                .hint_text("Your name")
                .desired_width(f32::INFINITY),
        )
        .changed()
    {
        commands.push(Command::SetPractitioner(name));
    }
    action_button(ui, "Export handout…", &Command::ExportHandout, commands);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("New plan")
            .on_hover_text("Start an empty plan for the next patient (Undo brings this one back)")
            .clicked()
        {
            commands.push(Command::NewPlan);
        }
        if ui
            .button("Clear the plan")
            .on_hover_text("Remove every point from today's plan (Undo brings them back)")
            .clicked()
        {
            commands.push(Command::ClearPlan);
        }
    });
}

/// A plan entry's buttons: move it up or down the plan, or take it out.
fn plan_buttons_ui(ui: &mut egui::Ui, point: &Point, commands: &mut Vec<Command>) {
    let code = &point.code;
    ui.horizontal_wrapped(|ui| {
        ui.add_space(18.0);
        if ui
            .small_button("Up")
            .on_hover_text(format!("Move {} up the plan", point.code))
            .clicked()
        {
            commands.push(Command::MovePlan(code.clone(), -1));
        }
        if ui
            .small_button("Down")
            .on_hover_text(format!("Move {} down the plan", point.code))
            .clicked()
        {
            commands.push(Command::MovePlan(code.clone(), 1));
        }
        if ui
            .small_button("Remove")
            .on_hover_text(format!("Take {} out of today's plan", point.code))
            .clicked()
        {
            commands.push(Command::RemoveFromPlan(code.clone()));
        }
    });
}

/// The condition the plan is for: the one chosen, when it uses any of the plan's points,
/// else the one that uses most of them. Place names and reasons come from it.
fn plan_condition<'a>(atlas: &'a Atlas, session: &Session) -> Option<&'a ConditionId> {
    atlas
        .plan_condition(&session.kept.plan, session.kept.condition.as_ref())
        .map(|c| &c.id)
}

/// The right panel: a card per point of the plan, the selected one marked (and scrolled into
/// view when `scroll_to` names it), then what to expect.
pub fn cards_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    scroll_to: Option<&PointCode>,
) {
    let condition = plan_condition(atlas, session);
    // The warning signs come before the points: anyone who has one needs a doctor first.
    super::red_flags::red_flags_ui(ui, atlas, 16.0);
    ui.add_space(6.0);
    if session.kept.plan.is_empty() {
        ui.label(RichText::new("Today's plan is empty.").size(17.0));
    }
    for (n, code) in session.kept.plan.iter().enumerate() {
        let Some(point) = atlas.point(code) else {
            continue;
        };
        let on = session.kept.selected.as_ref() == Some(code);
        let stroke = if on {
            egui::Stroke::new(2.0, ui.visuals().selection.stroke.color)
        } else {
            egui::Stroke::NONE
        };
        let card = egui::Frame::new()
            .stroke(stroke)
            .corner_radius(6)
            .inner_margin(egui::Margin::same(6))
            .show(ui, |ui| {
                ui.set_width(ui.available_width());
                card_ui(ui, atlas, session, condition, n + 1, point);
            })
            .response;
        if scroll_to == Some(code) {
            card.scroll_to_me(Some(egui::Align::TOP));
        }
        ui.add_space(6.0);
    }
    for section in atlas
        .guidance()
        .iter()
        .filter(|s| s.topic == GuidanceTopic::Patient)
    {
        ui.separator();
        for item in &section.items {
            section_ui(ui, &item.heading);
            ui.label(RichText::new(&item.text).size(16.0));
        }
    }
}

/// One point of the plan for a patient: where it is, what it is for in plain words with its
/// caveat, and (when asked) its names.
fn card_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    condition: Option<&ConditionId>,
    number: usize,
    point: &Point,
) {
    ui.label(
        RichText::new(format!("{number}. {}", atlas.place_name(point, condition)))
            .font(FontId::new(22.0, crate::paint::fonts::bold())),
    );
    if session.patient_codes {
        ui.label(format!(
            "{} · {} · {}",
            point.code, point.pinyin, point.english
        ));
    }
    ui.label(RichText::new(&point.patient_note).size(17.0));
    if let Some(why) = atlas.why_here(&point.code, condition, Reader::Patient) {
        let lead = if atlas.far_from_back(point, condition) {
            "Why here, away from the back"
        } else {
            "Why here"
        };
        ui.label(
            RichText::new(format!("{lead}: {}", why.reason))
                .size(16.0)
                .italics(),
        );
        if let Some(caveat) = why.caveat {
            ui.label(RichText::new(caveat).size(15.0).weak());
        }
    }
}
