//! Compiles the `catalog/` directory into the binary: writes `bundled_catalog.rs` with one
//! `include_str!` per `*.toml` file below it (any depth), sorted by path, so an installed
//! binary needs no files beside it. No directory or no files gives an empty catalog.

use std::fs;
use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-changed=catalog");
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("catalog");
    let mut files = Vec::new();
    collect(&root, &mut files);
    let mut entries: Vec<(String, PathBuf)> = files
        .into_iter()
        .filter_map(|path| {
            let relative = path.strip_prefix(&root).ok()?;
            let parts: Vec<String> = relative
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            Some((format!("catalog/{}", parts.join("/")), path))
        })
        .collect();
    entries.sort();

    let mut code = String::from("static BUNDLED: &[(&str, &str)] = &[\n");
    for (shown, path) in &entries {
        code.push_str(&format!(
            "    ({shown:?}, include_str!({:?})),\n",
            path.display().to_string()
        ));
    }
    code.push_str("];\n");
    let out_dir = std::env::var("OUT_DIR").expect("cargo sets OUT_DIR for build scripts");
    fs::write(Path::new(&out_dir).join("bundled_catalog.rs"), code).expect("OUT_DIR is writable");
}

/// Every `*.toml` below `dir`, skipping hidden entries (as `catalog::source::read_path` does).
fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        match entry.file_type() {
            Ok(kind) if kind.is_dir() => collect(&path, out),
            Ok(_) if path.extension().is_some_and(|e| e == "toml") => out.push(path),
            _ => {}
        }
    }
}
