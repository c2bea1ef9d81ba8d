//! `plan`, `roles` and `graph` on the bundled catalog: JSON follows cli.md field for field,
//! text and Markdown carry what a person needs, and a closed pipe is no panic.

use std::process::Stdio;

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::Value;

fn skillpath() -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("SKILLPATH_HOME", env!("CARGO_TARGET_TMPDIR"))
        .env("NO_COLOR", "1");
    cmd
}

fn json(cmd: &mut Command) -> Value {
    let output = cmd.output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    // Scripts read stdout and show stderr to a person: a clean run has nothing to say there.
    assert!(
        stderr.is_empty(),
        "a successful run wrote to stderr: {stderr}"
    );
    serde_json::from_slice(&output.stdout).expect("prints JSON")
}

fn plan_json(extra: &[&str]) -> Value {
    json(
        skillpath()
            .args([
                "plan",
                "--role",
                "data-analyst",
                "--have",
                "sql=1",
                "--format",
                "json",
            ])
            .args(extra),
    )
}

fn keys(value: &Value) -> Vec<&str> {
    value
        .as_object()
        .map(|o| o.keys().map(String::as_str).collect())
        .unwrap_or_default()
}

fn assert_has(value: &Value, fields: &[&str], what: &str) {
    for field in fields {
        assert!(
            value.get(field).is_some(),
            "{what} lacks `{field}`; it has {:?}",
            keys(value)
        );
    }
}

#[test]
fn plan_json_has_every_field_of_the_contract() {
    let plan = plan_json(&[]);
    assert_has(
        &plan,
        &[
            "role",
            "objective",
            "optimal",
            "lower_bound",
            "steps",
            "total",
            "gap",
            "uncoverable",
            "left_open",
            "stats",
        ],
        "the plan",
    );
    assert_eq!(plan["role"], "data-analyst");
    assert_eq!(plan["objective"], "hours");
    assert_has(
        &plan["total"],
        &["hours", "cost", "credentials", "weeks"],
        "total",
    );
    assert_has(&plan["stats"], &["solve_ms", "nodes"], "stats");

    let steps = plan["steps"].as_array().expect("steps is an array");
    assert!(!steps.is_empty(), "a beginner needs some steps");
    for step in steps {
        assert_has(
            step,
            &[
                "id",
                "title",
                "provider",
                "hours",
                "cost",
                "start_week",
                "end_week",
                "closes",
                "enables",
            ],
            "a step",
        );
    }
    assert_eq!(
        plan["total"]["credentials"].as_u64(),
        Some(steps.len() as u64)
    );
    let hours: f64 = steps.iter().filter_map(|s| s["hours"].as_f64()).sum();
    let total = plan["total"]["hours"].as_f64().expect("hours");
    assert!((hours - total).abs() < 1e-6, "{hours} vs {total}");

    let sql = plan["gap"]
        .as_array()
        .and_then(|gap| gap.iter().find(|g| g["skill"] == "sql"))
        .expect("sql is in the gap");
    assert_has(sql, &["skill", "have", "need"], "a gap item");
    assert_eq!(sql["have"], 1);
    if plan["optimal"] == true {
        assert_eq!(plan["lower_bound"], plan["value"]);
    }
}

#[test]
fn hours_per_week_sets_the_weeks() {
    let slow = plan_json(&["--hours-per-week", "2"]);
    let fast = plan_json(&["--hours-per-week", "20"]);
    let weeks = |plan: &Value| plan["total"]["weeks"].as_u64().expect("weeks");
    assert!(
        weeks(&slow) > weeks(&fast),
        "{} vs {}",
        weeks(&slow),
        weeks(&fast)
    );
    assert_eq!(slow["total"]["hours"], fast["total"]["hours"]);
}

#[test]
fn a_budget_too_small_leaves_skills_open_and_still_exits_0() {
    let plan = plan_json(&["--budget-hours", "1"]);
    let open = plan["left_open"].as_array().expect("left_open");
    assert!(!open.is_empty(), "one hour cannot close the gap");
    assert_has(&open[0], &["skill", "need", "reached"], "a left_open item");
    assert!(plan["total"]["hours"].as_f64().expect("hours") <= 1.0);
}

#[test]
fn excluding_a_planned_credential_keeps_it_out() {
    let plan = plan_json(&[]);
    let first = plan["steps"][0]["id"]
        .as_str()
        .expect("a step id")
        .to_string();
    let without = plan_json(&["--exclude", &first]);
    let ids: Vec<&str> = without["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .filter_map(|s| s["id"].as_str())
        .collect();
    assert!(
        !ids.contains(&first.as_str()),
        "{first} is excluded: {ids:?}"
    );
}

#[test]
fn text_and_markdown_show_steps_and_totals() {
    skillpath()
        .args(["plan", "--role", "data-analyst", "--have", "sql=1"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Pathway to Data Analyst"))
        .stdout(predicate::str::contains("Total:"))
        .stdout(predicate::str::contains("$"))
        .stdout(predicate::str::contains("h/week"));
    skillpath()
        .args(["plan", "--role", "data-analyst", "--format", "markdown"])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Pathway to Data Analyst"))
        .stdout(predicate::str::contains("| # | Credential |"))
        .stdout(predicate::str::contains("**Total:**"))
        .stdout(predicate::str::contains("## What stays open"));
}

#[test]
fn roles_json_ranks_every_role_nearest_first() {
    // A short per-role time limit keeps the test quick; the order holds for any limit.
    let roles_json = |extra: &[&str]| {
        json(
            skillpath()
                .args(["roles", "--time-limit-ms", "300", "--format", "json"])
                .args(extra),
        )
    };
    let ranked = roles_json(&["--have", "sql=3"]);
    let roles = ranked["roles"].as_array().expect("roles");
    assert!(roles.len() >= 8, "the bundled catalog has at least 8 roles");
    for role in roles {
        assert_has(
            role,
            &[
                "id",
                "title",
                "objective",
                "fit",
                "gap_skills",
                "uncoverable",
            ],
            "a role",
        );
        let fit = role["fit"].as_f64().expect("fit");
        assert!((0.0..=1.0).contains(&fit), "{fit}");
    }
    let objectives: Vec<f64> = roles
        .iter()
        .filter_map(|r| r["objective"].as_f64())
        .collect();
    assert!(
        objectives.windows(2).all(|w| w[0] <= w[1]),
        "{objectives:?}"
    );

    let top = roles_json(&["--top", "3"]);
    assert_eq!(top["roles"].as_array().map(Vec::len), Some(3));
}

#[test]
fn graph_prints_dot_for_a_pathway_and_for_the_catalog() {
    for args in [
        &["graph", "--role", "data-analyst"][..],
        &["graph", "--all"][..],
    ] {
        skillpath()
            .args(args)
            .assert()
            .success()
            .stdout(predicate::str::contains("digraph"));
    }
}

#[test]
fn no_arguments_prints_an_overview_with_a_plan_example() {
    skillpath()
        .assert()
        .success()
        .stdout(predicate::str::contains("roles"))
        .stdout(predicate::str::contains("skillpath plan --role"));
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let bin = assert_cmd::cargo::cargo_bin!("skillpath");
    for args in [
        &["schema"][..],
        &["graph", "--all"][..],
        &["check", "--format", "json"][..],
    ] {
        let mut child = std::process::Command::new(bin)
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        drop(child.stdout.take());
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(output.status.code(), Some(101), "{args:?}: {stderr}");
    }
}
