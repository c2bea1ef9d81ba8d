//! Stage 3b: from raw items to the indexed model. Checks required keys, values and references,
//! and records where each prerequisite reference was written, for the cycle check.
//!
//! The model is built even when errors are found (bad values and unknown references are left
//! out), so that later stages can still find cycles; `load` never hands out a catalog built
//! from a report with errors.

use std::collections::HashMap;
use std::fmt::Display;

use serde_spanned::Spanned;

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::graph::EdgeKind;
use crate::catalog::raw::{Entries, RawCategory, RawLevel, RawMeta, RawSkill};
use crate::catalog::validate::{At, Named, Quoted, Report};
use crate::catalog::validate_ids::{Ids, Resolver};
use crate::catalog::validate_shape::{Decoded, Item};
use crate::catalog::validate_values::{Scale, check_level};
use crate::catalog::{
    CatalogMeta, CredIdx, Credential, Level, Role, RoleIdx, Skill, SkillCategory, SkillIdx,
};

/// Where a prerequisite reference (`dependent` lists `prerequisite`) was written.
#[derive(Debug, Clone)]
pub(crate) struct PrerequisiteRef {
    pub dependent: CredIdx,
    pub prerequisite: CredIdx,
    pub kind: EdgeKind,
    pub at: At,
}

#[derive(Debug, Default)]
pub(crate) struct Model {
    pub meta: CatalogMeta,
    pub skills: Vec<Skill>,
    pub credentials: Vec<Credential>,
    pub roles: Vec<Role>,
    pub skill_ids: Ids,
    pub credential_ids: Ids,
    pub role_ids: Ids,
    pub prerequisites: Vec<PrerequisiteRef>,
    /// Where each skill's `parent` was written.
    pub parent_at: HashMap<SkillIdx, At>,
    /// Where each role requirement's skill was written.
    pub requirement_at: HashMap<(RoleIdx, SkillIdx), At>,
}

/// Builds the model from every decoded item. `all_files_parsed` is false when some file had
/// syntax errors: its ids are unknown, so unknown references are not reported.
pub(crate) fn build(report: &mut Report, decoded: &Decoded, all_files_parsed: bool) -> Model {
    let model = Model {
        meta: meta(report, &decoded.meta),
        skill_ids: Ids::register(report, &decoded.skills, |s| &s.id, "skill"),
        credential_ids: Ids::register(report, &decoded.credentials, |c| &c.id, "credential"),
        role_ids: Ids::register(report, &decoded.roles, |r| &r.id, "role"),
        ..Model::default()
    };
    let skills = Resolver {
        ids: &model.skill_ids,
        kind: "skill",
        code: "unknown-skill",
        report_unknown: all_files_parsed,
    };
    let credentials = Resolver {
        ids: &model.credential_ids,
        kind: "credential",
        code: "unknown-credential",
        report_unknown: all_files_parsed,
    };
    let mut builder = Builder {
        report,
        skills,
        credentials,
        roles: &model.role_ids,
        prerequisites: Vec::new(),
        parent_at: HashMap::new(),
        requirement_at: HashMap::new(),
    };
    let skills: Vec<Skill> = model
        .skill_ids
        .items
        .iter()
        .enumerate()
        .map(|(index, &item)| builder.skill(index, &decoded.skills[item]))
        .collect();
    let credentials: Vec<Credential> = model
        .credential_ids
        .items
        .iter()
        .enumerate()
        .map(|(index, &item)| builder.credential(index, &decoded.credentials[item]))
        .collect();
    let roles: Vec<Role> = model
        .role_ids
        .items
        .iter()
        .enumerate()
        .map(|(index, &item)| builder.role(index, &decoded.roles[item]))
        .collect();
    let (prerequisites, parent_at, requirement_at) = (
        builder.prerequisites,
        builder.parent_at,
        builder.requirement_at,
    );
    Model {
        skills,
        credentials,
        roles,
        prerequisites,
        parent_at,
        requirement_at,
        ..model
    }
}

