//! The `skillpath` binary: parse the command line and hand over to the library.

use std::io::{self, IsTerminal};
use std::process::ExitCode;

use clap::Parser;
use skillpath::cli::{self, Cli};

fn main() -> ExitCode {
    // clap prints usage errors itself and exits with 2.
    let args = Cli::parse();
    match args.command {
        Some(command) => cli::run(args.catalog.as_deref(), command),
        // A person at a terminal gets the app; a script or pipe gets the overview.
        None if io::stdin().is_terminal() && io::stdout().is_terminal() => {
            skillpath::tui::launch(skillpath::tui::TuiOptions {
                catalog: args.catalog,
                profile: args.profile,
            })
        }
        None => cli::overview(args.catalog.as_deref()),
    }
}
