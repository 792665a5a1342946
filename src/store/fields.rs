//! Reads a settings file field by field, so one bad field (a theme that no longer exists, a
//! text scale written as a word) resets that field alone and the rest is kept.
//!
//! The file is first split into its top-level fields, each kept as its RON text. Each field is
//! then read on its own into [`Settings`] (whose missing fields take their defaults), and the
//! fields that read are read together. Nothing here names a field: fields added to `Settings`
//! later are covered without more code.

use super::Settings;
use ron::value::RawValue;
use serde::de::{Deserializer, MapAccess, Visitor};
use std::fmt;

/// Deepest nesting a settings file may have (it needs about 5).
pub const MAX_NESTING: usize = 32;

/// The settings that could be read, and the names of the fields that could not (reset to
/// their defaults), in the order they appear in the file.
pub struct Recovered {
    pub settings: Settings,
    pub reset: Vec<String>,
    /// Why the first reset field could not be read, as `field: reason`.
    pub why: Option<String>,
}

/// Reads `text` field by field. Fails only when the file is not a set of fields at all
/// (broken syntax); then nothing can be kept.
pub fn read_fields(text: &str) -> Result<Recovered, String> {
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);
    let fields: Fields = options
        .from_str(text)
        .map_err(|e| format!("{}:{}: {}", super::FILE_NAME, e.span.start, e.code))?;
    let mut good: Vec<(String, String)> = Vec::new();
    let mut reset = Vec::new();
    let mut why = None;
    for (name, raw) in fields.0 {
        if good.iter().any(|(n, _)| *n == name) || reset.contains(&name) {
            continue; // a repeated field: the first one counts
        }
        let alone = format!("({name}: {})", raw.get_ron());
        match options.from_str::<Settings>(&alone) {
            Ok(_) => good.push((name, raw.get_ron().to_owned())),
            Err(e) => {
                why.get_or_insert_with(|| format!("{name}: {}", e.code));
                reset.push(name);
            }
        }
    }
    let together = format!(
        "({})",
        good.iter()
            .map(|(n, raw)| format!("{n}: {raw}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let settings = options
        .from_str::<Settings>(&together)
        .map_err(|e| format!("{}: {}", super::FILE_NAME, e.code))?;
    Ok(Recovered {
        settings,
        reset,
        why,
    })
}

/// The top-level fields of a struct, each with its RON text.
struct Fields(Vec<(String, Box<RawValue>)>);

impl<'de> serde::Deserialize<'de> for Fields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldsVisitor;
        impl<'de> Visitor<'de> for FieldsVisitor {
            type Value = Fields;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("settings as `(field: value, …)`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Fields, A::Error> {
                let mut fields = Vec::new();
                while let Some(name) = map.next_key::<String>()? {
                    fields.push((name, map.next_value::<Box<RawValue>>()?));
                }
                Ok(Fields(fields))
            }
        }
        deserializer.deserialize_struct("Settings", &[], FieldsVisitor)
    }
}