/// The `[catalog]` table: at most one across all files.
fn meta(report: &mut Report, items: &[Item<RawMeta>]) -> CatalogMeta {
    let Some((first, rest)) = items.split_first() else {
        return default_meta();
    };
    for duplicate in rest {
        let help = format!("first defined at {}", report.location(&first.at));
        report.push(
            &duplicate.at,
            Diagnostic::error("duplicate-catalog", "`[catalog]` is defined more than once")
                .with_help(help),
        );
    }
    let text = |t: &Option<Spanned<String>>| t.as_ref().map(|s| s.get_ref().clone());
    let raw = &first.raw;
    if let Some(currency) = &raw.currency {
        let code = currency.get_ref();
        if code.len() != 3 || !code.chars().all(|c| c.is_ascii_uppercase()) {
            report.push(
                &At::of(first.at.file, currency),
                Diagnostic::error("invalid-currency", format!("invalid currency `{code}`"))
                    .with_help("use a three-letter ISO 4217 code such as `USD` or `EUR`"),
            );
        }
    }
    let defaults = default_meta();
    CatalogMeta {
        name: text(&raw.name).unwrap_or(defaults.name),
        currency: text(&raw.currency).unwrap_or(defaults.currency),
        as_of: text(&raw.as_of),
        version: text(&raw.version),
    }
}

/// What a catalog without `[catalog]` is called; its costs are read as US dollars.
fn default_meta() -> CatalogMeta {
    CatalogMeta {
        name: "Untitled catalog".to_owned(),
        currency: "USD".to_owned(),
        as_of: None,
        version: None,
    }
}

/// Turns raw items into model items; its methods for credentials and roles live in
/// `validate_credential` and `validate_role`.
pub(crate) struct Builder<'r, 'a, 'i> {
    pub report: &'r mut Report<'a>,
    pub skills: Resolver<'i>,
    pub credentials: Resolver<'i>,
    pub roles: &'i Ids,
    pub prerequisites: Vec<PrerequisiteRef>,
    pub parent_at: HashMap<SkillIdx, At>,
    pub requirement_at: HashMap<(RoleIdx, SkillIdx), At>,
}

impl Builder<'_, '_, '_> {
    /// Reports, in one diagnostic, the required keys of `item` that are missing; `keys` pairs
    /// each required key with whether it is present. Keys present with the wrong type were
    /// reported already and are not "missing".
    pub fn require_keys<T>(&mut self, item: &Item<T>, what: &dyn Display, keys: &[(&str, bool)]) {
        let missing: Vec<&str> = keys
            .iter()
            .filter(|&&(key, present)| !present && !item.is_broken(key))
            .map(|&(key, _)| key)
            .collect();
        let (listed, help) = match missing.as_slice() {
            [] => return,
            [key] => (format!("`{key}`"), format!("add `{key} = ...` to it")),
            [first @ .., last] => (
                format!("`{}` or `{last}`", first.join("`, `")),
                "add each of them as `key = ...`".to_owned(),
            ),
        };
        self.report.push(
            &item.at,
            Diagnostic::error("missing-key", format!("{what} has no {listed}")).with_help(help),
        );
    }

    fn skill(&mut self, index: SkillIdx, item: &Item<RawSkill>) -> Skill {
        let raw = &item.raw;
        let file = item.at.file;
        let id = self.skills.ids.ids[index].clone();
        let what = Named::new("skill", &id);
        self.require_keys(item, &what, &[("name", raw.name.is_some())]);
        let name = raw.name.as_ref().map(|n| n.get_ref().clone());
        let parent = raw.parent.as_ref().and_then(|parent| {
            let found = self.skills.resolve(
                self.report,
                file,
                parent,
                &format_args!("as `parent` of {what}"),
            );
            if found.is_some() {
                self.parent_at.insert(index, At::of(file, parent));
            }
            found
        });
        Skill {
            name: name.unwrap_or_else(|| id.clone()),
            category: match raw.category {
                Some(RawCategory::Soft) => SkillCategory::Soft,
                Some(RawCategory::Industry) => SkillCategory::Industry,
                Some(RawCategory::Technical) | None => SkillCategory::Technical,
            },
            aliases: raw.aliases.clone().unwrap_or_default(),
            description: raw.description.clone().unwrap_or_default(),
            parent,
            codes: raw.codes.clone().unwrap_or_default().into_iter().collect(),
            id,
        }
    }

    pub fn skill_levels(
        &mut self,
        file: usize,
        map: Option<&Entries<RawLevel>>,
        context: &dyn Display,
    ) -> Vec<(SkillIdx, Level)> {
        let mut levels = Vec::new();
        for (skill, level) in map.into_iter().flat_map(Entries::iter) {
            let subject = Quoted(skill.get_ref());
            let index = self.skills.resolve(self.report, file, skill, context);
            let level = check_level(self.report, file, level, Scale::Level, &subject);
            if let (Some(index), Some(level)) = (index, level) {
                levels.push((index, level));
            }
        }
        levels.sort_unstable();
        levels
    }
}
