//! Points: what a point is called, where it is (by rule over landmarks), how it is needled and
//! what makes it dangerous.

use super::ids::{LandmarkId, LevelId, PointCode, ReferenceId, RegionId, SpanId};
use super::text::{Name, Prose, capitalise};
use serde::{Deserialize, Deserializer};

/// The WHO meridian abbreviations, and `EX` for extra points.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[allow(
    clippy::upper_case_acronyms,
    reason = "the WHO abbreviations are the names"
)]
pub enum Meridian {
    LU,
    LI,
    ST,
    SP,
    HT,
    SI,
    BL,
    KI,
    PC,
    TE,
    GB,
    LR,
    GV,
    CV,
    EX,
}

impl Meridian {
    pub const ALL: [Meridian; 15] = [
        Meridian::LU,
        Meridian::LI,
        Meridian::ST,
        Meridian::SP,
        Meridian::HT,
        Meridian::SI,
        Meridian::BL,
        Meridian::KI,
        Meridian::PC,
        Meridian::TE,
        Meridian::GB,
        Meridian::LR,
        Meridian::GV,
        Meridian::CV,
        Meridian::EX,
    ];

    /// The abbreviation, as in point codes.
    pub fn abbreviation(self) -> &'static str {
        match self {
            Meridian::LU => "LU",
            Meridian::LI => "LI",
            Meridian::ST => "ST",
            Meridian::SP => "SP",
            Meridian::HT => "HT",
            Meridian::SI => "SI",
            Meridian::BL => "BL",
            Meridian::KI => "KI",
            Meridian::PC => "PC",
            Meridian::TE => "TE",
            Meridian::GB => "GB",
            Meridian::LR => "LR",
            Meridian::GV => "GV",
            Meridian::CV => "CV",
            Meridian::EX => "EX",
        }
    }

    /// The English name of the channel.
    pub fn name(self) -> &'static str {
        match self {
            Meridian::LU => "Lung",
            Meridian::LI => "Large Intestine",
            Meridian::ST => "Stomach",
            Meridian::SP => "Spleen",
            Meridian::HT => "Heart",
            Meridian::SI => "Small Intestine",
            Meridian::BL => "Bladder",
            Meridian::KI => "Kidney",
            Meridian::PC => "Pericardium",
            Meridian::TE => "Triple Energizer",
            Meridian::GB => "Gallbladder",
            Meridian::LR => "Liver",
            Meridian::GV => "Governor Vessel",
            Meridian::CV => "Conception Vessel",
            Meridian::EX => "Extra point",
        }
    }
}

/// Whether a point exists on both sides of the body or once on the midline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum Laterality {
    Bilateral,
    Midline,
}

/// How a point's position follows from a figure's landmarks. Never pixels.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub enum PlacementRule {
    /// Exactly at a landmark.
    At(LandmarkId),
    /// A `fraction` of the way from one landmark to another (0.5 is the midpoint).
    Between {
        from: LandmarkId,
        to: LandmarkId,
        fraction: f32,
    },
    /// Offset from a landmark by cun measured on the span `scale`: `across` away from the
    /// midline, `along` toward the feet (negative values go toward the midline or the head).
    Offset {
        from: LandmarkId,
        scale: SpanId,
        #[serde(default)]
        across: f32,
        #[serde(default)]
        along: f32,
    },
    /// The first of these rules that a figure can place (for a point measured differently on
    /// different views, such as SP6 from the knee on a whole leg and from the sole on a foot).
    OneOf(Vec<PlacementRule>),
}

/// The three steps of locating a point, in our own words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LocationSteps {
    /// The landmark to find first.
    pub landmark: Prose,
    /// What to measure from it, in cun.
    pub measure: Prose,
    /// What the finger feels for at the spot.
    pub palpate: Prose,
    /// The span the Measure step counts along where the placement rule names none (GV20 is
    /// placed at the vertex, but found 5 cun along the 12 from hairline to hairline); drawn on
    /// the figures that define it.
    #[serde(default)]
    pub ruler: Option<SpanId>,
}

