//! The window's side of presenting to a room: the presenter view in its own native window
//! (beside the audience's window when one screen holds both), the keys pressed in either
//! window, the blanked audience screen, and the pen's strokes over the audience's canvas.

use super::AtlasApp;
use crate::model::LessonId;
use crate::session::{Blank, Command, Mode, Session};
use crate::ui::actions::{shortcuts_pressed, take_any_key};
use crate::ui::canvas::CanvasMemory;
use crate::ui::panels::presenter::{self, Times};
use std::time::Duration;

/// The presenter view's own size when it opens, in points.
const PRESENTER_SIZE: egui::Vec2 = egui::vec2(760.0, 640.0);

/// The audience's window is narrowed at most to this width to stand beside the presenter view.
const MIN_AUDIENCE_WIDTH: f32 = 800.0;

/// What the window keeps for the presenter view between frames.
#[derive(Default)]
pub(super) struct PresenterWindow {
    /// The talk being timed (the open lesson, or none) and when it began on the window's clock.
    started: Option<(Option<LessonId>, Duration)>,
    /// Where the presenter view opens and how large, worked out once when it opens.
    place: Option<egui::Rect>,
    /// The next step's small picture needs figure art of its own.
    art: crate::paint::ArtCache,
}

impl AtlasApp {
    /// The commands for the keys pressed in the window being drawn: while the audience's
    /// screen is blanked, any key only brings it back.
    pub(super) fn keys_pressed(&self, ctx: &egui::Context, overlay: bool) -> Vec<Command> {
        if self.session.present.blank.is_some() && take_any_key(ctx) {
            return vec![Command::Unblank];
        }
        shortcuts_pressed(ctx, self.session.mode, overlay)
    }

    /// Covers the audience's window in black or white while it is blanked; a click on it
    /// brings it back, as a key does.
    pub(super) fn blank_ui(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let Some(blank) = self.session.present.blank else {
            return;
        };
        let fill = match blank {
            Blank::Black => egui::Color32::BLACK,
            Blank::White => egui::Color32::WHITE,
        };
        let screen = ctx.content_rect();
        egui::Area::new(egui::Id::unique("blank_screen"))
            .order(egui::Order::Foreground)
            .fixed_pos(screen.min)
            .show(ctx, |ui| {
                let (rect, response) = ui.allocate_exact_size(screen.size(), egui::Sense::click());
                response.widget_info(|| {
                    egui::WidgetInfo::labeled(egui::Role::Image, true, "Blank screen")
                });
                ui.painter().rect_filled(rect, 0.0, fill);
                if response.clicked() {
                    commands.push(Command::Unblank);
                }
            });
    }

    /// The presenter view, in its own window while it is open in Present mode.
    pub(super) fn presenter_ui(&mut self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        if !self.session.present.presenter || self.session.mode != Mode::Present {
            self.presenter.place = None;
            return;
        }
        let now = (self.clock)();
        let lesson = self.session.present.lesson.as_ref().map(|p| p.id.clone());
        if self
            .presenter
            .started
            .as_ref()
            .is_none_or(|(l, _)| *l != lesson)
        {
            self.presenter.started = Some((lesson, now));
        }
        let elapsed = self
            .presenter
            .started
            .as_ref()
            .map_or(Duration::ZERO, |(_, t)| now.saturating_sub(*t));
        let times = Times {
            elapsed,
            clock: clock_text(),
        };
        let place = *self.presenter.place.get_or_insert_with(|| beside(ctx));
        let builder = egui::ViewportBuilder::default()
            .with_title(presenter::title(&self.atlas, &self.session))
            .with_inner_size(place.size())
            .with_min_inner_size([480.0, 360.0])
            .with_position(place.min);
        let id = egui::ViewportId::from_hash_of("presenter_view");
        let mut pushed = Vec::new();
        ctx.show_viewport_immediate(id, builder, |ui, _class| {
            let ctx = ui.ctx().clone();
            pushed.extend(self.keys_pressed(&ctx, false));
            if ctx.input(|i| i.viewport().close_requested()) {
                pushed.push(Command::TogglePresenter);
            }
            let (atlas, session) = (&self.atlas, &self.session);
            let art = &mut self.presenter.art;
            egui::CentralPanel::default().show(ui, |ui| {
                presenter::presenter_ui(ui, atlas, session, art, &times, &mut pushed);
            });
        });
        if !pushed.is_empty() {
            // The audience's window was drawn before these commands: draw it again.
            ctx.request_repaint_of(egui::ViewportId::ROOT);
        }
        commands.extend(pushed);
        // The timer moves on by the second while the view is open.
        ctx.request_repaint_after(Duration::from_secs(1));
    }
}

