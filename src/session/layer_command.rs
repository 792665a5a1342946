//! The layer commands (channels, bones, nerves, direction of flow, the landmark steps): how they
//! change the session's switches, and what the switches put in the scene. No egui.

use super::effect::Effect;
use super::layer_state::LocationStep;
use super::mode::Mode;
use super::state::{Answer, Session};
use crate::model::{Atlas, ChannelId};
use crate::placement::runs::landmark_of;
use crate::scene::{ChannelFocus, Scene, SceneLayers, StepFocus};
use crate::study::QuestionKind;

/// What a layer control asks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LayerCommand {
    /// Every channel on, or all off.
    ToggleChannels,
    ToggleChannel(ChannelId),
    ToggleBones,
    ToggleNerves,
    ToggleFlow,
    /// Shows one step of locating the selected point (`None` shows none).
    ShowStep(Option<LocationStep>),
}

/// Applies a layer command to the session's switches for its current mode. Showing a step
/// brings the point into view; palpating frames it closely.
pub fn apply_layer(
    session: &mut Session,
    atlas: &Atlas,
    command: LayerCommand,
    effects: &mut Vec<Effect>,
) {
    let mode = session.mode;
    if let LayerCommand::ShowStep(step) = command {
        session.layers.step = step.and_then(|s| Some((session.kept.selected.clone()?, s)));
        match session.layers.step {
            Some((_, LocationStep::Palpate)) => effects.push(Effect::FrameSelection),
            Some(_) => effects.push(Effect::RevealSelection),
            None => {}
        }
        return;
    }
    let switches = session.layers.switches_mut(mode);
    match command {
        LayerCommand::ToggleChannels => {
            let on = !switches.any_channel();
            switches.all_channels = on;
            switches.channels.clear();
        }
        LayerCommand::ToggleChannel(id) => {
            if switches.all_channels {
                switches.all_channels = false;
                switches.channels = atlas.channels().iter().map(|c| c.id.clone()).collect();
            }
            if !switches.channels.remove(&id) {
                switches.channels.insert(id);
            }
            let every = atlas
                .channels()
                .iter()
                .all(|c| switches.channels.contains(&c.id));
            if every && !atlas.channels().is_empty() {
                switches.all_channels = true;
                switches.channels.clear();
            }
        }
        LayerCommand::ToggleBones => switches.bones = !switches.bones,
        LayerCommand::ToggleNerves => switches.nerves = !switches.nerves,
        LayerCommand::ToggleFlow => switches.flow = !switches.flow,
        LayerCommand::ShowStep(_) => {}
    }
}

impl Session {
    /// The landmark step shown for the selected point, if any.
    pub fn shown_step(&self) -> Option<LocationStep> {
        let (code, step) = self.layers.step.as_ref()?;
        (self.kept.selected.as_ref() == Some(code)).then_some(*step)
    }

    /// Puts the layers into a scene built for the current mode.
    pub(super) fn layer_scene(&self, atlas: &Atlas, scene: &mut Scene) {
        let mut layers = self.layers.switches(self.mode).scene_layers(atlas);
        let patient = self.mode == Mode::Patient;
        if !patient && let Some(condition) = &scene.condition {
            layers.structures = atlas
                .structures_shown_with(condition)
                .map(|s| s.id.clone())
                .collect();
        }
        let selected = scene.selected.as_ref().and_then(|c| atlas.point(c));
        if let Some(point) = selected
            && !patient
        {
            if let Some(channel) = atlas.channel_of(point) {
                layers.focus = Some(ChannelFocus {
                    channel: channel.id.clone(),
                    neighbours: channel
                        .neighbours(&point.code)
                        .into_iter()
                        .cloned()
                        .collect(),
                });
            }
            layers
                .structures
                .extend(atlas.structures_under(&point.code).map(|s| s.id.clone()));
            layers.step = match self.shown_step() {
                Some(LocationStep::Landmark) => atlas
                    .figure(&scene.figure)
                    .and_then(|f| landmark_of(&point.placement, f))
                    .map(StepFocus::Landmark),
                Some(LocationStep::Measure) => Some(StepFocus::Measure),
                Some(LocationStep::Palpate) => Some(StepFocus::Palpate),
                None => None,
            };
        }
        if self.mode == Mode::Study {
            self.study_layers(&mut layers);
        }
        // A lesson step's landmarks are drawn whatever the switches say.
        layers.bones |= scene.layers.bones;
        layers.named = std::mem::take(&mut scene.layers.named);
        scene.layers = layers;
    }

