//! Cited sources.

use super::ids::ReferenceId;
use serde::Deserialize;

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Reference {
    pub id: ReferenceId,
    pub authors: String,
    pub year: u16,
    pub title: String,
    /// Journal with volume and pages, publisher, or web site.
    pub venue: String,
    #[serde(default)]
    pub doi: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    /// What could not be checked (for example page numbers), said plainly.
    #[serde(default)]
    pub note: Option<String>,
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
