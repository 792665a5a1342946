//! Messages along the bottom of the window, each keyed by what it is about: a new notice
//! replaces the old one of its kind, news fades after a while, and an error stays until its
//! cause is gone or the user dismisses it.

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

#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub key: NoticeKey,
    pub text: String,
    pub error: bool,
    /// When it was posted, on the window's clock.
    pub since: Duration,
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
        });
    }

    /// Removes the notice of `key` (its cause is gone).
    pub fn clear(&mut self, key: NoticeKey) {
        self.items.retain(|n| n.key != key);
    }

    /// Drops news older than [`NEWS_LASTS`]; returns how long until the next one fades.
    pub fn expire(&mut self, now: Duration) -> Option<Duration> {
        self.items
            .retain(|n| n.error || now.saturating_sub(n.since) < NEWS_LASTS);
        self.items
            .iter()
            .filter(|n| !n.error)
            .map(|n| (n.since + NEWS_LASTS).saturating_sub(now))
            .min()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Notice> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The notices as a bar: each with a Dismiss button.
    pub fn bar_ui(&mut self, ui: &mut egui::Ui) {
        let mut dismiss = None;
        for notice in &self.items {
            ui.horizontal_wrapped(|ui| {
                if notice.error {
                    ui.colored_label(ui.visuals().error_fg_color, &notice.text);
                } else {
                    ui.label(&notice.text);
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
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
