//! The point detail tab: every field of the selected point, or the condition's summary when
//! nothing is selected.

use crate::model::capitalise;
use crate::model::{Atlas, Point, ReferenceId};
use crate::paint::theme;
use crate::session::Command;
use crate::session::{Session, Tab};
use crate::ui::widgets::{badge_ui, section_ui};
use egui::{FontId, RichText};

pub fn detail_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    let Some(point) = session.kept.selected.as_ref().and_then(|c| atlas.point(c)) else {
        overview_ui(ui, atlas, session);
        return;
    };
    header_ui(ui, atlas, session, point, commands);
    role_ui(ui, atlas, session, point);
    safety_ui(ui, atlas, session, point);
    section_ui(ui, "Location");
    super::steps::location_steps_ui(ui, session, point, commands);
    super::steps::channel_ui(ui, atlas, session, point, commands);
    if !point.alternatives.is_empty() {
        section_ui(ui, "Where sources disagree");
        for alt in &point.alternatives {
            ui.label(format!("• {}", alt.text));
        }
    }
    section_ui(ui, "Needling (information for licensed practitioners)");
    for needling in atlas.needling_for(&point.code, session.kept.condition.as_ref()) {
        let headline = match needling.label() {
            Some(levels) => format!("{levels}: {}", needling.item.summary()),
            None => needling.item.summary(),
        };
        ui.label(RichText::new(headline).strong());
        ui.label(&needling.item.note);
    }
    section_ui(ui, "For the patient");
    ui.label(RichText::new(&point.patient_note).italics());
    let links = atlas.mechanism_links(&point.code);
    if !links.is_empty() {
        section_ui(ui, "Proposed mechanisms");
        ui.label(
            RichText::new("Each grade is the mechanism's own; the line under it says whether the evidence came from this point.")
                .small()
                .weak(),
        );
        // One row per mechanism: its grade as a badge, its title (wrapping; it opens the
        // mechanism), then where its evidence was gathered.
        for link in links {
            let m = link.mechanism;
            ui.horizontal_wrapped(|ui| {
                let (fill, ink) = theme::grade_colors(link.grade);
                badge_ui(ui, &m.badge(), fill, ink);
                let title = ui
                    .add(
                        egui::Label::new(RichText::new(&m.title).strong())
                            .sense(egui::Sense::click()),
                    )
                    .on_hover_text("Open in the Mechanisms tab");
                if title.clicked() {
                    commands.push(Command::SelectMechanism(Some(m.id.clone())));
                    commands.push(Command::SetTab(Tab::Mechanisms));
                }
                super::diagram::how_link_ui(ui, atlas, m, commands);
            });
            ui.label(RichText::new(link.at_point).small().italics());
            ui.add_space(2.0);
        }
    }
    section_ui(ui, "Sources");
    references_ui(ui, atlas, &point.sources);
}

/// Code, characters, pinyin, English name, channel, regions, and the plan button.
fn header_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    point: &Point,
    commands: &mut Vec<Command>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label(
            RichText::new(point.code.as_str()).font(FontId::new(30.0, crate::paint::fonts::bold())),
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
    let in_plan = session.in_plan(&point.code);
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
fn role_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, point: &Point) {
    if let Some(condition) = session
        .kept
        .condition
        .as_ref()
        .and_then(|c| atlas.condition(c))
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
/// For a point drawn as a row of levels, the notes of the levels the condition uses (all of
/// them with no condition), each labelled by its levels.
fn safety_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, point: &Point) {
    let notes = atlas.safety_for(&point.code, session.kept.condition.as_ref());
    if notes.is_empty() {
        return;
    }
    section_ui(ui, "Safety");
    for note in notes {
        ui.horizontal_wrapped(|ui| {
            let (fill, ink) = theme::flag_colors(note.item.flag);
            badge_ui(ui, note.item.flag.label(), fill, ink);
            match note.label() {
                Some(levels) => ui.label(format!("{levels}: {}", note.item.reason)),
                None => ui.label(&note.item.reason),
            };
        });
    }
}

/// The condition's summary and how to use the window, shown when no point is selected.
fn overview_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session) {
    if let Some(condition) = session
        .kept
        .condition
        .as_ref()
        .and_then(|c| atlas.condition(c))
    {
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
