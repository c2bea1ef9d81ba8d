//! The bundled catalog's files as a maintainer's editor sees them: the committed JSON Schema
//! matches what `skillpath schema` prints, every file points its TOML language server at it
//! with a `#:schema` directive, and every file is in `skillpath fmt`'s canonical layout.

use std::fs;
use std::path::{Path, PathBuf};

use skillpath::catalog::format::format;
use skillpath::catalog::schema::json_schema;

const SCHEMA_FILE: &str = "catalog/skillpath.schema.json";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `*.toml` below `catalog/`, as paths relative to it.
fn catalog_files() -> Vec<PathBuf> {
    fn collect(dir: &Path, base: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                collect(&path, base, out);
            } else if path.extension().is_some_and(|e| e == "toml")
                && let Ok(relative) = path.strip_prefix(base)
            {
                out.push(relative.to_path_buf());
            }
        }
    }
    let base = root().join("catalog");
    let mut files = Vec::new();
    collect(&base, &base, &mut files);
    files.sort();
    files
}

#[test]
fn the_committed_schema_is_up_to_date() {
    let committed = fs::read_to_string(root().join(SCHEMA_FILE)).unwrap_or_default();
    let current = format!("{}\n", json_schema());
    assert!(
        committed.replace("\r\n", "\n") == current,
        "{SCHEMA_FILE} is stale (or missing): the catalog format changed. Regenerate it with\n    \
         cargo run -- schema > {SCHEMA_FILE}"
    );
}

#[test]
fn every_catalog_file_starts_with_a_schema_directive_to_the_committed_schema() {
    let files = catalog_files();
    assert!(!files.is_empty(), "catalog/ holds no .toml files");
    for file in files {
        let depth = file.components().count() - 1;
        let expected = format!("#:schema {}skillpath.schema.json", "../".repeat(depth));
        let text = fs::read_to_string(root().join("catalog").join(&file)).unwrap_or_default();
        let first_line = text.lines().next().unwrap_or_default();
        assert_eq!(
            first_line,
            expected,
            "catalog/{} must start with `{expected}` so editors find the schema",
            file.display()
        );
        assert!(
            root()
                .join("catalog")
                .join(&file)
                .parent()
                .is_some_and(|dir| dir.join(expected.trim_start_matches("#:schema ")).is_file()),
            "the directive of catalog/{} does not lead to {SCHEMA_FILE}",
            file.display()
        );
    }
}

#[test]
fn every_catalog_file_is_in_the_canonical_layout() {
    for file in catalog_files() {
        let text = fs::read_to_string(root().join("catalog").join(&file)).unwrap_or_default();
        let formatted = format(&text).unwrap_or_else(|e| panic!("catalog/{}: {e}", file.display()));
        assert!(
            formatted == text,
            "catalog/{} is not in the canonical layout; run `cargo run -- fmt catalog/`",
            file.display()
        );
    }
}
