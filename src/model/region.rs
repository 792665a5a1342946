//! Regions of the body that points are grouped by.

use super::ids::RegionId;
use super::text::Name;
use serde::Deserialize;

/// Whether a region serves lower or upper back pain in the atlas's grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum BackArea {
    Lower,
    Upper,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: RegionId,
    /// The name in the atlas, such as "Behind the knee".
    pub name: Name,
    /// The same in a patient's words, such as "the crease behind your knee".
    pub plain: Name,
    pub area: BackArea,
    /// Whether the region is away from the back, so patients are told why it helps.
    #[serde(default)]
    pub far_from_back: bool,
    /// Other words people use for this part of the body ("back of the knee", "lumbar"), so
    /// search finds its points however they ask.
    #[serde(default)]
    pub words: Vec<Name>,
}
