//! `--layers channels,bones,nerves,flow` for `export` and `handout`.

use crate::session::LayerSwitches;
use clap::ValueEnum;

/// A layer drawn over the figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum LayerArg {
    /// Every channel's course.
    Channels,
    /// The bones the landmarks lie on.
    Bones,
    /// Nerves (the sciatic nerve and its branches, and the nerves under nerve-flagged points).
    Nerves,
    /// Arrows along the channels in the direction they flow.
    Flow,
}

/// The switches the layers on the command line turn on.
pub fn switches(layers: &[LayerArg]) -> LayerSwitches {
    LayerSwitches {
        all_channels: layers.contains(&LayerArg::Channels),
        channels: std::collections::BTreeSet::new(),
        bones: layers.contains(&LayerArg::Bones),
        nerves: layers.contains(&LayerArg::Nerves),
        flow: layers.contains(&LayerArg::Flow),
    }
}
