//! How the window applies commands: each command to the session, then its effects on the
//! window (theme, canvas, full screen, exports), and the kept settings handed to the saver
//! when they change.

use super::AtlasApp;
use crate::paint::theme;
use crate::session::{Command, Effect, apply};
use crate::ui::export_dialog::{Choice, ExportDialog};
use crate::ui::export_job::{ExportJob, ExportKind, Output};
use crate::ui::notices::NoticeKey;
use crate::ui::saver::SettingsSaver;

impl AtlasApp {
    /// Waits for the settings writer to finish (tests read the file afterwards).
    pub fn flush_settings(&mut self) {
        self.save_now();
        if let Some(saver) = &mut self.saver {
            saver.finish();
        }
    }

    /// Runs a command as if a panel had pushed it (for tests and scripts).
    pub fn run_command(&mut self, ctx: &egui::Context, command: Command) {
        self.apply_all(ctx, vec![command]);
    }

    pub(super) fn apply_all(&mut self, ctx: &egui::Context, commands: Vec<Command>) {
        if commands.is_empty() {
            return;
        }
        let before = self.session.kept.clone();
        let now_s = wall_clock_s();
        for command in commands {
            for effect in apply(&mut self.session, &self.atlas, command, now_s) {
                self.follow(ctx, effect);
            }
        }
        if self.session.kept != before {
            self.schedule.changed();
        }
        // Commands run at the end of a frame: draw again so what they changed (a selection
        // framed, a search result chosen by Enter) shows without waiting for the next input.
        ctx.request_repaint();
    }

    fn follow(&mut self, ctx: &egui::Context, effect: Effect) {
        let selected = self.session.kept.selected.clone();
        match effect {
            Effect::ThemeChanged => theme::apply(ctx, self.session.kept.theme),
            Effect::FitView => self.canvas.request_fit(),
            Effect::RevealSelection => {
                if let Some(code) = selected {
                    self.canvas.request_reveal(code);
                }
            }
            Effect::FrameSelection => {
                if let Some(code) = selected {
                    self.canvas.request_frame(code);
                }
            }
            Effect::FrameSelectionApart => {
                if let Some(code) = selected {
                    self.canvas.request_frame_apart(code);
                }
            }
            Effect::FrameQuestion(code) => self.canvas.request_question_frame(code),
            Effect::FrameCondition => {
                let codes = self.condition_area();
                let condition = self.session.kept.condition.clone();
                self.canvas.request_frame_points(codes, condition);
            }
            Effect::ToggleFullscreen => {
                self.fullscreen = !self.fullscreen;
                // The audience's window, also when the key is pressed in the presenter view.
                ctx.send_viewport_cmd_to(
                    egui::ViewportId::ROOT,
                    egui::ViewportCommand::Fullscreen(self.fullscreen),
                );
            }
            Effect::LeaveFullscreen => {
                if self.fullscreen {
                    self.fullscreen = false;
                    ctx.send_viewport_cmd_to(
                        egui::ViewportId::ROOT,
                        egui::ViewportCommand::Fullscreen(false),
                    );
                }
            }
            Effect::RememberView => self.canvas.remember_views(),
            Effect::RestoreView => self.canvas.restore_views(),
            Effect::ExportView => self.open_export_dialog(false),
            Effect::ExportHandout => self.open_export_dialog(true),
            Effect::FocusSearch => self.focus_search = true,
            Effect::ShowCard(code) => self.show_card = Some(code),
            Effect::SaveStudyHistory => self.save_history(ctx),
            Effect::OpenPhoto => {
                self.photo.ask_open();
                ctx.request_repaint();
            }
            Effect::ResetLayout => {
                ctx.data_mut(
                    egui::util::IdTypeMap::remove_by_type::<egui::containers::panel::PanelState>,
                );
                self.canvas.request_fit();
            }
        }
    }

    /// The points that make the chosen condition's own area: its local and adjacent points
    /// (none without a condition: the whole figure).
    fn condition_area(&self) -> Vec<crate::model::PointCode> {
        use crate::model::Role;
        self.session
            .kept
            .condition
            .as_ref()
            .and_then(|id| self.atlas.condition(id))
            .map(|c| {
                c.points
                    .iter()
                    .filter(|p| matches!(p.role, Role::Local | Role::Adjacent))
                    .map(|p| p.code.clone())
                    .collect()
            })
            .unwrap_or_default()
    }

