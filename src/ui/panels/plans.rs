//! Named plans in the plan panel: save today's plan under a name ("Cherkin standard set",
//! "Sciatica, week 2"), open a saved one, and see where they are kept. A plan file that does
//! not read is listed with its `file:line:col` reason and left alone.

use crate::model::Atlas;
use crate::session::{Command, Session};
use crate::store::{SavedPlan, list_plans, save_plan};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// The saved plans as last read, and when (seconds of the UI clock).
type Listing = Arc<(f64, Vec<(PathBuf, Result<SavedPlan, String>)>)>;

/// How often the folder is read again while the panel is shown, in seconds.
const REREAD_S: f64 = 2.0;

/// "Save as…", the list of saved plans with "Open", and where they are kept.
pub fn plan_files_ui(
    ui: &mut egui::Ui,
    atlas: &Atlas,
    session: &Session,
    commands: &mut Vec<Command>,
) {
    let Some(dir) = session.plans_dir.as_deref() else {
        return;
    };
    ui.add_space(8.0);
    ui.strong("Saved plans");
    let name_id = ui.make_persistent_id("plan_name");
    let said_id = ui.make_persistent_id("plan_saved");
    let mut name: String = ui.data(|d| d.get_temp(name_id)).unwrap_or_default();
    ui.horizontal(|ui| {
        let edit = egui::TextEdit::singleline(&mut name)
            .hint_text("Name, such as Sciatica, week 2")
            .desired_width(ui.available_width() - 60.0);
        ui.add(edit);
        let can = !name.trim().is_empty() && !session.kept.plan.is_empty();
        if ui.add_enabled(can, egui::Button::new("Save")).clicked() {
            let plan = SavedPlan {
                name: name.trim().to_owned(),
                date: session.kept.plan_date.clone(),
                condition: session.kept.condition.clone(),
                points: session.kept.plan.clone(),
            };
            let said = match save_plan(dir, &plan) {
                Ok(path) => format!("Saved to {}", path.display()),
                Err(e) => e.to_string(),
            };
            ui.data_mut(|d| {
                d.insert_temp(said_id, said);
                d.remove::<Listing>(list_id(ui));
            });
        }
    });
    ui.data_mut(|d| d.insert_temp(name_id, name));
    if let Some(said) = ui.data(|d| d.get_temp::<String>(said_id)) {
        ui.small(said);
    }
    for (path, plan) in &listing(ui, dir).1 {
        match plan {
            Ok(plan) => saved_row_ui(ui, atlas, plan, commands),
            Err(why) => {
                ui.colored_label(ui.visuals().warn_fg_color, why)
                    .on_hover_text(path.display().to_string());
            }
        }
    }
    ui.small(format!("Plans are kept in {}", dir.display()));
}

fn list_id(ui: &egui::Ui) -> egui::Id {
    ui.make_persistent_id("plan_listing")
}

/// The saved plans, read again every few seconds.
fn listing(ui: &egui::Ui, dir: &Path) -> Listing {
    let id = list_id(ui);
    let now = ui.input(|i| i.time);
    let kept: Option<Listing> = ui.data(|d| d.get_temp(id));
    if let Some(kept) = kept.filter(|k| now - k.0 < REREAD_S) {
        return kept;
    }
    let fresh: Listing = Arc::new((
        now,
        list_plans(dir)
            .into_iter()
            .map(|(p, r)| {
                // The folder is said once below; each bad file is named by its file name.
                let shown = |e: crate::store::PlanError| {
                    let name = e.path.file_name().map(PathBuf::from).unwrap_or_default();
                    crate::store::PlanError { path: name, ..e }.to_string()
                };
                (p, r.map_err(shown))
            })
            .collect(),
    ));
    ui.data_mut(|d| d.insert_temp(id, fresh.clone()));
    fresh
}

/// One saved plan: its name, date and size, and "Open".
fn saved_row_ui(ui: &mut egui::Ui, atlas: &Atlas, plan: &SavedPlan, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Open")
            .on_hover_text("Replace today's plan with this one (Undo brings today's back)")
            .clicked()
        {
            commands.push(Command::OpenPlan(plan.clone()));
        }
        let date = crate::render::date_in_words(&plan.date, crate::render::Paper::A4);
        let known = plan
            .points
            .iter()
            .filter(|c| atlas.point(c).is_some())
            .count();
        ui.label(format!("{} ({date}, {known} points)", plan.name));
    });
}
