//! Forward reachability: which credentials can ever be taken, and which skill levels reached,
//! from a starting state. Taking a credential never lowers anything, so the fixpoint of
//! "take everything allowed" is the most any plan can achieve.

use crate::catalog::needs::Need;
use crate::catalog::{Catalog, CredIdx, Level};

/// The state after taking every credential that can be taken, in the order found.
#[derive(Debug, Clone, PartialEq)]
pub struct Reach {
    /// Highest level reached per skill.
    pub levels: Vec<Level>,
    /// Whether each credential is held or was taken.
    pub done: Vec<bool>,
    /// Credentials taken, in a valid order (held ones excluded).
    pub taken: Vec<CredIdx>,
}

impl Reach {
    /// The starting state: held levels and completed credentials with their grants.
    pub fn start(
        catalog: &Catalog,
        levels: &[(usize, Level)],
        done: impl IntoIterator<Item = CredIdx>,
    ) -> Self {
        let mut state = Reach {
            levels: vec![0; catalog.skills.len()],
            done: vec![false; catalog.credentials.len()],
            taken: Vec::new(),
        };
        for &(skill, level) in levels {
            state.levels[skill] = state.levels[skill].max(level);
        }
        for credential in done {
            state.done[credential] = true;
            state.apply_grants(catalog, credential);
        }
        state
    }

    fn apply_grants(&mut self, catalog: &Catalog, credential: CredIdx) {
        for &(skill, level) in catalog.flat().grants(credential) {
            self.levels[skill] = self.levels[skill].max(level);
        }
    }

    /// Whether every prerequisite of `credential` is met in this state.
    pub fn allows(&self, catalog: &Catalog, credential: CredIdx) -> bool {
        let needs = catalog.needs();
        needs.of(credential).iter().all(|&need| match need {
            Need::Done(d) => self.done[d],
            Need::AnyOf(first, end) => needs.group(first, end).iter().any(|&d| self.done[d]),
            Need::Skill(skill, level) => self.levels[skill] >= level,
        })
    }

    /// Takes `credential`: marks it done and applies its grants.
    pub fn take(&mut self, catalog: &Catalog, credential: CredIdx) {
        self.done[credential] = true;
        self.taken.push(credential);
        self.apply_grants(catalog, credential);
    }

    /// Per credential, whether it was taken on the way to this state (held ones are not).
    pub fn taken_mask(&self) -> Vec<bool> {
        let mut taken = vec![false; self.done.len()];
        for &c in &self.taken {
            taken[c] = true;
        }
        taken
    }

    /// Whether this state has all `earlier` had: no skill at a lower level, and every
    /// credential done that was done there.
    pub fn includes(&self, earlier: &Reach) -> bool {
        let levels = self
            .levels
            .iter()
            .zip(&earlier.levels)
            .all(|(now, then)| now >= then);
        levels
            && self
                .done
                .iter()
                .zip(&earlier.done)
                .all(|(&now, &then)| now || !then)
    }

    /// What saturating every credential reaches from `start`, worked out from `self`, what
    /// saturating reached from an earlier start that `start` includes. Taking a credential
    /// only opens more, so all of `self` is reached again and only what the additions open up
    /// is left to take: on 20,000 credentials this is a few credentials, not 20,000 once
    /// more. The state is the one saturating afresh reaches; `taken` may be in another order.
    pub fn grown_to(&self, catalog: &Catalog, start: &Reach) -> Reach {
        debug_assert!(start.done.len() == self.done.len(), "the same catalog");
        let mut grown = self.clone();
        for (level, &from_start) in grown.levels.iter_mut().zip(&start.levels) {
            *level = (*level).max(from_start);
        }
        // A credential now held counts as done, never as taken; `start.levels` has its grants.
        for (done, &held) in grown.done.iter_mut().zip(&start.done) {
            *done |= held;
        }
        grown.taken.retain(|&c| !start.done[c]);
        let rest: Vec<CredIdx> = (0..grown.done.len()).filter(|&c| !grown.done[c]).collect();
        grown.saturate(catalog, &rest);
        grown
    }