/// Another location that some sources give.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alternative {
    pub text: Prose,
    pub sources: Vec<ReferenceId>,
}

/// The direction of insertion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub enum NeedleAngle {
    Perpendicular,
    Oblique,
    /// Along the skin (subcutaneous).
    Transverse,
}

impl NeedleAngle {
    pub fn name(self) -> &'static str {
        match self {
            NeedleAngle::Perpendicular => "perpendicular",
            NeedleAngle::Oblique => "oblique",
            NeedleAngle::Transverse => "transverse (along the skin)",
        }
    }
}

/// Needling depth and angle, given as information for trained practitioners.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Needling {
    /// The angle of insertion where the source gives one; written `angle: Oblique` in RON and
    /// left out where the textbook gives none (BL67: "superficially, 0.1 cun").
    #[serde(default, deserialize_with = "some_angle")]
    pub angle: Option<NeedleAngle>,
    /// Which way the needle points, in words, where the source says ("toward the spine").
    #[serde(default)]
    pub direction: Option<Prose>,
    /// Textbook depth range in cun, where a source gives one (the same number twice for one
    /// depth).
    #[serde(default)]
    pub depth_cun: Option<(f32, f32)>,
    pub note: Prose,
}

impl Needling {
    /// The one-line display text: "Perpendicular, 1–1.2 cun", "Oblique toward the spine,
    /// 0.5–0.7 cun", "0.1 cun" (no angle given), "Perpendicular; depth not given".
    ///
    /// ```
    /// use acupoint_atlas::model::{NeedleAngle, Needling};
    /// let n = Needling {
    ///     angle: Some(NeedleAngle::Oblique),
    ///     direction: Some("toward the spine".into()),
    ///     depth_cun: Some((0.5, 0.7)),
    ///     note: Default::default(),
    /// };
    /// assert_eq!(n.summary(), "Oblique toward the spine, 0.5–0.7 cun");
    /// let bl67 = Needling { angle: None, direction: None, depth_cun: Some((0.1, 0.1)), note: Default::default() };
    /// assert_eq!(bl67.summary(), "0.1 cun");
    /// ```
    pub fn summary(&self) -> String {
        let how = match (self.angle, self.direction.as_deref()) {
            (Some(angle), Some(direction)) => Some(format!("{} {direction}", angle.name())),
            (Some(angle), None) => Some(angle.name().to_owned()),
            (None, Some(direction)) => Some(direction.to_owned()),
            (None, None) => None,
        };
        let depth = self.depth_cun.map(|(lo, hi)| {
            if (hi - lo).abs() < f32::EPSILON {
                format!("{lo} cun")
            } else {
                format!("{lo}–{hi} cun")
            }
        });
        let text = match (how, depth) {
            (Some(how), Some(depth)) => format!("{how}, {depth}"),
            (None, Some(depth)) => depth,
            (Some(how), None) => format!("{how}; depth not given"),
            (None, None) => "angle and depth not given".to_owned(),
        };
        capitalise(&text)
    }
}

/// Reads `angle: Oblique` as `Some(Oblique)`, so authors write the angle plainly and leave the
/// field out where the textbook gives none.
fn some_angle<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NeedleAngle>, D::Error> {
    NeedleAngle::deserialize(d).map(Some)
}

/// A group of a point's levels that share one needling and one set of safety notes (the
/// thoracic and the lumbar Jiaji).
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelGroup {
    /// What a condition names to use every level of the group, such as `lumbar`.
    pub id: LevelId,
    /// A readable label, such as "Lumbar levels (L1–L5)".
    pub name: Name,
    /// Where these levels lie: their place name and colour when a condition uses them.
    pub region: RegionId,
    /// The level of each site, such as `L4`. The point's placement rules are its groups'
    /// levels in turn: the first group's first level is the first rule, and so on.
    pub levels: Vec<LevelId>,
    pub needling: Needling,
    /// Safety notes for these levels only; notes that hold at every level stay on the point.
    #[serde(default)]
    pub safety: Vec<SafetyNote>,
}

