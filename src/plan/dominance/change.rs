//! Following earlier dominance verdicts across a change of the person's start and of the
//! candidates: which verdicts still stand, and the only candidates that can dominate one that
//! nothing dominated before.

use crate::catalog::needs::Need;
use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::plan::PlanRequest;
use crate::plan::dominance::{NOT_DOMINATED, Verdicts, dominates};
use crate::plan::task::objective_weight;

/// How the candidates and the start differ from those of earlier verdicts.
pub(super) struct Change {
    /// Per skill, whether its starting level changed; empty when the start is as it was.
    skill: Vec<bool>,
    /// The candidates that were not candidates before, or whose needs ask after a skill whose
    /// level changed or a credential whose being held changed: the only ones whose dominance
    /// of a candidate that grants no such skill may have changed.
    touched: Vec<CredIdx>,
}

/// Verdicts are found afresh when a change touches more than one candidate in this many.
const MOST_TOUCHED: usize = 8;

impl Change {
    /// The change from `earlier` to `start` and `candidates`; None when `earlier` knows no
    /// start, or the change touches too many candidates to be worth following.
    pub(super) fn since(
        catalog: &Catalog,
        earlier: &Verdicts,
        start: &Reach,
        candidates: &[CredIdx],
    ) -> Option<Change> {
        let before = earlier.start.as_ref()?;
        let needs = catalog.needs();
        let mut change = Change {
            skill: Vec::new(),
            touched: Vec::new(),
        };
        if before != start {
            change.skill = (before.levels.iter().zip(&start.levels))
                .map(|(a, b)| a != b)
                .collect();
        }
        let held_changed = |p: CredIdx| before.done[p] != start.done[p];
        let most = candidates.len() / MOST_TOUCHED;
        for &d in candidates {
            let touched = !earlier.was_candidate[d]
                || (!change.is_none()
                    && needs.of(d).iter().any(|&need| match need {
                        Need::Done(p) => held_changed(p),
                        Need::AnyOf(first, end) => {
                            needs.group(first, end).iter().any(|&p| held_changed(p))
                        }
                        Need::Skill(s, _) => change.skill[s],
                    }));
            if touched {
                change.touched.push(d);
                if change.touched.len() > most {
                    return None;
                }
            }
        }
        change.touched.sort_unstable();
        Some(change)
    }

    /// Whether the start is as it was.
    pub(super) fn is_none(&self) -> bool {
        self.skill.is_empty()
    }

    /// Whether the change touched candidate `d`.
    pub(super) fn touches(&self, d: CredIdx) -> bool {
        self.touched.binary_search(&d).is_ok()
    }

    /// Whether `c` grants a skill whose starting level changed: what a dominator must match
    /// of `c`'s grants changed with it.
    pub(super) fn grants_changed(&self, catalog: &Catalog, c: CredIdx) -> bool {
        !self.is_none() && catalog.flat().grants(c).iter().any(|&(s, _)| self.skill[s])
    }

    /// The candidates `verdict` finds dominated by nothing that a touched candidate
    /// dominates, each with the least such.
    pub(super) fn new_dominance(
        &self,
        catalog: &Catalog,
        request: &PlanRequest,
        start: &Reach,
        verdict: &[u32],
    ) -> Vec<(CredIdx, CredIdx)> {
        if self.touched.is_empty() {
            return Vec::new();
        }
        // A dominator grants whatever `c` grants above the start, so each candidate is asked
        // under the first such skill of its own only: a touched candidate asks those who
        // grant a skill it grants, found through the catalog's index: a few dozen, where
        // filing all 20,000 verdicts first was 3% of re-planning after a level was raised.
        let flat = catalog.flat();
        let first_raised = |c: CredIdx| {
            flat.grants(c)
                .iter()
                .find(|(s, l)| *l > start.levels[*s])
                .map(|&(s, _)| s)
        };
        let key = |c: CredIdx| (objective_weight(catalog, request.objective, c), c);
        let mut found: Vec<(CredIdx, CredIdx)> = Vec::new();
        for &d in &self.touched {
            for &(s, _) in flat.grants(d) {
                for &(c, _) in catalog.granting().of(s) {
                    if verdict[c] == NOT_DOMINATED
                        && first_raised(c) == Some(s)
                        && d != c
                        && key(d) < key(c)
                        && dominates(catalog, request, start, d, c)
                    {
                        found.push((d, c));
                    }
                }
            }
        }
        found.sort_unstable_by_key(|&(d, c)| (c, d));
        found.dedup_by_key(|&mut (_, c)| c);
        found
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Rng, Spec, generate};
    use crate::catalog::{Level, MAX_LEVEL};
    use crate::plan::dominance::{dominated_afresh, dominated_credentials};
    use crate::plan::{Objective, Person};

    /// Dominance found with the verdicts of a person who started a little differently (one
    /// skill's level moved, one credential held or no longer), and with a few candidates
    /// gone or come back, is what it is found afresh, for every objective.
    #[test]
    fn earlier_verdicts_of_another_start_give_the_dominated_found_afresh() {
        for seed in 0..8 {
            let catalog = generate(&Spec::sized(400, 3 + seed % 3, 6, seed as u64));
            earlier_verdicts_of_another_start_hold_in(&catalog, seed as u64);
        }
    }

    fn earlier_verdicts_of_another_start_hold_in(catalog: &Catalog, seed: u64) {
        let all: Vec<CredIdx> = (0..catalog.credentials.len()).collect();
        let mut rng = Rng::new(seed);
        let mut followed = 0;
        for objective in [Objective::Hours, Objective::Cost, Objective::Count] {
            let request = PlanRequest {
                objective,
                ..PlanRequest::new(0, Person::default())
            };
            let mut levels = vec![0; catalog.skills.len()];
            let mut held = vec![false; catalog.credentials.len()];
            let start_of = |levels: &[Level], held: &[bool]| {
                let levels: Vec<(usize, Level)> = levels.iter().copied().enumerate().collect();
                Reach::start(catalog, &levels, all.iter().copied().filter(|&c| held[c]))
            };
            let mut candidates = all.clone();
            let (_, mut verdicts) = dominated_credentials(
                catalog,
                &request,
                &start_of(&levels, &held),
                &candidates,
                None,
            );
            for _ in 0..20 {
                if rng.chance(60) {
                    let skill = rng.below(levels.len());
                    levels[skill] = rng.below(usize::from(MAX_LEVEL) + 1) as Level;
                } else {
                    let c = rng.below(held.len());
                    held[c] = !held[c];
                }
                let was = candidates.clone();
                candidates.clear();
                for &c in &all {
                    let kept = if was.contains(&c) {
                        !rng.chance(3)
                    } else {
                        rng.chance(30)
                    };
                    if kept && !held[c] {
                        candidates.push(c);
                    }
                }
                let start = start_of(&levels, &held);
                let fresh = dominated_afresh(catalog, &request, &start, &candidates);
                followed +=
                    usize::from(Change::since(catalog, &verdicts, &start, &candidates).is_some());
                let (again, next) =
                    dominated_credentials(catalog, &request, &start, &candidates, Some(&verdicts));
                assert_eq!(again, fresh);
                verdicts = next;
            }
        }
        assert!(
            followed >= 20,
            "seed {seed}: followed {followed} times of 60"
        );
    }
}
