//! `skillpath check`: validate a catalog. Text diagnostics go to stderr (they are messages, not
//! data); JSON goes to stdout for tools. Exit 1 when there is any error.

use std::io::Write;
use std::path::Path;

use crate::cli::CliError;
use crate::cli::args::{CheckArgs, DataFormat};
use crate::cli::catalog_arg::{load_all, print_diagnostics, tally};

pub fn run(catalog: Option<&Path>, args: &CheckArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let diagnostics = load_all(catalog).diagnostics;
    match args.format {
        DataFormat::Text => print_diagnostics(&diagnostics),
        DataFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &diagnostics).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
    }
    let (errors, _) = tally(&diagnostics);
    if errors > 0 {
        Err(CliError::Catalog)
    } else {
        Ok(())
    }
}
