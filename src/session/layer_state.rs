//! The layer switches (channels, bones, nerves, direction of flow) and the landmark step shown:
//! patient mode keeps its own switches, all off until asked for. No egui.

use super::mode::Mode;
use crate::model::{Atlas, ChannelId, PointCode};
use crate::scene::SceneLayers;
use std::collections::BTreeSet;

/// The switches of one set of modes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches, each set by its own control"
)]
pub struct LayerSwitches {
    /// Every channel of the atlas (then `channels` is ignored).
    pub all_channels: bool,
    /// The channels chosen one by one.
    pub channels: BTreeSet<ChannelId>,
    pub bones: bool,
    pub nerves: bool,
    pub flow: bool,
}

impl LayerSwitches {
    /// Whether a channel is switched on.
    pub fn shows_channel(&self, id: &ChannelId) -> bool {
        self.all_channels || self.channels.contains(id)
    }

    /// Whether any channel is switched on.
    pub fn any_channel(&self) -> bool {
        self.all_channels || !self.channels.is_empty()
    }

    /// The layers these switches draw, with no selection or condition to add to them.
    pub fn scene_layers(&self, atlas: &Atlas) -> SceneLayers {
        SceneLayers {
            channels: atlas
                .channels()
                .iter()
                .filter(|c| self.shows_channel(&c.id))
                .map(|c| c.id.clone())
                .collect(),
            bones: self.bones,
            nerves: self.nerves,
            flow: self.flow,
            ..SceneLayers::default()
        }
    }
}

/// The three steps of locating a point, as the detail panel lists them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LocationStep {
    Landmark,
    Measure,
    Palpate,
}

/// Layer state for this run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LayerState {
    /// Explore, study and present share these.
    pub shared: LayerSwitches,
    /// Patient mode's own, off by default.
    pub patient: LayerSwitches,
    /// The step shown for a point; it applies while that point stays selected.
    pub step: Option<(PointCode, LocationStep)>,
}

impl LayerState {
    /// The switches in effect in `mode`.
    pub fn switches(&self, mode: Mode) -> &LayerSwitches {
        if mode == Mode::Patient {
            &self.patient
        } else {
            &self.shared
        }
    }

    pub(super) fn switches_mut(&mut self, mode: Mode) -> &mut LayerSwitches {
        if mode == Mode::Patient {
            &mut self.patient
        } else {
            &mut self.shared
        }
    }
}
