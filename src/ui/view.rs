//! What the window is showing: the mode, the chosen figure, condition, regions and selection,
//! today's plan, and the points that follow from them.

use super::theme::ThemeKind;
use crate::model::{Atlas, ConditionId, FigureId, MechanismId, Point, PointCode, RegionId};
use crate::study::{LocateResult, Progress, Question};
use std::collections::BTreeSet;

/// The four ways through the program, one per kind of user.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// Browse every point, its location, mechanisms and guidance.
    #[default]
    Explore,
    /// Today's plan for a patient, in plain words.
    Patient,
    /// Questions for a trainee, scored in cun.
    Study,
    /// Large, stepped, for a projector.
    Present,
}

impl Mode {
    pub const ALL: [Mode; 4] = [Mode::Explore, Mode::Patient, Mode::Study, Mode::Present];

    pub fn name(self) -> &'static str {
        match self {
            Mode::Explore => "Explore",
            Mode::Patient => "Patient",
            Mode::Study => "Study",
            Mode::Present => "Present",
        }
    }
}

/// The tabs of the right-hand panel in explore mode.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Point,
    Mechanisms,
    Guidance,
}

/// Presentation mode's switches.
#[derive(Clone, Debug, Default)]
pub struct PresentState {
    /// Labels stay hidden until a step reveals them.
    pub recall: bool,
    pub revealed: BTreeSet<PointCode>,
    /// Dim everything but a circle around the pointer.
    pub spotlight: bool,
}

/// Study mode's state; `progress` lasts between runs.
#[derive(Clone, Debug, Default)]
pub struct StudyState {
    pub progress: Progress,
    /// Narrow the questions to one region.
    pub region: Option<RegionId>,
    pub question: Option<Question>,
    /// The answer given to the current question, once given.
    pub answer: Option<Answer>,
    /// Counts questions asked this session, so each is asked a different way.
    pub seq: u64,
    pub asked: u32,
    pub right: u32,
}

/// An answer to the current question.
#[derive(Clone, Debug, PartialEq)]
pub enum Answer {
    Located(LocateResult),
    Chose { index: usize, right: bool },
}

/// The search box.
#[derive(Clone, Debug, Default)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    /// Which result the arrow keys have highlighted.
    pub cursor: usize,
}

/// The user's choices. Everything else on screen is derived from these and the atlas.
#[derive(Clone, Debug)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches, each set by its own control"
)]
pub struct ViewState {
    pub mode: Mode,
    pub figure: Option<FigureId>,
    /// `None` shows every point in the atlas.
    pub condition: Option<ConditionId>,
    pub hidden_regions: BTreeSet<RegionId>,
    pub selected: Option<PointCode>,
    pub mechanism: Option<MechanismId>,
    pub tab: Tab,
    pub theme: ThemeKind,
    pub pinyin_labels: bool,
    /// Text and dot scale, 1 to 3 (presentation mode's control; kept for every mode).
    pub text_scale: f32,
    /// Today's plan, in order.
    pub plan: Vec<PointCode>,
    /// Patient mode shows codes only when asked.
    pub patient_codes: bool,
    pub present: PresentState,
    pub study: StudyState,
    pub search: SearchState,
    pub help_open: bool,
    /// Shows the figure's landmarks and spans by name.
    pub calibration: bool,
}

impl Default for ViewState {
    fn default() -> Self {
        Self {
            mode: Mode::Explore,
            figure: None,
            condition: None,
            hidden_regions: BTreeSet::new(),
            selected: None,
            mechanism: None,
            tab: Tab::Point,
            theme: ThemeKind::Light,
            pinyin_labels: false,
            text_scale: 1.0,
            plan: Vec::new(),
            patient_codes: false,
            present: PresentState::default(),
            study: StudyState::default(),
            search: SearchState::default(),
            help_open: false,
            calibration: false,
        }
    }
}

impl ViewState {
    /// A view of the first figure and the first condition of an atlas.
    pub fn initial(atlas: &Atlas) -> Self {
        Self {
            figure: atlas.figures().first().map(|f| f.id.clone()),
            condition: atlas.conditions().first().map(|c| c.id.clone()),
            ..Self::default()
        }
    }

    /// The points shown: in patient mode today's plan; otherwise those of the condition (or
    /// all) in a region that is not hidden, in the condition's order (or the atlas's).
    pub fn visible_points<'a>(&self, atlas: &'a Atlas) -> Vec<&'a Point> {
        if self.mode == Mode::Patient {
            return self.plan.iter().filter_map(|c| atlas.point(c)).collect();
        }
        let in_regions = |p: &Point| {
            atlas
                .display_region(p, self.condition.as_ref())
                .is_none_or(|(_, r)| !self.hidden_regions.contains(&r.id))
        };
        atlas
            .condition_points(self.condition.as_ref())
            .into_iter()
            .filter(|p| in_regions(p))
            .collect()
    }

    /// The points the selected mechanism bears on (empty when none is selected).
    pub fn mechanism_points(&self, atlas: &Atlas) -> BTreeSet<PointCode> {
        let Some(mechanism) = self
            .mechanism
            .as_ref()
            .and_then(|id| atlas.mechanisms().iter().find(|m| &m.id == id))
        else {
            return BTreeSet::new();
        };
        let mut codes: BTreeSet<PointCode> = mechanism.point_codes().cloned().collect();
        for point in self.visible_points(atlas) {
            let role = self
                .condition
                .as_ref()
                .and_then(|c| atlas.condition(c))
                .and_then(|c| c.entry(&point.code))
                .map(|e| e.role);
            if role.is_some_and(|r| mechanism.roles.contains(&r)) {
                codes.insert(point.code.clone());
            }
        }
        codes
    }

    pub fn in_plan(&self, code: &PointCode) -> bool {
        self.plan.contains(code)
    }
}
