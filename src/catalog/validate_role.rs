//! Stage 3b, roles: required keys and the skill levels a role requires (a bare level, or a
//! table with a level and an importance).

use std::collections::BTreeMap;
use std::fmt::Display;

use serde_spanned::Spanned;

use crate::catalog::diagnostic::Diagnostic;
use crate::catalog::raw::{RawRequirement, RawRole};
use crate::catalog::validate::{At, Named, Quoted};
use crate::catalog::validate_model::Builder;
use crate::catalog::validate_shape::Item;
use crate::catalog::validate_values::{Scale, check_level};
use crate::catalog::{Requirement, Role, RoleIdx};

/// Importance of a requirement written as a bare level (catalog.md).
const DEFAULT_IMPORTANCE: u8 = 3;

type RawRequirements = BTreeMap<Spanned<String>, Spanned<RawRequirement>>;

impl Builder<'_, '_, '_> {
    pub fn role(&mut self, index: RoleIdx, item: &Item<RawRole>) -> Role {
        let raw = &item.raw;
        let id = self.roles.ids[index].clone();
        let what = Named::new("role", &id);
        self.require_keys(item, &what, &[("title", raw.title.is_some())]);
        let title = raw.title.as_ref().map(|t| t.get_ref().clone());
        let requires = self.requirements(
            index,
            item.at.file,
            raw.requires.as_ref(),
            &format_args!("in `requires` of {what}"),
            true,
        );
        let optional = self.requirements(
            index,
            item.at.file,
            raw.optional.as_ref(),
            &format_args!("in `optional` of {what}"),
            false,
        );
        Role {
            title: title.unwrap_or_default(),
            description: raw.description.clone().unwrap_or_default(),
            requires,
            optional,
            codes: raw.codes.clone().unwrap_or_default().into_iter().collect(),
            id,
        }
    }

    fn requirements(
        &mut self,
        role: RoleIdx,
        file: usize,
        map: Option<&RawRequirements>,
        context: &dyn Display,
        record_at: bool,
    ) -> Vec<Requirement> {
        let mut requirements = Vec::new();
        for (skill, requirement) in map.into_iter().flatten() {
            let subject = Quoted(skill.get_ref());
            let index = self.skills.resolve(self.report, file, skill, context);
            let (level, importance) = match requirement.get_ref() {
                RawRequirement::Level(level) => {
                    let level = Spanned::new(requirement.span(), level.clone());
                    (
                        check_level(self.report, file, &level, Scale::Level, &subject),
                        Some(DEFAULT_IMPORTANCE),
                    )
                }
                RawRequirement::Detailed { level, importance } => {
                    let level = match level {
                        Some(level) => {
                            check_level(self.report, file, level, Scale::Level, &subject)
                        }
                        None => {
                            self.report.push(
                                &At::of(file, requirement),
                                Diagnostic::error(
                                    "missing-key",
                                    format!("requirement {subject} {context} has no `level`"),
                                )
                                .with_help(
                                    "write `{ level = 3, importance = 4 }`, or just the level",
                                ),
                            );
                            None
                        }
                    };
                    let importance = match importance {
                        Some(importance) => {
                            check_level(self.report, file, importance, Scale::Importance, &subject)
                        }
                        None => Some(DEFAULT_IMPORTANCE),
                    };
                    (level, importance)
                }
            };
            if let (Some(skill_index), Some(level), Some(importance)) = (index, level, importance) {
                requirements.push(Requirement {
                    skill: skill_index,
                    level,
                    importance,
                });
                if record_at {
                    self.requirement_at
                        .insert((role, skill_index), At::of(file, skill));
                }
            }
        }
        requirements.sort_unstable_by_key(|r| r.skill);
        requirements
    }
}
