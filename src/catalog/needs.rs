//! What each credential needs before it, for every credential in one flat array. Planning
//! walks the needs of thousands of credentials on every solve (which are relevant, what
//! supports each); read from the credentials themselves, each is a cache miss on its record
//! and again on each of its lists, and that was a sixth of ranking every role.

use crate::catalog::grouped::Grouped;
use crate::catalog::{CredIdx, Credential, Level, SkillIdx};

/// One thing a credential needs first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// This credential complete (`requires`, `parts`).
    Done(CredIdx),
    /// One of a group of credentials complete (`requires_any`): the group is
    /// [`Needs::group`] of this.
    AnyOf(u32, u32),
    /// This level of this skill (`requires_skills`).
    Skill(SkillIdx, Level),
}

impl Default for Need {
    fn default() -> Self {
        Need::Done(0)
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Needs {
    of: Grouped<Need>,
    /// The members of every `requires_any` group, group after group.
    members: Vec<CredIdx>,
}

impl Needs {
    pub fn build(credentials: &[Credential]) -> Self {
        let mut members = Vec::new();
        let mut groups = Vec::new();
        // Credential `c`'s groups are `groups[first_group[c]..first_group[c + 1]]`.
        let mut first_group = Vec::with_capacity(credentials.len() + 1);
        first_group.push(0);
        for credential in credentials {
            for group in &credential.requires_any {
                let first = members.len() as u32;
                members.extend_from_slice(group);
                groups.push(Need::AnyOf(first, members.len() as u32));
            }
            first_group.push(groups.len());
        }
        let needs = credentials.iter().enumerate().flat_map(|(c, credential)| {
            let groups = &groups[first_group[c]..first_group[c + 1]];
            // `hard_prerequisites`, spelled out: the pairs are walked twice, so they must clone.
            (credential.requires.iter().chain(&credential.parts))
                .map(|&d| Need::Done(d))
                .chain(groups.iter().copied())
                .chain(
                    credential
                        .requires_skills
                        .iter()
                        .map(|&(skill, level)| Need::Skill(skill, level)),
                )
                .map(move |need| (c, need))
        });
        Needs {
            of: Grouped::build(credentials.len(), needs),
            members,
        }
    }

    /// What `credential` needs first: its hard prerequisites, then its `requires_any` groups,
    /// then its skill levels, each in the order of the credential's own lists.
    pub fn of(&self, credential: CredIdx) -> &[Need] {
        self.of.of(credential)
    }

    /// Every credential `credential` names as a prerequisite, whether it needs it outright or
    /// as one of a group.
    pub fn named_by(&self, credential: CredIdx) -> impl Iterator<Item = CredIdx> + '_ {
        self.of(credential).iter().flat_map(move |&need| {
            let (outright, group): (Option<CredIdx>, &[CredIdx]) = match need {
                Need::Done(d) => (Some(d), &[]),
                Need::AnyOf(first, end) => (None, self.group(first, end)),
                Need::Skill(..) => (None, &[]),
            };
            outright.into_iter().chain(group.iter().copied())
        })
    }

    /// Every skill level some credential needs, as (skill, level), once per credential
    /// that needs it.
    pub fn skill_levels(&self) -> impl Iterator<Item = (SkillIdx, Level)> + '_ {
        self.of.all().iter().filter_map(|&need| match need {
            Need::Skill(skill, level) => Some((skill, level)),
            _ => None,
        })
    }

    /// The members of the group of an [`Need::AnyOf`].
    pub fn group(&self, first: u32, end: u32) -> &[CredIdx] {
        &self.members[first as usize..end as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Spec, generate};

    #[test]
    fn each_credential_needs_what_its_own_lists_say_in_their_order() {
        let catalog = generate(&Spec::sized(300, 4, 10, 1));
        let needs = Needs::build(&catalog.credentials);
        let mut groups = 0;
        for (c, credential) in catalog.credentials.iter().enumerate() {
            let mut expected: Vec<Vec<CredIdx>> =
                credential.hard_prerequisites().map(|d| vec![d]).collect();
            expected.extend(credential.requires_any.iter().cloned());
            let mut skills = Vec::new();
            let mut found = Vec::new();
            for &need in needs.of(c) {
                match need {
                    Need::Done(d) => found.push(vec![d]),
                    Need::AnyOf(first, end) => {
                        groups += 1;
                        found.push(needs.group(first, end).to_vec());
                    }
                    Need::Skill(skill, level) => skills.push((skill, level)),
                }
            }
            assert_eq!(
                needs.named_by(c).collect::<Vec<_>>(),
                expected.concat(),
                "credential {c}"
            );
            assert_eq!(found, expected, "credential {c}");
            assert_eq!(skills, credential.requires_skills, "credential {c}");
        }
        assert!(groups > 0, "the catalog should have any-of groups to check");
    }
}
