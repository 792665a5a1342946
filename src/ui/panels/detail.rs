//! The point detail tab: every field of the selected point, or the condition's summary when
//! nothing is selected.

use crate::model::capitalise;
use crate::model::{Atlas, Point, ReferenceId};
use crate::ui::command::Command;
use crate::ui::theme;
use crate::ui::view::{Tab, ViewState};
use crate::ui::widgets::{badge_ui, section_ui};
use egui::{FontId, RichText};

pub fn detail_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, commands: &mut Vec<Command>) {
    let Some(point) = view.selected.as_ref().and_then(|c| atlas.point(c)) else {
        overview_ui(ui, atlas, view);
        return;
    };
    header_ui(ui, atlas, view, point, commands);
    role_ui(ui, atlas, view, point);
    safety_ui(ui, point);
    section_ui(ui, "Location");
    for (n, (step, text)) in [
        ("Landmark", &point.location.landmark),
        ("Measure", &point.location.measure),
        ("Palpate", &point.location.palpate),
    ]
    .into_iter()
    .enumerate()
    {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(format!("{}. {step}:", n + 1)).strong());
            ui.label(text);
        });
    }
    if !point.alternatives.is_empty() {
        section_ui(ui, "Where sources disagree");
        for alt in &point.alternatives {
            ui.label(format!("• {}", alt.text));
        }
    }
    section_ui(ui, "Needling (information for licensed practitioners)");
    ui.label(RichText::new(point.needling_summary()).strong());
    ui.label(&point.needling.note);
    section_ui(ui, "For the patient");
    ui.label(RichText::new(&point.patient_note).italics());
    let mechanisms: Vec<_> = atlas.mechanisms_of(&point.code).collect();
    if !mechanisms.is_empty() {
        section_ui(ui, "Proposed mechanisms");
        ui.horizontal_wrapped(|ui| {
            for m in mechanisms {
                let (fill, ink) = theme::grade_colors(m.grade);
                if badge_ui(ui, &m.title, fill, ink)
                    .interact(egui::Sense::click())
                    .on_hover_text(format!("{} — open in the Mechanisms tab", m.grade.label()))
                    .clicked()
                {
                    commands.push(Command::SelectMechanism(Some(m.id.clone())));
                    commands.push(Command::SetTab(Tab::Mechanisms));
                }
            }
        });
    }
    section_ui(ui, "Sources");
    references_ui(ui, atlas, &point.sources);
}

/// Code, characters, pinyin, English name, channel, regions, and the plan button.
fn header_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    view: &ViewState,
    point: &Point,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(point.code.as_str()).font(FontId::new(30.0, crate::ui::fonts::bold())),
        );
        ui.label(RichText::new(&point.hanzi).size(26.0));
        if point.hanzi_traditional != point.hanzi {
            ui.label(
                RichText::new(format!("({})", point.hanzi_traditional))
                    .size(20.0)
                    .weak(),
            );
        }
    });
    ui.label(RichText::new(&point.pinyin).size(20.0));
    let in_plan = view.in_plan(&point.code);
    let (text, tip) = if in_plan {
        (
            "Remove from today's plan",
            "Take this point out of today's plan (P)",
        )
    } else {
        (
            "Add to today's plan",
            "Put this point in today's plan for patient mode (P)",
        )
    };
    if ui.button(text).on_hover_text(tip).clicked() {
        commands.push(if in_plan {
            Command::RemoveFromPlan(point.code.clone())
        } else {
            Command::AddToPlan(point.code.clone())
        });
    }
    ui.label(RichText::new(&point.english).italics());
    ui.label(format!(
        "{} channel · {} · {}",
        point.meridian.name(),
        point
            .regions
            .iter()
            .filter_map(|r| atlas.region(r).map(|x| x.name.as_str()))
            .collect::<Vec<_>>()
            .join(", "),
        match point.laterality {
            crate::model::Laterality::Bilateral => "both sides",
            crate::model::Laterality::Midline => "on the midline",
        }
    ));
}

/// The point's role in the current condition, and why.
fn role_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState, point: &Point) {
    if let Some(condition) = view.condition.as_ref().and_then(|c| atlas.condition(c))
        && let Some(entry) = condition.entry(&point.code)
    {
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            let (fill, ink) = theme::role_colors();
            badge_ui(
                ui,
                &format!("{} point", capitalise(entry.role.id())),
                fill,
                ink,
            );
            ui.label(format!("in {}", condition.name.to_lowercase()));
        });
        ui.label(&entry.reason);
        if let Some(note) = &entry.evidence_note {
            ui.label(RichText::new(note).italics().weak());
        }
    }
}

/// The safety flags as coloured badges with their reasons.
fn safety_ui(ui: &mut egui::Ui, point: &Point) {
    if !point.safety.is_empty() {
        section_ui(ui, "Safety");
        for note in &point.safety {
            ui.horizontal_wrapped(|ui| {
                let (fill, ink) = theme::flag_colors(note.flag);
                badge_ui(ui, note.flag.label(), fill, ink);
                ui.label(&note.reason);
            });
        }
    }
}

/// The condition's summary and how to use the window, shown when no point is selected.
fn overview_ui(ui: &mut egui::Ui, atlas: &Atlas, view: &ViewState) {
    if let Some(condition) = view.condition.as_ref().and_then(|c| atlas.condition(c)) {
        ui.heading(&condition.name);
        ui.label(&condition.summary);
        ui.add_space(6.0);
        ui.label(format!("{} points.", condition.points.len()));
    } else {
        ui.heading("All points");
        ui.label(format!("{} points in the atlas.", atlas.points().len()));
    }
    section_ui(ui, "How to use");
    ui.label("Click a dot or a name in the list to see where the point is, how it is found in cun, and why it is used.");
    ui.label("Arrow keys step through the points of the condition; Esc clears the selection.");
    ui.label("Drag to move the figure, scroll to zoom, double-click to fit.");
}

/// Citations for a list of reference ids.
pub fn references_ui(ui: &mut egui::Ui, atlas: &Atlas, ids: &[ReferenceId]) {
    for id in ids {
        if let Some(r) = atlas.reference(id) {
            ui.label(RichText::new(format!("• {}", r.citation())).small());
        }
    }
}
