//! The crate as a graph of files: the module tree read from `src/lib.rs` down through its `mod`
//! lines (test-only modules left out), each path a file names resolved to the file that
//! defines the item (through `pub use` signposts), and the circles in that graph.

use super::source::{self, Named, Tok};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// One file of the crate.
pub struct File {
    /// The path under `src/`, such as `load/check/layer_jobs.rs`.
    pub rel: String,
    /// The file's tokens without test code.
    pub toks: Vec<Tok>,
    /// The child modules it declares (not test-only ones).
    pub children: BTreeSet<String>,
    reexports: Vec<Named>,
    uses: Vec<Named>,
}

/// Every file of the crate, by module path (`[]` is `lib.rs`).
pub struct Crate {
    pub files: BTreeMap<Vec<String>, File>,
}

/// A use of one file by another, with the first path that made it, as written.
pub type Edges = BTreeMap<(String, String), String>;

impl Crate {
    /// Reads the crate whose root is `src/lib.rs`.
    pub fn read(src: &Path) -> Self {
        let mut files = BTreeMap::new();
        read_module(&src.join("lib.rs"), src, &[], true, &mut files);
        Self { files }
    }

    /// Reads the crate from given texts: `(module path joined by '/', text)`, where `""` is the
    /// root. For the scanner's own tests.
    pub fn from_texts(texts: &[(&str, &str)]) -> Self {
        let mut files = BTreeMap::new();
        for (module, text) in texts {
            let path: Vec<String> = module
                .split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect();
            files.insert(path, parse_file(format!("{module}.rs"), text));
        }
        Self { files }
    }

    /// Every use of one file by another: `(from, to) -> the first path that made it`.
    pub fn edges(&self) -> Edges {
        let mut out = Edges::new();
        for (module, file) in &self.files {
            for named in &file.uses {
                let Some(target) = self.resolve(module, &named.segments, 0) else {
                    continue;
                };
                let to = &self.files[&target].rel;
                if *to != file.rel {
                    out.entry((file.rel.clone(), to.clone()))
                        .or_insert_with(|| named.segments.join("::"));
                }
            }
        }
        out
    }

    /// The module whose file defines what `segments`, named in `from`, refers to; `None` for
    /// a path out of the crate.
    fn resolve(&self, from: &[String], segments: &[String], depth: usize) -> Option<Vec<String>> {
        let mut cur: Vec<String> = from.to_vec();
        let mut rest = segments;
        match segments.first().map(String::as_str) {
            Some("crate") => {
                cur.clear();
                rest = &segments[1..];
            }
            Some("self") => rest = &segments[1..],
            _ => {}
        }
        for seg in rest {
            if seg == "super" {
                cur.pop()?;
                continue;
            }
            if seg == "self" {
                continue;
            }
            let mut next = cur.clone();
            next.push(seg.clone());
            if self.files.contains_key(&next) {
                cur = next;
                continue;
            }
            // An item of `cur`: follow a re-export of that name, else `cur` defines it.
            return Some(self.follow(&cur, seg, depth).unwrap_or(cur));
        }
        self.files.contains_key(&cur).then_some(cur)
    }

    /// Where a module's `pub use` of `name` leads, if it has one.
    fn follow(&self, module: &[String], name: &str, depth: usize) -> Option<Vec<String>> {
        if depth > 8 {
            return None;
        }
        let file = self.files.get(module)?;
        let named = file
            .reexports
            .iter()
            .find(|n| n.alias.as_deref().or(n.segments.last().map(String::as_str)) == Some(name))?;
        self.resolve(module, &named.segments, depth + 1)
    }
}

