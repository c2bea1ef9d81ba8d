//! `skillpath report`: the dated handover report for a client, as Markdown, JSON or a
//! self-contained HTML page, on stdout or into a file. The report is built from the person and
//! their settings only; the profile's advisor notes never reach it.

use std::io::Write;
use std::path::Path;

use crate::catalog::Catalog;
use crate::cli::args::{ReportArgs, ReportFormat};
use crate::cli::person;
use crate::cli::{CliError, stderr_line};
use crate::report::Report;

pub fn run(catalog: &Catalog, args: &ReportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let subject = person::resolve(catalog, &args.person, Some(&args.options))?;
    let role = person::role(catalog, args.role.as_deref(), &subject)?;
    let request = crate::cli::plan::request(role, &subject, &args.options);
    let date = args.date.unwrap_or_else(today);
    let report = Report::build(catalog, &request, &subject.name, date)?;
    let text = match args.format {
        ReportFormat::Markdown => report.markdown(),
        ReportFormat::Json => report.json(),
        ReportFormat::Html => report.html(),
    };
    match &args.out {
        Some(path) => {
            write_file(path, &text)?;
            stderr_line(&format!("wrote the report to {}", path.display()));
            Ok(())
        }
        None => out.write_all(text.as_bytes()).map_err(CliError::Output),
    }
}

/// Today in UTC: the only place the report reads the clock.
pub fn today() -> time::Date {
    time::OffsetDateTime::now_utc().date()
}

fn write_file(path: &Path, text: &str) -> Result<(), CliError> {
    std::fs::write(path, text)
        .map_err(|e| CliError::Invalid(format!("cannot write {}: {e}", path.display())))
}
