//! `check` and `schema`: every broken fixture catalog fails with exit 1 and each error points at
//! file:line:col; the bundled catalog is clean; a broken catalog is never planned on.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

fn skillpath() -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Every fixture below tests/fixtures/errors: a .toml file or a directory catalog.
fn error_fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/errors");
    let mut fixtures: Vec<PathBuf> = fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.is_dir() || p.extension().is_some_and(|x| x == "toml"))
                .collect()
        })
        .unwrap_or_default();
    fixtures.sort();
    fixtures
}

/// The path as the command line gets it, relative to the crate root.
fn relative(path: &Path) -> String {
    path.strip_prefix(env!("CARGO_MANIFEST_DIR"))
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Exit code and diagnostics of `check --format json`, on the bundled catalog when `None`.
fn check_json(catalog: Option<&str>) -> (Option<i32>, Vec<Value>) {
    let mut cmd = skillpath();
    cmd.args(["check", "--format", "json"]);
    if let Some(catalog) = catalog {
        cmd.args(["--catalog", catalog]);
    }
    let output = cmd.output().expect("runs");
    let diagnostics: Vec<Value> =
        serde_json::from_slice(&output.stdout).expect("check --format json prints a JSON array");
    (output.status.code(), diagnostics)
}

#[test]
fn every_error_fixture_fails_with_each_error_at_file_line_col() {
    let fixtures = error_fixtures();
    if fixtures.is_empty() {
        println!("note: tests/fixtures/errors holds no fixtures yet; nothing to check");
        return;
    }
    for fixture in fixtures {
        let catalog = relative(&fixture);
        let (code, diagnostics) = check_json(Some(&catalog));
        assert_eq!(code, Some(1), "{catalog}: check must fail");
        let errors: Vec<&Value> = diagnostics
            .iter()
            .filter(|d| d["severity"] == "error")
            .collect();
        assert!(!errors.is_empty(), "{catalog}: no error reported");

        let output = skillpath()
            .args(["check", "--catalog", &catalog])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{catalog}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        for error in errors {
            let message = error["message"].as_str().expect("message");
            assert!(
                stderr.contains(message),
                "{catalog}: `{message}` not in\n{stderr}"
            );
            let line = error["line"].as_u64().expect("line");
            if line > 0 {
                let file = error["file"].as_str().expect("file");
                let column = error["column"].as_u64().expect("column");
                assert!(
                    file.starts_with(&catalog),
                    "{catalog}: the diagnostic names `{file}`"
                );
                let location = format!("{file}:{line}:{column}");
                assert!(
                    stderr.contains(&location),
                    "{catalog}: no `{location}` in\n{stderr}"
                );
            }
        }
        let summary = stderr.lines().last().unwrap_or_default();
        assert!(
            summary.contains("error") && summary.contains("warning"),
            "{catalog}: the last line is a summary, got `{summary}`"
        );
    }
}

/// The fixtures README's table: (fixture, location) for each row with one `file:line:col`.
fn documented_locations() -> Vec<(String, String)> {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/errors/README.md");
    let Ok(text) = fs::read_to_string(readme) else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let fixture = cells.get(1)?.strip_prefix('`')?.strip_suffix('`')?;
            let location = cells.get(3)?.strip_prefix('`')?.strip_suffix('`')?;
            if location.contains('`') {
                return None; // several locations in one cell
            }
            let numbers: Vec<&str> = location.rsplitn(3, ':').take(2).collect();
            let is_position = numbers.len() == 2
                && numbers
                    .iter()
                    .all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            is_position.then(|| {
                (
                    fixture.trim_end_matches('/').to_string(),
                    location.to_string(),
                )
            })
        })
        .collect()
}

#[test]
fn check_points_where_the_fixtures_readme_says() {
    let documented = documented_locations();
    if documented.is_empty() {
        println!("note: tests/fixtures/errors/README.md lists no locations yet; nothing to check");
        return;
    }
    for (fixture, location) in documented {
        let catalog = format!("tests/fixtures/errors/{fixture}");
        let output = skillpath()
            .args(["check", "--catalog", &catalog])
            .output()
            .expect("runs");
        assert_eq!(output.status.code(), Some(1), "{catalog}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        let expected = format!("--> tests/fixtures/errors/{location}");
        assert!(
            stderr.contains(&expected),
            "{catalog}: no `{expected}` in\n{stderr}"
        );
    }
}

#[test]
fn a_broken_catalog_is_never_planned_on() {
    let Some(fixture) = error_fixtures().into_iter().next() else {
        println!("note: tests/fixtures/errors holds no fixtures yet; nothing to check");
        return;
    };
    skillpath()
        .args(["plan", "--role", "any", "--catalog", &relative(&fixture)])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("error"));
}

#[test]
fn the_bundled_catalog_checks_clean() {
    skillpath()
        .arg("check")
        .assert()
        .success()
        .stderr(predicate::str::contains("0 errors, 0 warnings"));
    let (code, diagnostics) = check_json(None);
    assert_eq!(code, Some(0));
    assert_eq!(diagnostics, Vec::<Value>::new());
}

#[test]
fn a_missing_catalog_path_is_an_error_naming_it() {
    skillpath()
        .args(["check", "--catalog", "no/such/catalog.toml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no/such/catalog.toml"));
}

#[test]
fn schema_prints_a_json_schema() {
    let output = skillpath().arg("schema").output().expect("runs");
    assert!(output.status.success());
    let schema: Value = serde_json::from_slice(&output.stdout).expect("schema is JSON");
    assert!(
        schema.get("$schema").is_some() || schema.get("type").is_some(),
        "{schema}"
    );
}
