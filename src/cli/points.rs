//! `acupoint-atlas points`: every point with its positions, as a table or as JSON.

use crate::model::{Atlas, ConditionId, PlacedSite, Point, RegionId, SafetyFlag};
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct PointsJson<'a> {
    figures: Vec<FigureJson<'a>>,
    points: Vec<PointJson<'a>>,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    id: &'a str,
    title: &'a str,
    midline_x: Option<f64>,
    size: [f64; 2],
    landmarks: BTreeMap<&'a str, [f64; 2]>,
}

#[derive(Serialize)]
struct PointJson<'a> {
    code: &'a str,
    pinyin: &'a str,
    hanzi: &'a str,
    hanzi_traditional: &'a str,
    english: &'a str,
    meridian: &'a str,
    regions: Vec<&'a str>,
    flags: Vec<&'a str>,
    /// For a point drawn as a row of levels (the Jiaji): the levels listed, such as
    /// `["lumbar"]` for a condition that uses only those; every group without a condition.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    levels: Vec<&'a str>,
    conditions: Vec<ConditionJson<'a>>,
    positions: Vec<PositionJson<'a>>,
}

#[derive(Serialize)]
struct ConditionJson<'a> {
    id: &'a str,
    role: &'a str,
    reason: &'a str,
}

#[derive(Serialize)]
struct PositionJson<'a> {
    figure: &'a str,
    side: &'a str,
    /// The level of the site (`L4`) for a point drawn as a row of levels.
    #[serde(skip_serializing_if = "Option::is_none")]
    level: Option<&'a str>,
    x: f64,
    y: f64,
}

/// Four decimals: a ten-thousandth of a figure is far below a dot's size.
fn round(v: f32) -> f64 {
    (f64::from(v) * 10_000.0).round() / 10_000.0
}

/// The point's safety flags: with a condition, only those of the levels it uses (the lumbar
/// Jiaji carry no lung flag); without one, every flag.
fn flags(atlas: &Atlas, point: &Point, condition: Option<&ConditionId>) -> Vec<&'static str> {
    let notes = atlas.safety_for(&point.code, condition);
    SafetyFlag::ALL
        .into_iter()
        .filter(|f| notes.iter().any(|n| n.item.flag == *f))
        .map(SafetyFlag::id)
        .collect()
}

/// The sites of a point on every figure, only at the levels the condition uses.
fn sites<'a>(
    atlas: &'a Atlas,
    point: &Point,
    condition: Option<&ConditionId>,
) -> Vec<&'a PlacedSite> {
    let levels = atlas.levels_for(&point.code, condition);
    atlas
        .sites(&point.code)
        .iter()
        .filter(|s| point.rule_in_levels(s.rule, levels))
        .collect()
}

/// The point's regions: with a condition, for a point drawn as a row of levels, only the
/// regions of the levels it uses (the lumbar Jiaji lie in the lower back only).
fn regions<'a>(
    atlas: &'a Atlas,
    point: &'a Point,
    condition: Option<&ConditionId>,
) -> Vec<&'a str> {
    if condition.is_none() || point.levels.is_empty() {
        return point.regions.iter().map(RegionId::as_str).collect();
    }
    let mut out: Vec<&str> = Vec::new();
    for g in atlas.level_groups_for(&point.code, condition) {
        if !out.contains(&g.region.as_str()) {
            out.push(g.region.as_str());
        }
    }
    out
}

/// The level groups listed for a point: those the condition uses, or all of them.
fn level_ids<'a>(atlas: &'a Atlas, point: &Point, condition: Option<&ConditionId>) -> Vec<&'a str> {
    atlas
        .level_groups_for(&point.code, condition)
        .into_iter()
        .map(|g| g.id.as_str())
        .collect()
}

