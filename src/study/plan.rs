//! A study plan: what a session asks about (a condition's points, a region, a channel, or the
//! weak points), which kinds of question, and how many.

use super::question::pool;
use super::question_kind::Kinds;
use super::schedule::Progress;
use crate::model::{Atlas, ChannelId, ConditionId, PointCode, RegionId};

/// The points a session asks about.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Deck {
    /// Every point of the condition shown (or of the atlas, with none).
    #[default]
    Condition,
    /// The condition's points in one region.
    Region(RegionId),
    /// Every point of one channel.
    Channel(ChannelId),
    /// The points last answered wrong.
    Weak,
}

/// How many questions a session asks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Length {
    #[default]
    Ten,
    Twenty,
    /// Until the trainee ends it.
    Open,
}

impl Length {
    pub const ALL: [Length; 3] = [Length::Ten, Length::Twenty, Length::Open];

    /// The number of questions, or `None` until stopped.
    pub fn count(self) -> Option<u32> {
        match self {
            Length::Ten => Some(10),
            Length::Twenty => Some(20),
            Length::Open => None,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Length::Ten => "10 questions",
            Length::Twenty => "20 questions",
            Length::Open => "Until I stop",
        }
    }
}

/// The whole plan of a session.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StudyPlan {
    pub deck: Deck,
    pub kinds: Kinds,
    pub length: Length,
}

/// The codes a deck holds, in the atlas's (or the condition's) order.
pub fn deck_pool(
    atlas: &Atlas,
    deck: &Deck,
    condition: Option<&ConditionId>,
    progress: &Progress,
) -> Vec<PointCode> {
    match deck {
        Deck::Condition => pool(atlas, condition, None),
        Deck::Region(region) => pool(atlas, condition, Some(region)),
        Deck::Channel(channel) => atlas
            .points()
            .iter()
            .filter(|p| atlas.channel_of(p).is_some_and(|c| &c.id == channel))
            .map(|p| p.code.clone())
            .collect(),
        Deck::Weak => atlas
            .points()
            .iter()
            .filter(|p| {
                progress
                    .points
                    .get(p.code.as_str())
                    .is_some_and(|q| q.level == 0)
            })
            .map(|p| p.code.clone())
            .collect(),
    }
}

/// A share as a whole percentage, rounded half up: 2 of 3 is 67, not 66.
pub fn percent(part: u32, whole: u32) -> u32 {
    if whole == 0 {
        return 0;
    }
    let (part, whole) = (u64::from(part), u64::from(whole));
    u32::try_from((200 * part + whole) / (2 * whole)).unwrap_or(100)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::load_builtin;
    use crate::study::{Grade, Kinds, Topic};

    #[test]
    fn percentages_are_rounded_not_cut() {
        assert_eq!(percent(2, 3), 67);
        assert_eq!(percent(6, 11), 55);
        assert_eq!(percent(1, 3), 33);
        assert_eq!(percent(1, 2), 50);
        assert_eq!(percent(0, 0), 0);
        assert_eq!(percent(7, 7), 100);
    }

    #[test]
    fn each_deck_holds_its_own_points() {
        let atlas = load_builtin().unwrap();
        let progress = Progress::default();
        let lbp = ConditionId::new("lower-back-pain");
        let all = deck_pool(&atlas, &Deck::Condition, Some(&lbp), &progress);
        assert!(all.len() > 10);
        let bl = deck_pool(
            &atlas,
            &Deck::Channel(ChannelId::new("BL")),
            Some(&lbp),
            &progress,
        );
        assert!(bl.iter().all(|c| c.as_str().starts_with("BL")), "{bl:?}");
        assert!(bl.iter().any(|c| c.as_str() == "BL40"));
        assert!(deck_pool(&atlas, &Deck::Weak, None, &progress).is_empty());
        let mut progress = Progress::default();
        progress.record("KI3", Grade::Wrong, 0);
        progress.record("BL40", Grade::Right, 0);
        let weak = deck_pool(&atlas, &Deck::Weak, None, &progress);
        assert_eq!(weak, [PointCode::new("KI3")]);
    }

    #[test]
    fn the_default_kinds_leave_out_what_the_screen_answers() {
        let kinds = Kinds::default();
        assert!(kinds.allows(Topic::Location) && kinds.allows(Topic::Landmark));
        assert!(!kinds.allows(Topic::Region) && !kinds.allows(Topic::Condition));
    }
}
