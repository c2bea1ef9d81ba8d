//! The bad-input corpus: every case under `tests/corpus/<category>/<case>/` is run through the
//! real binary, which must answer with the exit code and messages the case expects, and never
//! panic. A case directory holds:
//!
//! - `cmd`: the command line, one argument per line, run in a copy of the case directory (so
//!   paths in messages read `catalog.toml:3:9`), with `SKILLPATH_HOME` set to its `home/`;
//! - `expected`: `exit N`, then one line per text that stderr must contain (`#` comments and
//!   blank lines are skipped);
//! - the inputs: catalog files or directories, profiles;
//! - optionally `generate`: inputs too large to commit, one per line as `KIND FILE SIZE`, made
//!   in the copy before the run (see [`generate`]).

use std::fmt::Write as _;
use std::fs;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use assert_cmd::cargo::cargo_bin_cmd;

const CORPUS: &str = "tests/corpus";
/// The corpus is meant to cover every kind of bad input; fewer cases means some went missing.
const MIN_CASES: usize = 110;

#[derive(Debug)]
struct Case {
    name: String,
    dir: PathBuf,
}

#[derive(Debug)]
struct Expected {
    exit: i32,
    stderr_contains: Vec<String>,
}

#[test]
fn every_bad_input_gets_its_exit_code_and_located_message_and_never_a_panic() {
    let cases = find_cases(Path::new(CORPUS));
    assert!(
        cases.len() >= MIN_CASES,
        "the corpus has {} cases, fewer than {MIN_CASES}",
        cases.len()
    );
    let failures: Vec<String> = cases.iter().filter_map(|case| run(case).err()).collect();
    assert!(
        failures.is_empty(),
        "{} of {} corpus cases failed:\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Every directory holding a `cmd` file, sorted, named by its path below the corpus.
fn find_cases(root: &Path) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut pending = vec![root.to_path_buf()];
    while let Some(dir) = pending.pop() {
        if dir.join("cmd").is_file() {
            let name = dir.strip_prefix(root).unwrap_or(&dir).display().to_string();
            cases.push(Case { name, dir });
            continue;
        }
        for entry in fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("directory entry").path();
            if path.is_dir() {
                pending.push(path);
            }
        }
    }
    cases.sort_by(|a, b| a.name.cmp(&b.name));
    cases
}

/// Runs one case; the error is a report naming the case, what was wrong and the whole stderr.
fn run(case: &Case) -> Result<(), String> {
    let fail = |problem: String| format!("--- {}: {problem}", case.name);
    let expected = read_expected(&case.dir.join("expected")).map_err(fail)?;
    let args = read_lines(&case.dir.join("cmd")).map_err(fail)?;

    let work = tempfile::tempdir().map_err(|e| fail(format!("temp dir: {e}")))?;
    copy_dir(&case.dir, work.path()).map_err(|e| fail(format!("copy: {e}")))?;
    let generate = work.path().join("generate");
    if generate.is_file() {
        for line in read_lines(&generate).map_err(fail)? {
            make_input(work.path(), &line).map_err(|e| fail(format!("generate `{line}`: {e}")))?;
        }
    }

    let output = cargo_bin_cmd!("skillpath")
        .args(&args)
        .current_dir(work.path())
        .env("SKILLPATH_HOME", work.path().join("home"))
        .env("NO_COLOR", "1")
        .env_remove("RUST_BACKTRACE")
        .output()
        .map_err(|e| fail(format!("cannot run skillpath: {e}")))?;
    let stderr = String::from_utf8_lossy(&output.stderr);

    let mut problems = String::new();
    let code = output.status.code().unwrap_or(-1);
    if code != expected.exit {
        let _ = writeln!(problems, "  exit code {code}, expected {}", expected.exit);
    }
    if stderr.contains("panicked") {
        let _ = writeln!(problems, "  the program panicked");
    }
    for wanted in &expected.stderr_contains {
        if !stderr.contains(wanted.as_str()) {
            let _ = writeln!(problems, "  stderr lacks: {wanted}");
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(fail(format!(
            "\n{problems}  command: skillpath {}\n  stderr:\n{stderr}",
            args.join(" ")
        )))
    }
}

fn read_expected(path: &Path) -> Result<Expected, String> {
    let mut lines = read_lines(path)?.into_iter();
    let exit = lines
        .next()
        .and_then(|first| first.strip_prefix("exit ")?.trim().parse().ok())
        .ok_or_else(|| format!("{} must start with `exit N`", path.display()))?;
    Ok(Expected {
        exit,
        stderr_contains: lines.collect(),
    })
}

/// The non-blank lines of a file that are not `#` comments.
fn read_lines(path: &Path) -> Result<Vec<String>, String> {
    let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(text
        .lines()
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(str::to_owned)
        .collect())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Makes one generated input, `KIND FILE SIZE`:
/// - `huge-comment F N`: a valid catalog padded with comment lines to N bytes, ending in an
///   unterminated string on its last line (so the error is located far into the file);
/// - `sparse F N`: an N-byte file that takes no disk space (its size alone is on record);
/// - `nested-arrays F N`, `nested-inline-tables F N`: a value nested N deep;
/// - `dotted-key F N`, `dotted-header F N`: a key or table header of N dotted parts.
fn make_input(dir: &Path, line: &str) -> Result<(), String> {
    let [kind, file, size] = line.split_whitespace().collect::<Vec<_>>()[..] else {
        return Err("expected `KIND FILE SIZE`".to_owned());
    };
    let size: usize = size.parse().map_err(|e| format!("size: {e}"))?;
    let path = dir.join(file);
    let text = match kind {
        "sparse" => {
            let file = fs::File::create(&path).map_err(|e| e.to_string())?;
            return file.set_len(size as u64).map_err(|e| e.to_string());
        }
        "huge-comment" => {
            let head = "[[skill]]\nid = \"sql\"\nname = \"SQL\"\n\n";
            let tail = "[[skill]]\nid = \"python\"\nname = \"Python\n";
            let pad = "# padding to make a large file, as a generated catalog would be\n";
            let lines = size.saturating_sub(head.len() + tail.len()) / pad.len();
            let mut writer =
                std::io::BufWriter::new(fs::File::create(&path).map_err(|e| e.to_string())?);
            let mut write = |s: &str| writer.write_all(s.as_bytes()).map_err(|e| e.to_string());
            write(head)?;
            for _ in 0..lines {
                write(pad)?;
            }
            write(tail)?;
            return writer.flush().map_err(|e| e.to_string());
        }
        "nested-arrays" => format!("a = {}{}\n", "[".repeat(size), "]".repeat(size)),
        "nested-inline-tables" => format!("a = {}1{}\n", "{ b = ".repeat(size), " }".repeat(size)),
        "dotted-key" => format!("a{} = 1\n", ".b".repeat(size)),
        "dotted-header" => format!("[a{}]\n", ".b".repeat(size)),
        other => return Err(format!("unknown generator `{other}`")),
    };
    fs::write(&path, text).map_err(|e| e.to_string())
}
