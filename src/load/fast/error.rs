//! The fast parser's one error: "not this way". Whatever went wrong (syntax it does not know,
//! a serde error, a limit), the caller falls back to the full parser, which says what it is;
//! so the error carries nothing and costs nothing to make.

use std::fmt;

/// The fast path declines this input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reject;

impl fmt::Display for Reject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("not read by the fast path")
    }
}

impl std::error::Error for Reject {}

impl serde::de::Error for Reject {
    fn custom<T: fmt::Display>(_message: T) -> Self {
        Reject
    }
}
