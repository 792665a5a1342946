//! The user's session: what lasts between runs (`kept`, the stored [`Settings`]) and what is
//! only for this run (mode, tab, overlays, presentation and study state).

use super::layer_state::LayerState;
use super::mode::{Mode, Tab};
pub use super::study_state::{Answer, Missed, StudyPhase, StudyState};
use crate::model::{Atlas, FigureId, FigurePos, LessonId, MechanismId, Point, PointCode, RegionId};
use crate::store::Settings;
use std::collections::BTreeSet;

/// A lesson being played in Present mode.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LessonPlay {
    pub id: LessonId,
    /// The step shown, counted from 0.
    pub step: usize,
}

/// Presentation mode's switches.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches, each set by its own control or key"
)]
pub struct PresentState {
    /// Labels stay hidden until a step reveals them.
    pub recall: bool,
    pub revealed: BTreeSet<PointCode>,
    /// Dim everything but a circle around the pointer.
    pub spotlight: bool,
    /// The lesson being played, if any.
    pub lesson: Option<LessonPlay>,
    /// A mechanism whose diagram fills the canvas, if any (a lesson's steps come first).
    pub diagram: Option<MechanismId>,
    /// Show the presenter's note on the audience's canvas too (otherwise only the presenter
    /// view shows it).
    pub note_on_canvas: bool,
    /// The point card's pages when its text does not fit even in its smallest type.
    pub card: CardPages,
    /// The presenter view is open in its own window.
    pub presenter: bool,
    /// A recall step waits for its second press: the ringed dot is shown without its label or
    /// card, and the next press reveals them.
    pub asking: bool,
    /// The audience screen is blacked or whitened out (any key brings it back).
    pub blank: Option<Blank>,
    /// The pen's strokes on the audience canvas, in figure coordinates (cleared at each step).
    pub pen: Vec<Vec<FigurePos>>,
    /// A left drag draws with the pen instead of panning (a right drag always draws).
    pub pen_tool: bool,
    /// Where Present mode was before the open lesson, to return to when it closes.
    pub before_lesson: Option<ReturnTo>,
    /// The step each lesson was closed on, to resume it there.
    pub lesson_steps: std::collections::BTreeMap<LessonId, usize>,
}

/// What fills the audience screen while it is blanked, as a clicker's "black screen" key does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blank {
    Black,
    White,
}

/// The point and figure Present mode showed before a lesson opened.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReturnTo {
    pub selected: Option<PointCode>,
    pub figure: Option<FigureId>,
}

/// Which page of the point card is shown: the card reports how many pages a point's text
/// takes, and stepping forward turns the card's pages before it moves to the next step.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CardPages {
    /// The point the count is for.
    pub code: Option<PointCode>,
    /// How many pages its card takes (1 when it fits).
    pub pages: usize,
    /// The page shown, from 0.
    pub page: usize,
}

/// The search box.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SearchState {
    pub open: bool,
    pub query: String,
    /// Which result the arrow keys have highlighted.
    pub cursor: usize,
}

/// Everything the user has chosen. What is on screen follows from this and the atlas.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(
    clippy::struct_excessive_bools,
    reason = "independent switches, each set by its own control"
)]
pub struct Session {
    /// What lasts between runs: theme, scale, last view, selection, plan, study progress.
    pub kept: Settings,
    pub mode: Mode,
    pub tab: Tab,
    pub hidden_regions: BTreeSet<RegionId>,
    pub mechanism: Option<MechanismId>,
    /// Patient mode shows codes only when asked.
    pub patient_codes: bool,
    /// The plan (and its date) last cleared or replaced, for undo.
    pub undo_plan: Option<(Vec<PointCode>, String)>,
    /// Where named plans are kept (none: nowhere, as in tests).
    pub plans_dir: Option<std::path::PathBuf>,
    pub present: PresentState,
    pub study: StudyState,
    pub search: SearchState,
    pub help_open: bool,
    /// Shows the figure's landmarks and spans by name.
    pub calibration: bool,
    /// Channels, bones and nerves, and the landmark step shown.
    pub layers: LayerState,
    /// The step each mechanism's diagram is at (from 0), in the tab and in Present mode.
    pub diagram_steps: std::collections::BTreeMap<MechanismId, usize>,
}

impl Session {
    /// A session on `atlas` resuming `kept` (ids the atlas lacks are dropped; with no figure
    /// kept, the first figure).
    pub fn resume(atlas: &Atlas, kept: Settings) -> Self {
        let mut session = Self {
            kept,
            ..Self::default()
        };
        session.retain_valid(atlas);
        session
    }

