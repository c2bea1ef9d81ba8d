//! `skillpath stats`: what a catalog maintainer looks at before adding data. The figures come
//! from [`crate::catalog::stats`]; here they are only printed, as text or as JSON.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::stats::{CatalogStats, CredentialStats, stats};
use crate::catalog::{Catalog, CredIdx, SkillCategory};
use crate::cli::CliError;
use crate::cli::args::{DataFormat, StatsArgs};
use crate::cli::output::{Align, Table, count, number};

pub fn run(catalog: &Catalog, args: &StatsArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let figures = stats(catalog);
    match args.format {
        DataFormat::Text => text(out, catalog, &figures, args.top)?,
        DataFormat::Json => json(out, catalog, &figures)?,
    }
    Ok(())
}

fn family_name(family: SkillCategory) -> &'static str {
    match family {
        SkillCategory::Technical => "technical",
        SkillCategory::Soft => "soft",
        SkillCategory::Industry => "industry",
    }
}

/// "4 of 5 (80%)"; a family no role needs shows "-".
fn coverage(reachable: usize, total: usize) -> String {
    if total == 0 {
        return "-".to_owned();
    }
    let share = reachable as f64 * 100.0 / total as f64;
    format!("{reachable} of {total} ({share:.0}%)")
}

/// Role ids, at most `shown` of them, then how many more.
fn role_list(catalog: &Catalog, roles: &[usize], shown: usize) -> String {
    let mut ids: Vec<&str> = roles
        .iter()
        .take(shown)
        .map(|&r| catalog.roles[r].id.as_str())
        .collect();
    let more = roles.len().saturating_sub(shown);
    let more = format!("+{more}");
    if roles.len() > shown {
        ids.push(&more);
    }
    ids.join(", ")
}

fn text(
    out: &mut dyn Write,
    catalog: &Catalog,
    figures: &CatalogStats,
    top: usize,
) -> io::Result<()> {
    writeln!(
        out,
        "Catalog: {} ({}, {}, {}, {})",
        catalog.meta.name,
        count(catalog.skills.len(), "skill"),
        count(catalog.credentials.len(), "credential"),
        count(catalog.roles.len(), "role"),
        count(figures.providers.len(), "provider"),
    )?;

    writeln!(out, "\nSkill families")?;
    let mut table = Table::new(&[
        ("Family", Align::Left),
        ("Skills", Align::Right),
        ("Credentials", Align::Right),
        ("Role requirements reachable", Align::Right),
    ]);
    for family in &figures.families {
        table.row(vec![
            family_name(family.family).to_owned(),
            family.skills.to_string(),
            family.credentials.to_string(),
            coverage(family.reachable_requirements, family.role_requirements),
        ]);
    }
    write!(out, "{}", table.render("  "))?;

    writeln!(out, "\nProviders, most credentials first")?;
    let mut table = Table::new(&[
        ("Provider", Align::Left),
        ("Credentials", Align::Right),
        ("Hours", Align::Right),
    ]);
    for provider in figures.providers.iter().take(top) {
        table.row(vec![
            provider.provider.clone(),
            provider.credentials.to_string(),
            number(provider.hours),
        ]);
    }
    write!(out, "{}", table.render("  "))?;
    if figures.providers.len() > top {
        writeln!(out, "  ... and {} more", figures.providers.len() - top)?;
    }

    writeln!(
        out,
        "\nRole skills no credential can reach: {}",
        figures.unreachable.len()
    )?;
    if !figures.unreachable.is_empty() {
        let mut table = Table::new(&[
            ("Skill", Align::Left),
            ("Best", Align::Right),
            ("Needed by (level)", Align::Left),
        ]);
        for skill in &figures.unreachable {
            let needed_by: Vec<String> = skill
                .needed_by
                .iter()
                .map(|&(role, level)| format!("{} ({level})", catalog.roles[role].id))
                .collect();
            table.row(vec![
                catalog.skills[skill.skill].id.clone(),
                skill.best_available.to_string(),
                needed_by.join(", "),
            ]);
        }
        write!(out, "{}", table.render("  "))?;
    }

    writeln!(
        out,
        "\nOrphan credentials (no role needs what they lead to): {}",
        figures.orphans.len()
    )?;
    if !figures.orphans.is_empty() {
        let mut table = Table::new(&[("Credential", Align::Left), ("Title", Align::Left)]);
        for &orphan in &figures.orphans {
            let credential = &catalog.credentials[orphan];
            table.row(vec![credential.id.clone(), credential.title.clone()]);
        }
        write!(out, "{}", table.render("  "))?;
    }

    let mut ranked: Vec<CredIdx> = (0..figures.credentials.len()).collect();
    let by_id =
        |a: &CredIdx, b: &CredIdx| catalog.credentials[*a].id.cmp(&catalog.credentials[*b].id);
    ranked.sort_by(|a, b| {
        let (x, y) = (&figures.credentials[*a], &figures.credentials[*b]);
        y.unlocks.cmp(&x.unlocks).then_with(|| by_id(a, b))
    });
    writeln!(out, "\nBlocking: credentials that unlock the most others")?;
    credential_table(out, catalog, figures, ranked.iter().take(top))?;
    ranked.sort_by(|a, b| {
        let (x, y) = (&figures.credentials[*a], &figures.credentials[*b]);
        y.chain_hours
            .total_cmp(&x.chain_hours)
            .then_with(|| y.chain_credentials.cmp(&x.chain_credentials))
            .then_with(|| by_id(a, b))
    });
    writeln!(
        out,
        "\nDelay: credentials on the longest prerequisite chains (by hours)"
    )?;
    credential_table(out, catalog, figures, ranked.iter().take(top))?;
    writeln!(
        out,
        "\nUnlocks: credentials it leads to, directly or not (requires, parts, any-of groups, \
         skill prerequisites). Chain: the longest chain through it. `--format json` lists \
         every credential."
    )
}

