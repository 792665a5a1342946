//! Reads a settings file field by field, and entry by entry inside the plan and the progress,
//! so a damaged file loses only what is damaged: a theme that no longer exists resets the
//! theme alone, one bad progress entry loses that entry alone, and a file cut short (its final
//! `)` missing, or cut inside the progress) keeps every field and entry written before the cut.
//!
//! The text is split with the atlas's tolerant lexer ([`crate::load::Lexer`]), which never
//! fails and reads a file cut short to its end. Each field is then tried on its own, as a
//! settings file holding only it; one that does not read and is a struct is salvaged field by
//! field, a list or a map entry by entry (an entry is kept or left out whole). Nothing here
//! names a field of [`Settings`]: the fields it has are read from its own serialized defaults,
//! so fields added later are covered without more code. A field this version does not have
//! (written by a newer one) is kept as its text and written back by the next save.

use super::Settings;
use crate::load::{Lexer, Token};

/// Deepest nesting a settings file may have (it needs about 5).
pub const MAX_NESTING: usize = 32;

/// How deep salvage looks into a field that does not read: the settings, then the progress,
/// then its map of points, whose entries are kept or left out whole.
const MAX_SALVAGE_DEPTH: usize = 3;

/// The settings that could be read, and what could not (field names, and entries such as
/// `plan[3]` or `progress.points["BL40"]`), in the order they appear in the file.
pub struct Recovered {
    pub settings: Settings,
    pub reset: Vec<String>,
    /// Why the first thing left out could not be read, as `field: reason`.
    pub why: Option<String>,
    /// Whether the text ended before the settings' closing `)` (a file cut short).
    pub cut: bool,
}

