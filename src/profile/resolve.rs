//! Mapping a profile's ids onto a catalog. Catalogs change under saved profiles, so an id the
//! catalog no longer has is an issue to show, not a failure: the rest of the profile still plans.

use std::collections::BTreeSet;

use crate::catalog::suggest::did_you_mean;
use crate::catalog::{Catalog, Level, MAX_LEVEL, RoleIdx};
use crate::plan::{Constraints, Person};
use crate::profile::Profile;

/// A profile in catalog terms.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Resolved {
    pub person: Person,
    pub constraints: Constraints,
    /// The target role, when the profile names one the catalog has.
    pub role: Option<RoleIdx>,
    /// One line per id the catalog does not know or value out of range, each with a hint.
    pub issues: Vec<String>,
}

impl Profile {
    pub fn resolve(&self, catalog: &Catalog) -> Resolved {
        let mut issues = Vec::new();

        let role = self.target_role.as_deref().and_then(|id| {
            let role = catalog.role(id);
            if role.is_none() {
                let ids = catalog.roles.iter().map(|r| r.id.as_str());
                issues.push(missing("role", id, ids));
            }
            role
        });

        let mut skills: Vec<(usize, Level)> = Vec::new();
        for (id, &level) in &self.skills {
            let Some(skill) = catalog.skill(id) else {
                let ids = catalog.skills.iter().map(|s| s.id.as_str());
                issues.push(missing("skill", id, ids));
                continue;
            };
            if level > MAX_LEVEL {
                issues.push(format!(
                    "profile gives skill `{id}` level {level}; counted as {MAX_LEVEL}, the highest"
                ));
            }
            if level > 0 {
                skills.push((skill, level.min(MAX_LEVEL)));
            }
        }
        skills.sort_unstable();

        let done = credentials(catalog, &self.done, &mut issues);
        let exclude = credentials(catalog, &self.exclude, &mut issues);

        let providers = catalog.providers();
        for provider in &self.exclude_providers {
            if !providers.contains(&provider.as_str()) {
                issues.push(missing("provider", provider, providers.iter().copied()));
            }
        }

        Resolved {
            person: Person { skills, done },
            constraints: Constraints {
                exclude,
                exclude_providers: self.exclude_providers.clone(),
                budget_cost: self.budget_cost,
                budget_hours: self.budget_hours,
            },
            role,
            issues,
        }
    }
}

fn credentials(
    catalog: &Catalog,
    ids: &BTreeSet<String>,
    issues: &mut Vec<String>,
) -> BTreeSet<usize> {
    ids.iter()
        .filter_map(|id| {
            let credential = catalog.credential(id);
            if credential.is_none() {
                let ids = catalog.credentials.iter().map(|c| c.id.as_str());
                issues.push(missing("credential", id, ids));
            }
            credential
        })
        .collect()
}

fn missing<'a>(kind: &str, id: &str, candidates: impl Iterator<Item = &'a str>) -> String {
    let mut issue = format!("profile names {kind} `{id}` that the catalog does not have");
    if let Some(suggestion) = did_you_mean(id, candidates) {
        issue.push_str(&format!(" (did you mean `{suggestion}`?)"));
    }
    issue
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::{CatalogMeta, Credential, Role, Skill};

    fn catalog() -> Catalog {
        let skill = |id: &str| Skill {
            id: id.into(),
            name: id.into(),
            category: Default::default(),
            aliases: Vec::new(),
            description: String::new(),
            parent: None,
            codes: Vec::new(),
        };
        let credential = Credential {
            id: "sql-basics".into(),
            title: "SQL Basics".into(),
            provider: "Acme".into(),
            kind: Default::default(),
            hours: 10.0,
            cost: 0.0,
            format: Default::default(),
            url: None,
            grants: vec![(0, 2)],
            requires: Vec::new(),
            requires_any: Vec::new(),
            requires_skills: Vec::new(),
            parts: Vec::new(),
            valid_years: None,
        };
        let role = Role {
            id: "data-analyst".into(),
            title: "Data Analyst".into(),
            description: String::new(),
            requires: Vec::new(),
            optional: Vec::new(),
            codes: Vec::new(),
        };
        Catalog::new(
            CatalogMeta::default(),
            vec![skill("sql"), skill("python")],
            vec![credential],
            vec![role],
        )
    }

    #[test]
    fn known_ids_become_indices() {
        let mut profile = Profile::new("ana");
        profile.target_role = Some("data-analyst".into());
        profile.skills.insert("python".into(), 2);
        profile.skills.insert("sql".into(), 1);
        profile.done.insert("sql-basics".into());
        profile.exclude_providers.insert("Acme".into());
        profile.budget_cost = Some(100.0);

        let resolved = profile.resolve(&catalog());
        assert_eq!(resolved.issues, Vec::<String>::new());
        assert_eq!(resolved.role, Some(0));
        assert_eq!(resolved.person.skills, vec![(0, 1), (1, 2)]);
        assert_eq!(resolved.person.done, BTreeSet::from([0]));
        assert_eq!(resolved.constraints.budget_cost, Some(100.0));
    }

    #[test]
    fn ids_the_catalog_lost_are_issues_with_suggestions_and_the_rest_resolves() {
        let mut profile = Profile::new("ana");
        profile.target_role = Some("data-analist".into());
        profile.skills.insert("pyhton".into(), 2);
        profile.skills.insert("sql".into(), 1);
        profile.exclude.insert("sql-basic".into());
        profile.exclude_providers.insert("Nobody".into());

        let resolved = profile.resolve(&catalog());
        assert_eq!(resolved.role, None);
        assert_eq!(resolved.person.skills, vec![(0, 1)]);
        assert!(resolved.constraints.exclude.is_empty());
        let issues = resolved.issues.join("\n");
        assert!(issues.contains("role `data-analist`"), "{issues}");
        assert!(issues.contains("did you mean `data-analyst`?"), "{issues}");
        assert!(issues.contains("skill `pyhton`"), "{issues}");
        assert!(issues.contains("did you mean `python`?"), "{issues}");
        assert!(issues.contains("credential `sql-basic`"), "{issues}");
        assert!(issues.contains("provider `Nobody`"), "{issues}");
    }

    #[test]
    fn levels_set_in_memory_out_of_range_are_clamped_with_an_issue() {
        let mut profile = Profile::new("ana");
        profile.skills.insert("sql".into(), 9);
        profile.skills.insert("python".into(), 0);
        let resolved = profile.resolve(&catalog());
        assert_eq!(resolved.person.skills, vec![(0, MAX_LEVEL)]);
        assert_eq!(resolved.issues.len(), 1, "{:?}", resolved.issues);
    }
}
