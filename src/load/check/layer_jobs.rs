//! The checks of the layers (channel courses and anatomical structures) as jobs on the
//! machine's cores: the ids of both, then each channel, then each structure, each checked in
//! the shared context (`course_context.rs`).

use super::Reporter;
use super::course_context::Context;
use crate::load::diagnostic::Diagnostic;
use crate::load::parse::Origins;
use crate::load::source::SourceFile;
use crate::load::unread::Unread;
use crate::model::{AtlasParts, PlacedLayers, PlacedPath};
use crate::placement::FigureIndex;

/// The checks of the channels and the structures, as jobs that threads can share: the ids of
/// both, then each channel, then each structure. Each job returns the curves of its item on
/// every figure and its problems, which count only once everything else has checked clean (so
/// the points and landmarks they name are sound, and no file is unread).
pub struct LayerJobs<'a> {
    files: &'a [SourceFile],
    origins: &'a Origins,
    context: Context<'a>,
    unread: Unread,
}

/// What one job found: its item's curves, and its problems.
pub type LayerDone = (Vec<PlacedPath>, Vec<Diagnostic>);

impl<'a> LayerJobs<'a> {
    pub fn new(
        files: &'a [SourceFile],
        parts: &'a AtlasParts,
        figures: &'a [FigureIndex<'a>],
        origins: &'a Origins,
    ) -> Self {
        Self {
            files,
            origins,
            context: Context::new(parts, figures),
            unread: Unread::default(),
        }
    }

    pub fn count(&self) -> usize {
        1 + self.context.parts.channels.len() + self.context.parts.structures.len()
    }

    pub fn run(&self, job: usize) -> LayerDone {
        let mut rep = Reporter::new(self.files, &self.unread);
        let (parts, origins) = (self.context.parts, self.origins);
        let channels = parts.channels.len();
        let paths = if job == 0 {
            super::channels::check_channel_ids(&mut rep, &self.context, origins);
            super::anatomy::check_structure_ids(&mut rep, &self.context, origins);
            Vec::new()
        } else if job <= channels {
            let at = job - 1;
            match (parts.channels.get(at), origins.channels.get(at)) {
                (Some(c), Some(o)) => super::channels::check_channel(&mut rep, &self.context, c, o),
                _ => Vec::new(),
            }
        } else {
            let at = job - 1 - channels;
            match (parts.structures.get(at), origins.structures.get(at)) {
                (Some(s), Some(o)) => {
                    super::anatomy::check_structure(&mut rep, &self.context, s, o)
                }
                _ => Vec::new(),
            }
        };
        (paths, rep.into_problems())
    }

    /// The curves of every channel and structure, in order, and all the problems, from the
    /// results of every job in order.
    pub fn finish(&self, done: Vec<LayerDone>) -> (PlacedLayers, Vec<Diagnostic>) {
        let channels = self.context.parts.channels.len();
        let mut problems = Vec::new();
        let mut curves = Vec::with_capacity(done.len());
        for (paths, more) in done {
            curves.push(paths);
            problems.extend(more);
        }
        let mut items = curves.into_iter().skip(1);
        let channels: Vec<Vec<PlacedPath>> = items.by_ref().take(channels).collect();
        let structures: Vec<Vec<PlacedPath>> = items.collect();
        (
            PlacedLayers {
                channels,
                structures,
            },
            problems,
        )
    }
}
