//! The advisor's commands on the command line: `compare`, `plan --alternatives` and `report`,
//! their formats and errors, and the rule that an advisor's notes never leave the profile.

use std::fs;
use std::path::Path;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

const CATALOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/advisor");

/// A note only an advisor may read; nothing given to the client may contain it.
const SECRET: &str = "PRIVATE: thinks the client undersells her SQL";

/// The binary on the advisor fixture, with a private profile home holding the profile
/// `client` (analyst, sql 1, two dated notes).
fn skillpath(home: &Path) -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("SKILLPATH_HOME", home)
        .env("NO_COLOR", "1")
        .args(["--catalog", CATALOG]);
    cmd
}

fn home() -> tempfile::TempDir {
    let home = tempfile::tempdir().expect("tempdir");
    let profiles = home.path().join("profiles");
    fs::create_dir_all(&profiles).expect("profiles dir");
    fs::write(
        profiles.join("client.toml"),
        format!(
            "name = \"client\"\ntarget_role = \"analyst\"\nhours_per_week = 5.0\n\
             [skills]\nsql = 1\n\
             [[notes]]\ndate = \"2026-02-20\"\ntext = \"{SECRET}\"\n\
             [[notes]]\ndate = \"2026-02-27\"\ntext = \"Second session: prefers evenings\"\n"
        ),
    )
    .expect("profile written");
    home
}

fn stdout(cmd: &mut Command) -> String {
    let output = cmd.output().expect("runs");
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("UTF-8")
}

fn json(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout(cmd)).expect("prints JSON")
}

#[test]
fn compare_roles_side_by_side_in_every_format() {
    let home = home();
    let roles = ["compare", "--roles", "analyst,reporter,scientist"];
    let text = stdout(skillpath(home.path()).args(roles).args([
        "--profile",
        "client",
        "--date",
        "2026-03-02",
    ]));
    assert!(text.contains("3 roles side by side for client"), "{text}");
    assert!(text.contains("analyst    reporter   scientist"), "{text}");
    assert!(text.contains("2026-03-27"), "analyst's finish date: {text}");
    assert!(
        text.contains("stats-fast: analyst, reporter, scientist"),
        "{text}"
    );

    let value = json(skillpath(home.path()).args(roles).args([
        "--have",
        "sql=1",
        "--date",
        "2026-03-02",
        "--format",
        "json",
    ]));
    let columns = value["roles"].as_array().expect("roles");
    assert_eq!(columns.len(), 3);
    assert_eq!(columns[0]["id"], "analyst");
    assert_eq!(columns[0]["hours"], 18.0);
    assert_eq!(columns[0]["finish_date"], "2026-03-27");
    assert_eq!(
        columns[0]["gap"][0]["skill"], "statistics",
        "essential first"
    );
    assert_eq!(value["shared"][0]["id"], "stats-fast");

    let markdown = stdout(
        skillpath(home.path())
            .args(roles)
            .args(["--format", "markdown"]),
    );
    assert!(markdown.starts_with("# Analyst vs Reporter vs Scientist"));
    assert!(markdown.contains("## Shared credentials"));
}

#[test]
fn compare_objectives_shows_the_corners_and_the_small_frontier() {
    let home = home();
    let value = json(skillpath(home.path()).args([
        "compare",
        "--objectives",
        "--profile",
        "client",
        "--format",
        "json",
    ]));
    assert_eq!(value["role"], "analyst", "the profile's target role");
    assert_eq!(value["fastest"]["hours"], 18.0);
    assert_eq!(value["cheapest"]["cost"], 150.0);
    let frontier: Vec<(f64, f64)> = value["frontier"]
        .as_array()
        .expect("small frontier")
        .iter()
        .map(|p| {
            (
                p["hours"].as_f64().expect("hours"),
                p["cost"].as_f64().expect("cost"),
            )
        })
        .collect();
    assert_eq!(frontier, [(18.0, 600.0), (24.0, 350.0), (36.0, 150.0)]);

    let text =
        stdout(skillpath(home.path()).args(["compare", "--objectives", "--role", "analyst"]));
    assert!(text.contains("Fastest"), "{text}");
    assert!(
        text.contains(
            "Cheapest: the fastest without sql-bootcamp, stats-fast; with sql-intro, stats-course"
        ),
        "{text}"
    );
    assert!(
        text.contains("2: plan 1 without sql-bootcamp; with sql-intro"),
        "{text}"
    );
}

