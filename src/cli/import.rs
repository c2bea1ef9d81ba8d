//! `skillpath import onet DIR`: catalog TOML on stdout or in `--out FILE`; what was imported
//! and what was skipped is said on stderr, so stdout stays a clean TOML file.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::cli::args::{ImportArgs, ImportSource, OnetImportArgs, TechnologyArg};
use crate::cli::output::count;
use crate::cli::{CliError, catalog_arg, stderr_line};
use crate::import::onet::{self, Options, Selection, SkipReason, TechnologyFilter};

pub fn run(catalog: Option<&Path>, args: &ImportArgs, out: &mut dyn Write) -> Result<(), CliError> {
    match &args.source {
        ImportSource::Onet(args) => import_onet(catalog, args, out),
    }
}

fn import_onet(
    catalog: Option<&Path>,
    args: &OnetImportArgs,
    out: &mut dyn Write,
) -> Result<(), CliError> {
    let catalog = catalog_arg::load(catalog)?;
    let options = Options {
        selection: if args.all {
            Selection::All
        } else {
            Selection::Codes(args.occupation.clone())
        },
        min_importance: args.min_importance,
        technology: technology_filter(args.technology),
    };
    let invalid = |error: onet::ImportError| CliError::Invalid(error.to_string());
    let release = onet::read_release(&args.dir, options.technology != TechnologyFilter::None)
        .map_err(invalid)?;
    let import = onet::import(&release, &catalog, &options).map_err(invalid)?;
    let toml = onet::to_toml(&import);
    let destination = match &args.out {
        Some(path) => {
            fs::write(path, &toml).map_err(|error| {
                CliError::Invalid(format!("cannot write `{}`: {error}", path.display()))
            })?;
            format!(" to {}", path.display())
        }
        None => {
            out.write_all(toml.as_bytes())?;
            String::new()
        }
    };
    stderr_line(&format!(
        "imported {} and {}{destination}",
        count(import.roles.len(), "role"),
        count(import.new_skills.len(), "new skill"),
    ));
    for skipped in &import.skipped {
        let why = match skipped.reason {
            SkipReason::NotRated => "O*NET has no Skills or Knowledge ratings for it",
            SkipReason::NothingKept => "every element is below --min-importance or flagged",
        };
        stderr_line(&format!(
            "note: skipped {} {}: {why}",
            skipped.code, skipped.title
        ));
    }
    Ok(())
}

fn technology_filter(arg: TechnologyArg) -> TechnologyFilter {
    match arg {
        TechnologyArg::InDemand => TechnologyFilter::InDemand,
        TechnologyArg::Hot => TechnologyFilter::Hot,
        TechnologyArg::None => TechnologyFilter::None,
    }
}
