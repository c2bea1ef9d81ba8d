//! `skillpath check`: validate a catalog. Text diagnostics go to stderr (they are messages, not
//! data); JSON goes to stdout for tools. Exit 1 when there is any error, or with
//! `--deny-warnings` any warning.

use std::io::Write;
use std::path::Path;

use crate::cli::CliError;
use crate::cli::args::{CheckArgs, DataFormat};
use crate::cli::catalog_arg::{load_all, print_diagnostics, tally};
use crate::cli::output::count;

pub fn run(catalog: Option<&Path>, args: &CheckArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let diagnostics = load_all(catalog).diagnostics;
    match args.format {
        DataFormat::Text => print_diagnostics(&diagnostics),
        DataFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &diagnostics).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    match tally(&diagnostics) {
        (0, 0) => Ok(()),
        (0, warnings) if args.deny_warnings => Err(CliError::Invalid(format!(
            "{} and --deny-warnings",
            count(warnings, "warning")
        ))),
        (0, _) => Ok(()),
        _ => Err(CliError::Catalog),
    }
}
