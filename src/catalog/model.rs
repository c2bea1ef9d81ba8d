//! The validated, indexed catalog: every reference is an index, so the planner never looks up
//! a string. Built only by `catalog::load`, which guarantees the invariants documented here.

use std::any::Any;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, OnceLock};

use crate::catalog::flat::Flat;
use crate::catalog::granting::Granting;
use crate::catalog::memo::Memo;
use crate::catalog::needs::Needs;
use crate::catalog::reach::{Reach, reach_all};

/// Index of a skill in [`Catalog::skills`].
pub type SkillIdx = usize;
/// Index of a credential in [`Catalog::credentials`].
pub type CredIdx = usize;
/// Index of a role in [`Catalog::roles`].
pub type RoleIdx = usize;

/// Skill levels run 1..=5; a skill a person does not hold is level 0.
pub type Level = u8;
pub const MAX_LEVEL: Level = 5;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct CatalogMeta {
    pub name: String,
    pub currency: String,
    pub as_of: Option<String>,
    pub version: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum SkillCategory {
    #[default]
    Technical,
    Soft,
    Industry,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    pub id: String,
    pub name: String,
    pub category: SkillCategory,
    pub aliases: Vec<String>,
    pub description: String,
    pub parent: Option<SkillIdx>,
    pub codes: Vec<(String, String)>,
}

impl Skill {
    /// A technical skill with no aliases, description, parent or codes.
    pub fn new(id: impl Into<String>, name: impl Into<String>) -> Self {
        Skill {
            id: id.into(),
            name: name.into(),
            category: SkillCategory::default(),
            aliases: Vec::new(),
            description: String::new(),
            parent: None,
            codes: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum CredentialKind {
    Badge,
    #[default]
    Course,
    Certificate,
    Exam,
    Stack,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum DeliveryFormat {
    #[default]
    Online,
    InPerson,
    Hybrid,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Credential {
    pub id: String,
    pub title: String,
    pub provider: String,
    pub kind: CredentialKind,
    pub hours: f64,
    pub cost: f64,
    pub format: DeliveryFormat,
    pub url: Option<String>,
    /// Skill -> level reached on completion; sorted by skill, one entry per skill.
    pub grants: Vec<(SkillIdx, Level)>,
    /// All of these first (sorted, deduplicated).
    pub requires: Vec<CredIdx>,
    /// Each group: at least one of these first.
    pub requires_any: Vec<Vec<CredIdx>>,
    /// These skill levels first (held or granted earlier); sorted by skill.
    pub requires_skills: Vec<(SkillIdx, Level)>,
    /// A stack is earned by completing all parts (plus its own hours).
    pub parts: Vec<CredIdx>,
    pub valid_years: Option<u32>,
}

impl Credential {
    /// Every credential that must be complete before this one: `requires` then `parts`.
    pub fn hard_prerequisites(&self) -> impl Iterator<Item = CredIdx> + '_ {
        self.requires.iter().chain(&self.parts).copied()
    }

    pub fn grant_of(&self, skill: SkillIdx) -> Level {
        level_in(&self.grants, skill)
    }
}

/// The level of `skill` in a list of grants (0 if it is not there).
pub(crate) fn level_in(grants: &[(SkillIdx, Level)], skill: SkillIdx) -> Level {
    grants
        .iter()
        .find(|(s, _)| *s == skill)
        .map_or(0, |(_, level)| *level)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Requirement {
    pub skill: SkillIdx,
    pub level: Level,
    /// 1..=5, default 3.
    pub importance: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    pub id: String,
    pub title: String,
    pub description: String,
    /// Sorted by skill.
    pub requires: Vec<Requirement>,
    pub optional: Vec<Requirement>,
    pub codes: Vec<(String, String)>,
}

/// Where an item was defined, for messages that point back at the source.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Origin {
    pub file: String,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    pub meta: CatalogMeta,
    pub skills: Vec<Skill>,
    pub credentials: Vec<Credential>,
    pub roles: Vec<Role>,
    pub skill_origins: Vec<Origin>,
    pub credential_origins: Vec<Origin>,
    pub role_origins: Vec<Origin>,
    skill_index: HashMap<String, SkillIdx>,
    credential_index: HashMap<String, CredIdx>,
    role_index: HashMap<String, RoleIdx>,
    granting: Granting,
    /// Built on first use, by planning: loading a catalog does not need it, and building it
    /// there would add to loading's peak memory.
    needs: OnceLock<Needs>,
    /// Built on first use, as `needs` is.
    flat: OnceLock<Flat>,
    /// Built on first use, as `needs` is.
    from_nothing: OnceLock<Reach>,
    /// What other modules derive from this catalog and keep with it.
    memo: Memo,
    generation: Generation,
}

/// A number no other catalog has had, drawn when a catalog is built and again when it is
/// cloned: what planning remembers of one catalog is never taken for another's, even one
/// loaded later at the same address.
#[derive(Debug)]
struct Generation(u64);

impl Generation {
    fn next() -> Self {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        Generation(NEXT.fetch_add(1, Ordering::Relaxed))
    }
}

impl Default for Generation {
    fn default() -> Self {
        Generation::next()
    }
}

impl Clone for Generation {
    fn clone(&self) -> Self {
        Generation::next()
    }
}

impl Catalog {
    /// Builds the id indexes. Callers must have checked that ids are unique and every
    /// index inside credentials and roles is in range.
    pub fn new(
        meta: CatalogMeta,
        skills: Vec<Skill>,
        credentials: Vec<Credential>,
        roles: Vec<Role>,
    ) -> Self {
        let skill_index = skills
            .iter()
            .enumerate()
            .map(|(i, s)| (s.id.clone(), i))
            .collect();
        let credential_index = credentials
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        let role_index = roles
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id.clone(), i))
            .collect();
        let granting = Granting::build(skills.len(), credentials.iter().enumerate());
        Self {
            meta,
            granting,
            needs: OnceLock::new(),
            flat: OnceLock::new(),
            from_nothing: OnceLock::new(),
            memo: Memo::default(),
            generation: Generation::next(),
            skill_origins: vec![Origin::default(); skills.len()],
            credential_origins: vec![Origin::default(); credentials.len()],
            role_origins: vec![Origin::default(); roles.len()],
            skills,
            credentials,
            roles,
            skill_index,
            credential_index,
            role_index,
        }
    }

    /// Per skill, the credentials that grant it and at which level.
    pub fn granting(&self) -> &Granting {
        &self.granting
    }

    /// This catalog's number, distinct from every other catalog's (a clone's included). Its
    /// contents must not change once planned on: the planning indexes built on first use, and
    /// a [`crate::plan::Replanner`]'s memory, take them as fixed.
    pub(crate) fn generation(&self) -> u64 {
        self.generation.0
    }

    /// Per credential, what it needs first.
    pub fn needs(&self) -> &Needs {
        self.needs.get_or_init(|| Needs::build(&self.credentials))
    }

    /// Everything reachable from no skill and no credential held, taking every credential:
    /// what every person reaches, at the least, and where working out a person's reach starts
    /// (see [`Reach::grown_to`]), instead of from nothing for every plan.
    pub(crate) fn reach_from_nothing(&self) -> &Reach {
        self.from_nothing.get_or_init(|| reach_all(self, |_| false))
    }

    /// The index of type `T` that another module derives from this catalog, made by
    /// `T::default()` on first use and filled as that module sees fit.
    pub(crate) fn memo<T: Any + Send + Sync + Default>(&self) -> Arc<T> {
        self.memo.get()
    }

    /// What planning reads of every credential, in flat arrays.
    pub(crate) fn flat(&self) -> &Flat {
        self.flat.get_or_init(|| Flat::build(&self.credentials))
    }

    pub fn skill(&self, id: &str) -> Option<SkillIdx> {
        self.skill_index.get(id).copied()
    }

    /// A skill by id, else by its name or one of its aliases, ignoring case: what people type
    /// ("excel" for spreadsheets).
    pub fn skill_by_any_name(&self, typed: &str) -> Option<SkillIdx> {
        self.skill(typed).or_else(|| {
            let typed = typed.trim();
            self.skills.iter().position(|s| {
                s.name.eq_ignore_ascii_case(typed)
                    || s.aliases.iter().any(|a| a.eq_ignore_ascii_case(typed))
            })
        })
    }

    pub fn credential(&self, id: &str) -> Option<CredIdx> {
        self.credential_index.get(id).copied()
    }

    pub fn role(&self, id: &str) -> Option<RoleIdx> {
        self.role_index.get(id).copied()
    }

    /// Providers in sorted order, each once.
    pub fn providers(&self) -> Vec<&str> {
        let mut providers: Vec<&str> = self
            .credentials
            .iter()
            .map(|c| c.provider.as_str())
            .collect();
        providers.sort_unstable();
        providers.dedup();
        providers
    }
}
