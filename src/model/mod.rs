//! The atlas as plain data: points, regions, figures with landmarks and spans, conditions,
//! mechanisms, references and guidance. No egui and no I/O; `load` builds it and checks that
//! every id resolves, `placement` computes where points sit on each figure.

mod anatomy;
mod calendar;
mod channel;
mod close_up;
mod condition;
mod diagram;
mod display;
mod evidence;
mod figure;
mod guidance;
mod ids;
mod lesson;
mod levels;
mod mechanism;
mod photo;
mod photo_hints;
mod placed_paths;
mod point;
mod reference;
mod region;
mod schematic;
mod text;

pub use anatomy::{AnatomyLayer, Form, FormSlot, Spot, Structure};
pub use calendar::{civil_from_days, iso_date};
pub use channel::{Channel, Station, meridian_of};
pub use condition::{Condition, ConditionPoint, Role};
pub use diagram::{Arrow, ArrowKind, DIAGRAM_STEPS, Diagram, DiagramStep, Tag};
pub use display::{Reader, WhyHere};
pub use evidence::{LinkKind, MechanismLink};
pub use figure::{Facing, Figure, FigurePos, Landmark, Shape, ShapeKind, Side, Span};
pub use guidance::{GuidanceItem, GuidanceSection, GuidanceTopic};
pub use ids::{
    ChannelId, ConditionId, FigureId, LandmarkId, LessonId, LevelId, MAX_ID_CHARS, MechanismId,
    PartId, PointCode, ReferenceId, RegionId, SchematicId, SpanId, StructureId, is_plain_id,
};
pub use lesson::{Lesson, LessonStep};
pub use levels::{Levelled, SiteLevel};
pub use mechanism::{EvidenceGrade, Mechanism, PointLink};
pub use photo::{
    MarkName, PhotoImage, PhotoMarks, is_paired, mark_names, mark_on_figure, on_viewer_left,
    parse_mark_name,
};
pub use photo_hints::palpation_hint;
pub use placed_paths::{PlacedLayers, PlacedPath};
pub use point::{
    Alternative, Laterality, LevelGroup, LocationSteps, Meridian, NeedleAngle, Needling,
    PlacementRule, Point, SafetyFlag, SafetyNote,
};
pub use reference::Reference;
pub use region::{BackArea, Region};
pub use schematic::{
    AreaName, Geometry, LabelSide, PartKind, Schematic, SchematicPart, SchematicRule,
    along_polyline,
};
pub use text::{Bounded, LongLine, Name, Prose, TOO_LONG_SUBJECT, Title, capitalise};

use std::collections::HashMap;

/// Where one site of a point sits on one figure.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedSite {
    pub figure: FigureId,
    pub side: Side,
    pub at: FigurePos,
    /// Which of the point's placement rules produced this site (for a point drawn as a row of
    /// levels, also which level it is: see `Atlas::site_level`).
    pub rule: usize,
}

/// The parts of an atlas as read from its files, before they are checked.
#[derive(Clone, Debug, Default)]
pub struct AtlasParts {
    pub figures: Vec<Figure>,
    pub points: Vec<Point>,
    pub regions: Vec<Region>,
    pub conditions: Vec<Condition>,
    pub mechanisms: Vec<Mechanism>,
    pub references: Vec<Reference>,
    pub guidance: Vec<GuidanceSection>,
    /// Channel courses (`channels.ron`; optional).
    pub channels: Vec<Channel>,
    /// Bones, nerves and muscles drawn in layers (`anatomy.ron`; optional).
    pub structures: Vec<Structure>,
    /// Schematics for mechanism diagrams (`schematics/*.ron`).
    pub schematics: Vec<Schematic>,
    /// One diagram per mechanism at most (`diagrams/*.ron`).
    pub diagrams: Vec<Diagram>,
    /// Lessons for Present mode (`lessons/*.ron`), in file-name order.
    pub lessons: Vec<Lesson>,
}

/// A checked atlas: every id in it resolves and every point has a place on some figure.
#[derive(Clone, Debug)]
pub struct Atlas {
    parts: AtlasParts,
    sites: Vec<Vec<PlacedSite>>,
    point_index: HashMap<PointCode, usize>,
    /// The curves of the channels and structures on each figure.
    layers: PlacedLayers,
}

impl Atlas {
    /// Builds the atlas from checked parts and the placed sites of each point (same order as
    /// `parts.points`). Only the loader calls this, after checking.
    pub(crate) fn from_checked(mut parts: AtlasParts, sites: Vec<Vec<PlacedSite>>) -> Self {
        parts
            .figures
            .sort_by(|a, b| a.order.cmp(&b.order).then(a.id.cmp(&b.id)));
        let point_index = parts
            .points
            .iter()
            .enumerate()
            .map(|(i, p)| (p.code.clone(), i))
            .collect();
        Self {
            parts,
            sites,
            point_index,
            layers: PlacedLayers::default(),
        }
    }

