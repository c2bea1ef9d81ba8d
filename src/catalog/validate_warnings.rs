//! Stage 5: warnings, for a catalog without errors. Nothing here stops planning, but each one
//! usually means data is missing: a role skill no credential lifts far enough, a credential
//! whose prerequisites can never be met, a skill nothing uses.

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::reach::{Reach, reach_all};
use crate::catalog::validate::Report;
use crate::catalog::validate_model::Model;
use crate::catalog::{Catalog, CredIdx};

pub(crate) fn check(report: &mut Report, catalog: &Catalog, model: &Model) {
    let reach = reach_all(catalog, |_| false);
    unreachable_levels(report, catalog, model, &reach);
    untakeable_credentials(report, catalog, model, &reach);
    unused_skills(report, catalog, model);
}

fn unreachable_levels(report: &mut Report, catalog: &Catalog, model: &Model, reach: &Reach) {
    for (index, role) in catalog.roles.iter().enumerate() {
        for requirement in &role.requires {
            let best = reach.levels[requirement.skill];
            if best >= requirement.level {
                continue;
            }
            let Some(at) = model.requirement_at.get(&(index, requirement.skill)) else {
                continue;
            };
            let skill = &catalog.skills[requirement.skill].id;
            let reached = match best {
                0 => "no credential grants it".to_owned(),
                level => format!("the catalog reaches at most level {level}"),
            };
            report.push(
                at,
                Diagnostic::warning(
                    "unreachable-level",
                    format!(
                        "role `{}` needs `{skill}` at level {}, but {reached}",
                        role.id, requirement.level
                    ),
                )
                .with_help(
                    "add a credential that grants it at that level, or lower the requirement",
                ),
            );
        }
    }
}

fn untakeable_credentials(report: &mut Report, catalog: &Catalog, model: &Model, reach: &Reach) {
    for (index, credential) in catalog.credentials.iter().enumerate() {
        if reach.done[index] {
            continue;
        }
        let mut diagnostic = Diagnostic::warning(
            "untakeable-credential",
            format!("credential `{}` can never be taken", credential.id),
        );
        if let Some(reason) = first_unmet(catalog, reach, index) {
            diagnostic = diagnostic.with_help(reason);
        }
        report.push(&model.credential_ids.at[index], diagnostic);
    }
}

/// Why `credential` stays closed after taking everything that can be taken.
fn first_unmet(catalog: &Catalog, reach: &Reach, credential: CredIdx) -> Option<String> {
    let c = &catalog.credentials[credential];
    let id = |i: CredIdx| catalog.credentials[i].id.as_str();
    if let Some(p) = c.hard_prerequisites().find(|&p| !reach.done[p]) {
        return Some(format!(
            "it needs `{}`, which can never be taken either",
            id(p)
        ));
    }
    if let Some(group) = c
        .requires_any
        .iter()
        .find(|g| !g.iter().any(|&p| reach.done[p]))
    {
        let names: Vec<String> = group.iter().map(|&p| format!("`{}`", id(p))).collect();
        return Some(format!("none of {} can ever be taken", names.join(", ")));
    }
    c.requires_skills
        .iter()
        .find(|&&(skill, level)| reach.levels[skill] < level)
        .map(|&(skill, level)| {
            format!(
                "it needs `{}` at level {level}, but the catalog reaches at most level {}",
                catalog.skills[skill].id, reach.levels[skill]
            )
        })
}

fn unused_skills(report: &mut Report, catalog: &Catalog, model: &Model) {
    let mut used = vec![false; catalog.skills.len()];
    for credential in &catalog.credentials {
        for &(skill, _) in credential.grants.iter().chain(&credential.requires_skills) {
            used[skill] = true;
        }
    }
    for role in &catalog.roles {
        for requirement in role.requires.iter().chain(&role.optional) {
            used[requirement.skill] = true;
        }
    }
    for skill in &catalog.skills {
        if let Some(parent) = skill.parent {
            used[parent] = true;
        }
    }
    const HELP: &str =
        "no credential grants or requires it, no role asks for it, and no skill has it as `parent`";
    for (index, skill) in catalog.skills.iter().enumerate() {
        if !used[index] {
            let message = format!("skill `{}` is not used", skill.id);
            let warning = Diagnostic::warning("unused-skill", message).with_help(HELP);
            report.push(&model.skill_ids.at[index], warning);
        }
    }
}