/// The kinds of danger a point is flagged for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
pub enum SafetyFlag {
    /// Traditionally avoided in pregnancy.
    Pregnancy,
    /// The lung lies close: pneumothorax.
    Lung,
    /// A major blood vessel lies close.
    Vessel,
    /// A major nerve lies close.
    Nerve,
    /// The spinal canal or medulla lies deep.
    Spine,
    /// An organ (kidney, bowel, bladder) lies deep.
    Organ,
}

impl SafetyFlag {
    pub const ALL: [SafetyFlag; 6] = [
        SafetyFlag::Pregnancy,
        SafetyFlag::Lung,
        SafetyFlag::Vessel,
        SafetyFlag::Nerve,
        SafetyFlag::Spine,
        SafetyFlag::Organ,
    ];

    /// The id used in JSON output.
    pub fn id(self) -> &'static str {
        match self {
            SafetyFlag::Pregnancy => "pregnancy",
            SafetyFlag::Lung => "lung",
            SafetyFlag::Vessel => "vessel",
            SafetyFlag::Nerve => "nerve",
            SafetyFlag::Spine => "spine",
            SafetyFlag::Organ => "organ",
        }
    }

    /// A short readable label for badges.
    pub fn label(self) -> &'static str {
        match self {
            SafetyFlag::Pregnancy => "Pregnancy",
            SafetyFlag::Lung => "Lung",
            SafetyFlag::Vessel => "Major vessel",
            SafetyFlag::Nerve => "Nerve",
            SafetyFlag::Spine => "Spinal canal",
            SafetyFlag::Organ => "Organ",
        }
    }
}

/// A safety flag with the reason in words.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SafetyNote {
    pub flag: SafetyFlag,
    pub reason: Prose,
}

/// One acupuncture point.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub code: PointCode,
    /// Pinyin with tone marks, such as `Shènshū`.
    pub pinyin: Name,
    /// Simplified characters.
    pub hanzi: Name,
    /// Traditional characters (the same as `hanzi` where they do not differ).
    pub hanzi_traditional: Name,
    pub english: Name,
    pub meridian: Meridian,
    pub regions: Vec<RegionId>,
    /// Where the point is in a patient's words, the heading of its card and handout entry ("just
    /// below the outside of your knee"); no two points share one. See `Atlas::place_name`.
    #[serde(default)]
    pub place: Option<Prose>,
    pub laterality: Laterality,
    /// Each rule is one site; a figure shows every site whose landmarks it defines.
    pub placement: Vec<PlacementRule>,
    /// For a point drawn as a row of levels (the Jiaji): its levels in groups that share
    /// needling and safety, one level per placement rule, in order. Empty for other points.
    #[serde(default)]
    pub levels: Vec<LevelGroup>,
    pub location: LocationSteps,
    #[serde(default)]
    pub alternatives: Vec<Alternative>,
    /// How the point is needled; for a point with level groups, what holds at every level
    /// (each group carries its own depth).
    pub needling: Needling,
    /// Safety flags with reasons that hold at every site; an empty list means no flag applies
    /// (level groups add their own).
    pub safety: Vec<SafetyNote>,
    /// One plain sentence for patients.
    pub patient_note: Prose,
    pub sources: Vec<ReferenceId>,
}

impl Point {
    /// Whether the point carries the flag at any site (on the point or in a level group).
    pub fn has_flag(&self, flag: SafetyFlag) -> bool {
        self.safety.iter().any(|s| s.flag == flag)
            || self
                .levels
                .iter()
                .any(|g| g.safety.iter().any(|s| s.flag == flag))
    }

    /// The needling headline: the point's own, or for a point with level groups each group's,
    /// labelled ("Thoracic levels (T1–T12): Perpendicular, 0.5–1 cun; Lumbar levels ...").
    pub fn needling_summary(&self) -> String {
        if self.levels.is_empty() {
            return self.needling.summary();
        }
        self.levels
            .iter()
            .map(|g| format!("{}: {}", g.name, g.needling.summary()))
            .collect::<Vec<_>>()
            .join("; ")
    }
}
