//! Embeds the default atlas (every `.ron` file under `atlas/`) into the binary.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("atlas");
    println!("cargo:rerun-if-changed=atlas");
    let mut rels = Vec::new();
    collect(&root, &root, &mut rels);
    rels.sort();
    let mut out = String::from("/// Every file of the default atlas: path below `atlas/`, text.\n");
    out.push_str("pub const FILES: &[(&str, &str)] = &[\n");
    for rel in &rels {
        println!("cargo:rerun-if-changed=atlas/{rel}");
        let full = root.join(rel);
        let _ = writeln!(
            out,
            "    ({rel:?}, include_str!({:?})),",
            full.display().to_string()
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()))
        .join("builtin_atlas.rs");
    if let Err(e) = std::fs::write(&dest, out) {
        println!("cargo:warning=cannot write {}: {e}", dest.display());
    }
}

fn collect(root: &Path, dir: &Path, rels: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, rels);
        } else if path.extension().is_some_and(|x| x == "ron")
            && let Ok(rel) = path.strip_prefix(root)
        {
            rels.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}
