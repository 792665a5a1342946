//! Messages along the bottom of the window, each keyed by what it is about: a new notice
//! replaces the old one of its kind, news fades after a while, and an error stays until its
//! cause is gone or the user dismisses it.

use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a notice is about. One notice per key is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum NoticeKey {
    /// Loading or reloading the atlas folder.
    Reload,
    /// One export job, by its number.
    Export(u64),
    /// Reading or writing the settings file.
    Settings,
    /// The window's own remembered layout (eframe's state file).
    WindowState,
    /// Saved files moved into the one data folder.
    DataFolder,
    /// A request that could not be carried out (such as a handout of an empty plan).
    Request,
    /// Reading or writing the study history.
    StudyHistory,
}

/// How long news stays on screen; errors stay until dismissed or resolved.
pub const NEWS_LASTS: Duration = Duration::from_secs(12);
/// How long news of a file written stays, so there is time to open it.
pub const FILE_NEWS_LASTS: Duration = Duration::from_mins(1);

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: NoticeKey,
    pub text: String,
    pub error: bool,
    /// When it was posted, on the window's clock.
    pub since: Duration,
    /// A file it is about (an export), offered to open and to show in its folder.
    pub file: Option<PathBuf>,
}

/// The notices on screen, oldest first.
#[derive(Clone, Debug, Default)]
pub struct Notices {
    items: Vec<Notice>,
}

impl Notices {
    /// Posts news under `key`, replacing what was there.
    pub fn news(&mut self, key: NoticeKey, text: impl Into<String>, now: Duration) {
        self.set(key, text.into(), false, now);
    }

    /// Posts news of a file written, with "Open" and "Show in folder" beside it.
    pub fn saved(&mut self, key: NoticeKey, text: impl Into<String>, file: PathBuf, now: Duration) {
        self.set(key, text.into(), false, now);
        if let Some(last) = self.items.last_mut() {
            last.file = Some(file);
        }
    }

    /// Posts an error under `key`, replacing what was there.
    pub fn error(&mut self, key: NoticeKey, text: impl Into<String>, now: Duration) {
        self.set(key, text.into(), true, now);
    }

    fn set(&mut self, key: NoticeKey, text: String, error: bool, since: Duration) {
        self.items.retain(|n| n.key != key);
        self.items.push(Notice {
            key,
            text,
            error,
            since,
            file: None,
        });
    }

    /// Removes the notice of `key` (its cause is gone).
    pub fn clear(&mut self, key: NoticeKey) {
        self.items.retain(|n| n.key != key);
    }

    /// Drops news older than [`NEWS_LASTS`] ([`FILE_NEWS_LASTS`] for a file written);
    /// returns how long until the next one fades.
    pub fn expire(&mut self, now: Duration) -> Option<Duration> {
        let lasts = |n: &Notice| {
            if n.file.is_some() {
                FILE_NEWS_LASTS
            } else {
                NEWS_LASTS
            }
        };
        self.items
            .retain(|n| n.error || now.saturating_sub(n.since) < lasts(n));
        self.items
            .iter()
            .filter(|n| !n.error)
            .map(|n| (n.since + lasts(n)).saturating_sub(now))
            .min()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The notices over the bottom of the window, so the canvas never moves when one appears.
    pub fn overlay_ui(&mut self, ctx: &egui::Context) {
        if self.items.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("notices"))
            .anchor(egui::Align2::CENTER_BOTTOM, [0.0, -12.0])
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style()).show(ui, |ui| {
                    ui.set_max_width(ctx.content_rect().width() * 0.8);
                    self.bar_ui(ui);
                });
            });
    }

    /// The notices, each with a Dismiss button, and a written file's Open and Show in folder.
    pub fn bar_ui(&mut self, ui: &mut egui::Ui) {
        let mut dismiss = None;
        let mut failed = None;
        for notice in &self.items {
            ui.horizontal_wrapped(|ui| {
                if notice.error {
                    ui.colored_label(ui.visuals().error_fg_color, &notice.text);
                } else {
                    ui.label(&notice.text);
                }
                if let Some(file) = &notice.file
                    && let Err(why) = file_buttons_ui(ui, file)
                {
                    failed = Some((notice.key, why, notice.since));
                }
                if ui
                    .small_button("Dismiss")
                    .on_hover_text("Hide this message")
                    .clicked()
                {
                    dismiss = Some(notice.key);
                }
            });
        }
        if let Some(key) = dismiss {
            self.clear(key);
        }
        if let Some((key, why, since)) = failed {
            self.error(key, why, since);
        }
    }
}

/// "Open" (the file, in the desktop's program for it) and "Show in folder" (its folder).
fn file_buttons_ui(ui: &mut egui::Ui, file: &Path) -> Result<(), String> {
    if ui
        .small_button("Open")
        .on_hover_text("Open the file with the desktop's program for it")
        .clicked()
    {
        opener::open(file).map_err(|e| format!("Cannot open {}: {e}", file.display()))?;
    }
    if ui
        .small_button("Show in folder")
        .on_hover_text("Open the folder the file is in")
        .clicked()
    {
        let folder = file.parent().unwrap_or(Path::new("."));
        opener::open(folder).map_err(|e| format!("Cannot open {}: {e}", folder.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use egui_kittest::kittest::Queryable;

    #[test]
    fn a_notice_replaces_the_one_of_its_kind_and_leaves_the_others() {
        let mut n = Notices::default();
        let t = Duration::ZERO;
        for i in 0..100 {
            n.news(NoticeKey::Reload, format!("Reloaded {i}"), t);
        }
        n.news(NoticeKey::Export(1), "Exporting…", t);
        n.news(NoticeKey::Export(2), "Exporting…", t);
        n.news(NoticeKey::Export(1), "Saved one.png", t);
        let texts: Vec<&str> = n.iter().map(|x| x.text.as_str()).collect();
        assert_eq!(texts, ["Reloaded 99", "Exporting…", "Saved one.png"]);
    }

    #[test]
    fn a_saved_file_is_offered_to_open_and_to_show_in_its_folder() {
        let mut n = Notices::default();
        let file = std::path::PathBuf::from("/tmp/handout.pdf");
        n.saved(
            NoticeKey::Export(1),
            "Saved /tmp/handout.pdf",
            file.clone(),
            Duration::ZERO,
        );
        n.news(NoticeKey::Reload, "Reloaded", Duration::ZERO);
        let files: Vec<Option<&std::path::PathBuf>> = n.iter().map(|x| x.file.as_ref()).collect();
        assert_eq!(files, [Some(&file), None]);
        n.expire(Duration::from_secs(30));
        assert_eq!(n.iter().count(), 1, "the file's news outlasts the other");
        let mut h = egui_kittest::Harness::new_ui(|ui| n.clone().bar_ui(ui));
        h.run();
        assert!(h.query_by_label("Open").is_some());
        assert!(h.query_by_label("Show in folder").is_some());
    }

    #[test]
    fn news_fades_and_errors_stay() {
        let mut n = Notices::default();
        n.news(NoticeKey::Reload, "Reloaded", Duration::ZERO);
        n.error(NoticeKey::Settings, "Cannot save", Duration::ZERO);
        assert!(n.expire(Duration::from_secs(1)).is_some());
        n.expire(Duration::from_mins(1));
        let keys: Vec<NoticeKey> = n.iter().map(|x| x.key).collect();
        assert_eq!(keys, [NoticeKey::Settings]);
    }
}
