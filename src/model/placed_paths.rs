//! The layers' drawn geometry (channel courses and anatomical structures as smooth polylines per
//! figure, computed once by the loader) and the atlas's questions about channels and structures.

use super::Atlas;
use super::anatomy::Structure;
use super::channel::{Channel, meridian_of};
use super::figure::FigurePos;
use super::ids::{ChannelId, ConditionId, FigureId, LandmarkId, PointCode, StructureId};
use super::point::Point;

/// One smooth curve on one figure, sampled finely enough to draw with straight segments.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedPath {
    pub figure: FigureId,
    /// In the order of the stations (the direction of flow, for a channel).
    pub points: Vec<FigurePos>,
    /// Where the stations it was drawn through landed (shown in the calibration view).
    pub stations: Vec<FigurePos>,
    pub closed: bool,
    /// Whether this is the mirror image of a path placed on the landmarks' side.
    pub mirrored: bool,
}

/// Every layer's curves: per channel and per structure (in the atlas's order), on every figure.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PlacedLayers {
    pub channels: Vec<Vec<PlacedPath>>,
    pub structures: Vec<Vec<PlacedPath>>,
}

impl Atlas {
    /// Sets the layers' curves (the loader computes them while checking).
    pub(crate) fn set_layers(&mut self, layers: PlacedLayers) {
        self.layers = layers;
    }

    pub fn channels(&self) -> &[Channel] {
        &self.parts.channels
    }

    pub fn structures(&self) -> &[Structure] {
        &self.parts.structures
    }

    pub fn channel(&self, id: &ChannelId) -> Option<&Channel> {
        self.parts.channels.iter().find(|c| &c.id == id)
    }

    pub fn structure(&self, id: &StructureId) -> Option<&Structure> {
        self.parts.structures.iter().find(|s| &s.id == id)
    }

    /// The channel a point lies on, if the atlas draws it.
    pub fn channel_of(&self, point: &Point) -> Option<&Channel> {
        self.parts
            .channels
            .iter()
            .find(|c| meridian_of(&c.id) == Some(point.meridian))
    }

    /// A channel's curves on a figure (mirrored copies included).
    pub fn channel_paths<'a>(
        &'a self,
        id: &ChannelId,
        figure: &'a FigureId,
    ) -> impl Iterator<Item = &'a PlacedPath> + 'a {
        let index = self.parts.channels.iter().position(|c| &c.id == id);
        on_figure(index.and_then(|i| self.layers.channels.get(i)), figure)
    }

    /// A structure's curves on a figure (mirrored copies included).
    pub fn structure_paths<'a>(
        &'a self,
        id: &StructureId,
        figure: &'a FigureId,
    ) -> impl Iterator<Item = &'a PlacedPath> + 'a {
        let index = self.parts.structures.iter().position(|s| &s.id == id);
        on_figure(index.and_then(|i| self.layers.structures.get(i)), figure)
    }

    /// Whether a structure is drawn on a figure.
    pub fn structure_on(&self, id: &StructureId, figure: &FigureId) -> bool {
        self.structure_paths(id, figure).next().is_some()
    }

    /// The structures a landmark lies on.
    pub fn structures_marking<'a>(
        &'a self,
        landmark: &'a LandmarkId,
    ) -> impl Iterator<Item = &'a Structure> + 'a {
        self.parts
            .structures
            .iter()
            .filter(move |s| s.marks(landmark))
    }

    /// The structures a condition shows whatever the layer switches say.
    pub fn structures_shown_with<'a>(
        &'a self,
        condition: &'a ConditionId,
    ) -> impl Iterator<Item = &'a Structure> + 'a {
        self.parts
            .structures
            .iter()
            .filter(move |s| s.shown_with.contains(condition))
    }

    /// The structures that lie under a point (the nerve under a nerve-flagged point).
    pub fn structures_under<'a>(
        &'a self,
        code: &'a PointCode,
    ) -> impl Iterator<Item = &'a Structure> + 'a {
        self.parts
            .structures
            .iter()
            .filter(move |s| s.points.contains(code))
    }
}

fn on_figure<'a>(
    paths: Option<&'a Vec<PlacedPath>>,
    figure: &'a FigureId,
) -> impl Iterator<Item = &'a PlacedPath> + 'a {
    paths
        .into_iter()
        .flatten()
        .filter(move |p| &p.figure == figure)
}