/// The pen's strokes over the audience's canvas (drawn in `canvas`, clipped to it).
pub(super) fn pen_strokes_ui(ui: &egui::Ui, session: &Session, memory: &CanvasMemory) {
    let strokes = &session.present.pen;
    let Some(canvas) = memory.rect() else {
        return;
    };
    if strokes.is_empty() || session.mode != Mode::Present {
        return;
    }
    let painter = ui.painter_at(canvas);
    let width = 4.0 * session.kept.text_scale.clamp(1.0, 3.0);
    let ink = egui::Stroke::new(width, egui::Color32::from_rgb(230, 40, 40));
    for stroke in strokes {
        let line: Vec<egui::Pos2> = stroke
            .iter()
            .filter_map(|p| memory.screen_from_figure(*p))
            .collect();
        if let [only] = line.as_slice() {
            painter.circle_filled(*only, width / 2.0, ink.color);
        } else {
            painter.add(egui::Shape::line(line, ink));
        }
    }
}

/// Where the presenter view opens and how large: right of the audience's window and as tall,
/// when the screen has room; when it has not, the audience's window is narrowed so the two
/// stand side by side (a second screen is reached by moving either window there).
fn beside(ctx: &egui::Context) -> egui::Rect {
    let (outer, inner, monitor) = ctx.input(|i| {
        let v = i.viewport();
        (v.outer_rect, v.inner_rect, v.monitor_size)
    });
    let Some(outer) = outer else {
        return egui::Rect::from_min_size(egui::pos2(40.0, 40.0), PRESENTER_SIZE);
    };
    let height = outer.height().max(PRESENTER_SIZE.y);
    let size = egui::vec2(PRESENTER_SIZE.x, height);
    let right = egui::pos2(outer.right() + 8.0, outer.top());
    let Some(monitor) = monitor.filter(|m| right.x + size.x > m.x) else {
        return egui::Rect::from_min_size(right, size);
    };
    let room = monitor.x - size.x - 8.0 - outer.left();
    let frame = outer.width() - inner.map_or(outer.width(), |r| r.width());
    if room - frame >= MIN_AUDIENCE_WIDTH {
        let audience = egui::vec2(room - frame, inner.map_or(outer.height(), |r| r.height()));
        ctx.send_viewport_cmd_to(
            egui::ViewportId::ROOT,
            egui::ViewportCommand::InnerSize(audience),
        );
        return egui::Rect::from_min_size(egui::pos2(outer.left() + room + 8.0, outer.top()), size);
    }
    egui::Rect::from_min_size(egui::pos2((monitor.x - size.x).max(0.0), outer.top()), size)
}

/// The time of day as "14:05", in the local time zone when the system says which it is.
fn clock_text() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let offset = local_offset_s();
    let local = i64::try_from(secs).unwrap_or(0) + offset.unwrap_or(0);
    let minutes = local.div_euclid(60);
    let text = format!(
        "{:02}:{:02}",
        minutes.div_euclid(60).rem_euclid(24),
        minutes.rem_euclid(60)
    );
    if offset.is_some() {
        text
    } else {
        format!("{text} UTC")
    }
}

/// The local time zone's offset from UTC in seconds, asked of `date` once (the standard
/// library knows no time zones, and this is all the presenter's clock needs).
fn local_offset_s() -> Option<i64> {
    static OFFSET: std::sync::OnceLock<Option<i64>> = std::sync::OnceLock::new();
    *OFFSET.get_or_init(|| {
        let out = std::process::Command::new("date")
            .arg("+%z")
            .output()
            .ok()?;
        let text = String::from_utf8(out.stdout).ok()?;
        let text = text.trim();
        let sign = match text.get(..1)? {
            "-" => -1,
            "+" => 1,
            _ => return None,
        };
        let hours: i64 = text.get(1..3)?.parse().ok()?;
        let minutes: i64 = text.get(3..5)?.parse().ok()?;
        Some(sign * (hours * 3600 + minutes * 60))
    })
}
