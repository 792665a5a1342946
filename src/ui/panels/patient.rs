//! Patient mode: today's plan in plain words. The practitioner builds the plan in explore mode;
//! here each point is named by where it is on the body, with why a point far from the back is
//! used for the back, what the patient may feel and the safety lines. No needling depths.

use crate::model::{Atlas, GuidanceTopic, Point, Reader};
use crate::session::Command;
use crate::session::Session;
use crate::ui::widgets::action_button;
use crate::ui::widgets::section_ui;
use egui::{FontId, RichText};

/// The left panel: the plan, with buttons to reorder and remove.
pub fn plan_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    section_ui(ui, "Today's plan");
    if session.kept.plan.is_empty() {
        ui.label("No points yet. In Explore mode, select a point and press \"Add to today's plan\" (or P).");
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
                    atlas.place_name(point, session.kept.condition.as_ref()),
                    point.code
                )
            } else {
                format!(
                    "{}. {}",
                    n + 1,
                    atlas.place_name(point, session.kept.condition.as_ref())
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
    ui.add_space(8.0);
    let mut codes = session.patient_codes;
    if ui.checkbox(&mut codes, "Show point codes").changed() {
        commands.push(Command::TogglePatientCodes);
    }
    action_button(ui, "Export handout…", &Command::ExportHandout, commands);
    if ui
        .button("Clear the plan")
        .on_hover_text("Remove every point from today's plan")
        .clicked()
    {
        commands.push(Command::ClearPlan);
    }
}

/// The right panel: a card per point of the plan (or the selected one), then what to expect.
pub fn cards_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session) {
    let chosen: Vec<(usize, &Point)> = session
        .kept
        .plan
        .iter()
        .enumerate()
        .filter(|(_, c)| session.kept.selected.as_ref().is_none_or(|s| s == *c))
        .filter_map(|(i, c)| atlas.point(c).map(|p| (i, p)))
        .collect();
    for (n, point) in chosen {
        ui.label(
            RichText::new(format!(
                "{}. {}",
                n + 1,
                atlas.place_name(point, session.kept.condition.as_ref())
            ))
            .font(FontId::new(22.0, crate::paint::fonts::bold())),
        );
        if session.patient_codes {
            ui.label(format!(
                "{} · {} · {}",
                point.code, point.pinyin, point.english
            ));
        }
        ui.label(RichText::new(&point.patient_note).size(17.0));
        if atlas.far_from_back(point, session.kept.condition.as_ref())
            && let Some(why) = atlas.why_here(
                &point.code,
                session.kept.condition.as_ref(),
                Reader::Patient,
            )
        {
            ui.label(
                RichText::new(format!("Why here for the back: {}", why.reason))
                    .size(16.0)
                    .italics(),
            );
            if let Some(caveat) = why.caveat {
                ui.label(RichText::new(caveat).size(15.0).weak());
            }
        }
        ui.add_space(10.0);
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
