//! "Export view…" and "Export handout…" from the window: rendered on one background thread that
//! keeps its renderer between exports (the device and fonts are made once), saved to the
//! user's Pictures folder (or home) under a name that says what it is and never overwrites an
//! earlier export, with a notice saying where it went.

use crate::model::{Atlas, ConditionId, PointCode, is_plain_id};
use crate::render::{
    CAPTION_HEIGHT, DOTS_PER_METRE_300DPI, HandoutDetails, Paper, Picture, Renderer, ViewExport,
    handout_pdf, handout_png, png_bytes, render_handout_with_photo, render_view_with, today,
    view_pdf,
};
use crate::scene::SceneLayers;
use crate::store::{ExportFormat, PaperChoice};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, OnceLock};

/// What to export.
#[allow(
    clippy::large_enum_variant,
    reason = "one export at a time crosses to the export thread; boxing would buy nothing"
)]
pub enum ExportKind {
    View(Box<ViewExport>),
    Handout {
        plan: Vec<PointCode>,
        condition: Option<ConditionId>,
        practitioner: String,
        /// The open photo with the plan numbered on it, if one is open and marked.
        photo: Option<Box<crate::render::HandoutPhoto>>,
    },
}

/// The file an export writes: its format and paper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Output {
    pub format: ExportFormat,
    pub paper: PaperChoice,
}

impl Output {
    fn paper(self) -> Paper {
        match self.paper {
            PaperChoice::A4 => Paper::A4,
            PaperChoice::Letter => Paper::Letter,
        }
    }
}

/// An export under way; `poll` gives its outcome once.
pub struct ExportJob {
    id: u64,
    rx: Receiver<Result<PathBuf, String>>,
}

/// The folder exports go to: `~/Pictures/Acupoint Atlas`, else the home folder, else here.
pub fn export_dir() -> PathBuf {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    match home {
        Some(h) if h.join("Pictures").is_dir() => h.join("Pictures").join("Acupoint Atlas"),
        Some(h) => h.join("Acupoint Atlas"),
        None => PathBuf::from("."),
    }
}

/// Pixels per point of exported views: crisp on paper and on a projector.
const EXPORT_PIXELS_PER_POINT: f32 = 2.0;

/// One export for the worker: what to draw, and where to say how it went.
struct Request {
    atlas: Atlas,
    kind: ExportKind,
    output: Output,
    reply: Sender<Result<PathBuf, String>>,
    repaint: egui::Context,
}

impl Request {
    fn run(self, renderer: &mut Renderer) {
        let result = export(renderer, &self.atlas, &self.kind, self.output);
        let _ = self.reply.send(result);
        self.repaint.request_repaint();
    }
}

/// The export thread, started with the first export: it keeps one renderer for all of them.
fn worker() -> &'static Mutex<Sender<Request>> {
    static WORKER: OnceLock<Mutex<Sender<Request>>> = OnceLock::new();
    WORKER.get_or_init(|| {
        let (tx, rx) = channel::<Request>();
        std::thread::spawn(move || {
            let mut renderer = Renderer::new();
            for request in rx {
                request.run(&mut renderer);
            }
        });
        Mutex::new(tx)
    })
}

impl ExportJob {
    /// Starts rendering on the export thread (or a thread of its own if that one is gone).
    pub fn start(
        id: u64,
        atlas: Atlas,
        kind: ExportKind,
        output: Output,
        repaint: egui::Context,
    ) -> Self {
        let (reply, rx) = channel();
        let request = Request {
            atlas,
            kind,
            output,
            reply,
            repaint,
        };
        let refused = match worker().lock() {
            Ok(tx) => tx.send(request).err().map(|e| e.0),
            Err(_) => Some(request),
        };
        if let Some(request) = refused {
            std::thread::spawn(move || request.run(&mut Renderer::new()));
        }
        Self { id, rx }
    }

    /// The job's number (its notice's key).
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The outcome, once the thread has finished.
    pub fn poll(&self) -> Option<Result<PathBuf, String>> {
        self.rx.try_recv().ok()
    }
}

