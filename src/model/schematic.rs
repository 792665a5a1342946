//! Schematics for mechanism diagrams: a drawing of the nervous system (needle site, nerve
//! fibres, spinal cord, brainstem, brain, vessels) with named structures, each placed by a
//! rule over the schematic's own landmarks, as points are placed on body figures.

use super::figure::{FigurePos, Landmark, Shape};
use super::ids::{LandmarkId, PartId, SchematicId};
use super::text::{Name, Prose, Title};
use serde::Deserialize;

/// Where a structure's position follows from the schematic's landmarks. Never free
/// coordinates: moving a landmark moves every structure placed from it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum SchematicRule {
    /// Exactly at a landmark.
    At(LandmarkId),
    /// A `fraction` of the way from one landmark to another (0.5 is the midpoint).
    Between {
        from: LandmarkId,
        to: LandmarkId,
        fraction: f32,
    },
    /// Measured on the line from one landmark to another: `along` that line and `across` it,
    /// both as fractions of its length. `across` is positive to the right of the direction
    /// `from` to `to` as seen on the page (walking left to right, positive is downward).
    Offset {
        from: LandmarkId,
        to: LandmarkId,
        #[serde(default)]
        along: f32,
        #[serde(default)]
        across: f32,
    },
}

impl SchematicRule {
    /// The landmarks the rule needs.
    pub fn landmarks(&self) -> Vec<&LandmarkId> {
        match self {
            SchematicRule::At(id) => vec![id],
            SchematicRule::Between { from, to, .. } | SchematicRule::Offset { from, to, .. } => {
                vec![from, to]
            }
        }
    }

    /// Where the rule puts a position, or `None` when the schematic lacks a landmark.
    pub fn place(&self, schematic: &Schematic) -> Option<FigurePos> {
        let at = |id: &LandmarkId| schematic.landmark(id).map(|l| l.at);
        match self {
            SchematicRule::At(id) => at(id),
            SchematicRule::Between { from, to, fraction } => {
                Some(at(from)?.lerp(at(to)?, *fraction))
            }
            SchematicRule::Offset {
                from,
                to,
                along,
                across,
            } => {
                let (a, b) = (at(from)?, at(to)?);
                let (dx, dy) = (b.x - a.x, b.y - a.y);
                Some(FigurePos::new(
                    a.x + dx * along - dy * across,
                    a.y + dy * along + dx * across,
                ))
            }
        }
    }
}

/// What a structure is; the theme picks its colour and the painter its style.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize)]
pub enum PartKind {
    /// Skin and the connective tissue under it.
    Skin,
    Muscle,
    /// Peripheral nerve fibres and their endings.
    Nerve,
    /// The spinal cord and brainstem, and the tracts running in them.
    Cord,
    /// A cluster of nerve cells (dorsal horn, PAG, RVM, thalamus, hypothalamus).
    Centre,
    /// An area of the brain (cortex, limbic areas).
    Brain,
    /// A gland (pituitary, adrenal).
    Gland,
    Vessel,
    /// A real needle.
    Needle,
    /// A needle that does not pierce the skin (a sham device).
    ShamNeedle,
    /// Something claimed that measurements did not find.
    Claim,
    /// Measuring equipment, such as electrodes on the skin.
    Meter,
}

/// How a structure is drawn, from positions placed by rules.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum Geometry {
    /// A rounded blob centred at a position, `size` wide and high in schematic units.
    Blob { at: SchematicRule, size: (f32, f32) },
    /// A thick band from one position to another (a layer of tissue, the spinal cord).
    Band {
        from: SchematicRule,
        to: SchematicRule,
        width: f32,
    },
    /// A smooth line through positions, in order (a nerve fibre, a tract, a vessel).
    Path { through: Vec<SchematicRule> },
    /// A needle from its handle to its tip.
    Needle {
        from: SchematicRule,
        to: SchematicRule,
    },
}

impl Geometry {
    /// Every rule the geometry uses, in order.
    pub fn rules(&self) -> Vec<&SchematicRule> {
        match self {
            Geometry::Blob { at, .. } => vec![at],
            Geometry::Band { from, to, .. } | Geometry::Needle { from, to } => vec![from, to],
            Geometry::Path { through } => through.iter().collect(),
        }
    }
}

/// Which side of a structure its name is written on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default, Deserialize)]
pub enum LabelSide {
    #[default]
    Above,
    Below,
    Left,
    Right,
}

/// A named structure of a schematic.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchematicPart {
    pub id: PartId,
    /// Its name as written on the diagram, in plain words where there are some.
    pub name: Name,
    pub kind: PartKind,
    pub geometry: Geometry,
    /// Where its name goes.
    #[serde(default)]
    pub label: LabelSide,
    /// Where along a band or path the name and arrows attach (0 the start, 1 the end).
    #[serde(default = "half")]
    pub anchor: f32,
    /// Drawn only in the steps that light it (a sham needle, measuring electrodes).
    #[serde(default)]
    pub only_when_lit: bool,
}

