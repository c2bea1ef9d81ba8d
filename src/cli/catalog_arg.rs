//! `--catalog PATH` (or the bundled catalog) loaded for planning. A catalog with errors is never
//! planned on: its diagnostics go to stderr and the command fails.

use std::path::Path;

use crate::catalog::Catalog;
use crate::catalog::diagnostic::{Diagnostic, Severity};
use crate::catalog::load::{Loaded, load_bundled, load_path};
use crate::cli::output::count;
use crate::cli::{CliError, stderr_color, stderr_line};

/// Loads and validates, with every diagnostic (errors and warnings).
pub fn load_all(path: Option<&Path>) -> Loaded {
    match path {
        Some(path) => load_path(path),
        None => load_bundled(),
    }
}

/// The validated catalog, or [`CliError::Catalog`] after printing every diagnostic.
/// Warnings do not stop planning; a one-line note points at `skillpath check`.
pub fn load(path: Option<&Path>) -> Result<Catalog, CliError> {
    let Loaded {
        catalog,
        diagnostics,
    } = load_all(path);
    let (errors, warnings) = tally(&diagnostics);
    match catalog {
        Some(catalog) if errors == 0 => {
            if warnings > 0 {
                stderr_line(&format!(
                    "note: the catalog has {}; `skillpath check` lists them",
                    count(warnings, "warning")
                ));
            }
            Ok(catalog)
        }
        _ => {
            print_diagnostics(&diagnostics);
            Err(CliError::Catalog)
        }
    }
}

/// Renders every diagnostic on stderr, then the "N errors, M warnings" summary.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    let color = stderr_color();
    for diagnostic in diagnostics {
        stderr_line(&diagnostic.render(color));
    }
    stderr_line(&summary(diagnostics));
}

pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let (errors, warnings) = tally(diagnostics);
    format!("{}, {}", count(errors, "error"), count(warnings, "warning"))
}

pub fn tally(diagnostics: &[Diagnostic]) -> (usize, usize) {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    (errors, diagnostics.len() - errors)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_errors_and_warnings() {
        let diagnostics = [
            Diagnostic::error("x", "a"),
            Diagnostic::error("x", "b"),
            Diagnostic::warning("y", "c"),
        ];
        assert_eq!(summary(&diagnostics), "2 errors, 1 warning");
        assert_eq!(summary(&[]), "0 errors, 0 warnings");
    }
}