fn export(
    renderer: &mut Renderer,
    atlas: &Atlas,
    kind: &ExportKind,
    output: Output,
) -> Result<PathBuf, String> {
    let dir = export_dir();
    std::fs::create_dir_all(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let pdf = output.format == ExportFormat::Pdf;
    let (stem, bytes) = match kind {
        ExportKind::View(view) => {
            let mut name = match &view.scene.diagram {
                Some(d) => vec![safe(d.mechanism.as_str()), format!("step{}", d.step + 1)],
                None => vec![safe(view.scene.figure.as_str())],
            };
            if let Some(c) = &view.scene.condition {
                name.push(safe(c.as_str()));
            }
            if let Some(p) = &view.scene.selected {
                name.push(safe(p.as_str()));
            }
            name.push(stamp());
            (
                name.join("-"),
                view_bytes(renderer, atlas, view, output).map(|b| vec![b]),
            )
        }
        ExportKind::Handout {
            plan,
            condition,
            practitioner,
            photo,
        } => {
            let codes: Vec<String> = plan.iter().take(6).map(|c| safe(c.as_str())).collect();
            let more = if plan.len() > 6 { "-more" } else { "" };
            let details = HandoutDetails {
                condition: condition.clone(),
                date: today(),
                practitioner: practitioner.clone(),
                // The patient's sheet shows the points only, whatever layers the window shows.
                layers: SceneLayers::default(),
            };
            let paper = output.paper();
            let bytes = match (photo.as_deref(), pdf) {
                (photo, true) => {
                    handout_pdf(renderer, atlas, plan, &details, (paper, photo)).map(|b| vec![b])
                }
                (Some(photo), false) => {
                    render_handout_with_photo(renderer, atlas, plan, &details, paper, Some(photo))
                        .and_then(|pages| {
                            pages
                                .iter()
                                .map(|page| png_bytes(page, Some(DOTS_PER_METRE_300DPI)))
                                .collect()
                        })
                }
                (None, false) => handout_png(renderer, atlas, plan, &details, paper),
            };
            (
                format!("handout-{}-{}{more}", today(), codes.join("-")),
                bytes,
            )
        }
    };
    let files = bytes.map_err(|e| e.to_string())?;
    // A new name each time (`-2`, `-3`… when taken); the stem is plain and at most 64 long.
    let stem: String = stem.chars().take(crate::model::MAX_ID_CHARS - 6).collect();
    let ext = if pdf { "pdf" } else { "png" };
    let mut files = files.iter();
    let first = files.next().ok_or_else(|| "nothing was drawn".to_owned())?;
    let path = crate::output::write_new(&dir, &stem, ext, |w| w.write_all(first))
        .map_err(|e| e.to_string())?;
    // A PNG handout's further pages go beside the first, named after it (a PDF holds them all).
    let written = path
        .file_stem()
        .map_or_else(|| stem.clone(), |s| s.to_string_lossy().into_owned());
    for (k, page) in files.enumerate() {
        crate::output::write_new(&dir, &format!("{written}-page{}", k + 2), ext, |w| {
            w.write_all(page)
        })
        .map_err(|e| e.to_string())?;
    }
    Ok(path)
}

/// A view as a PDF on the chosen paper (turned as the canvas is), or as a PNG at twice the
/// canvas's size with its caption.
fn view_bytes(
    renderer: &mut Renderer,
    atlas: &Atlas,
    view: &ViewExport,
    output: Output,
) -> Result<Vec<u8>, crate::render::RenderError> {
    if output.format == ExportFormat::Pdf {
        let landscape = view.size_points.x > view.size_points.y;
        return view_pdf(
            renderer,
            atlas,
            &view.scene,
            view.framing,
            output.paper(),
            landscape,
        );
    }
    let ppp = EXPORT_PIXELS_PER_POINT;
    let picture = Picture {
        width: px(view.size_points.x * ppp),
        height: px((view.size_points.y + CAPTION_HEIGHT) * ppp),
        pixels_per_point: ppp,
        caption: true,
    };
    let image = render_view_with(renderer, atlas, &view.scene, view.framing, picture)?;
    png_bytes(&image, None)
}

fn px(points: f32) -> u32 {
    #[allow(
        clippy::cast_possible_truncation,
        clippy::cast_sign_loss,
        reason = "clamped to the exportable range first"
    )]
    let v = points.round().clamp(64.0, 8192.0) as u32;
    v
}

/// A piece of a file name built from atlas data: kept only when it is a plain id.
fn safe(id: &str) -> String {
    if is_plain_id(id) {
        id.to_owned()
    } else {
        "view".to_owned()
    }
}

/// Today's date and the time, as `2026-11-30-1405`.
fn stamp() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let minute_of_day = (secs % 86_400) / 60;
    format!(
        "{}-{:02}{:02}",
        today(),
        minute_of_day / 60,
        minute_of_day % 60
    )
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn names_built_from_data_are_plain_or_replaced() {
        assert_eq!(safe("posterior"), "posterior");
        assert_eq!(safe("../../tmp/x"), "view");
    }
}