/// Reads `text` field by field. Fails only when the text is not a set of fields at all.
pub fn read_fields(text: &str) -> Result<Recovered, String> {
    let tokens: Vec<(usize, Token<'_>)> = Lexer::new(text).collect();
    let items = top_level_items(&tokens, text).ok_or_else(|| {
        format!(
            "{}: not settings, which are written `(field: value, …)`",
            super::FILE_NAME
        )
    })?;
    let cut = !closes(&tokens);
    let known = known_fields();
    let mut salvage = Salvage::default();
    let mut kept: Vec<(&str, String)> = Vec::new();
    let mut unknown: Vec<(String, String)> = Vec::new();
    for item in items {
        let Some(name) = item.key else { continue };
        if kept.iter().any(|(n, _)| *n == name) || unknown.iter().any(|(n, _)| n == name) {
            continue; // a repeated field: the first one counts
        }
        if !known.iter().any(|k| k == name) {
            // A newer version's field: kept as written when it is whole.
            if item.whole {
                unknown.push((name.to_owned(), item.value.to_owned()));
            }
            continue;
        }
        let wrap = |v: &str| format!("({name}: {v}\n)");
        if let Some(value) = salvage.value(item.value, &wrap, name, 0) {
            kept.push((name, value));
        }
    }
    let together: String = kept
        .iter()
        .flat_map(|(n, v)| [*n, ": ", v.as_str(), "\n,"])
        .collect();
    let mut settings =
        parse(&format!("({together})")).map_err(|e| format!("{}: {e}", super::FILE_NAME))?;
    settings.unknown = unknown;
    Ok(Recovered {
        settings,
        reset: salvage.lost,
        why: salvage.why,
        cut,
    })
}

/// Appends fields a newer version wrote (kept as their text) to `text`, the serialized
/// settings `( … )`, so they outlive a save by this version.
pub fn with_unknown_fields(text: &str, unknown: &[(String, String)]) -> String {
    let body = text.trim_end();
    let Some(body) = body.strip_suffix(')') else {
        return text.to_owned();
    };
    let mut out = body.trim_end().to_owned();
    if !out.ends_with(',') && !out.ends_with('(') {
        out.push(',');
    }
    for (name, value) in unknown {
        for part in ["\n    ", name.as_str(), ": ", value.as_str(), "\n,"] {
            out.push_str(part);
        }
    }
    out.push_str("\n)\n");
    out
}

/// Whether the outermost bracket of the text is closed.
fn closes(tokens: &[(usize, Token<'_>)]) -> bool {
    let mut depth = 0usize;
    let mut opened = false;
    for (_, token) in tokens {
        match token {
            Token::Open(_) => {
                depth += 1;
                opened = true;
            }
            Token::Close(_) => {
                depth = depth.saturating_sub(1);
                if opened && depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
    }
    false
}

fn parse(text: &str) -> Result<Settings, String> {
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str::<Settings>(text)
        .map_err(|e| e.code.to_string())
}

/// The names of the fields `Settings` has, read from its serialized defaults.
fn known_fields() -> Vec<String> {
    let text = ron::to_string(&Settings::default()).unwrap_or_default();
    let tokens: Vec<(usize, Token<'_>)> = Lexer::new(&text).collect();
    top_level_items(&tokens, &text)
        .unwrap_or_default()
        .into_iter()
        .filter_map(|i| i.key.map(str::to_owned))
        .collect()
}

/// Tries values as they stand, then part by part, and notes what is left out.
#[derive(Default)]
struct Salvage {
    lost: Vec<String>,
    why: Option<String>,
}

impl Salvage {
    /// `value` as it stands when `wrap(value)` reads as settings; else what of it can be kept,
    /// or `None`. `path` names the value in what is reported lost.
    fn value(
        &mut self,
        value: &str,
        wrap: &dyn Fn(&str) -> String,
        path: &str,
        depth: usize,
    ) -> Option<String> {
        let Err(first_error) = parse(&wrap(value)) else {
            return Some(value.to_owned());
        };
        let lost_before = self.lost.len();
        let salvaged = if depth < MAX_SALVAGE_DEPTH {
            self.parts(value, wrap, path, depth)
        } else {
            None
        };
        match salvaged {
            Some(kept) if parse(&wrap(&kept)).is_ok() => Some(kept),
            _ => {
                // Nothing of it can be kept: the value is lost whole, not part by part.
                self.lost.truncate(lost_before);
                self.lose(path, &first_error);
                None
            }
        }
    }

    /// A struct salvaged field by field, a list or a map entry by entry; `None` for a value
    /// that has no parts.
    fn parts(
        &mut self,
        value: &str,
        wrap: &dyn Fn(&str) -> String,
        path: &str,
        depth: usize,
    ) -> Option<String> {
        let tokens: Vec<(usize, Token<'_>)> = Lexer::new(value).collect();
        let open = tokens
            .iter()
            .position(|(_, t)| !matches!(t, Token::Ident(_)))?;
        let (_, Token::Open(bracket)) = tokens.get(open)? else {
            return None;
        };
        let items = items_from(&tokens, open, value, *bracket == b'{');
        let mut kept = Vec::new();
        for (n, item) in items.iter().enumerate() {
            let part = match (*bracket, item.key) {
                (b'(', Some(key)) => {
                    let inner = |v: &str| wrap(&format!("({key}: {v}\n)"));
                    self.value(item.value, &inner, &format!("{path}.{key}"), depth + 1)
                        .map(|v| format!("{key}: {v}"))
                }
                (b'[', None) => self.entry(
                    &wrap(&format!("[{}\n]", item.value)),
                    item.value,
                    &format!("{path}[{}]", n + 1),
                ),
                (b'{', Some(key)) => self
                    .entry(
                        &wrap(&format!("{{{key}: {}\n}}", item.value)),
                        item.value,
                        &format!("{path}[{key}]"),
                    )
                    .map(|v| format!("{key}: {v}")),
                _ => return None,
            };
            kept.extend(part);
        }
        let (open, close) = match bracket {
            b'[' => ('[', ']'),
            b'{' => ('{', '}'),
            _ => ('(', ')'),
        };
        let inner: String = kept.iter().flat_map(|p| [p.as_str(), "\n,"]).collect();
        Some(format!("{open}{inner}{close}"))
    }

    /// One entry of a list or map, kept whole when `alone` (the settings holding only it) reads.
    fn entry(&mut self, alone: &str, value: &str, path: &str) -> Option<String> {
        match parse(alone) {
            Ok(_) => Some(value.to_owned()),
            Err(e) => {
                self.lose(path, &e);
                None
            }
        }
    }

    fn lose(&mut self, path: &str, why: &str) {
        self.why.get_or_insert_with(|| format!("{path}: {why}"));
        self.lost.push(path.to_owned());
    }
}

/// One item of a struct, list or map: its key (a field's name, a map's key as written; none
/// in a list), its value as written, and whether it ended before the text did.
struct Item<'a> {
    key: Option<&'a str>,
    value: &'a str,
    whole: bool,
}

/// The fields of the settings struct: `( … )`, named or not.
fn top_level_items<'a>(tokens: &[(usize, Token<'a>)], text: &'a str) -> Option<Vec<Item<'a>>> {
    let open = tokens
        .iter()
        .position(|(_, t)| !matches!(t, Token::Ident(_)))?;
    match tokens.get(open) {
        Some((_, Token::Open(b'('))) if open <= 1 => Some(items_from(tokens, open, text, false)),
        _ => None,
    }
}

/// The items of the bracket opened at `tokens[open]`, to its closing bracket or the end of the
/// text. In a struct (`(`) a key is the identifier before a colon; in a map (`map`) it is the
/// text before the colon.
fn items_from<'a>(
    tokens: &[(usize, Token<'a>)],
    open: usize,
    text: &'a str,
    map: bool,
) -> Vec<Item<'a>> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut start: Option<usize> = None;
    let mut colon: Option<usize> = None;
    let slice = |from: usize, to: usize| text.get(from..to).unwrap_or("").trim();
    let push = |items: &mut Vec<Item<'a>>, start, colon, end, whole| {
        let Some(start) = start else { return };
        let (key, value) = match colon {
            Some(c) => (Some(slice(start, c)), slice(c + 1, end)),
            None => (None, slice(start, end)),
        };
        let key = key.filter(|k| map || k.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_'));
        items.push(Item { key, value, whole });
    };
    for &(at, token) in tokens.iter().skip(open + 1) {
        match token {
            Token::Close(_) if depth == 0 => {
                push(&mut items, start, colon, at, true);
                return items;
            }
            Token::Comma if depth == 0 => {
                push(&mut items, start, colon, at, true);
                (start, colon) = (None, None);
                continue;
            }
            Token::Colon if depth == 0 && colon.is_none() => {
                colon = Some(at);
                continue;
            }
            Token::Open(_) => depth += 1,
            Token::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        start.get_or_insert(at);
    }
    // The text ended inside the bracket (a file cut short): the last item runs to its end,
    // and is not whole.
    push(&mut items, start, colon, text.len(), false);
    items
}
