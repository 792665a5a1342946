//! Typed identifiers: once an atlas is loaded, every id of these types is known to resolve.

use super::text::BoundedVisitor;
use serde::{Deserialize, Serialize};
use std::fmt;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[serde(transparent)]
        pub struct $name(String);

        /// Read as a string of at most [`MAX_ID_CHARS`] characters; whether it is plain and
        /// resolves is the loader's to check, with the id's place in the file.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_string(BoundedVisitor::<MAX_ID_CHARS>).map(Self)
            }
        }

        impl $name {
            /// Wraps a string as this kind of id. The loader checks that it resolves.
            pub fn new(id: impl Into<String>) -> Self {
                Self(id.into())
            }

            /// The id as written in the atlas files.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

id_type!(
    /// A WHO point code such as `BL23`, or an extra-point code such as `EX-UE7`.
    PointCode
);
id_type!(
    /// A region of the body, such as `lower-back` or `behind-knee`.
    RegionId
);
id_type!(
    /// A figure (one view of the body), such as `posterior`.
    FigureId
);
id_type!(
    /// A named anatomical landmark on a figure, such as `l2_spinous_lower`.
    LandmarkId
);
id_type!(
    /// A named span between two landmarks with its length in cun.
    SpanId
);
id_type!(
    /// A level of a point drawn as a row, such as `L4`, or a group of its levels, such as
    /// `lumbar` (the Jiaji points).
    LevelId
);
id_type!(
    /// A condition, such as `lower-back-pain`.
    ConditionId
);
id_type!(
    /// A proposed mechanism, such as `endogenous-opioids`.
    MechanismId
);
id_type!(
    /// A channel (meridian) by its WHO abbreviation, such as `BL`.
    ChannelId
);
id_type!(
    /// An anatomical structure drawn in a layer, such as `l4_spinous` or `sciatic_nerve`.
    StructureId
);
id_type!(
    /// A cited source, such as `cherkin2009`.
    ReferenceId
);

/// Longest id an atlas may use, in characters.
pub const MAX_ID_CHARS: usize = 64;

/// Whether `id` is plain: 1 to [`MAX_ID_CHARS`] ASCII letters, digits, `-` and `_`. The loader
/// refuses atlas ids that are not, so file names and paths built from ids can rely on it (no
/// `/`, no `..`, no spaces or control characters).
///
/// ```
/// use acupoint_atlas::model::is_plain_id;
/// assert!(is_plain_id("lower-back-pain") && is_plain_id("EX-UE7") && is_plain_id("l2_spinous"));
/// assert!(!is_plain_id("../../tmp/x") && !is_plain_id("") && !is_plain_id("two words"));
/// ```
pub fn is_plain_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_CHARS
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}
id_type!(
    /// A schematic drawn for mechanism diagrams, such as `nervous-system`.
    SchematicId
);
id_type!(
    /// A named part of a schematic, such as `dorsal-horn` or `pag`.
    PartId
);
id_type!(
    /// A lesson: the name of its file in the atlas's `lessons/` folder, without `.ron`.
    LessonId
);
