//! Who grants each skill: per skill, the credentials (or any numbering of them) that grant it
//! and at which level, in one flat array. Planning asks this for every gap skill and every
//! skill prerequisite, so it is built once rather than as a vector per skill on each solve.

use crate::catalog::grouped::Grouped;
use crate::catalog::{Credential, Level, SkillIdx};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Granting {
    /// Per skill, who grants it and at which level.
    by_skill: Grouped<(usize, Level)>,
}

impl Granting {
    /// The grants of `credentials`, each known by the number paired with it, over `skills`
    /// skills; within a skill, in the order given.
    pub fn build<'c>(
        skills: usize,
        credentials: impl Iterator<Item = (usize, &'c Credential)> + Clone,
    ) -> Self {
        let grants = credentials.flat_map(|(number, credential)| {
            credential
                .grants
                .iter()
                .map(move |&(skill, level)| (skill, (number, level)))
        });
        Granting {
            by_skill: Grouped::build(skills, grants),
        }
    }

    /// Who grants `skill`, with the level each grants.
    pub fn of(&self, skill: SkillIdx) -> &[(usize, Level)] {
        self.by_skill.of(skill)
    }

    /// Who grants `skill` at `level` or above.
    pub fn at_least(&self, skill: SkillIdx, level: Level) -> impl Iterator<Item = usize> + '_ {
        self.of(skill)
            .iter()
            .filter(move |(_, l)| *l >= level)
            .map(|(k, _)| *k)
    }
}
