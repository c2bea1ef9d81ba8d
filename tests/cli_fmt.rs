//! `skillpath fmt` on files in a temporary directory: it rewrites what is not canonical and
//! nothing else, `--check` only lists and fails, a broken file is left alone, and without a
//! path it says what to pass.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;

fn skillpath() -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fmt")
        .join(name);
    fs::read_to_string(path).expect("fmt fixture")
}

/// A catalog directory with one messy and one canonical file.
fn catalog_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("messy.toml"), fixture("messy.toml")).expect("write");
    fs::create_dir(dir.path().join("more")).expect("mkdir");
    fs::write(dir.path().join("more/tidy.toml"), fixture("canonical.toml")).expect("write");
    dir
}

#[test]
fn check_lists_the_files_that_would_change_and_fails() {
    let dir = catalog_dir();
    let path = dir.path().display().to_string();
    skillpath()
        .args(["fmt", "--check", &path])
        .assert()
        .code(1)
        .stdout(format!("{path}/messy.toml\n"))
        .stderr(predicate::str::contains("1 of 2 files"));
    assert_eq!(
        fs::read_to_string(dir.path().join("messy.toml")).expect("read"),
        fixture("messy.toml"),
        "--check changes nothing"
    );
}

#[test]
fn fmt_rewrites_into_the_canonical_layout_then_check_passes() {
    let dir = catalog_dir();
    let path = dir.path().display().to_string();
    skillpath()
        .args(["fmt", "--catalog", &path])
        .assert()
        .success()
        .stdout(format!("{path}/messy.toml\n"));
    assert_eq!(
        fs::read_to_string(dir.path().join("messy.toml")).expect("read"),
        fixture("canonical.toml")
    );
    skillpath()
        .args(["fmt", "--check", &path])
        .assert()
        .success()
        .stdout("");
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn a_file_that_cannot_be_formatted_is_left_alone_and_named() {
    let dir = catalog_dir();
    let broken = "[catalog]\nname = \"unterminated\n";
    fs::write(dir.path().join("broken.toml"), broken).expect("write");
    let path = dir.path().display().to_string();
    skillpath()
        .args(["fmt", &path])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("broken.toml: line 2"));
    assert_eq!(
        fs::read_to_string(dir.path().join("broken.toml")).expect("read"),
        broken
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("messy.toml")).expect("read"),
        fixture("canonical.toml"),
        "the other files are still formatted"
    );
}

#[test]
fn without_a_path_fmt_says_what_to_pass() {
    skillpath()
        .arg("fmt")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("skillpath fmt my-catalog/"));
}

#[test]
fn the_bundled_catalog_files_are_canonical() {
    skillpath()
        .args(["fmt", "--check", "catalog"])
        .assert()
        .success()
        .stdout("");
}