    /// Study gives nothing away before the answer: no channel runs through the point asked,
    /// and no bone is named while the question is which bone.
    fn study_layers(&self, layers: &mut SceneLayers) {
        let Some(question) = &self.study.question else {
            return;
        };
        let answered = self.study.answer.is_some();
        if !answered {
            layers.channels.clear();
            layers.focus = None;
            layers.structures.clear();
            if matches!(question.kind, QuestionKind::Landmark { .. }) {
                layers.bones = false;
            }
        }
        if answered
            && let (QuestionKind::Landmark { .. }, Some(Answer::Located(_))) =
                (&question.kind, &self.study.answer)
        {
            // The scene's landmark mark shows what was asked; the point's own landmark step
            // would name the bone again beside the point.
            layers.focus = None;
            layers.step = None;
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::load::load_builtin;
    use crate::model::PointCode;
    use crate::session::{Command, apply};
    use crate::store::Settings;

    fn layer(s: &mut Session, atlas: &Atlas, c: LayerCommand) {
        apply(s, atlas, Command::Layer(c), 0);
    }

    #[test]
    fn one_toggle_turns_every_channel_on_and_another_turns_one_off() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        layer(&mut s, &atlas, LayerCommand::ToggleChannels);
        let scene = s.scene(&atlas).unwrap();
        assert_eq!(scene.layers.channels.len(), atlas.channels().len());
        layer(
            &mut s,
            &atlas,
            LayerCommand::ToggleChannel(ChannelId::new("GB")),
        );
        let scene = s.scene(&atlas).unwrap();
        assert!(!scene.layers.channels.contains(&ChannelId::new("GB")));
        assert!(scene.layers.channels.contains(&ChannelId::new("BL")));
        layer(
            &mut s,
            &atlas,
            LayerCommand::ToggleChannel(ChannelId::new("GB")),
        );
        assert!(
            s.layers.shared.all_channels,
            "all again once every one is on"
        );
        layer(&mut s, &atlas, LayerCommand::ToggleChannels);
        assert!(s.scene(&atlas).unwrap().layers.channels.is_empty());
    }

    #[test]
    fn patient_mode_keeps_its_own_switches_off_until_asked() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        layer(&mut s, &atlas, LayerCommand::ToggleBones);
        assert!(s.scene(&atlas).unwrap().layers.bones);
        apply(&mut s, &atlas, Command::SetMode(Mode::Patient), 0);
        assert!(!s.scene(&atlas).unwrap().layers.bones);
        layer(&mut s, &atlas, LayerCommand::ToggleBones);
        assert!(s.scene(&atlas).unwrap().layers.bones);
    }

    #[test]
    fn selecting_a_point_focuses_its_channel_with_its_neighbours() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        apply(
            &mut s,
            &atlas,
            Command::SelectPoint(PointCode::new("BL40")),
            0,
        );
        let focus = s.scene(&atlas).unwrap().layers.focus.unwrap();
        assert_eq!(focus.channel.as_str(), "BL");
        assert!(focus.neighbours.contains(&PointCode::new("BL57")));
    }

    #[test]
    fn the_landmark_step_names_the_landmark_the_point_is_measured_from() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        apply(
            &mut s,
            &atlas,
            Command::SelectPoint(PointCode::new("BL25")),
            0,
        );
        layer(
            &mut s,
            &atlas,
            LayerCommand::ShowStep(Some(LocationStep::Landmark)),
        );
        let scene = s.scene(&atlas).unwrap();
        assert_eq!(
            scene.layers.step,
            Some(StepFocus::Landmark(crate::model::LandmarkId::new(
                "l4_spinous_lower"
            )))
        );
        apply(
            &mut s,
            &atlas,
            Command::SelectPoint(PointCode::new("BL23")),
            0,
        );
        assert_eq!(
            s.scene(&atlas).unwrap().layers.step,
            None,
            "the step was for BL25"
        );
    }

    #[test]
    fn sciatica_shows_the_sciatic_nerve_without_the_nerve_layer() {
        let atlas = load_builtin().unwrap();
        let mut s = Session::resume(&atlas, Settings::default());
        apply(
            &mut s,
            &atlas,
            Command::SetCondition(Some(crate::model::ConditionId::new("sciatica"))),
            0,
        );
        let scene = s.scene(&atlas).unwrap();
        assert!(!scene.layers.nerves);
        assert!(
            scene
                .layers
                .structures
                .iter()
                .any(|id| id.as_str() == "sciatic_nerve")
        );
    }
}
