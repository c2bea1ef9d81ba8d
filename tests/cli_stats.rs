//! `skillpath stats` on tests/fixtures/stats (figures worked out in its README): the text a
//! maintainer reads and the JSON a script reads.

use assert_cmd::Command;
use assert_cmd::cargo::cargo_bin_cmd;
use predicates::prelude::*;
use serde_json::{Value, json};

const FIXTURE: &str = "tests/fixtures/stats";

fn skillpath() -> Command {
    let mut cmd = cargo_bin_cmd!("skillpath");
    cmd.env("NO_COLOR", "1")
        .current_dir(env!("CARGO_MANIFEST_DIR"));
    cmd
}

fn stats_json() -> Value {
    let output = skillpath()
        .args(["stats", "--format", "json", "--catalog", FIXTURE])
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    serde_json::from_slice(&output.stdout).expect("stats --format json prints JSON")
}

#[test]
fn json_has_every_figure() {
    let stats = stats_json();
    assert_eq!(
        stats["counts"],
        json!({"skills": 7, "credentials": 11, "roles": 2, "providers": 3})
    );
    assert_eq!(
        stats["families"][2],
        json!({"family": "industry", "skills": 2, "credentials": 2,
               "role_requirements": 2, "reachable_requirements": 0})
    );
    assert_eq!(
        stats["providers"][0],
        json!({"provider": "Beta Institute", "credentials": 4, "hours": 49.0})
    );
    assert_eq!(
        stats["unreachable"],
        json!([
            {"skill": "d", "best_available": 2, "needed_by": [{"role": "r1", "need": 5}]},
            {"skill": "z", "best_available": 0, "needed_by": [{"role": "r2", "need": 2}]}
        ])
    );
    assert_eq!(stats["orphans"], json!(["orphan-1", "orphan-chain"]));
    let credentials = stats["credentials"].as_array().expect("a list");
    assert_eq!(
        credentials.len(),
        11,
        "every credential, not only the top ones"
    );
    assert_eq!(
        credentials[0],
        json!({"id": "intro", "unlocks": 4, "chain_credentials": 4, "chain_hours": 100.0,
               "helps_roles": ["r1", "r2"]})
    );
}

#[test]
fn text_ranks_credentials_and_lists_the_gaps_in_the_catalog() {
    let output = skillpath()
        .args(["stats", "--catalog", FIXTURE, "--top", "3"])
        .output()
        .expect("runs");
    assert!(output.status.success());
    let text = String::from_utf8_lossy(&output.stdout);
    for expected in [
        "Stats fixture (7 skills, 11 credentials, 2 roles, 3 providers)",
        "Role skills no credential can reach: 2",
        "Orphan credentials (no role needs what they lead to): 2",
    ] {
        assert!(text.contains(expected), "no `{expected}` in\n{text}");
    }
    let row = |first: &str| -> Vec<&str> {
        text.lines()
            .map(|line| line.split_whitespace().collect::<Vec<_>>())
            .find(|words| words.first() == Some(&first))
            .unwrap_or_default()
    };
    assert_eq!(
        row("industry"),
        ["industry", "2", "2", "0", "of", "2", "(0%)"]
    );
    assert_eq!(row("d"), ["d", "2", "r1", "(5)"]);
    assert_eq!(row("orphan-chain"), ["orphan-chain", "Orphan", "chain"]);
    let blocking = text
        .split("Blocking:")
        .nth(1)
        .and_then(|rest| rest.split("Delay:").next())
        .unwrap_or_default();
    let ranked: Vec<&str> = blocking
        .lines()
        .skip(2)
        .filter_map(|line| line.split_whitespace().next())
        .collect();
    assert_eq!(ranked, ["intro", "core", "advanced"], "{blocking}");
}

#[test]
fn the_bundled_catalog_has_stats_too() {
    skillpath()
        .arg("stats")
        .assert()
        .success()
        .stdout(predicate::str::contains("Skill families"));
}

#[test]
fn a_broken_catalog_has_no_stats() {
    skillpath()
        .args(["stats", "--catalog", "tests/fixtures/errors/cycle.toml"])
        .assert()
        .code(1)
        .stdout(predicate::str::is_empty())
        .stderr(predicate::str::contains("prerequisite cycle"));
}