fn half() -> f32 {
    0.5
}

/// The name of a part of a schematic, written where a rule puts it.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaName {
    pub text: Prose,
    pub at: SchematicRule,
}

/// A schematic: its frame, background art, landmarks and named structures.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Schematic {
    pub id: SchematicId,
    pub title: Title,
    /// Width and height of the frame in the schematic's own units.
    pub size: (f32, f32),
    /// Unnamed background art (brain outline, body surface), drawn faintly.
    #[serde(default)]
    pub shapes: Vec<Shape>,
    /// Names of the parts of the drawing ("Spinal cord"), always shown, small.
    #[serde(default)]
    pub areas: Vec<AreaName>,
    pub landmarks: Vec<Landmark>,
    pub structures: Vec<SchematicPart>,
}

impl Schematic {
    pub fn landmark(&self, id: &LandmarkId) -> Option<&Landmark> {
        self.landmarks.iter().find(|l| &l.id == id)
    }

    pub fn structure(&self, id: &PartId) -> Option<&SchematicPart> {
        self.structures.iter().find(|s| &s.id == id)
    }

    /// The positions a structure's geometry is drawn through, or `None` when a rule cannot be
    /// placed (the loader reports that).
    pub fn positions(&self, structure: &SchematicPart) -> Option<Vec<FigurePos>> {
        structure
            .geometry
            .rules()
            .into_iter()
            .map(|r| r.place(self))
            .collect()
    }

    /// Where a structure's name and arrows attach: a blob's centre, or the point `anchor` of
    /// the way along a band, needle or path.
    pub fn anchor(&self, structure: &SchematicPart) -> Option<FigurePos> {
        let at = self.positions(structure)?;
        match structure.geometry {
            Geometry::Blob { .. } => at.first().copied(),
            _ => along_polyline(&at, structure.anchor),
        }
    }
}

/// The point a `fraction` of the way along a polyline, by length.
pub fn along_polyline(points: &[FigurePos], fraction: f32) -> Option<FigurePos> {
    let first = *points.first()?;
    let total: f32 = points
        .windows(2)
        .map(|w| pair(w).0.distance(pair(w).1))
        .sum();
    if total <= 0.0 {
        return Some(first);
    }
    let mut left = total * fraction.clamp(0.0, 1.0);
    for w in points.windows(2) {
        let (a, b) = pair(w);
        let d = a.distance(b);
        if left <= d && d > 0.0 {
            return Some(a.lerp(b, left / d));
        }
        left -= d;
    }
    points.last().copied()
}

fn pair(w: &[FigurePos]) -> (FigurePos, FigurePos) {
    match w {
        [a, b, ..] => (*a, *b),
        [a] => (*a, *a),
        [] => (FigurePos::new(0.0, 0.0), FigurePos::new(0.0, 0.0)),
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn schematic() -> Schematic {
        Schematic {
            id: SchematicId::new("s"),
            title: "S".into(),
            size: (10.0, 10.0),
            shapes: Vec::new(),
            areas: Vec::new(),
            landmarks: vec![
                Landmark {
                    id: LandmarkId::new("a"),
                    name: "A".into(),
                    at: FigurePos::new(0.0, 0.0),
                },
                Landmark {
                    id: LandmarkId::new("b"),
                    name: "B".into(),
                    at: FigurePos::new(4.0, 0.0),
                },
            ],
            structures: Vec::new(),
        }
    }

    #[test]
    fn an_offset_walking_left_to_right_goes_down_for_positive_across() {
        let s = schematic();
        let rule = SchematicRule::Offset {
            from: LandmarkId::new("a"),
            to: LandmarkId::new("b"),
            along: 0.5,
            across: 0.25,
        };
        assert_eq!(rule.place(&s), Some(FigurePos::new(2.0, 1.0)));
    }

    #[test]
    fn a_rule_naming_a_missing_landmark_places_nothing() {
        let s = schematic();
        assert_eq!(SchematicRule::At(LandmarkId::new("zz")).place(&s), None);
    }

    #[test]
    fn the_point_halfway_along_a_bent_line_is_measured_by_length() {
        let line = [
            FigurePos::new(0.0, 0.0),
            FigurePos::new(2.0, 0.0),
            FigurePos::new(2.0, 2.0),
        ];
        assert_eq!(along_polyline(&line, 0.5), Some(FigurePos::new(2.0, 0.0)));
        assert_eq!(along_polyline(&line, 1.0), Some(FigurePos::new(2.0, 2.0)));
    }
}
