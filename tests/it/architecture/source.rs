//! Reading one source file for the architecture tests: comments and literals blanked, test code
//! (`#[cfg(test)]` items) cut out while the code after it is kept, then the module paths it
//! names, in every form: `crate::`, `self::`, `super::super::`, a child module's name, and
//! grouped `use a::{b, c::{d, self}}` trees, in `use` lines and in code.

/// A token of blanked source: a name or one piece of punctuation (`::` counts as one).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Tok {
    Ident(String),
    Punct(&'static str),
    Other,
}

/// The code of a file with comments, strings and character literals replaced by spaces, so
/// that nothing inside them is read as code. Lifetimes are kept.
pub fn blank_literals(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let end = literal_end(&chars, i);
        if end > i {
            for c in &chars[i..end] {
                out.push(if *c == '\n' { '\n' } else { ' ' });
            }
            i = end;
        } else {
            out.push(chars[i]);
            i += 1;
        }
    }
    out
}

/// Where a comment or literal starting at `i` ends, or `i` when none starts there.
fn literal_end(c: &[char], i: usize) -> usize {
    let at = |k: usize| c.get(k).copied().unwrap_or('\0');
    let ident_before = i > 0 && (c[i - 1].is_alphanumeric() || c[i - 1] == '_');
    match (at(i), at(i + 1)) {
        ('/', '/') => (i..c.len()).find(|&k| c[k] == '\n').unwrap_or(c.len()),
        ('/', '*') => {
            let (mut depth, mut k) = (0, i);
            while k < c.len() {
                if at(k) == '/' && at(k + 1) == '*' {
                    depth += 1;
                    k += 2;
                } else if at(k) == '*' && at(k + 1) == '/' {
                    depth -= 1;
                    k += 2;
                    if depth == 0 {
                        return k;
                    }
                } else {
                    k += 1;
                }
            }
            c.len()
        }
        ('"', _) => quoted_end(c, i + 1, '"'),
        ('b', '"') if !ident_before => quoted_end(c, i + 2, '"'),
        ('b', '\'') if !ident_before => quoted_end(c, i + 2, '\''),
        ('r' | 'b', '#' | '"') if !ident_before => raw_end(c, i),
        ('\'', '\\') => quoted_end(c, i + 1, '\''),
        ('\'', _) if at(i + 2) == '\'' => i + 3,
        _ => i,
    }
}

/// The end of a quoted literal whose text starts at `k`, honouring backslash escapes.
fn quoted_end(c: &[char], mut k: usize, quote: char) -> usize {
    while k < c.len() {
        match c[k] {
            '\\' => k += 2,
            x if x == quote => return k + 1,
            _ => k += 1,
        }
    }
    c.len()
}

/// The end of a raw string `r#".."#` (or `br".."`) starting at `i`; `i` if it is not one.
fn raw_end(c: &[char], i: usize) -> usize {
    let mut k = i + 1;
    if c.get(i) == Some(&'b') {
        if c.get(k) != Some(&'r') {
            return i;
        }
        k += 1;
    }
    let hashes = c[k..].iter().take_while(|&&x| x == '#').count();
    k += hashes;
    if c.get(k) != Some(&'"') {
        return i;
    }
    k += 1;
    while k < c.len() {
        if c[k] == '"'
            && c[k + 1..]
                .iter()
                .take(hashes)
                .filter(|&&x| x == '#')
                .count()
                == hashes
        {
            return k + 1 + hashes;
        }
        k += 1;
    }
    c.len()
}

/// Blanked code split into tokens.
pub fn tokens(code: &str) -> Vec<Tok> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphabetic() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            let word: String = chars[start..i].iter().collect();
            // `r#name` is the name.
            if word == "r" && chars.get(i) == Some(&'#') {
                i += 1;
                continue;
            }
            out.push(Tok::Ident(word));
            continue;
        }
        i += 1;
        out.push(match c {
            ':' if chars.get(i) == Some(&':') => {
                i += 1;
                Tok::Punct("::")
            }
            '{' => Tok::Punct("{"),
            '}' => Tok::Punct("}"),
            '(' => Tok::Punct("("),
            ')' => Tok::Punct(")"),
            '[' => Tok::Punct("["),
            ']' => Tok::Punct("]"),
            ',' => Tok::Punct(","),
            ';' => Tok::Punct(";"),
            '*' => Tok::Punct("*"),
            '#' => Tok::Punct("#"),
            c if c.is_whitespace() => continue,
            _ => Tok::Other,
        });
    }
    out
}

fn is(t: Option<&Tok>, p: &str) -> bool {
    matches!(t, Some(Tok::Punct(q)) if *q == p)
}

fn ident(t: Option<&Tok>) -> Option<&str> {
    match t {
        Some(Tok::Ident(s)) => Some(s),
        _ => None,
    }
}

/// The index after the bracketed group opening at `i` (`{`, `(` or `[`).
fn close_of(toks: &[Tok], i: usize) -> usize {
    let mut depth = 0usize;
    for (k, t) in toks.iter().enumerate().skip(i) {
        match t {
            Tok::Punct("{" | "(" | "[") => depth += 1,
            Tok::Punct("}" | ")" | "]") => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return k + 1;
                }
            }
            _ => {}
        }
    }
    toks.len()
}

