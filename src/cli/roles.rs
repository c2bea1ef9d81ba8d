//! `skillpath roles`: every role ranked by the optimal objective to close its gap for this
//! person, nearest first.

use std::io::Write;
use std::time::Duration;

use crate::catalog::Catalog;
use crate::cli::CliError;
use crate::cli::args::{DataFormat, RolesArgs};
use crate::cli::output::{RolesView, json, text};
use crate::cli::person;
use crate::plan::rank_roles;

pub fn run(catalog: &Catalog, args: &RolesArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let subject = person::resolve(catalog, &args.person, Some(&args.options))?;
    let mut ranks = rank_roles(
        catalog,
        &subject.person,
        subject.objective,
        &subject.constraints,
        Duration::from_millis(args.options.time_limit_ms),
    )?;
    if let Some(top) = args.top {
        ranks.truncate(top);
    }
    let view = RolesView {
        catalog,
        ranks: &ranks,
        objective: subject.objective,
    };
    match args.format {
        DataFormat::Text => text::roles(out, &view)?,
        DataFormat::Json => json::roles(out, &view)?,
    }
    Ok(())
}
