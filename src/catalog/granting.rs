//! Who grants each skill: per skill, the credentials (or any numbering of them) that grant it
//! and at which level, in one flat array. Planning asks this for every gap skill and every
//! skill prerequisite, so it is built once rather than as a vector per skill on each solve.

use crate::catalog::{Credential, Level, SkillIdx};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Granting {
    /// Skill `s`'s grants are `grants[start[s]..start[s + 1]]`.
    start: Vec<usize>,
    grants: Vec<(usize, Level)>,
}

impl Granting {
    /// The grants of `credentials`, each known by the number paired with it, over `skills`
    /// skills; within a skill, in the order given.
    pub fn build<'c>(
        skills: usize,
        credentials: impl Iterator<Item = (usize, &'c Credential)> + Clone,
    ) -> Self {
        let mut start = vec![0; skills + 1];
        for (_, credential) in credentials.clone() {
            for &(skill, _) in &credential.grants {
                start[skill + 1] += 1;
            }
        }
        for s in 0..skills {
            start[s + 1] += start[s];
        }
        let mut fill = start.clone();
        let mut grants = vec![(0, 0); start[skills]];
        for (number, credential) in credentials {
            for &(skill, level) in &credential.grants {
                grants[fill[skill]] = (number, level);
                fill[skill] += 1;
            }
        }
        Granting { start, grants }
    }

    /// Who grants `skill`, with the level each grants.
    pub fn of(&self, skill: SkillIdx) -> &[(usize, Level)] {
        &self.grants[self.start[skill]..self.start[skill + 1]]
    }

    /// Who grants `skill` at `level` or above.
    pub fn at_least(&self, skill: SkillIdx, level: Level) -> impl Iterator<Item = usize> + '_ {
        self.of(skill)
            .iter()
            .filter(move |(_, l)| *l >= level)
            .map(|(k, _)| *k)
    }
}