    /// Takes, in rounds of increasing index, every candidate that becomes allowed until
    /// nothing changes. Returns the candidates that could not be taken.
    pub fn saturate(&mut self, catalog: &Catalog, candidates: &[CredIdx]) -> Vec<CredIdx> {
        let mut pending: Vec<CredIdx> = candidates
            .iter()
            .copied()
            .filter(|&c| !self.done[c])
            .collect();
        loop {
            let before = pending.len();
            pending.retain(|&c| {
                if self.allows(catalog, c) {
                    self.take(catalog, c);
                    false
                } else {
                    true
                }
            });
            if pending.len() == before {
                return pending;
            }
        }
    }
}

/// Everything reachable from the empty state using all credentials except `excluded`.
pub fn reach_all(catalog: &Catalog, excluded: impl Fn(CredIdx) -> bool) -> Reach {
    let mut state = Reach::start(catalog, &[], []);
    let candidates: Vec<CredIdx> = (0..catalog.credentials.len())
        .filter(|&c| !excluded(c))
        .collect();
    state.saturate(catalog, &candidates);
    state
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Rng, Spec, generate};
    use crate::catalog::{Catalog, Level, MAX_LEVEL};

    /// A generated catalog in which a fifth of the credentials also need a level of a skill
    /// that no credential grants, so that what a person reaches turns on their start.
    fn gated(seed: u64) -> Catalog {
        let mut catalog = generate(&Spec::sized(300, 4, 6, seed));
        let gate = catalog.skills.len();
        let mut skill = catalog.skills[0].clone();
        skill.id = "gate".into();
        catalog.skills.push(skill);
        let mut rng = Rng::new(seed);
        for credential in &mut catalog.credentials {
            if rng.chance(20) {
                let level = 1 + rng.below(usize::from(MAX_LEVEL)) as Level;
                credential.requires_skills.push((gate, level));
            }
        }
        let Catalog {
            meta,
            skills,
            credentials,
            roles,
            ..
        } = catalog;
        Catalog::new(meta, skills, credentials, roles)
    }

    fn saturated(catalog: &Catalog, start: &Reach) -> Reach {
        let mut everything = start.clone();
        let all: Vec<CredIdx> = (0..catalog.credentials.len()).collect();
        everything.saturate(catalog, &all);
        everything
    }

    /// Grown from what an earlier, smaller start reached, the reach of a start is the one
    /// saturating afresh finds: the same levels, the same credentials done and taken.
    #[test]
    fn growing_an_earlier_reach_gives_the_reach_found_afresh() {
        for seed in 0..6 {
            let catalog = gated(seed);
            let gate = catalog.skills.len() - 1;
            let mut rng = Rng::new(seed + 100);
            let mut levels: Vec<(usize, Level)> = Vec::new();
            let mut held: Vec<CredIdx> = Vec::new();
            let mut before = Reach::start(&catalog, &levels, held.iter().copied());
            let mut reached = saturated(&catalog, &before);
            let mut opened = 0;
            for _ in 0..12 {
                if rng.chance(50) {
                    levels.push((gate, 1 + rng.below(usize::from(MAX_LEVEL)) as Level));
                } else if rng.chance(50) {
                    let skill = rng.below(catalog.skills.len());
                    levels.push((skill, 1 + rng.below(usize::from(MAX_LEVEL)) as Level));
                } else {
                    held.push(rng.below(catalog.credentials.len()));
                }
                let start = Reach::start(&catalog, &levels, held.iter().copied());
                assert!(start.includes(&before));
                let fresh = saturated(&catalog, &start);
                let grown = reached.grown_to(&catalog, &start);
                assert_eq!(grown.levels, fresh.levels);
                assert_eq!(grown.done, fresh.done);
                assert_eq!(grown.taken_mask(), fresh.taken_mask());
                opened += fresh.taken.len() - reached.taken.len().min(fresh.taken.len());
                (before, reached) = (start, grown);
            }
            assert!(opened > 0, "seed {seed}: no start opened anything new");
        }
    }

    #[test]
    fn a_start_missing_a_level_or_a_held_credential_does_not_include_the_earlier() {
        let catalog = gated(0);
        let earlier = Reach::start(&catalog, &[(0, 2)], [5]);
        assert!(Reach::start(&catalog, &[(0, 3)], [5, 6]).includes(&earlier));
        assert!(!Reach::start(&catalog, &[(0, 1)], [5]).includes(&earlier));
        assert!(!Reach::start(&catalog, &[(0, 2)], [6]).includes(&earlier));
    }
}
