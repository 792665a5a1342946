//! A mechanism's diagram in a panel: the drawing at its current step, its own Previous and
//! Next, the step's words and grade, and a button that fills Present mode's canvas with it;
//! and the "How might this work?" link a point's detail shows for each of its mechanisms.

use crate::model::{Atlas, Mechanism};
use crate::paint::diagram::{DiagramStyle, draw_diagram};
use crate::paint::theme;
use crate::scene::DiagramView;
use crate::session::{Command, Session, Tab};
use crate::ui::widgets::badge_ui;
use egui::{FontId, RichText};

/// The diagram of `mechanism` with its step controls and words; nothing when it has none.
pub fn diagram_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    mechanism: &Mechanism,
    commands: &mut Vec<Command>,
) {
    let Some(diagram) = atlas.diagram(&mechanism.id) else {
        return;
    };
    let Some(schematic) = atlas.schematic(&diagram.schematic) else {
        return;
    };
    let index = session
        .diagram_step(&mechanism.id)
        .min(diagram.steps.len().saturating_sub(1));
    let width = ui.available_width().max(120.0);
    let (w, h) = schematic.size;
    let height = (width * h / w.max(1.0)).min(420.0);
    let (rect, response) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("Diagram of {}, step {}", mechanism.title, index + 1),
        )
    });
    let view = DiagramView {
        mechanism: mechanism.id.clone(),
        step: index,
    };
    let style = DiagramStyle {
        theme: session.kept.theme,
        scale: 1.0,
        caption: false,
    };
    draw_diagram(&ui.painter_at(rect), rect, atlas, &view, style);
    ui.horizontal_wrapped(|ui| {
        let first = index == 0;
        let last = index + 1 >= diagram.steps.len();
        if ui
            .add_enabled(!first, egui::Button::new("Previous step"))
            .clicked()
        {
            commands.push(Command::StepDiagram(mechanism.id.clone(), -1));
        }
        ui.label(RichText::new(format!("{} / {}", index + 1, diagram.steps.len())).strong());
        if ui
            .add_enabled(!last, egui::Button::new("Next step"))
            .clicked()
        {
            commands.push(Command::StepDiagram(mechanism.id.clone(), 1));
        }
        if ui
            .button("Present")
            .on_hover_text("Fill Present mode's canvas with this diagram; the arrow keys and a clicker step it")
            .clicked()
        {
            commands.push(Command::PresentDiagram(Some(mechanism.id.clone())));
        }
    });
    if let Some(step) = diagram.step(index) {
        ui.label(RichText::new(&step.title).font(FontId::new(15.5, crate::paint::fonts::bold())));
        ui.label(&step.text);
        ui.horizontal_wrapped(|ui| {
            let (fill, ink) = theme::grade_colors(step.grade);
            badge_ui(ui, &step.badge(), fill, ink);
            ui.label(RichText::new(format!("this step: {}", step.grade.plain())).small());
        });
    }
    ui.add_space(4.0);
}

/// "How might this work?": opens the mechanism's diagram in the Mechanisms tab.
pub fn how_link_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    mechanism: &Mechanism,
    commands: &mut Vec<Command>,
) {
    if atlas.diagram(&mechanism.id).is_none() {
        return;
    }
    if ui
        .link("How might this work?")
        .on_hover_text(format!(
            "See the diagram of \"{}\", step by step",
            mechanism.title
        ))
        .clicked()
    {
        commands.push(Command::SelectMechanism(Some(mechanism.id.clone())));
        commands.push(Command::SetTab(Tab::Mechanisms));
    }
}
