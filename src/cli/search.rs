//! `acupoint-atlas search QUERY`: the points the window's search box finds, in the same order,
//! each with where it lies and the conditions that use it; as lines or as JSON.

use crate::model::Atlas;
use crate::search::{Summary, results};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct SearchJson {
    results: Vec<Summary>,
}

/// Prints the results of `query`; exit 1 when nothing matches (so scripts can tell).
pub fn run(
    atlas: &Atlas,
    query: &str,
    json: bool,
    out: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let found: Vec<Summary> = results(atlas, query).into_iter().map(|(_, s)| s).collect();
    let code = if found.is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    };
    if json {
        let text = serde_json::to_string_pretty(&SearchJson { results: found })
            .map_err(std::io::Error::other)?;
        writeln!(out, "{text}")?;
        return Ok(code);
    }
    if found.is_empty() {
        writeln!(out, "No point matches `{query}`.")?;
    }
    for s in &found {
        let used = if s.conditions.is_empty() {
            "no condition in this atlas".to_owned()
        } else {
            s.conditions.join(", ")
        };
        writeln!(out, "{}\t{}\t{}\t{}", s.code, s.name, s.place, used)?;
    }
    Ok(code)
}