    /// An atlas with nothing in it (shown only when even the built-in atlas cannot load).
    pub fn empty() -> Self {
        Self::from_checked(AtlasParts::default(), Vec::new())
    }

    pub fn figures(&self) -> &[Figure] {
        &self.parts.figures
    }
    pub fn points(&self) -> &[Point] {
        &self.parts.points
    }
    pub fn regions(&self) -> &[Region] {
        &self.parts.regions
    }
    pub fn conditions(&self) -> &[Condition] {
        &self.parts.conditions
    }
    pub fn mechanisms(&self) -> &[Mechanism] {
        &self.parts.mechanisms
    }
    pub fn references(&self) -> &[Reference] {
        &self.parts.references
    }
    pub fn guidance(&self) -> &[GuidanceSection] {
        &self.parts.guidance
    }

    /// The warning signs that need a doctor first: the first item of the red-flag section.
    pub fn red_flags(&self) -> Option<&GuidanceItem> {
        self.parts
            .guidance
            .iter()
            .find(|s| s.topic == GuidanceTopic::RedFlags)
            .and_then(|s| s.items.first())
    }
    pub fn schematics(&self) -> &[Schematic] {
        &self.parts.schematics
    }
    pub fn diagrams(&self) -> &[Diagram] {
        &self.parts.diagrams
    }
    pub fn lessons(&self) -> &[Lesson] {
        &self.parts.lessons
    }

    /// The checked parts, for checking a lesson file read apart from the atlas.
    pub fn parts(&self) -> &AtlasParts {
        &self.parts
    }

    pub fn mechanism(&self, id: &MechanismId) -> Option<&Mechanism> {
        self.parts.mechanisms.iter().find(|m| &m.id == id)
    }
    /// A mechanism's diagram, if it has one.
    pub fn diagram(&self, mechanism: &MechanismId) -> Option<&Diagram> {
        self.parts
            .diagrams
            .iter()
            .find(|d| &d.mechanism == mechanism)
    }
    pub fn schematic(&self, id: &SchematicId) -> Option<&Schematic> {
        self.parts.schematics.iter().find(|s| &s.id == id)
    }
    pub fn lesson(&self, id: &LessonId) -> Option<&Lesson> {
        self.parts.lessons.iter().find(|l| &l.id == id)
    }

    pub fn point(&self, code: &PointCode) -> Option<&Point> {
        self.point_index
            .get(code)
            .and_then(|&i| self.parts.points.get(i))
    }
    pub fn figure(&self, id: &FigureId) -> Option<&Figure> {
        self.parts.figures.iter().find(|f| &f.id == id)
    }
    pub fn region(&self, id: &RegionId) -> Option<&Region> {
        self.parts.regions.iter().find(|r| &r.id == id)
    }
    pub fn condition(&self, id: &ConditionId) -> Option<&Condition> {
        self.parts.conditions.iter().find(|c| &c.id == id)
    }
    pub fn reference(&self, id: &ReferenceId) -> Option<&Reference> {
        self.parts.references.iter().find(|r| &r.id == id)
    }

    /// Every placed site of a point, on every figure.
    pub fn sites(&self, code: &PointCode) -> &[PlacedSite] {
        self.point_index
            .get(code)
            .and_then(|&i| self.sites.get(i))
            .map_or(&[], Vec::as_slice)
    }

    /// The sites of a point on one figure.
    pub fn sites_on<'a>(
        &'a self,
        code: &PointCode,
        figure: &FigureId,
    ) -> impl Iterator<Item = &'a PlacedSite> + use<'a> {
        let figure = figure.clone();
        self.sites(code).iter().filter(move |s| s.figure == figure)
    }

    /// The conditions that use a point, with its entry in each.
    pub fn conditions_of<'a>(
        &'a self,
        code: &'a PointCode,
    ) -> impl Iterator<Item = (&'a Condition, &'a ConditionPoint)> + 'a {
        self.parts
            .conditions
            .iter()
            .filter_map(move |c| c.entry(code).map(|e| (c, e)))
    }

    /// The points of a condition in its order, or every point of the atlas for `None` (or an
    /// unknown condition).
    pub fn condition_points(&self, condition: Option<&ConditionId>) -> Vec<&Point> {
        match condition.and_then(|c| self.condition(c)) {
            Some(c) => c
                .points
                .iter()
                .filter_map(|e| self.point(&e.code))
                .collect(),
            None => self.parts.points.iter().collect(),
        }
    }
}
