//! Who the person is and how they plan: a profile (by name or path) overlaid with flags, which
//! win. Unknown ids on the command line are errors with "did you mean"; stale ids inside a saved
//! profile are warnings, because the profile outlives catalog edits.

use std::path::{Path, PathBuf};

use crate::catalog::{Catalog, CredIdx, RoleIdx};
use crate::cli::args::{PersonArgs, PlanOptions};
use crate::cli::{CliError, stderr_line};
use crate::plan::{Constraints, Objective, Person};
use crate::profile::{Profile, ProfileStore, load_file};

/// A person and their planning settings, in catalog terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Subject {
    pub person: Person,
    pub constraints: Constraints,
    pub objective: Objective,
    pub hours_per_week: f64,
    /// The profile's target role, if it names one the catalog has.
    pub profile_role: Option<RoleIdx>,
    /// The profile's name; empty without a profile.
    pub name: String,
}

/// Builds the subject from `--profile`, `--have`, `--done` and, when given, the plan options.
pub fn resolve(
    catalog: &Catalog,
    args: &PersonArgs,
    options: Option<&PlanOptions>,
) -> Result<Subject, CliError> {
    let (profile, file) = match &args.profile {
        Some(profile) => load_profile(profile)?,
        None => (Profile::new(""), PathBuf::new()),
    };
    let resolved = profile.resolve(catalog);
    for issue in &resolved.issues {
        stderr_line(&format!("warning: {}: {issue}", file.display()));
    }
    let mut subject = Subject {
        person: resolved.person,
        constraints: resolved.constraints,
        objective: profile.objective,
        hours_per_week: profile.hours_per_week,
        profile_role: resolved.role,
        name: profile.name.clone(),
    };

    for have in &args.have {
        let skill = catalog.skill_by_any_name(&have.skill).ok_or_else(|| {
            let known = catalog.skills.iter().flat_map(|s| {
                std::iter::once(s.id.as_str()).chain(s.aliases.iter().map(String::as_str))
            });
            CliError::unknown("skill", &have.skill, known)
        })?;
        subject.person.skills.retain(|&(s, _)| s != skill);
        subject.person.skills.push((skill, have.level));
    }
    subject.person.skills.sort_unstable();
    for id in &args.done {
        subject.person.done.insert(credential(catalog, id)?);
    }

    if let Some(options) = options {
        apply_options(catalog, options, &mut subject)?;
    }
    Ok(subject)
}

fn apply_options(
    catalog: &Catalog,
    options: &PlanOptions,
    subject: &mut Subject,
) -> Result<(), CliError> {
    if let Some(objective) = options.objective {
        subject.objective = objective.into();
    }
    if let Some(hours) = options.hours_per_week {
        subject.hours_per_week = hours;
    }
    let constraints = &mut subject.constraints;
    if options.budget_cost.is_some() {
        constraints.budget_cost = options.budget_cost;
    }
    if options.budget_hours.is_some() {
        constraints.budget_hours = options.budget_hours;
    }
    for id in &options.exclude {
        constraints.exclude.insert(credential(catalog, id)?);
    }
    let providers = catalog.providers();
    for provider in &options.exclude_provider {
        if !providers.contains(&provider.as_str()) {
            return Err(CliError::unknown(
                "provider",
                provider,
                providers.iter().copied(),
            ));
        }
        constraints.exclude_providers.insert(provider.clone());
    }
    Ok(())
}

/// `--role ROLE`, else the profile's target role; a plan needs one.
pub fn role(catalog: &Catalog, flag: Option<&str>, subject: &Subject) -> Result<RoleIdx, CliError> {
    match flag {
        Some(id) => catalog
            .role(id)
            .ok_or_else(|| CliError::unknown_role(id, catalog)),
        None => subject.profile_role.ok_or_else(|| {
            CliError::Usage(
                "which role? pass --role ROLE (or set target_role in the profile)".into(),
            )
        }),
    }
}

fn credential(catalog: &Catalog, id: &str) -> Result<CredIdx, CliError> {
    catalog.credential(id).ok_or_else(|| {
        CliError::unknown(
            "credential",
            id,
            catalog.credentials.iter().map(|c| c.id.as_str()),
        )
    })
}

/// A path when it looks like one (has a '/' or ends in .toml), else a name in the store; with
/// the file it was read from, for the warnings about it.
fn load_profile(profile: &str) -> Result<(Profile, PathBuf), CliError> {
    let is_path = profile.contains('/')
        || profile.contains(std::path::MAIN_SEPARATOR)
        || profile.ends_with(".toml");
    if is_path {
        Ok((load_file(Path::new(profile))?, PathBuf::from(profile)))
    } else {
        let store = ProfileStore::open_default()?;
        Ok((store.load(profile)?, store.path_of(profile)))
    }
}
