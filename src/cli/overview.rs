//! What `skillpath` prints without a command: which catalog is loaded and how to start.

use std::io::{self, Write};

use crate::catalog::{Catalog, Role};
use crate::cli::CliError;
use crate::cli::output::{Align, Table};

pub fn write(out: &mut dyn Write, catalog: &Catalog) -> Result<(), CliError> {
    overview(out, catalog)?;
    Ok(())
}

fn overview(out: &mut dyn Write, catalog: &Catalog) -> io::Result<()> {
    let meta = &catalog.meta;
    writeln!(
        out,
        "skillpath: the shortest stack of micro-credentials to a role"
    )?;
    writeln!(out)?;
    let name = if meta.name.is_empty() {
        "unnamed catalog"
    } else {
        &meta.name
    };
    let as_of = meta
        .as_of
        .as_deref()
        .map_or(String::new(), |d| format!(", figures as of {d}"));
    let currency = if meta.currency.is_empty() {
        "no currency"
    } else {
        &meta.currency
    };
    writeln!(out, "Catalog: {name} ({currency}{as_of})")?;
    writeln!(
        out,
        "  {} roles, {} credentials from {} providers, {} skills",
        catalog.roles.len(),
        catalog.credentials.len(),
        catalog.providers().len(),
        catalog.skills.len()
    )?;
    writeln!(out)?;

    let role = example_role(catalog);
    let role_id = role.map_or("ROLE", |r| r.id.as_str());
    let skill = role
        .and_then(|r| {
            r.requires
                .iter()
                .map(|q| catalog.skills[q.skill].id.as_str())
                .min_by_key(|id| id.len())
        })
        .unwrap_or("SKILL");
    let have = format!("--have {skill}=2");
    let examples = [
        ("roles nearest to you:", format!("skillpath roles {have}")),
        (
            "what a role needs:",
            format!("skillpath gap --role {role_id} {have}"),
        ),
        (
            "the optimal pathway:",
            format!("skillpath plan --role {role_id} {have}"),
        ),
        (
            "validate a catalog:",
            "skillpath check --catalog my-catalog/".into(),
        ),
    ];
    let mut table = Table::new(&[("", Align::Left), ("", Align::Left)]);
    for (what, command) in examples {
        table.row(vec![what.to_string(), command]);
    }
    writeln!(out, "Start with:")?;
    // The table's header row is blank: skip it.
    for line in table.render("  ").lines().skip(1) {
        writeln!(out, "{line}")?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "`skillpath help` lists every command; `skillpath help plan` its options."
    )
}

/// The data analyst when the catalog has one (the README's example), else the role with the
/// shortest id, so the example lines stay short.
fn example_role(catalog: &Catalog) -> Option<&Role> {
    let index = catalog
        .role("data-analyst")
        .or_else(|| (0..catalog.roles.len()).min_by_key(|&r| catalog.roles[r].id.len()))?;
    catalog.roles.get(index)
}
