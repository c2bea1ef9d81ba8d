//! `skillpath gap`: every skill a role requires against the person's level, and which of the
//! missing ones the catalog can close at all.

use std::io::Write;

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx, RoleIdx};
use crate::cli::CliError;
use crate::cli::args::{DataFormat, GapArgs};
use crate::cli::output::{GapReport, GapRow, json, text};
use crate::cli::person;
use crate::plan::{Person, current_levels, fit};

pub fn run(catalog: &Catalog, args: &GapArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let subject = person::resolve(catalog, &args.person, None)?;
    let role = person::role(catalog, args.role.as_deref(), &subject)?;
    let report = report(catalog, role, &subject.person);
    match args.format {
        DataFormat::Text => text::gap(out, catalog, &report)?,
        DataFormat::Json => json::gap(out, catalog, &report)?,
    }
    Ok(())
}

pub fn report(catalog: &Catalog, role: RoleIdx, person: &Person) -> GapReport {
    let levels = current_levels(catalog, person);
    // The most any pathway can reach: take everything that ever becomes allowed.
    let mut best = Reach::start(catalog, &person.skills, person.done.iter().copied());
    let all: Vec<CredIdx> = (0..catalog.credentials.len()).collect();
    best.saturate(catalog, &all);
    let rows = catalog.roles[role]
        .requires
        .iter()
        .map(|r| GapRow {
            skill: r.skill,
            have: levels[r.skill],
            need: r.level,
            importance: r.importance,
            best_available: best.levels[r.skill],
        })
        .collect();
    GapReport {
        role,
        fit: fit(catalog, role, person),
        rows,
    }
}
