//! Cited sources.

use super::ids::ReferenceId;
use super::text::{LongLine, Name, Prose, Title};
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: ReferenceId,
    pub authors: LongLine,
    pub year: u16,
    pub title: Title,
    /// Journal with volume and pages, publisher, or web site.
    pub venue: Title,
    #[serde(default)]
    pub doi: Option<Name>,
    #[serde(default)]
    pub url: Option<LongLine>,
    /// What could not be checked (for example page numbers), said plainly.
    #[serde(default)]
    pub note: Option<Prose>,
}

impl Reference {
    /// A one-line citation: authors (year). Title. Venue. doi.
    pub fn citation(&self) -> String {
        let mut s = format!(
            "{} ({}). {}. {}.",
            self.authors, self.year, self.title, self.venue
        );
        if let Some(doi) = &self.doi {
            s.push_str(" doi:");
            s.push_str(doi);
        }
        s
    }
}
