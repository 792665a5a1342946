//! One frame of the window, read as a table of contents: the frame's housekeeping, the bars
//! and side panels, the canvas with its view chooser, the overlays, and then the commands
//! pushed meanwhile applied and the settings saved when due.

use super::AtlasApp;
use crate::session::{Command, Mode, Session};
use crate::ui::canvas::{CanvasResponse, PenDrag, canvas_ui};
use crate::ui::dialogs::{DialogOutcome, MenuRequest};
use crate::ui::layout::{LayoutRects, SideRect, side_panels_ui};
use crate::ui::panels::{overlays, present, top_bar, views};

/// Problems listed in the window at most; `check` and "Copy problems" give all of them.
const MAX_PROBLEMS_SHOWN: usize = 200;

impl eframe::App for AtlasApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.start_frame(&ctx);
        self.photo.take_dropped(&ctx, &self.atlas);
        // A click that closes a popup (the press began while it was open) is not an answer.
        let popup_click = egui::Popup::is_any_open(&ctx) && ctx.input(|i| i.pointer.any_click());
        let overlay = self.session.help_open || self.session.search.open || self.dialogs.any_open();
        let mut commands = self.keys_pressed(&ctx, overlay);
        let window = ui.max_rect();
        let bottom = self.bottom_ui(ui);
        let top = self.top_bar_ui(ui, &mut commands);
        let (left, right) = self.sides_ui(ui, window.width(), &mut commands);
        let canvas = self.centre_ui(ui, popup_click, &mut commands);
        self.layout = LayoutRects {
            window: Some(window),
            top,
            left: left.map(|l| l.0),
            right: right.map(|r| r.0),
            bottom,
            canvas,
            left_id: left.map(|l| l.1),
            right_id: right.map(|r| r.1),
        };
        self.overlays_ui(&ctx, &mut commands);
        if self.dialogs.any_open() && commands.contains(&Command::Escape) {
            // Esc closes the dialog on top and does nothing else.
            self.dialogs.close();
            commands.retain(|c| *c != Command::Escape);
        }
        self.blank_ui(&ctx, &mut commands);
        self.presenter_ui(&ctx, &mut commands);
        self.apply_all(&ctx, commands);
        self.save_if_due(&ctx);
    }

    fn on_exit(&mut self) {
        self.flush_settings();
    }
}

impl Drop for AtlasApp {
    fn drop(&mut self) {
        self.flush_settings();
    }
}

