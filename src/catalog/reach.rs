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
