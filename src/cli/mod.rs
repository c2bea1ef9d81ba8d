//! The command line: parse (see [`args`]), load the catalog, run one command, print its result.
//! Commands print through a [`Write`] so tests can capture them and a closed pipe (`| head`)
//! ends the program quietly instead of panicking.

pub mod args;
mod catalog_arg;
mod check;
mod compare;
mod error;
mod fmt;
mod gap;
mod graph;
mod import;
pub mod output;
mod overview;
mod person;
mod plan;
mod report;
mod roles;
mod stats;
mod values;

use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;

pub use args::{Cli, Command};
pub use error::CliError;

/// Runs one subcommand and returns the process exit code (0 done, 1 invalid input, 2 usage).
pub fn run(catalog: Option<&Path>, command: Command) -> ExitCode {
    finish(with_stdout(|out| dispatch(catalog, command, out)))
}

/// What `skillpath` without a command prints: the catalog and how to plan.
pub fn overview(catalog: Option<&Path>) -> ExitCode {
    finish(with_stdout(|out| {
        let catalog = catalog_arg::load(catalog)?;
        overview::write(out, &catalog)
    }))
}

fn dispatch(catalog: Option<&Path>, command: Command, out: &mut dyn Write) -> Result<(), CliError> {
    match command {
        Command::Check(args) => check::run(catalog, &args, out),
        Command::Schema => {
            writeln!(out, "{}", crate::catalog::schema::json_schema()).map_err(CliError::Output)
        }
        Command::Stats(args) => stats::run(&catalog_arg::load(catalog)?, &args, out),
        Command::Fmt(args) => fmt::run(catalog, &args, out),
        Command::Plan(args) => plan::run(&catalog_arg::load(catalog)?, &args, out),
        Command::Gap(args) => gap::run(&catalog_arg::load(catalog)?, &args, out),
        Command::Roles(args) => roles::run(&catalog_arg::load(catalog)?, &args, out),
        Command::Graph(args) => graph::run(&catalog_arg::load(catalog)?, &args, out),
        Command::Import(args) => import::run(catalog, &args, out),
        Command::Compare(args) => compare::run(&catalog_arg::load(catalog)?, &args, out),
        Command::Report(args) => report::run(&catalog_arg::load(catalog)?, &args, out),
    }
}

fn with_stdout(body: impl FnOnce(&mut dyn Write) -> Result<(), CliError>) -> Result<(), CliError> {
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let result = body(&mut out);
    // Flush what was written even when the command failed (check --format json prints its
    // diagnostics and then fails).
    let flushed = out.flush().map_err(CliError::Output);
    result.and(flushed)
}

fn finish(result: Result<(), CliError>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            if let Some(message) = error.message() {
                stderr_line(&format!("error: {message}"));
            }
            ExitCode::from(error.exit_code())
        }
    }
}

/// Writes a line to stderr; a closed stderr is not worth a panic.
fn stderr_line(line: &str) {
    let _ = writeln!(io::stderr(), "{line}");
}

/// Colour on stderr only when a person is looking at it and has not asked for none.
fn stderr_color() -> bool {
    io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
}