fn read_module(
    file: &Path,
    src: &Path,
    module: &[String],
    mod_rs: bool,
    out: &mut BTreeMap<Vec<String>, File>,
) {
    let text = std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
    let rel = file
        .strip_prefix(src)
        .unwrap()
        .to_string_lossy()
        .into_owned();
    let parsed = parse_file(rel, &text);
    let dir: PathBuf = if mod_rs {
        file.parent().unwrap().to_owned()
    } else {
        file.with_extension("")
    };
    let children = parsed.children.clone();
    out.insert(module.to_vec(), parsed);
    for child in children {
        let mut path = module.to_vec();
        path.push(child.clone());
        let single = dir.join(format!("{child}.rs"));
        if single.is_file() {
            read_module(&single, src, &path, false, out);
        } else {
            read_module(&dir.join(&child).join("mod.rs"), src, &path, true, out);
        }
    }
}

fn parse_file(rel: String, text: &str) -> File {
    let all = source::tokens(&source::blank_literals(text));
    let toks = source::without_tests(&all);
    let children: BTreeSet<String> = source::declared_mods(&toks).into_iter().collect();
    let starts = |w: &str| ["crate", "self", "super"].contains(&w) || children.contains(w);
    let (reexports, uses) = source::paths(&toks, &starts);
    File {
        rel,
        toks,
        children,
        reexports,
        uses,
    }
}

/// The groups of files that use each other in a circle (strongly connected, two or more
/// files), each sorted, found by Tarjan's algorithm.
pub fn circles(edges: &Edges) -> Vec<Vec<String>> {
    let mut next: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for (from, to) in edges.keys() {
        next.entry(from).or_default().push(to);
        next.entry(to).or_default();
    }
    let mut t = Tarjan {
        next: &next,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on_stack: BTreeSet::new(),
        out: Vec::new(),
    };
    for node in next.keys() {
        if !t.index.contains_key(node) {
            t.visit(node);
        }
    }
    let mut out: Vec<Vec<String>> = t
        .out
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut c: Vec<String> = c.into_iter().map(str::to_owned).collect();
            c.sort();
            c
        })
        .collect();
    out.sort();
    out
}

struct Tarjan<'a> {
    next: &'a BTreeMap<&'a str, Vec<&'a str>>,
    index: BTreeMap<&'a str, usize>,
    low: BTreeMap<&'a str, usize>,
    stack: Vec<&'a str>,
    on_stack: BTreeSet<&'a str>,
    out: Vec<Vec<&'a str>>,
}

impl<'a> Tarjan<'a> {
    fn visit(&mut self, v: &'a str) {
        let n = self.index.len();
        self.index.insert(v, n);
        self.low.insert(v, n);
        self.stack.push(v);
        self.on_stack.insert(v);
        for &w in &self.next[v] {
            if !self.index.contains_key(w) {
                self.visit(w);
                let low = self.low[v].min(self.low[w]);
                self.low.insert(v, low);
            } else if self.on_stack.contains(w) {
                let low = self.low[v].min(self.index[w]);
                self.low.insert(v, low);
            }
        }
        if self.low[v] == self.index[v] {
            let mut group = Vec::new();
            while let Some(w) = self.stack.pop() {
                self.on_stack.remove(w);
                group.push(w);
                if w == v {
                    break;
                }
            }
            self.out.push(group);
        }
    }
}

/// A shortest loop from the first file of a circle back to itself, within the circle.
pub fn a_loop(circle: &[String], edges: &Edges) -> Vec<String> {
    let inside: BTreeSet<&str> = circle.iter().map(String::as_str).collect();
    let start = circle[0].as_str();
    let mut came_from: BTreeMap<&str, &str> = BTreeMap::new();
    let mut queue = std::collections::VecDeque::from([start]);
    while let Some(v) = queue.pop_front() {
        for (from, to) in edges.keys() {
            if from != v || !inside.contains(to.as_str()) {
                continue;
            }
            if to == start {
                let mut path = vec![start.to_owned()];
                let mut at = v;
                while at != start {
                    path.push(at.to_owned());
                    at = came_from[at];
                }
                path.push(start.to_owned());
                path.reverse();
                return path;
            }
            if !came_from.contains_key(to.as_str()) {
                came_from.insert(to, v);
                queue.push_back(to);
            }
        }
    }
    Vec::new()
}
