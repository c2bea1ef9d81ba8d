//! `skillpath fmt`: rewrite catalog files into the canonical layout of
//! [`crate::catalog::format`], or with `--check` only list the ones that are not in it. Files
//! are replaced atomically, and a file that cannot be formatted is left as it was.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::catalog::format::format;
use crate::catalog::source::read_path;
use crate::cli::args::FmtArgs;
use crate::cli::output::count;
use crate::cli::{CliError, stderr_line};

pub fn run(catalog: Option<&Path>, args: &FmtArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let paths: Vec<PathBuf> = match (args.paths.as_slice(), catalog) {
        ([], Some(catalog)) => vec![catalog.to_path_buf()],
        ([], None) => {
            return Err(CliError::Usage(
                "fmt rewrites files, and the bundled catalog is inside the binary: pass the \
                 catalog files or folders to format (`skillpath fmt my-catalog/`) or \
                 --catalog PATH"
                    .to_owned(),
            ));
        }
        (paths, _) => paths.to_vec(),
    };
    let mut files = Vec::new();
    for path in &paths {
        files.extend(read_path(path).map_err(|d| CliError::Invalid(d.message))?);
    }

    let mut changed = 0;
    let mut failed = 0;
    for file in &files {
        match format(&file.text) {
            Ok(formatted) if formatted == file.text => {}
            Ok(formatted) => {
                changed += 1;
                if !args.check {
                    write_atomically(Path::new(&file.path), &formatted)?;
                }
                writeln!(out, "{}", file.path)?;
            }
            Err(error) => {
                failed += 1;
                stderr_line(&format!("error: {}: {error}", file.path));
            }
        }
    }
    out.flush()?;
    summarize(files.len(), changed, failed, args.check, &paths)
}

/// The outcome on stderr, or the error that makes the exit code 1.
fn summarize(
    total: usize,
    changed: usize,
    failed: usize,
    check: bool,
    paths: &[PathBuf],
) -> Result<(), CliError> {
    let files = count(total, "file");
    if failed > 0 {
        return Err(CliError::Invalid(format!(
            "could not format {failed} of {files}; they are left untouched"
        )));
    }
    if check && changed > 0 {
        let shown: Vec<String> = paths.iter().map(|p| p.display().to_string()).collect();
        return Err(CliError::Invalid(format!(
            "{changed} of {files} would be reformatted; `skillpath fmt {}` rewrites them",
            shown.join(" ")
        )));
    }
    if changed == 0 {
        stderr_line(&format!("{files} checked, all already formatted"));
    } else {
        stderr_line(&format!(
            "{files} checked, {} rewritten",
            count(changed, "file")
        ));
    }
    Ok(())
}

/// Writes `text` beside `path` and renames it over `path`, so a reader (or a crash) never sees
/// half a file; the original's permissions are kept.
fn write_atomically(path: &Path, text: &str) -> Result<(), CliError> {
    let failed = |error: std::io::Error| {
        CliError::Invalid(format!("cannot write `{}`: {error}", path.display()))
    };
    let name = path.file_name().map_or_else(
        || "catalog.toml".into(),
        |n| n.to_string_lossy().into_owned(),
    );
    let temporary = path.with_file_name(format!(".{name}.skillpath-fmt"));
    let result = fs::write(&temporary, text)
        .and_then(|()| match fs::metadata(path) {
            Ok(metadata) => fs::set_permissions(&temporary, metadata.permissions()),
            Err(_) => Ok(()),
        })
        .and_then(|()| fs::rename(&temporary, path));
    if result.is_err() {
        let _ = fs::remove_file(&temporary);
    }
    result.map_err(failed)
}
