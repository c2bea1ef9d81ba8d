//! The README's set-up commands and `.ci/run` must not drift apart: CI runs exactly the test
//! command a newcomer is told to run.

use std::fs;
use std::path::Path;

fn read(relative: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// The command lines (without trailing comments) of the README's "Set up" code block.
fn readme_setup_commands() -> Vec<String> {
    let readme = read("README.md");
    let setup = readme
        .split("## Set up")
        .nth(1)
        .expect("the README has a `## Set up` section");
    let block = setup
        .split("```sh")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the Set up section has a ```sh block");
    block
        .lines()
        .map(|line| {
            line.split('#')
                .next()
                .unwrap_or_default()
                .trim()
                .to_string()
        })
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn the_readme_gives_a_run_and_a_test_command() {
    let commands = readme_setup_commands();
    assert_eq!(commands.len(), 2, "{commands:?}");
    assert!(commands[0].starts_with("cargo run"), "{commands:?}");
    assert!(commands[1].starts_with("cargo test"), "{commands:?}");
}

#[test]
fn ci_runs_exactly_the_readme_test_command_then_fmt_and_clippy() {
    let test_command = readme_setup_commands()
        .into_iter()
        .find(|c| c.starts_with("cargo test"))
        .expect("a cargo test command");
    let ci = read(".ci/run");
    let steps: Vec<&str> = ci
        .lines()
        .map(str::trim)
        .filter(|l| l.starts_with("cargo "))
        .collect();
    assert_eq!(
        steps,
        [
            test_command.as_str(),
            "cargo fmt --check",
            "cargo clippy --all-targets -- -D warnings"
        ]
    );
    assert!(ci.contains("set -euo pipefail"));
}

#[cfg(unix)]
#[test]
fn ci_script_is_executable() {
    use std::os::unix::fs::PermissionsExt;
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(".ci/run");
    let mode = fs::metadata(&path)
        .expect("stat .ci/run")
        .permissions()
        .mode();
    assert!(mode & 0o111 != 0, "{:o}", mode);
}
