//! `skillpath graph`: Graphviz DOT of a pathway (its steps, with held credentials dimmed) or,
//! with `--all`, of the whole catalog.

use std::io::Write;

use crate::catalog::Catalog;
use crate::catalog::graph::{DotOptions, to_dot};
use crate::cli::CliError;
use crate::cli::args::GraphArgs;
use crate::cli::person;
use crate::cli::plan::solve;

pub fn run(catalog: &Catalog, args: &GraphArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let options = if args.all {
        let subject = person::resolve(catalog, &args.person, None)?;
        DotOptions {
            subset: None,
            held: subject.person.done,
            title: catalog.meta.name.clone(),
        }
    } else {
        if args.role.is_none() && args.person.profile.is_none() {
            return Err(CliError::Usage(
                "which graph? pass --role ROLE for a pathway, or --all for the whole catalog"
                    .into(),
            ));
        }
        let (role, subject, plan) =
            solve(catalog, args.role.as_deref(), &args.person, &args.options)?;
        let held = subject.person.done;
        let subset = plan
            .steps
            .iter()
            .map(|step| step.credential)
            .chain(held.iter().copied())
            .collect();
        DotOptions {
            subset: Some(subset),
            held,
            title: format!("Pathway to {}", catalog.roles[role].title),
        }
    };
    write!(out, "{}", to_dot(catalog, &options))?;
    Ok(())
}
