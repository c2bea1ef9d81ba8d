//! Who the person is, on the command line: ids checked with "did you mean", levels checked,
//! profiles by path and by name (SKILLPATH_HOME), flags winning over the profile.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

const PROFILES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/profiles");

/// The binary with an empty, private profile home, so no test sees a real user's profiles.
fn skillpath(home: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("SKILLPATH_HOME", home).env("NO_COLOR", "1");
    cmd
}

fn home() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

fn gap_json(cmd: &mut Command) -> Value {
    let output = cmd.output().expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("gap --format json prints JSON")
}

/// The person's level of `skill` as `gap --format json` reports it (gap or met).
fn have(report: &Value, skill: &str) -> Option<u64> {
    ["gap", "met"]
        .iter()
        .filter_map(|key| report[key].as_array())
        .flatten()
        .find(|row| row["skill"] == skill)
        .and_then(|row| row["have"].as_u64())
}

#[test]
fn an_unknown_role_is_an_error_with_did_you_mean() {
    let home = home();
    skillpath(home.path())
        .args(["gap", "--role", "data-analist"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "error: unknown role `data-analist`\n  help: did you mean `data-analyst`?",
        ));
}

#[test]
fn an_unknown_skill_credential_or_provider_is_an_error() {
    let home = home();
    skillpath(home.path())
        .args(["gap", "--role", "data-analyst", "--have", "sqll=2"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown skill `sqll`"))
        .stderr(predicate::str::contains("did you mean `sql`?"));
    skillpath(home.path())
        .args(["gap", "--role", "data-analyst", "--done", "no-such-course"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "unknown credential `no-such-course`",
        ));
    skillpath(home.path())
        .args([
            "plan",
            "--role",
            "data-analyst",
            "--exclude-provider",
            "Nobody Inc",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("unknown provider `Nobody Inc`"));
}

#[test]
fn a_bad_level_is_a_usage_error_that_says_why() {
    let home = home();
    for bad in ["sql=9", "sql=0", "sql=two", "sql"] {
        skillpath(home.path())
            .args(["gap", "--role", "data-analyst", "--have", bad])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--have"))
            .stderr(predicate::str::contains(bad));
    }
}

#[test]
fn have_sets_the_level_the_gap_starts_from() {
    let home = home();
    let report = gap_json(skillpath(home.path()).args([
        "gap",
        "--role",
        "data-analyst",
        "--have",
        "sql=2,spreadsheets=3",
        "--format",
        "json",
    ]));
    assert_eq!(report["role"], "data-analyst");
    assert_eq!(have(&report, "sql"), Some(2));
    assert_eq!(have(&report, "spreadsheets"), Some(3));
}

#[test]
fn a_profile_by_path_gives_skills_and_role_and_flags_win() {
    let home = home();
    let ana = format!("{PROFILES}/ana.toml");
    let report =
        gap_json(skillpath(home.path()).args(["gap", "--profile", &ana, "--format", "json"]));
    assert_eq!(
        report["role"], "data-analyst",
        "target_role from the profile"
    );
    assert_eq!(have(&report, "sql"), Some(2));

    let report = gap_json(skillpath(home.path()).args([
        "gap",
        "--profile",
        &ana,
        "--have",
        "sql=3",
        "--format",
        "json",
    ]));
    assert_eq!(
        have(&report, "sql"),
        Some(3),
        "--have wins over the profile"
    );
    assert_eq!(
        have(&report, "spreadsheets"),
        Some(3),
        "the rest of the profile stays"
    );
}

#[test]
fn a_profile_by_name_is_read_from_skillpath_home() {
    let home = home();
    let profiles = home.path().join("profiles");
    fs::create_dir_all(&profiles).expect("mkdir");
    fs::copy(format!("{PROFILES}/ana.toml"), profiles.join("ana.toml")).expect("copy");

    let report =
        gap_json(skillpath(home.path()).args(["gap", "--profile", "ana", "--format", "json"]));
    assert_eq!(have(&report, "spreadsheets"), Some(3));

    skillpath(home.path())
        .args(["gap", "--profile", "bob"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no profile `bob`"))
        .stderr(predicate::str::contains("bob.toml"));
}

#[test]
fn a_corrupt_profile_names_file_line_and_column_and_is_left_alone() {
    let home = home();
    let corrupt = format!("{PROFILES}/corrupt.toml");
    let before = fs::read_to_string(&corrupt).expect("read");
    skillpath(home.path())
        .args(["gap", "--role", "data-analyst", "--profile", &corrupt])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("corrupt.toml:4:"));
    assert_eq!(fs::read_to_string(&corrupt).expect("read"), before);
}

#[test]
fn stale_ids_in_a_profile_are_warnings_with_did_you_mean() {
    let home = home();
    skillpath(home.path())
        .args(["gap", "--profile", &format!("{PROFILES}/stale.toml")])
        .assert()
        .success()
        .stderr(predicate::str::contains(format!(
            "warning: {PROFILES}/stale.toml: profile names skill `sqll`"
        )))
        .stderr(predicate::str::contains("did you mean `sql`?"));
}

#[test]
fn without_a_role_anywhere_plan_is_a_usage_error() {
    let home = home();
    skillpath(home.path())
        .args(["gap", "--have", "sql=2"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--role"));
}

#[test]
fn skills_can_be_given_by_alias_or_name() {
    let by_alias = assert_cmd::Command::cargo_bin("skillpath")
        .unwrap()
        .args([
            "gap",
            "--role",
            "data-analyst",
            "--have",
            "excel=3",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(
        by_alias.status.success(),
        "{}",
        String::from_utf8_lossy(&by_alias.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&by_alias.stdout).unwrap();
    let in_gap = |skill: &str| {
        json["gap"]
            .as_array()
            .unwrap()
            .iter()
            .any(|g| g["skill"] == skill)
    };
    assert!(
        !in_gap("spreadsheets"),
        "`excel=3` is spreadsheets at 3, which meets the need"
    );
    assert!(in_gap("sql"));
}
