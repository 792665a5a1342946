//! `acupoint-atlas channels`: each channel's course on every figure it crosses, as a table or
//! as JSON polylines in the same coordinates as `points --json`.

use crate::model::Atlas;
use serde::Serialize;
use std::io::Write;

#[derive(Serialize)]
struct ChannelsJson<'a> {
    channels: Vec<ChannelJson<'a>>,
}

#[derive(Serialize)]
struct ChannelJson<'a> {
    id: &'a str,
    name: &'a str,
    figures: Vec<FigureJson<'a>>,
}

#[derive(Serialize)]
struct FigureJson<'a> {
    figure: &'a str,
    paths: Vec<Vec<[f64; 2]>>,
}

/// Four decimals, as `points --json` gives positions.
fn round(v: f32) -> f64 {
    (f64::from(v) * 10_000.0).round() / 10_000.0
}

fn document(atlas: &Atlas) -> ChannelsJson<'_> {
    ChannelsJson {
        channels: atlas
            .channels()
            .iter()
            .map(|c| ChannelJson {
                id: c.id.as_str(),
                name: &c.name,
                figures: atlas
                    .figures()
                    .iter()
                    .filter_map(|f| {
                        let paths: Vec<Vec<[f64; 2]>> = atlas
                            .channel_paths(&c.id, &f.id)
                            .map(|p| p.points.iter().map(|q| [round(q.x), round(q.y)]).collect())
                            .collect();
                        (!paths.is_empty()).then_some(FigureJson {
                            figure: f.id.as_str(),
                            paths,
                        })
                    })
                    .collect(),
            })
            .collect(),
    }
}

pub fn run(atlas: &Atlas, json: bool, out: &mut dyn Write) -> std::io::Result<()> {
    let doc = document(atlas);
    if json {
        serde_json::to_writer_pretty(&mut *out, &doc).map_err(std::io::Error::other)?;
        return writeln!(out);
    }
    let width = doc
        .channels
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    for c in &doc.channels {
        let figures: Vec<String> = c
            .figures
            .iter()
            .map(|f| format!("{}({})", f.figure, f.paths.len()))
            .collect();
        writeln!(out, "{:<4}{:<width$}  {}", c.id, c.name, figures.join(" "))?;
    }
    writeln!(out, "{} channels", doc.channels.len())
}
