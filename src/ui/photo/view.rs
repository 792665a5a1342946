//! Pan and zoom on the photo: the scroll wheel zooms about the pointer, a drag that takes no
//! mark moves the photo, and zooming back out to the whole photo centres it again.

use crate::paint::photo::PhotoProjector;
use egui::{Rect, Vec2};

/// The most the photo is enlarged.
const MAX_ZOOM: f32 = 8.0;

/// How the photo is framed: its zoom over the fitted photo and its offset from the centre.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PhotoView {
    zoom: f32,
    pan: Vec2,
}

impl Default for PhotoView {
    fn default() -> Self {
        Self {
            zoom: 1.0,
            pan: Vec2::ZERO,
        }
    }
}

impl PhotoView {
    /// The photo of `size` pixels framed in `area`.
    pub fn project(&self, area: Rect, size: (f32, f32)) -> PhotoProjector {
        let fit = PhotoProjector::fit(area, size);
        let rect = Rect::from_center_size(area.center() + self.pan, fit.rect.size() * self.zoom);
        PhotoProjector { rect, size }
    }

    /// Zooms by `factor` keeping the spot under `pointer` where it is.
    pub fn zoom_at(&mut self, area: Rect, pointer: egui::Pos2, factor: f32) {
        let zoom = (self.zoom * factor).clamp(1.0, MAX_ZOOM);
        let from_centre = pointer - area.center();
        self.pan = from_centre - (from_centre - self.pan) * (zoom / self.zoom);
        self.zoom = zoom;
        self.settle(area);
    }

    /// Moves the photo by `delta` screen points.
    pub fn pan_by(&mut self, area: Rect, delta: Vec2) {
        self.pan += delta;
        self.settle(area);
    }

    /// Keeps part of the photo in view; the whole photo is centred.
    fn settle(&mut self, area: Rect) {
        if self.zoom <= 1.0 + 1e-3 {
            *self = Self::default();
            return;
        }
        let reach = area.size() * self.zoom / 2.0;
        self.pan = self.pan.clamp(-reach, reach);
    }

    /// Whether the photo is zoomed in.
    pub fn zoomed(&self) -> bool {
        self.zoom > 1.0 + 1e-3
    }
}

/// Pans and zooms from the pointer over `area`: the wheel zooms, a drag (when `may_drag`)
/// pans.
pub fn pan_zoom_input(
    view: &mut PhotoView,
    ui: &egui::Ui,
    response: &egui::Response,
    area: Rect,
    may_drag: bool,
) {
    if let Some(pointer) = response.hover_pos() {
        let scroll = ui.input(|i| i.smooth_scroll_delta.y + i.zoom_delta().ln() * 200.0);
        if scroll.abs() > 0.1 {
            view.zoom_at(area, pointer, (scroll / 200.0).exp());
        }
    }
    if may_drag && response.dragged() && view.zoomed() {
        view.pan_by(area, response.drag_delta());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui::{pos2, vec2};

    #[test]
    fn zooming_keeps_the_spot_under_the_pointer_and_zooming_out_recentres() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let size = (900.0, 1200.0);
        let mut view = PhotoView::default();
        let pointer = pos2(500.0, 200.0);
        let under = view.project(area, size).photo(pointer);
        view.zoom_at(area, pointer, 3.0);
        let still = view.project(area, size).screen(under);
        assert!(still.distance(pointer) < 0.01, "{still:?}");
        view.zoom_at(area, pointer, 0.1);
        assert_eq!(view, PhotoView::default());
    }

    #[test]
    fn a_pan_keeps_part_of_the_photo_in_view() {
        let area = Rect::from_min_size(pos2(0.0, 0.0), vec2(800.0, 600.0));
        let mut view = PhotoView::default();
        view.zoom_at(area, area.center(), 2.0);
        view.pan_by(area, vec2(1.0e6, 0.0));
        let rect = view.project(area, (900.0, 1200.0)).rect;
        assert!(rect.intersects(area), "{rect:?}");
    }
}