/// The tokens of a file without its test code: each item marked `#[cfg(test)]` (a `mod tests
/// { .. }` block, a `mod tests;` line, a test helper) is cut out, and reading goes on after it.
/// A test-only module file (`#[cfg(test)] mod name;`) is thereby never read.
pub fn without_tests(toks: &[Tok]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !is_cfg_test(toks, i) {
            out.push(toks[i].clone());
            i += 1;
            continue;
        }
        // Skip this and any further attributes, then the item up to its `;` or its block.
        let mut k = i;
        while is(toks.get(k), "#") && is(toks.get(k + 1), "[") {
            k = close_of(toks, k + 1);
        }
        if ident(toks.get(k)) == Some("pub") && is(toks.get(k + 1), "(") {
            k = close_of(toks, k + 1);
        }
        while k < toks.len() && !is(toks.get(k), ";") && !is(toks.get(k), "{") {
            k = if is(toks.get(k), "(") || is(toks.get(k), "[") {
                close_of(toks, k)
            } else {
                k + 1
            };
        }
        i = if is(toks.get(k), "{") {
            close_of(toks, k)
        } else {
            k + 1
        };
    }
    out
}

/// Whether the tokens at `i` are `#[cfg(test)]` or `#[cfg(all(test, ..))]`.
fn is_cfg_test(toks: &[Tok], i: usize) -> bool {
    let word = |k: usize| ident(toks.get(i + k));
    is(toks.get(i), "#")
        && is(toks.get(i + 1), "[")
        && word(2) == Some("cfg")
        && is(toks.get(i + 3), "(")
        && (word(4) == Some("test") && is(toks.get(i + 5), ")")
            || word(4) == Some("all") && is(toks.get(i + 5), "(") && word(6) == Some("test"))
}

/// The modules a file declares with `mod name;` (its test code already cut out).
pub fn declared_mods(toks: &[Tok]) -> Vec<String> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if *t == Tok::Ident("mod".into())
            && is(toks.get(i + 2), ";")
            && let Some(name) = ident(toks.get(i + 1))
        {
            out.push(name.to_owned());
        }
    }
    out
}

/// A path as written (`super::point::Point`), and the name it is known by after a `use`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub segments: Vec<String>,
    pub alias: Option<String>,
}

/// The paths a file names, split into re-exports (`pub use`: signposts that lead elsewhere)
/// and uses (every other `use` tree and every path in code). `starts` says which first names
/// begin a path into this crate: `crate`, `self`, `super` and the file's own child modules.
pub fn paths(toks: &[Tok], starts: &dyn Fn(&str) -> bool) -> (Vec<Named>, Vec<Named>) {
    let (mut reexports, mut uses) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < toks.len() {
        let word = ident(toks.get(i));
        if word == Some("use") {
            let public =
                i > 0 && (ident(toks.get(i - 1)) == Some("pub") || is(toks.get(i - 1), ")"));
            let mut found = Vec::new();
            i = use_tree(toks, i + 1, &[], &mut found);
            let found = found.into_iter().filter(|n| starts(&n.segments[0]));
            if public {
                reexports.extend(found);
            } else {
                uses.extend(found);
            }
            continue;
        }
        let path_start = !(i > 0 && is(toks.get(i - 1), "::"));
        if let Some(w) = word.filter(|w| path_start && starts(w) && is(toks.get(i + 1), "::")) {
            let mut segments = vec![w.to_owned()];
            let mut k = i + 1;
            while is(toks.get(k), "::") {
                let Some(next) = ident(toks.get(k + 1)) else {
                    break;
                };
                segments.push(next.to_owned());
                k += 2;
            }
            uses.push(Named {
                segments,
                alias: None,
            });
            i = k;
            continue;
        }
        i += 1;
    }
    (reexports, uses)
}

/// Reads a `use` tree starting at `i` under `prefix`; returns the index after it.
fn use_tree(toks: &[Tok], mut i: usize, prefix: &[String], found: &mut Vec<Named>) -> usize {
    let mut segments = prefix.to_vec();
    if is(toks.get(i), "::") {
        i += 1;
    }
    loop {
        if is(toks.get(i), "{") {
            i += 1;
            while !is(toks.get(i), "}") && i < toks.len() {
                i = use_tree(toks, i, &segments, found);
                if is(toks.get(i), ",") {
                    i += 1;
                }
            }
            return i + 1;
        }
        if is(toks.get(i), "*") {
            found.push(Named {
                segments,
                alias: None,
            });
            return i + 1;
        }
        let Some(name) = ident(toks.get(i)) else {
            return i;
        };
        // `{self, ..}` names the module the group is in.
        if name != "self" || segments.is_empty() {
            segments.push(name.to_owned());
        }
        i += 1;
        if is(toks.get(i), "::") {
            i += 1;
            continue;
        }
        let alias = (ident(toks.get(i)) == Some("as"))
            .then(|| ident(toks.get(i + 1)).map(str::to_owned))
            .flatten();
        if alias.is_some() {
            i += 2;
        }
        if !segments.is_empty() {
            found.push(Named { segments, alias });
        }
        return i;
    }
}