pub fn run(
    atlas: &Atlas,
    condition: Option<&str>,
    json: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitCode> {
    let mut chosen = None;
    if let Some(id) = condition {
        let Some(found) = atlas.conditions().iter().find(|c| c.id.as_str() == id) else {
            let known: Vec<_> = atlas.conditions().iter().map(|c| c.id.as_str()).collect();
            writeln!(
                err,
                "acupoint-atlas: unknown condition `{id}`; known: {}",
                known.join(", ")
            )?;
            return Ok(ExitCode::FAILURE);
        };
        chosen = Some(found);
    }
    let points = atlas.condition_points(chosen.map(|c| &c.id));
    if json {
        write_json(atlas, &points, chosen.map(|c| &c.id), out)?;
    } else {
        write_table(atlas, &points, chosen.map(|c| &c.id), out)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn write_json(
    atlas: &Atlas,
    points: &[&Point],
    condition: Option<&ConditionId>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let doc = PointsJson {
        figures: atlas
            .figures()
            .iter()
            .map(|f| FigureJson {
                id: f.id.as_str(),
                title: &f.title,
                midline_x: f.midline_x.map(round),
                size: [round(f.size.0), round(f.size.1)],
                landmarks: f
                    .landmarks
                    .iter()
                    .map(|l| (l.id.as_str(), [round(l.at.x), round(l.at.y)]))
                    .collect(),
            })
            .collect(),
        points: points
            .iter()
            .map(|p| point_json(atlas, p, condition))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
    writeln!(out)
}

fn point_json<'a>(
    atlas: &'a Atlas,
    p: &'a Point,
    condition: Option<&ConditionId>,
) -> PointJson<'a> {
    PointJson {
        code: p.code.as_str(),
        pinyin: &p.pinyin,
        hanzi: &p.hanzi,
        hanzi_traditional: &p.hanzi_traditional,
        english: &p.english,
        meridian: p.meridian.abbreviation(),
        regions: regions(atlas, p, condition),
        flags: flags(atlas, p, condition),
        levels: level_ids(atlas, p, condition),
        conditions: atlas
            .conditions_of(&p.code)
            .map(|(c, e)| ConditionJson {
                id: c.id.as_str(),
                role: e.role.id(),
                reason: &e.reason,
            })
            .collect(),
        positions: sites(atlas, p, condition)
            .into_iter()
            .map(|s| PositionJson {
                figure: s.figure.as_str(),
                side: s.side.id(),
                level: atlas.site_level(&p.code, s).map(|l| l.level.as_str()),
                x: round(s.at.x),
                y: round(s.at.y),
            })
            .collect(),
    }
}

fn write_table(
    atlas: &Atlas,
    points: &[&Point],
    condition: Option<&crate::model::ConditionId>,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let mut rows: Vec<[String; 7]> = vec![[
        "CODE".into(),
        "PINYIN".into(),
        "ENGLISH".into(),
        if condition.is_some() {
            "ROLE"
        } else {
            "MERIDIAN"
        }
        .into(),
        "REGIONS".into(),
        "FLAGS".into(),
        "FIGURES (sites)".into(),
    ]];
    for p in points {
        let fourth = match condition
            .and_then(|c| atlas.condition(c))
            .and_then(|c| c.entry(&p.code))
        {
            Some(entry) => entry.role.id().to_owned(),
            None => p.meridian.abbreviation().to_owned(),
        };
        let mut per_figure: Vec<(String, usize)> = Vec::new();
        for site in sites(atlas, p, condition) {
            match per_figure
                .iter_mut()
                .find(|(f, _)| f == site.figure.as_str())
            {
                Some((_, n)) => *n += 1,
                None => per_figure.push((site.figure.as_str().to_owned(), 1)),
            }
        }
        rows.push([
            p.code.to_string(),
            p.pinyin.to_string(),
            p.english.to_string(),
            fourth,
            regions(atlas, p, condition).join(","),
            flags(atlas, p, condition).join(","),
            per_figure
                .iter()
                .map(|(f, n)| format!("{f}({n})"))
                .collect::<Vec<_>>()
                .join(" "),
        ]);
    }
    let mut widths = [0usize; 7];
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    for row in &rows {
        let mut line = String::new();
        for (i, (cell, w)) in row.iter().zip(widths).enumerate() {
            line.push_str(cell);
            if i + 1 < row.len() {
                line.push_str(&" ".repeat(w - cell.chars().count() + 2));
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out, "{} points", points.len())
}
