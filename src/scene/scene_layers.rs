//! What the layers over the figure show: channels, bones and nerves, and the emphasis that a
//! selected point, a landmark step or a lesson step puts on them. Plain data, no egui.

use crate::model::{AnatomyLayer, ChannelId, LandmarkId, PointCode, Structure, StructureId};
use std::collections::BTreeSet;

/// The layers of one scene.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SceneLayers {
    /// The channels drawn, by id.
    pub channels: BTreeSet<ChannelId>,
    pub bones: bool,
    /// Nerves, with the muscles they run under.
    pub nerves: bool,
    /// Arrows along the drawn channels in the direction they flow.
    pub flow: bool,
    /// The selected point's channel: drawn strongly, even when the channels are off.
    pub focus: Option<ChannelFocus>,
    /// Structures drawn whatever the switches say: the sciatic nerve with sciatica, the nerve
    /// under a selected nerve-flagged point.
    pub structures: BTreeSet<StructureId>,
    /// What a landmark step of the selected point asks to be shown.
    pub step: Option<StepFocus>,
    /// The structures a lesson step's words use as landmarks: drawn whatever the switches
    /// say, lit, and tagged before anything else is.
    pub named: Vec<StructureId>,
}

/// The selected point's channel and its neighbours along the course.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelFocus {
    pub channel: ChannelId,
    /// The points just before and after the selected one on the channel.
    pub neighbours: Vec<PointCode>,
}

/// The emphasis of one of the three steps of locating the selected point.
#[derive(Clone, Debug, PartialEq)]
pub enum StepFocus {
    /// "1. Landmark": light up the structure the landmark lies on (or the landmark itself).
    Landmark(LandmarkId),
    /// "2. Measure": the cun ruler, drawn boldly.
    Measure,
    /// "3. Palpate": a frame around the spot.
    Palpate,
}

impl SceneLayers {
    /// Whether anything at all is drawn in the layers (so a legend is needed).
    pub fn any(&self) -> bool {
        !self.channels.is_empty()
            || self.bones
            || self.nerves
            || self.focus.is_some()
            || !self.structures.is_empty()
            || self.step.is_some()
            || !self.named.is_empty()
    }

    /// Whether a structure is drawn: its layer is on, or it is shown by name.
    pub fn shows(&self, structure: &Structure) -> bool {
        self.structures.contains(&structure.id)
            || self.named.contains(&structure.id)
            || match structure.layer {
                AnatomyLayer::Bones => self.bones,
                AnatomyLayer::Nerves | AnatomyLayer::Muscles => self.nerves,
            }
    }

    /// Whether a channel is drawn (chosen, or the selected point's).
    pub fn shows_channel(&self, id: &ChannelId) -> bool {
        self.channels.contains(id) || self.focus.as_ref().is_some_and(|f| &f.channel == id)
    }
}