#[test]
fn compare_needs_two_or_three_known_distinct_roles() {
    let home = home();
    for roles in [
        "analyst",
        "analyst,reporter,scientist,analyst",
        "analyst,analyst",
    ] {
        skillpath(home.path())
            .args(["compare", "--roles", roles])
            .assert()
            .code(2)
            .stderr(predicate::str::contains("role"));
    }
    skillpath(home.path())
        .args(["compare", "--roles", "analyst,reportr"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("did you mean `reporter`?"));
    skillpath(home.path())
        .args(["compare", "--have", "sql=1"])
        .assert()
        .code(2);
    skillpath(home.path())
        .args([
            "compare",
            "--roles",
            "analyst,reporter",
            "--role",
            "analyst",
        ])
        .assert()
        .code(2);
}

#[test]
fn plan_alternatives_in_every_format() {
    let home = home();
    let plan = ["plan", "--role", "analyst", "--alternatives"];
    let text = stdout(skillpath(home.path()).args(plan));
    assert!(
        text.contains("Alternatives: the best plan without each step"),
        "{text}"
    );
    assert!(text.contains("sql-bootcamp   24 h   (+6 h)"), "{text}");
    assert!(text.contains("leaves visualization open"), "{text}");

    let value = json(skillpath(home.path()).args(plan).args(["--format", "json"]));
    for field in ["role", "steps", "total", "gap", "optimal"] {
        assert!(
            value.get(field).is_some(),
            "the plan's fields stay: {field}"
        );
    }
    let alternatives = value["alternatives"].as_array().expect("alternatives");
    assert_eq!(alternatives.len(), 3);
    assert_eq!(alternatives[1]["avoids"], "stats-fast");
    assert_eq!(alternatives[1]["extra"], 12.0);

    let markdown = stdout(
        skillpath(home.path())
            .args(plan)
            .args(["--format", "markdown"]),
    );
    assert!(
        markdown.contains("## Alternatives\n\n- Without SQL Bootcamp"),
        "{markdown}"
    );

    let without =
        json(skillpath(home.path()).args(["plan", "--role", "analyst", "--format", "json"]));
    assert!(without.get("alternatives").is_none(), "only when asked");
}

#[test]
fn report_writes_each_format_to_stdout_or_a_file() {
    let home = home();
    let report = ["report", "--profile", "client", "--date", "2026-03-02"];
    let markdown = stdout(skillpath(home.path()).args(report));
    assert!(markdown.starts_with("# Pathway to Analyst"));
    assert!(markdown.contains("Prepared for client on 2026-03-02."));
    assert!(markdown.contains("Expected finish: 2026-03-27."));

    let value = json(
        skillpath(home.path())
            .args(report)
            .args(["--format", "json"]),
    );
    assert_eq!(value["client"], "client");
    assert_eq!(value["total"]["finish_date"], "2026-03-27");

    let out = home.path().join("client-report.html");
    skillpath(home.path())
        .args(report)
        .args(["--format", "html", "--out"])
        .arg(&out)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::contains("wrote the report to"));
    let html = fs::read_to_string(&out).expect("report written");
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("Expected finish: 2026-03-27."));
}

#[test]
fn report_rejects_a_date_that_is_not_one() {
    let home = home();
    skillpath(home.path())
        .args(["report", "--profile", "client", "--date", "2026-02-30"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("YYYY-MM-DD"));
    skillpath(home.path())
        .args([
            "report",
            "--role",
            "analyst",
            "--out",
            "/nonexistent-dir/report.md",
        ])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "cannot write /nonexistent-dir/report.md",
        ));
}

/// Every command and format that produces something for the client, with the profile that
/// holds the notes.
#[test]
fn advisor_notes_never_appear_in_anything_exported() {
    let home = home();
    let out = home.path().join("report.out");
    let mut runs: Vec<Vec<String>> = Vec::new();
    let args = |list: &[&str]| list.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    for format in ["text", "json", "markdown"] {
        runs.push(args(&["plan", "--format", format]));
        runs.push(args(&["plan", "--alternatives", "--format", format]));
        runs.push(args(&[
            "compare",
            "--roles",
            "analyst,reporter",
            "--format",
            format,
        ]));
        runs.push(args(&["compare", "--objectives", "--format", format]));
    }
    for format in ["text", "json"] {
        runs.push(args(&["gap", "--format", format]));
        runs.push(args(&["roles", "--format", format]));
    }
    runs.push(args(&["graph"]));
    for format in ["markdown", "json", "html"] {
        runs.push(args(&["report", "--format", format]));
        let mut to_file = args(&["report", "--format", format, "--out"]);
        to_file.push(out.display().to_string());
        runs.push(to_file);
    }
    for run in &runs {
        let output = skillpath(home.path())
            .args(run)
            .args(["--profile", "client"])
            .output()
            .expect("runs");
        assert!(
            output.status.success(),
            "{run:?}: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let mut exported = String::from_utf8_lossy(&output.stdout).into_owned();
        exported.push_str(&String::from_utf8_lossy(&output.stderr));
        if run.iter().any(|a| a == "--out") {
            exported.push_str(&fs::read_to_string(&out).expect("written"));
        }
        assert!(!exported.is_empty(), "{run:?} printed something");
        for private in ["PRIVATE", "undersells", "prefers evenings", "2026-02-20"] {
            assert!(
                !exported.contains(private),
                "{run:?} exported a note ({private:?}):\n{exported}"
            );
        }
    }
}
