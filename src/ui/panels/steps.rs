//! The selected point's location steps as rows that show themselves on the figure ("1. Landmark"
//! lights up the bone it names, "2. Measure" the cun ruler, "3. Palpate" frames the spot), and
//! the point's place on its channel: the course, and its neighbours to step to.

use crate::model::{Atlas, Point};
use crate::paint::theme;
use crate::session::{Command, LayerCommand, LocationStep, Session};
use crate::ui::widgets::section_ui;
use egui::RichText;

/// The three steps of locating the point; clicking one shows it on the figure, clicking it
/// again hides it.
pub fn location_steps_ui(
    ui: &mut egui::Ui,
    session: &Session,
    point: &Point,
    commands: &mut Vec<Command>,
) {
    let shown = session.shown_step();
    let steps = [
        (
            LocationStep::Landmark,
            "Landmark",
            &point.location.landmark,
            "Light up the landmark on the figure",
        ),
        (
            LocationStep::Measure,
            "Measure",
            &point.location.measure,
            "Show the cun ruler boldly",
        ),
        (
            LocationStep::Palpate,
            "Palpate",
            &point.location.palpate,
            "Frame the spot on the figure",
        ),
    ];
    for (n, (step, name, text, tip)) in steps.into_iter().enumerate() {
        let on = shown == Some(step);
        let clicked = ui
            .horizontal_wrapped(|ui| {
                let head = ui
                    .selectable_label(on, RichText::new(format!("{}. {name}:", n + 1)).strong())
                    .on_hover_text(tip);
                let body = ui.add(egui::Label::new(text.as_str()).sense(egui::Sense::click()));
                head.clicked() || body.clicked()
            })
            .inner;
        if clicked {
            let next = (!on).then_some(step);
            commands.push(Command::Layer(LayerCommand::ShowStep(next)));
        }
    }
}

/// The channel the point lies on: its course in a sentence, and the points before and after
/// this one along it (each a button that selects it).
pub fn channel_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    point: &Point,
    commands: &mut Vec<Command>,
) {
    let Some(channel) = atlas.channel_of(point) else {
        return;
    };
    section_ui(ui, &format!("On the {} channel", channel.name));
    let ink = theme::channel_text_color(
        channel.id.as_str(),
        session.kept.theme,
        ui.visuals().panel_fill,
    );
    ui.label(RichText::new(&channel.course).small().color(ink));
    let neighbours = channel.neighbours(&point.code);
    if !neighbours.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Neighbours:");
            for code in neighbours {
                let name = atlas
                    .point(code)
                    .map_or_else(String::new, |p| format!("{}  {}", p.code, p.pinyin));
                if ui
                    .button(code.as_str())
                    .on_hover_text(format!("Select {name}, ringed on the figure"))
                    .clicked()
                {
                    commands.push(Command::SelectPoint(code.clone()));
                }
            }
        });
    }
    for structure in atlas.structures_under(&point.code) {
        ui.label(
            RichText::new(format!(
                "Lies over the {} (drawn on the figure).",
                structure.name.to_lowercase()
            ))
            .small()
            .italics(),
        );
    }
}
