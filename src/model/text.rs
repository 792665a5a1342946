//! The atlas's text, with a bound on its length by what it holds: a name is a line, a title a
//! little more, prose a few paragraphs. The bound lives in the type, so a field added to the
//! atlas later is bounded by the type it is given, and a 7 MiB point name is refused as it is
//! read instead of taking the window to gigabytes when shown. Also: capitalising for headings.

use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Deref;

/// A string of at most `MAX` characters once read from a file (text made in code is not
/// checked: the program writes none that long).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Bounded<const MAX: usize>(String);

/// A name: a point's English name or pinyin, a landmark's, a region's, a heading.
pub type Name = Bounded<200>;
/// The title or venue of a reference, a lesson's or a diagram's title.
pub type Title = Bounded<400>;
/// An author list or a web address.
pub type LongLine = Bounded<1000>;
/// Prose: a summary, an explanation, a reason, a note.
pub type Prose = Bounded<4000>;

/// The text with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// The words a too-long string is refused with; the loader puts the field's name in place of
/// the first word (`` `english` is 1048576 characters long ``).
pub const TOO_LONG_SUBJECT: &str = "text";

impl<const MAX: usize> Bounded<MAX> {
    /// The most characters this kind of text may hold when read from a file.
    pub const MAX_CHARS: usize = MAX;

    /// Wraps text made by the program.
    pub fn new(text: impl Into<String>) -> Self {
        Self(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

/// The message a string of `chars` characters gets where at most `max` are allowed.
pub fn too_long(chars: usize, max: usize) -> String {
    format!("{TOO_LONG_SUBJECT} is {chars} characters long; at most {max} are allowed here")
}

/// Refuses `text` when it has more than `max` characters (bytes are counted first: they are
/// at least the characters, and cheaper).
pub fn check_len<E: de::Error>(text: &str, max: usize) -> Result<(), E> {
    if text.len() > max {
        let chars = text.chars().count();
        if chars > max {
            return Err(E::custom(too_long(chars, max)));
        }
    }
    Ok(())
}

impl<const MAX: usize> Deref for Bounded<MAX> {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> AsRef<str> for Bounded<MAX> {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl<const MAX: usize> fmt::Display for Bounded<MAX> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<const MAX: usize> From<&str> for Bounded<MAX> {
    fn from(text: &str) -> Self {
        Self(text.to_owned())
    }
}

impl<const MAX: usize> From<String> for Bounded<MAX> {
    fn from(text: String) -> Self {
        Self(text)
    }
}

impl<const MAX: usize> From<&Bounded<MAX>> for String {
    fn from(text: &Bounded<MAX>) -> Self {
        text.0.clone()
    }
}

impl<const MAX: usize> From<Bounded<MAX>> for String {
    fn from(text: Bounded<MAX>) -> Self {
        text.0
    }
}

impl<const MAX: usize> PartialEq<str> for Bounded<MAX> {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl<const MAX: usize> PartialEq<&str> for Bounded<MAX> {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl<const MAX: usize> PartialEq<String> for Bounded<MAX> {
    fn eq(&self, other: &String) -> bool {
        self.0 == *other
    }
}

impl<const MAX: usize> PartialEq<Bounded<MAX>> for String {
    fn eq(&self, other: &Bounded<MAX>) -> bool {
        *self == other.0
    }
}

impl<const MAX: usize> PartialEq<Bounded<MAX>> for &str {
    fn eq(&self, other: &Bounded<MAX>) -> bool {
        *self == other.0
    }
}

impl<const MAX: usize> Serialize for Bounded<MAX> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de, const MAX: usize> Deserialize<'de> for Bounded<MAX> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer
            .deserialize_string(BoundedVisitor::<MAX>)
            .map(Self)
    }
}

/// Reads a string of at most `MAX` characters, refusing a longer one before copying it.
pub struct BoundedVisitor<const MAX: usize>;

impl<const MAX: usize> Visitor<'_> for BoundedVisitor<MAX> {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a string of at most {MAX} characters")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<String, E> {
        check_len(text, MAX)?;
        Ok(text.to_owned())
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<String, E> {
        check_len(text.as_str(), MAX)?;
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_of_its_bound_reads_and_one_more_character_is_refused_with_the_count() {
        let ok: Name = ron::from_str(&format!("\"{}\"", "é".repeat(200))).unwrap();
        assert_eq!(ok.chars().count(), 200);
        let err = ron::from_str::<Name>(&format!("\"{}\"", "é".repeat(201))).unwrap_err();
        assert_eq!(
            err.code.to_string(),
            "text is 201 characters long; at most 200 are allowed here"
        );
    }

    #[test]
    fn bounded_text_serializes_as_a_plain_string() {
        let prose = Prose::new("a \"quoted\" word");
        assert_eq!(
            serde_json::to_string(&prose).unwrap(),
            "\"a \\\"quoted\\\" word\""
        );
        assert_eq!(&*prose, "a \"quoted\" word");
    }
}