    /// Writes the study history now (it is small, and written once a session).
    fn save_history(&mut self, _ctx: &egui::Context) {
        let Some(store) = &self.history_store else {
            return;
        };
        if let Err(why) = store.save_history(&self.session.study.history) {
            let now = (self.clock)();
            self.notices.error(
                NoticeKey::StudyHistory,
                format!(
                    "The study history could not be saved to {}: {why}",
                    store.history_path().display()
                ),
                now,
            );
        }
    }

    /// Asks what to write (unless a handout of an empty plan is asked for: that is refused).
    fn open_export_dialog(&mut self, handout: bool) {
        if handout && self.session.kept.plan.is_empty() {
            let now = (self.clock)();
            self.notices.error(
                NoticeKey::Request,
                "Today's plan is empty: add points in Explore mode (P) before exporting a handout.",
                now,
            );
            return;
        }
        self.export_dialog = Some(ExportDialog::new(handout, &self.session.kept));
    }

    /// The export dialog while it is open; its choice is remembered and the export started.
    pub(super) fn export_dialog_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(dialog) = &mut self.export_dialog else {
            return;
        };
        let Some(choice) = dialog.dialog_ui(ctx) else {
            return;
        };
        let handout = dialog.handout;
        self.export_dialog = None;
        if let Choice::Export(output) = choice {
            commands.push(Command::SetExportChoice(output.format, output.paper));
            self.start_export(ctx, handout, output);
        }
    }

    fn start_export(&mut self, ctx: &egui::Context, handout: bool, output: Output) {
        let now = (self.clock)();
        let kind = if handout {
            if self.session.kept.plan.is_empty() {
                return;
            }
            let condition = self
                .atlas
                .plan_condition(
                    &self.session.kept.plan,
                    self.session.kept.condition.as_ref(),
                )
                .map(|c| c.id.clone());
            let photo = self
                .photo
                .handout_photo(&self.atlas, &self.session.kept.plan, condition.as_ref())
                .map(Box::new);
            ExportKind::Handout {
                plan: self.session.kept.plan.clone(),
                condition,
                practitioner: self.session.kept.practitioner.clone(),
                photo,
            }
        } else {
            let Some(export) = self.view_export() else {
                return;
            };
            ExportKind::View(Box::new(export))
        };
        self.notices.clear(NoticeKey::Request);
        let id = self.next_export;
        self.next_export += 1;
        self.notices.news(NoticeKey::Export(id), "Exporting…", now);
        self.exports.push(ExportJob::start(
            id,
            self.atlas.clone(),
            kind,
            output,
            ctx.clone(),
        ));
    }

    pub(super) fn poll_exports(&mut self) {
        let now = (self.clock)();
        let mut finished = Vec::new();
        self.exports.retain(|job| match job.poll() {
            Some(result) => {
                finished.push((job.id(), result));
                false
            }
            None => true,
        });
        for (id, result) in finished {
            match result {
                Ok(path) => {
                    let text = format!("Saved {}", path.display());
                    self.notices.saved(NoticeKey::Export(id), text, path, now);
                }
                Err(why) => {
                    self.notices
                        .error(NoticeKey::Export(id), format!("Export failed: {why}"), now);
                }
            }
        }
    }

    /// Hands the settings to the saver when the schedule says a write is due.
    pub(super) fn save_if_due(&mut self, ctx: &egui::Context) {
        let now = (self.clock)();
        if self.schedule.due(now) {
            self.save_now();
        } else if let Some(wait) = self.schedule.wait(now) {
            ctx.request_repaint_after(wait);
        }
        if let Some(why) = self.saver.as_ref().and_then(SettingsSaver::failure) {
            self.notices.error(NoticeKey::Settings, why, now);
        }
    }

    fn save_now(&mut self) {
        if !self.schedule.is_dirty() || self.resume.is_some() {
            return;
        }
        if let Some(saver) = &self.saver {
            saver.save(&self.session.kept);
        }
        self.schedule.written((self.clock)());
    }
}

fn wall_clock_s() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}
