//! `catalog::format`, the canonical layout of `skillpath fmt`: a messy file becomes exactly the
//! canonical fixture, formatting twice changes nothing, every comment survives, and a
//! formatted catalog loads into the same catalog as the original.

use std::fs;
use std::path::Path;

use skillpath::catalog::format::{FormatError, format};
use skillpath::catalog::load::{Loaded, load_sources};
use skillpath::catalog::source::{SourceFile, bundled, read_path};

fn fixture(path: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn formatted(text: &str) -> String {
    format(text).unwrap_or_else(|e| panic!("formats: {e}\n{text}"))
}

/// Every comment of a text, trimmed and sorted (entries move, so their order may change).
fn comments(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .lines()
        .filter_map(|line| line.find('#').map(|at| line[at..].trim().to_owned()))
        .collect();
    found.sort();
    found
}

/// What a catalog loads into, comparable across layouts (origins differ by design).
fn loaded_content(sources: &[SourceFile]) -> String {
    let Loaded {
        catalog,
        diagnostics,
    } = load_sources(sources);
    let catalog = catalog.unwrap_or_else(|| panic!("loads: {diagnostics:?}"));
    let codes: Vec<&str> = diagnostics.iter().map(|d| d.code).collect();
    format!(
        "{:?}\n{:?}\n{:?}\n{:?}\n{codes:?}",
        catalog.meta, catalog.skills, catalog.credentials, catalog.roles
    )
}

#[test]
fn a_messy_file_becomes_the_canonical_fixture() {
    let messy = fixture("tests/fixtures/fmt/messy.toml");
    let canonical = fixture("tests/fixtures/fmt/canonical.toml");
    assert_eq!(formatted(&messy), canonical);
}

#[test]
fn formatting_is_idempotent_on_every_fixture_and_the_bundled_catalog() {
    let mut texts: Vec<(String, String)> = bundled()
        .into_iter()
        .map(|file| (file.path, file.text))
        .collect();
    for dir in [
        "tests/fixtures/ok",
        "tests/fixtures/fmt",
        "tests/fixtures/stats",
    ] {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
        let files = read_path(&path).unwrap_or_else(|d| panic!("{}", d.message));
        texts.extend(files.into_iter().map(|file| (file.path, file.text)));
    }
    for (path, text) in texts {
        let once = formatted(&text);
        assert_eq!(formatted(&once), once, "{path}: a second fmt changed it");
    }
}

#[test]
fn every_comment_is_kept() {
    let messy = fixture("tests/fixtures/fmt/messy.toml");
    assert_eq!(comments(&formatted(&messy)), comments(&messy));
    for file in bundled() {
        assert_eq!(
            comments(&formatted(&file.text)),
            comments(&file.text),
            "{}",
            file.path
        );
    }
}

#[test]
fn the_schema_directive_stays_on_the_first_line() {
    let text = "#:schema ../skillpath.schema.json\n[[role]]\nid = \"r\"\ntitle = \"R\"\n\n\
                [[skill]]\nid = \"s\"\nname = \"S\"\n";
    let out = formatted(text);
    assert!(
        out.starts_with("#:schema ../skillpath.schema.json\n"),
        "{out}"
    );
    assert!(out.find("[[skill]]") < out.find("[[role]]"), "{out}");
}

#[test]
fn a_formatted_catalog_loads_into_the_same_catalog() {
    let messy = SourceFile::new("x.toml", fixture("tests/fixtures/fmt/messy.toml"));
    let tidy = SourceFile::new("x.toml", formatted(&messy.text));
    assert_eq!(loaded_content(&[tidy]), loaded_content(&[messy]));

    let bundled = bundled();
    let reformatted: Vec<SourceFile> = bundled
        .iter()
        .map(|file| SourceFile::new(file.path.clone(), formatted(&file.text)))
        .collect();
    assert_eq!(loaded_content(&reformatted), loaded_content(&bundled));
}

#[test]
fn inline_tables_end_up_on_one_line() {
    // TOML 1.1 allows line breaks inside inline tables; the validator does not, fmt fixes them.
    let text = "[[role]]\nid = \"r\"\ntitle = \"R\"\nrequires = {\n  sql = 3,\n  \
                python = { importance = 4, level = 2 },\n}\n";
    let out = formatted(text);
    assert!(
        out.contains("requires = { sql = 3, python = { level = 2, importance = 4 } }\n"),
        "{out}"
    );
}

#[test]
fn a_comment_inside_an_inline_table_is_refused_not_lost() {
    let text = "[[role]]\nid = \"r\"\ntitle = \"R\"\nrequires = {\n  sql = 3, # core\n}\n";
    match format(text) {
        Err(FormatError::CommentInInlineTable { key, line }) => {
            assert_eq!((key.as_str(), line), ("requires", 4));
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[test]
fn a_syntax_error_is_reported_with_its_position() {
    let error = format("[catalog]\nname = \"unterminated\n").expect_err("broken TOML");
    match &error {
        FormatError::Syntax { line, .. } => assert_eq!(*line, 2),
        other => panic!("expected a syntax error, got {other:?}"),
    }
    assert!(error.to_string().contains("skillpath check"), "{error}");
}

#[test]
fn empty_and_comment_only_files_are_kept() {
    assert_eq!(formatted(""), "");
    assert_eq!(formatted("# only a note\n\n\n"), "# only a note\n");
}
