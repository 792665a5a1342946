//! Where everything goes in each mode. The figure is the product: side panels wrap their text,
//! start at a sensible width and are clamped so the canvas keeps most of the window's width
//! (60% on a small screen, where every point counts; 60% when presenting), whatever egui
//! remembers from an earlier run.

use super::panels::{detail, guidance, mechanisms, navigator, patient, present, study};
use crate::model::{Atlas, PointCode};
use crate::session::{Command, Mode, Session, Tab};
use egui::Rect;

/// The largest share of a window `window_width` points wide each side panel may take, by mode.
/// A small window gives its panels less, so the figure keeps most of it.
pub fn max_shares(mode: Mode, window_width: f32) -> (f32, f32) {
    match mode {
        Mode::Explore | Mode::Patient | Mode::Study if window_width < 1200.0 => (0.17, 0.23),
        Mode::Explore | Mode::Patient | Mode::Study if window_width < 1600.0 => (0.19, 0.25),
        Mode::Explore | Mode::Patient | Mode::Study => (0.24, 0.26),
        Mode::Present => (0.0, 0.40),
    }
}

/// Where the parts of the window were drawn in the last frame (for tests and checks).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct LayoutRects {
    pub window: Option<Rect>,
    pub top: Option<Rect>,
    pub left: Option<Rect>,
    pub right: Option<Rect>,
    pub bottom: Option<Rect>,
    pub canvas: Option<Rect>,
    /// The ids under which egui remembers the side panels' sizes.
    pub left_id: Option<egui::Id>,
    pub right_id: Option<egui::Id>,
}

/// A side panel as drawn: where, and the id egui remembers its size under.
pub type SideRect = (Rect, egui::Id);

/// How one side panel is sized.
struct Sizing {
    id: &'static str,
    left: bool,
    default: f32,
    min: f32,
    /// The largest share of the window's width.
    share: f32,
}

/// Shows a side panel sized by `sizing` within `window_width`; returns its rectangle and id.
fn side_ui(
    ui: &mut egui::Ui,
    window_width: f32,
    sizing: &Sizing,
    content: impl FnOnce(&mut egui::Ui),
) -> SideRect {
    let id = ui.scope_id().with_salt(egui::IdSalt::new(sizing.id));
    let max = (window_width * sizing.share).floor().max(1.0);
    let panel = if sizing.left {
        egui::Panel::left(sizing.id)
    } else {
        egui::Panel::right(sizing.id)
    };
    let rect = panel
        .resizable(true)
        .default_size(sizing.default.min(max))
        .size_range(sizing.min.min(max)..=max)
        .show(ui, |ui| {
            // Claim the panel's whole width, so it keeps its size whatever it holds (a panel
            // otherwise shrinks to its content, and the figure beside it shifts).
            ui.set_min_width(ui.available_width());
            content(ui);
        })
        .response
        .rect;
    (rect, id)
}

/// The left and right panels of the current mode (`surface`: what Study's question is asked
/// on); returns their rectangles.
pub fn side_panels_ui(
    ui: &mut egui::Ui,
    window_width: f32,
    atlas: &Atlas,
    (session, surface): (&Session, crate::study::Surface),
    show_card: Option<&PointCode>,
    commands: &mut Vec<Command>,
) -> (Option<SideRect>, Option<SideRect>) {
    let (left_share, right_share) = max_shares(session.mode, window_width);
    let left = |id| Sizing {
        id,
        left: true,
        // Whole points, so the figure beside the panels starts on a whole pixel.
        default: (window_width * 0.16).clamp(170.0, 240.0).round(),
        min: 160.0,
        share: left_share,
    };
    let right = |id| Sizing {
        id,
        left: false,
        default: (window_width * 0.24).clamp(230.0, 390.0).round(),
        min: 220.0,
        share: right_share,
    };
    let scroll = |id: &'static str| egui::ScrollArea::vertical().id_salt(id);
    match session.mode {
        Mode::Explore => (
            Some(side_ui(ui, window_width, &left("navigator"), |ui| {
                navigator::navigator_ui(ui, atlas, session, commands);
            })),
            Some(side_ui(ui, window_width, &right("details"), |ui| {
                tabs_ui(ui, atlas, session, commands);
            })),
        ),
        Mode::Patient => (
            Some(side_ui(ui, window_width, &left("plan"), |ui| {
                scroll("plan_scroll").show(ui, |ui| patient::plan_ui(ui, atlas, session, commands));
            })),
            Some(side_ui(ui, window_width, &right("patient_cards"), |ui| {
                scroll("cards_scroll").show(ui, |ui| {
                    patient::cards_ui(ui, atlas, session, show_card);
                });
            })),
        ),
        Mode::Study => (
            Some(side_ui(ui, window_width, &left("study_progress"), |ui| {
                scroll("progress_scroll").show(ui, |ui| {
                    study::progress_ui(ui, atlas, session, commands);
                });
            })),
            Some(side_ui(ui, window_width, &right("question"), |ui| {
                scroll("question_scroll").show(ui, |ui| {
                    study::question_ui(ui, atlas, (session, surface), commands);
                });
            })),
        ),
        // A diagram fills the window, and a lesson step that rings no point needs no card.
        Mode::Present if !session.present_card_shown(atlas) => (None, None),
        Mode::Present => {
            let card = Sizing {
                default: (window_width * 0.3).round(),
                min: 240.0,
                ..right("present_card")
            };
            let rect = side_ui(ui, window_width, &card, |ui| {
                // The card fits its text to the panel, or pages it; the scroll area only keeps
                // a card on a tiny screen from pushing the panel past the window.
                scroll("card_scroll").show(ui, |ui| {
                    present::card_ui(ui, atlas, session, commands);
                });
            });
            (None, Some(rect))
        }
    }
}

/// The right-hand panel of explore mode: the Point, Mechanisms and Guidance tabs.
fn tabs_ui(ui: &mut egui::Ui, atlas: &Atlas, session: &Session, commands: &mut Vec<Command>) {
    ui.horizontal_wrapped(|ui| {
        for (tab, name) in [
            (Tab::Point, "Point"),
            (Tab::Mechanisms, "Mechanisms"),
            (Tab::Guidance, "Guidance"),
        ] {
            if ui.selectable_label(session.tab == tab, name).clicked() {
                commands.push(Command::SetTab(tab));
            }
        }
    });
    ui.separator();
    egui::ScrollArea::vertical()
        .id_salt(("details_scroll", session.tab))
        .show(ui, |ui| match session.tab {
            Tab::Point => detail::detail_ui(ui, atlas, session, commands),
            Tab::Mechanisms => mechanisms::mechanisms_ui(ui, atlas, session, commands),
            Tab::Guidance => guidance::guidance_ui(ui, atlas),
        });
}