impl AtlasApp {
    /// What each frame does first: counts it, applies a size asked for on the command line,
    /// drives a screenshot, and takes in finished exports and a finished load of the atlas.
    fn start_frame(&mut self, ctx: &egui::Context) {
        self.frames += 1;
        if self.frames == 2 {
            // The first frame has been shown once the second begins.
            crate::ui::startup::stage("first frame shown");
            crate::ui::startup::report();
        }
        if let Some(size) = self.initial_size.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::InnerSize(size));
        }
        if let Some(shot) = &mut self.screenshot {
            shot.drive(ctx, self.frames);
        }
        self.poll_exports();
        if let Some(outcome) = self.loader.as_mut().and_then(|l| l.poll(ctx)) {
            self.take_load(outcome);
        }
        if !self.startup.is_empty() && !self.loading() {
            let startup = std::mem::take(&mut self.startup);
            self.apply_all(ctx, startup);
        }
    }

    /// Whether the window is bare: full screen in Present mode, without bars or choosers.
    fn bare(&self) -> bool {
        self.fullscreen && self.session.mode == Mode::Present
    }

    /// The bar along the top (none when bare, nor in the audience's window while the presenter
    /// view holds the controls); returns where it was drawn. What its Menu
    /// asks of the window itself (a dialog, quitting) is done here.
    fn top_bar_ui(&mut self, ui: &mut egui::Ui, commands: &mut Vec<Command>) -> Option<egui::Rect> {
        // The audience's window shows no controls while the presenter view holds them.
        let audience = self.session.mode == Mode::Present && self.session.present.presenter;
        if self.bare() || audience {
            return None;
        }
        let mut request = None;
        let rect = egui::Panel::top("top_bar")
            .show(ui, |ui| {
                ui.add_space(4.0);
                request = top_bar::top_bar_ui(ui, &self.atlas, &self.session, commands);
                ui.add_space(2.0);
            })
            .response
            .rect;
        match request {
            Some(MenuRequest::Quit) => ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close),
            Some(MenuRequest::ToggleSidePanels) => self.sides_hidden = !self.sides_hidden,
            Some(request) => {
                let start = self
                    .atlas_dir
                    .clone()
                    .or_else(std::env::home_dir)
                    .or_else(|| std::env::current_dir().ok());
                self.dialogs.open(request, start.as_deref());
            }
            None => {}
        }
        Some(rect)
    }

    /// The side panels of the current mode (scrolling to a patient card asked for by the last
    /// frame); returns where each was drawn, with its id.
    fn sides_ui(
        &mut self,
        ui: &mut egui::Ui,
        window_width: f32,
        commands: &mut Vec<Command>,
    ) -> (Option<SideRect>, Option<SideRect>) {
        let show_card = self.show_card.take();
        // Only Explore's panels hide: the other modes' panels hold the plan, the question or
        // the card the mode is about.
        if self.sides_hidden && self.session.mode == Mode::Explore {
            return (None, None);
        }
        let surface = self.photo.study_surface(&self.atlas, &self.session);
        side_panels_ui(
            ui,
            window_width,
            &self.atlas,
            (&self.session, surface),
            show_card.as_ref(),
            commands,
        )
    }

    /// The centre: Present mode's step bar and the view chooser above the canvas; returns
    /// where the canvas was drawn. A `popup_click` closed a popup and is not passed on.
    fn centre_ui(
        &mut self,
        ui: &mut egui::Ui,
        popup_click: bool,
        commands: &mut Vec<Command>,
    ) -> Option<egui::Rect> {
        let bare = self.bare();
        if self.photo.showing()
            && (self.session.mode != Mode::Study
                || self.photo.asks_question(&self.atlas, &self.session))
        {
            let (atlas, session, photo) = (&self.atlas, &self.session, &mut self.photo);
            return egui::CentralPanel::default()
                .show(ui, |ui| {
                    // Present keeps its steps while the photo is shown.
                    if session.mode == Mode::Present {
                        present::step_bar_ui(ui, atlas, session, bare, commands);
                    }
                    photo.centre_ui(ui, atlas, session, commands)
                })
                .inner;
        }
        let (atlas, session) = (&self.atlas, &self.session);
        let photo = &mut self.photo;
        let mut canvas_rect = None;
        egui::CentralPanel::default()
            .frame(egui::Frame::NONE.fill(ui.visuals().panel_fill))
            .show(ui, |ui| {
                egui::Frame::new()
                    .fill(ui.visuals().panel_fill)
                    .inner_margin(egui::Margin::symmetric(8, 4))
                    .show(ui, |ui| {
                        ui.set_width(ui.available_width());
                        if session.mode == Mode::Present {
                            present::step_bar_ui(ui, atlas, session, bare, commands);
                        }
                        // A lesson or a diagram sets the canvas itself: no view chooser.
                        if !bare && !session.present_sets_canvas(atlas) {
                            views::views_ui(ui, atlas, session, commands);
                        }
                        photo.reshow_ui(ui, session);
                    });
                let Some(scene) = session.scene(atlas) else {
                    ui.label("This atlas has no figures to draw.");
                    return;
                };
                self.canvas.pen = match (session.mode, session.present.pen_tool) {
                    (Mode::Present, true) => PenDrag::AnyButton,
                    (Mode::Present, false) => PenDrag::RightButton,
                    _ => PenDrag::Off,
                };
                let out = canvas_ui(ui, &mut self.canvas, atlas, &scene);
                canvas_rect = self.canvas.rect();
                super::presenter::pen_strokes_ui(ui, session, &self.canvas);
                if let Some((at, start)) = out.pen {
                    commands.push(Command::PenTo(at, start));
                }
                if !popup_click {
                    canvas_clicks(session, out, commands);
                }
            });
        canvas_rect
    }

    /// The search and help overlays, and the Menu's dialogs.
    fn overlays_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let focus = std::mem::take(&mut self.focus_search);
        overlays::search_ui(ctx, &self.atlas, &mut self.session, focus, commands);
        overlays::help_ui(ctx, &self.session, commands);
        if let Some(DialogOutcome::Load(dir)) = self.dialogs.show(ctx, self.data_dir.as_deref()) {
            self.open_atlas(ctx, &dir);
        }
        self.photo.dialogs_ui(ctx, &self.atlas, &self.session);
        self.export_dialog_ui(ctx, commands);
        self.notices.overlay_ui(ctx);
    }

    /// The bar along the bottom: problems with the atlas folder and loading (the notices float
    /// over the canvas instead, so it does not move when one comes or goes).
    fn bottom_ui(&mut self, ui: &mut egui::Ui) -> Option<egui::Rect> {
        let now = (self.clock)();
        if let Some(wait) = self.notices.expire(now) {
            ui.ctx().request_repaint_after(wait);
        }
        let loading = self.loading();
        if self.problems.is_empty() && !loading {
            return None;
        }
        let response = egui::Panel::bottom("notices").show(ui, |ui| {
            if loading {
                ui.horizontal(|ui| {
                    ui.spinner();
                    ui.label(
                        "Checking the atlas folder; the atlas on screen stays usable meanwhile.",
                    );
                });
            }
            if !self.problems.is_empty() {
                problems_ui(ui, &self.problems);
            }
        });
        Some(response.response.rect)
    }
}

