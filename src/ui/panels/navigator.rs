//! The left panel: region toggles that double as the colour legend, and the visible points
//! grouped by region.

use crate::model::{Atlas, Point, PointCode, RegionId};
use crate::paint::theme;
use crate::session::Command;
use crate::session::Session;
use crate::ui::widgets::section_ui;
use egui::{RichText, Sense};

/// The left panel of Explore and Study: the region toggles, then the visible points by region.
pub fn navigator_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    let all_points = atlas.condition_points(session.kept.condition.as_ref());
    let region_of = |p: &Point| {
        atlas
            .display_region(p, session.kept.condition.as_ref())
            .map(|(_, r)| r.id.clone())
    };
    section_ui(ui, "Regions");
    region_toggles_ui(ui, atlas, session, &all_points, &region_of, commands);
    ui.separator();
    let points = session.visible_points(atlas);
    section_ui(ui, &format!("Points ({})", points.len()));
    // The list scrolls to a point once each time the selection changes (by the canvas, search
    // or the arrow keys), and leaves the reader's scrolling alone otherwise.
    let scrolled_id = ui.make_persistent_id("point_list_scrolled_to");
    let scrolled_to = ui
        .data(|d| d.get_temp::<Option<PointCode>>(scrolled_id))
        .flatten();
    let scroll_to = session
        .kept
        .selected
        .clone()
        .filter(|c| Some(c) != scrolled_to.as_ref());
    ui.data_mut(|d| d.insert_temp(scrolled_id, session.kept.selected.clone()));
    let planned = session.kept.plan.len();
    if planned > 0 {
        let s = if planned == 1 { "" } else { "s" };
        ui.label(format!(
            "Today's plan: {planned} point{s}, ringed on the figure"
        ));
    }
    egui::ScrollArea::vertical()
        .id_salt("point_list")
        .show(ui, |ui| {
            for region in atlas.regions() {
                let in_region: Vec<&&Point> = points
                    .iter()
                    .filter(|p| region_of(p).as_ref() == Some(&region.id))
                    .collect();
                if in_region.is_empty() {
                    continue;
                }
                ui.label(RichText::new(&region.name).small().weak());
                for point in in_region {
                    let response = point_row_ui(ui, session, point, commands);
                    if scroll_to.as_ref() == Some(&point.code) {
                        response.scroll_to_me(Some(egui::Align::Center));
                    }
                }
            }
        });
}

/// The regions that have points here, each a toggle whose dot is its colour in the legend.
fn region_toggles_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    all_points: &[&Point],
    region_of: &dyn Fn(&Point) -> Option<RegionId>,
    commands: &mut Vec<Command>,
) {
    for (i, region) in atlas.regions().iter().enumerate() {
        if !all_points
            .iter()
            .any(|p| region_of(p).as_ref() == Some(&region.id))
        {
            continue;
        }
        let shown = !session.hidden_regions.contains(&region.id);
        ui.horizontal(|ui| {
            // A narrow panel (a small screen) wraps a long region name rather than cutting it.
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            let (dot, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), Sense::hover());
            let color = theme::region_color(i, session.kept.theme);
            if shown {
                ui.painter().circle_filled(dot.center(), 6.0, color);
            } else {
                ui.painter()
                    .circle_stroke(dot.center(), 6.0, egui::Stroke::new(1.5, color));
            }
            let mut on = shown;
            if ui
                .checkbox(&mut on, &region.name)
                .on_hover_text(format!("Show or hide the points of: {}", region.name))
                .changed()
            {
                commands.push(Command::ToggleRegion(region.id.clone()));
            }
        });
    }
}

/// One point of the list: selects it on a click; adds it to or removes it from today's plan
/// from its context menu.
fn point_row_ui(
    ui: &mut egui::Ui,
    session: &Session,
    point: &Point,
    commands: &mut Vec<Command>,
) -> egui::Response {
    let on = session.kept.selected.as_ref() == Some(&point.code);
    let in_plan = session.in_plan(&point.code);
    let text = if in_plan {
        format!("{}  {}  (in plan)", point.code, point.pinyin)
    } else {
        format!("{}  {}", point.code, point.pinyin)
    };
    let response = ui
        .add(egui::Button::selectable(on, text).wrap())
        .on_hover_text(format!(
            "{} — right-click to add to or remove from today's plan",
            point.english
        ));
    if response.clicked() {
        commands.push(Command::SelectPoint(point.code.clone()));
    }
    response.context_menu(|ui| {
        let (label, command) = if in_plan {
            (
                "Remove from today's plan",
                Command::RemoveFromPlan(point.code.clone()),
            )
        } else {
            (
                "Add to today's plan",
                Command::AddToPlan(point.code.clone()),
            )
        };
        if ui.button(label).clicked() {
            commands.push(command);
            ui.close();
        }
    });
    response
}