fn credential_table<'a>(
    out: &mut dyn Write,
    catalog: &Catalog,
    figures: &CatalogStats,
    credentials: impl Iterator<Item = &'a CredIdx>,
) -> io::Result<()> {
    let mut table = Table::new(&[
        ("Credential", Align::Left),
        ("Unlocks", Align::Right),
        ("Chain", Align::Right),
        ("Chain hours", Align::Right),
        ("Helps roles", Align::Left),
    ]);
    for &credential in credentials {
        let figures: &CredentialStats = &figures.credentials[credential];
        table.row(vec![
            catalog.credentials[credential].id.clone(),
            figures.unlocks.to_string(),
            figures.chain_credentials.to_string(),
            number(figures.chain_hours),
            role_list(catalog, &figures.helps_roles, 3),
        ]);
    }
    write!(out, "{}", table.render("  "))
}

#[derive(Serialize)]
struct StatsJson<'a> {
    catalog: &'a str,
    counts: CountsJson,
    families: Vec<FamilyJson>,
    providers: Vec<ProviderJson<'a>>,
    unreachable: Vec<UnreachableJson<'a>>,
    orphans: Vec<&'a str>,
    credentials: Vec<CredentialJson<'a>>,
}

#[derive(Serialize)]
struct CountsJson {
    skills: usize,
    credentials: usize,
    roles: usize,
    providers: usize,
}

#[derive(Serialize)]
struct FamilyJson {
    family: &'static str,
    skills: usize,
    credentials: usize,
    role_requirements: usize,
    reachable_requirements: usize,
}

#[derive(Serialize)]
struct ProviderJson<'a> {
    provider: &'a str,
    credentials: usize,
    hours: f64,
}

#[derive(Serialize)]
struct UnreachableJson<'a> {
    skill: &'a str,
    best_available: u8,
    needed_by: Vec<NeededJson<'a>>,
}

#[derive(Serialize)]
struct NeededJson<'a> {
    role: &'a str,
    need: u8,
}

#[derive(Serialize)]
struct CredentialJson<'a> {
    id: &'a str,
    unlocks: usize,
    chain_credentials: usize,
    chain_hours: f64,
    helps_roles: Vec<&'a str>,
}

fn json(out: &mut dyn Write, catalog: &Catalog, figures: &CatalogStats) -> io::Result<()> {
    let role_id = |r: usize| catalog.roles[r].id.as_str();
    let document = StatsJson {
        catalog: &catalog.meta.name,
        counts: CountsJson {
            skills: catalog.skills.len(),
            credentials: catalog.credentials.len(),
            roles: catalog.roles.len(),
            providers: figures.providers.len(),
        },
        families: figures
            .families
            .iter()
            .map(|f| FamilyJson {
                family: family_name(f.family),
                skills: f.skills,
                credentials: f.credentials,
                role_requirements: f.role_requirements,
                reachable_requirements: f.reachable_requirements,
            })
            .collect(),
        providers: figures
            .providers
            .iter()
            .map(|p| ProviderJson {
                provider: &p.provider,
                credentials: p.credentials,
                hours: p.hours,
            })
            .collect(),
        unreachable: figures
            .unreachable
            .iter()
            .map(|u| UnreachableJson {
                skill: &catalog.skills[u.skill].id,
                best_available: u.best_available,
                needed_by: u
                    .needed_by
                    .iter()
                    .map(|&(role, need)| NeededJson {
                        role: role_id(role),
                        need,
                    })
                    .collect(),
            })
            .collect(),
        orphans: figures
            .orphans
            .iter()
            .map(|&c| catalog.credentials[c].id.as_str())
            .collect(),
        credentials: figures
            .credentials
            .iter()
            .zip(&catalog.credentials)
            .map(|(f, credential)| CredentialJson {
                id: &credential.id,
                unlocks: f.unlocks,
                chain_credentials: f.chain_credentials,
                chain_hours: f.chain_hours,
                helps_roles: f.helps_roles.iter().map(|&r| role_id(r)).collect(),
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    writeln!(out)
}
