//! `check --format json` for CI and editors, on every error fixture: a JSON array on stdout in
//! which every diagnostic has severity, code, message, file, line, column and help, and which
//! holds each diagnostic tests/fixtures/errors/README.md documents. And `--deny-warnings`.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

const ERRORS: &str = "tests/fixtures/errors";
/// A valid catalog with exactly two warnings (see tests/fixtures/stats/README.md).
const WARNINGS: &str = "tests/fixtures/stats";

fn skillpath() -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

/// Exit code and the parsed stdout of `check --format json` plus `extra` arguments.
fn check_json(catalog: &str, extra: &[&str]) -> (Option<i32>, Vec<Value>) {
    let output = skillpath()
        .args(["check", "--format", "json", "--catalog", catalog])
        .args(extra)
        .output()
        .expect("runs");
    let diagnostics = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| {
        panic!(
            "{catalog}: stdout is not a JSON array of diagnostics ({e}):\n{}",
            String::from_utf8_lossy(&output.stdout)
        )
    });
    (output.status.code(), diagnostics)
}

/// A documented diagnostic: its fixture, code, file and position.
struct Documented {
    fixture: String,
    code: String,
    file: String,
    line: u64,
    column: u64,
}

/// Every row of the fixtures README with one code and one `file:line:column`.
fn documented() -> Vec<Documented> {
    let readme = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(ERRORS)
        .join("README.md");
    let text = fs::read_to_string(readme).expect("the error fixtures have a README");
    let single = |cell: &str| -> Option<String> {
        let inner = cell.strip_prefix('`')?.strip_suffix('`')?;
        (!inner.contains('`')).then(|| inner.to_owned())
    };
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> = line.split('|').map(str::trim).collect();
            let fixture = single(cells.get(1)?)?;
            let code = single(cells.get(2)?)?;
            let location = single(cells.get(3)?)?;
            let mut parts = location.rsplitn(3, ':');
            let column = parts.next()?.parse().ok()?;
            let line = parts.next()?.parse().ok()?;
            let file = parts.next()?.to_owned();
            Some(Documented {
                fixture: fixture.trim_end_matches('/').to_owned(),
                code,
                file,
                line,
                column,
            })
        })
        .collect()
}

fn assert_diagnostic_shape(catalog: &str, diagnostic: &Value) {
    let fields = diagnostic
        .as_object()
        .expect("each diagnostic is an object");
    for (key, ok) in [
        (
            "severity",
            fields
                .get("severity")
                .is_some_and(|s| s == "error" || s == "warning"),
        ),
        ("code", fields.get("code").is_some_and(Value::is_string)),
        (
            "message",
            fields
                .get("message")
                .is_some_and(|m| m.as_str().is_some_and(|m| !m.is_empty())),
        ),
        ("file", fields.get("file").is_some_and(Value::is_string)),
        ("line", fields.get("line").is_some_and(Value::is_u64)),
        ("column", fields.get("column").is_some_and(Value::is_u64)),
        (
            "help",
            fields
                .get("help")
                .is_some_and(|h| h.is_string() || h.is_null()),
        ),
    ] {
        assert!(ok, "{catalog}: `{key}` missing or mistyped in {diagnostic}");
    }
}

#[test]
fn every_error_fixture_gives_complete_json_diagnostics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(ERRORS);
    let mut fixtures: Vec<String> = fs::read_dir(&dir)
        .expect("the error fixtures exist")
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| !name.ends_with(".md"))
        .collect();
    fixtures.sort();
    assert!(
        fixtures.len() >= 20,
        "expected the documented fixtures, found {fixtures:?}"
    );
    for fixture in fixtures {
        let catalog = format!("{ERRORS}/{fixture}");
        let (code, diagnostics) = check_json(&catalog, &[]);
        assert_eq!(code, Some(1), "{catalog}: every fixture has an error");
        assert!(
            diagnostics.iter().any(|d| d["severity"] == "error"),
            "{catalog}: no error in {diagnostics:?}"
        );
        for diagnostic in &diagnostics {
            assert_diagnostic_shape(&catalog, diagnostic);
        }
    }
}

#[test]
fn json_holds_each_diagnostic_the_readme_documents() {
    let documented = documented();
    assert!(documented.len() >= 15, "the README table was not read");
    for row in documented {
        let (_, diagnostics) = check_json(&format!("{ERRORS}/{}", row.fixture), &[]);
        let file = format!("{ERRORS}/{}", row.file);
        let found = diagnostics.iter().any(|d| {
            d["code"] == row.code.as_str()
                && d["file"] == file.as_str()
                && d["line"] == row.line
                && d["column"] == row.column
        });
        assert!(
            found,
            "{}: no `{}` at {file}:{}:{} in {diagnostics:#?}",
            row.fixture, row.code, row.line, row.column
        );
    }
}

#[test]
fn help_carries_the_did_you_mean_suggestion() {
    let (_, diagnostics) = check_json(&format!("{ERRORS}/unknown_skill.toml"), &[]);
    let help = diagnostics
        .iter()
        .find(|d| d["code"] == "unknown-skill")
        .map(|d| d["help"].clone());
    assert_eq!(help, Some(Value::from("did you mean `sql`?")));
}

#[test]
fn warnings_pass_unless_denied() {
    let (code, diagnostics) = check_json(WARNINGS, &[]);
    assert_eq!(code, Some(0), "warnings alone do not fail a check");
    assert_eq!(diagnostics.len(), 2);
    assert!(diagnostics.iter().all(|d| d["severity"] == "warning"));

    let (code, denied) = check_json(WARNINGS, &["--deny-warnings"]);
    assert_eq!(code, Some(1), "--deny-warnings fails on warnings");
    assert_eq!(denied, diagnostics, "the JSON is the same either way");

    skillpath()
        .args(["check", "--deny-warnings", "--catalog", WARNINGS])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("0 errors, 2 warnings"))
        .stderr(predicate::str::contains("2 warnings and --deny-warnings"));
}

#[test]
fn a_clean_catalog_passes_with_warnings_denied() {
    skillpath()
        .args(["check", "--deny-warnings"])
        .assert()
        .success();
    skillpath()
        .args(["check", "--deny-warnings", "--catalog", "tests/fixtures/ok"])
        .assert()
        .success();
}