    /// Drops every id the atlas does not have (after a reload, or from old settings), keeping
    /// everything else as it is.
    pub fn retain_valid(&mut self, atlas: &Atlas) {
        let kept = &mut self.kept;
        if kept
            .figure
            .as_ref()
            .is_none_or(|f| atlas.figure(f).is_none())
        {
            kept.figure = atlas.figures().first().map(|f| f.id.clone());
        }
        if kept
            .condition
            .as_ref()
            .is_some_and(|c| atlas.condition(c).is_none())
        {
            kept.condition = atlas.conditions().first().map(|c| c.id.clone());
        }
        if kept
            .selected
            .as_ref()
            .is_some_and(|c| atlas.point(c).is_none())
        {
            kept.selected = None;
        }
        kept.plan.retain(|c| atlas.point(c).is_some());
        self.hidden_regions.retain(|r| atlas.region(r).is_some());
        if self
            .mechanism
            .as_ref()
            .is_some_and(|m| atlas.mechanisms().iter().all(|x| &x.id != m))
        {
            self.mechanism = None;
        }
        self.present.revealed.retain(|c| atlas.point(c).is_some());
        self.retain_valid_lessons(atlas);
        if self
            .study
            .question
            .as_ref()
            .is_some_and(|q| atlas.point(&q.code).is_none())
        {
            self.study.question = None;
            self.study.answer = None;
        }
    }

    /// Switches to the first figure that shows the point, unless the current one does.
    pub fn show_on_figure(&mut self, atlas: &Atlas, code: &PointCode) {
        let condition = self.kept.condition.as_ref();
        let on_figure = self
            .kept
            .figure
            .as_ref()
            .is_some_and(|f| !atlas.sites_for(code, f, condition).is_empty());
        if !on_figure && let Some(site) = atlas.sites(code).first() {
            self.kept.figure = Some(site.figure.clone());
        }
    }

    pub fn selected(&self) -> Option<&PointCode> {
        self.kept.selected.as_ref()
    }

    pub fn in_plan(&self, code: &PointCode) -> bool {
        self.kept.plan.contains(code)
    }

    /// The points shown: in patient mode today's plan; otherwise those of the condition (or
    /// all) in a region that is not hidden, in the condition's order (or the atlas's).
    pub fn visible_points<'a>(&self, atlas: &'a Atlas) -> Vec<&'a Point> {
        if self.mode == Mode::Patient {
            return self
                .kept
                .plan
                .iter()
                .filter_map(|c| atlas.point(c))
                .collect();
        }
        let condition = self.kept.condition.as_ref();
        atlas
            .condition_points(condition)
            .into_iter()
            .filter(|p| {
                atlas
                    .display_region(p, condition)
                    .is_none_or(|(_, r)| !self.hidden_regions.contains(&r.id))
            })
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
        let condition = self
            .kept
            .condition
            .as_ref()
            .and_then(|c| atlas.condition(c));
        let mut codes: BTreeSet<PointCode> = mechanism.point_codes().cloned().collect();
        for point in self.visible_points(atlas) {
            let role = condition.and_then(|c| c.entry(&point.code)).map(|e| e.role);
            if role.is_some_and(|r| mechanism.roles.contains(&r)) {
                codes.insert(point.code.clone());
            }
        }
        codes
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::{ConditionId, FigureId};

    #[test]
    fn resuming_drops_ids_the_atlas_does_not_have_and_keeps_the_rest() {
        let atlas = load_builtin().unwrap();
        let kept = Settings {
            figure: Some(FigureId::new("no-such-view")),
            condition: Some(ConditionId::new("sciatica")),
            selected: Some(PointCode::new("XX99")),
            plan: vec![PointCode::new("BL23"), PointCode::new("ZZ1")],
            ..Settings::default()
        };
        let s = Session::resume(&atlas, kept);
        assert_eq!(s.kept.figure, atlas.figures().first().map(|f| f.id.clone()));
        assert_eq!(s.kept.condition, Some(ConditionId::new("sciatica")));
        assert_eq!(s.kept.selected, None);
        assert_eq!(s.kept.plan, vec![PointCode::new("BL23")]);
    }

    #[test]
    fn the_visible_points_are_the_plan_for_a_patient_and_the_condition_otherwise() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        s.kept.plan = vec![PointCode::new("KI3"), PointCode::new("BL23")];
        let codes = |s: &Session| -> Vec<String> {
            s.visible_points(&atlas)
                .iter()
                .map(|p| p.code.to_string())
                .collect()
        };
        let condition = atlas
            .condition(&ConditionId::new("lower-back-pain"))
            .unwrap();
        assert_eq!(codes(&s).len(), condition.points.len());
        s.hidden_regions.insert(RegionId::new("hand"));
        assert!(!codes(&s).contains(&"LI4".to_owned()));
        s.mode = Mode::Patient;
        assert_eq!(codes(&s), ["KI3", "BL23"]);
    }
}