/// The atlas folder's problems: the first few hundred, selectable, and a button that copies
/// all of them.
fn problems_ui(ui: &mut egui::Ui, problems: &[String]) {
    ui.horizontal_wrapped(|ui| {
        ui.colored_label(
            ui.visuals().error_fg_color,
            format!(
                "The atlas folder has {} problem{}; the last good atlas is shown until they are fixed:",
                problems.len(),
                if problems.len() == 1 { "" } else { "s" }
            ),
        );
        if ui
            .small_button("Copy problems")
            .on_hover_text("Copy every problem, one per line")
            .clicked()
        {
            ui.ctx().copy_text(problems.join("\n"));
        }
    });
    egui::ScrollArea::vertical()
        .max_height(140.0)
        .show(ui, |ui| {
            for p in problems.iter().take(MAX_PROBLEMS_SHOWN) {
                ui.add(egui::Label::new(egui::RichText::new(p).monospace()).selectable(true));
            }
            if problems.len() > MAX_PROBLEMS_SHOWN {
                ui.label(format!(
                    "…and {} more (Copy problems copies all; `acupoint-atlas check` lists all).",
                    problems.len() - MAX_PROBLEMS_SHOWN
                ));
            }
        });
}

/// What a click on the canvas asks: an answer while a locate question waits for one, else
/// the point clicked, else (in Explore mode) clearing the selection.
fn canvas_clicks(session: &Session, out: CanvasResponse, commands: &mut Vec<Command>) {
    let answering = session.mode == Mode::Study
        && session.study.answer.is_none()
        && session
            .study
            .question
            .as_ref()
            .is_some_and(|q| q.kind.is_click());
    if answering {
        if let Some(at) = out.clicked_at {
            commands.push(Command::AnswerLocate(at));
        }
    } else if let Some(code) = out.clicked {
        commands.push(Command::SelectPoint(code));
    } else if out.clicked_empty && session.mode == Mode::Explore {
        commands.push(Command::ClearSelection);
    }
}
