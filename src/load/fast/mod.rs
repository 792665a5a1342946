//! A fast path for reading atlas files. `ron` reads a character at a time and the limits scan
//! (`limits::check_text`) reads every file once more before it; together they were most of the
//! cost of loading. This reads the part of RON the atlas is written in, a byte at a time,
//! checking the same limits as it goes, in one pass.
//!
//! It is strict rather than complete: on anything it does not read exactly as `ron` would
//! (other syntax, a serde error such as an unknown field, a limit exceeded) it gives up, and
//! `parse::from_ron` reads the file the full way, which also words the problem. So whatever it
//! accepts must be accepted by `ron` with the same value; the tests hold it to that.

mod access;
mod cursor;
mod de;
#[cfg(test)]
mod differential;
mod error;
mod number;
#[cfg(test)]
mod tests;

use serde::de::DeserializeOwned;

/// The value in `text`, or `None` when the fast path does not read it (the full parser must).
pub fn from_str<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut de = de::Deserializer::new(text);
    de.cur.skip_trivia().ok()?;
    let value = T::deserialize(&mut de).ok()?;
    de.cur.skip_trivia().ok()?;
    de.cur.at_end().then_some(value)
}
