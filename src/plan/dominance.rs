//! Dominated credentials: `c` is dominated by `d` when swapping `c` for `d` in any plan keeps
//! the plan valid and makes no measure worse. Removing dominated credentials keeps an optimum.

use crate::catalog::needs::Need;
use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::parallel::in_parallel;
use crate::plan::task::objective_weight;
use crate::plan::{Objective, PlanRequest};

/// Candidates dominated by another candidate, ascending, with the verdicts that found them.
/// Among equals the lowest index stays. `earlier`, when given, holds the verdicts of an earlier
/// solve in the same catalog, for this person or one who starts a little differently.
pub(crate) fn dominated_credentials(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    candidates: &[CredIdx],
    earlier: Option<&Verdicts>,
) -> (Vec<CredIdx>, Verdicts) {
    // Being complete is a fact only the credential itself adds, so a credential another
    // candidate names as a prerequisite can never be swapped out.
    let mut named = vec![false; catalog.credentials.len()];
    for &c in candidates {
        for d in catalog.needs().named_by(c) {
            named[d] = true;
        }
    }
    let mut candidate = vec![false; catalog.credentials.len()];
    for &c in candidates {
        candidate[c] = true;
    }
    let limits = &request.constraints;
    let measures = (
        request.objective,
        limits.budget_cost.is_some(),
        limits.budget_hours.is_some(),
    );
    let earlier = earlier
        .filter(|e| e.measures == Some(measures))
        .and_then(|e| Some((e, Change::since(catalog, e, start, candidates)?)));
    let verdict_of = |c: CredIdx| -> u32 {
        if named[c] {
            return NOT_ASKED;
        }
        // Which of its grants a dominator must match changes with the start's levels of the
        // skills it grants: then it is asked afresh.
        let earlier = earlier
            .as_ref()
            .filter(|(_, change)| !change.grants_changed(catalog, c));
        let witness = match earlier.map(|(e, change)| (e.verdict[c], change)) {
            Some((NOT_DOMINATED, _)) => None,
            Some((w, change))
                if w != NOT_ASKED
                    && candidate[w as usize]
                    && (!change.touches(w as usize)
                        || dominates(catalog, request, start, w as usize, c)) =>
            {
                Some(w as usize)
            }
            _ => dominators(catalog, request, start, c, |d| candidate[d]).next(),
        };
        witness.map_or(NOT_DOMINATED, |w| w as u32)
    };
    // Each verdict stands alone. At 5,000 candidates and more, asking afresh took over a
    // millisecond, so the candidates are shared out over the cores in chunks. Verdicts known
    // already take microseconds, less than starting a thread.
    let per_chunk = if earlier.is_none() {
        CANDIDATES_PER_CHUNK
    } else {
        candidates.len().max(1)
    };
    let chunks: Vec<&[CredIdx]> = candidates.chunks(per_chunk).collect();
    let found = in_parallel(chunks.len(), |i| {
        chunks[i]
            .iter()
            .map(|&c| verdict_of(c))
            .collect::<Vec<u32>>()
    });
    let mut verdict = vec![NOT_ASKED; catalog.credentials.len()];
    for (&c, v) in candidates.iter().zip(found.into_iter().flatten()) {
        verdict[c] = v;
    }
    if let Some((_, change)) = &earlier {
        // A candidate kept as dominated by nothing may now be dominated by one of those the
        // change touched, and by no other.
        for (d, c) in change.new_dominance(catalog, request, start, &verdict) {
            verdict[c] = d as u32;
        }
    }
    let dominated = candidates
        .iter()
        .copied()
        .filter(|&c| verdict[c] != NOT_ASKED && verdict[c] != NOT_DOMINATED)
        .collect();
    let verdicts = Verdicts {
        measures: Some(measures),
        start: Some(start.clone()),
        was_candidate: candidate,
        verdict,
    };
    (dominated, verdicts)
}

/// Each candidate's verdict from one solve, for the next solve in the same catalog. Whether
/// `d` dominates `c` does not depend on the constraints' exclusions, only on what the person
/// starts with and on what the request measures, and a small change of start reaches few
/// verdicts. A candidate that dominated `c` and still does settles `c` at once. If nothing
/// dominated `c` before, only a new candidate or one whose needs the change touched can
/// dominate it now, unless `c` grants a skill whose starting level changed. On 20,000
/// credentials, finding the dominated afresh was a third of re-planning after an exclusion,
/// and half of building the task after a skill level was raised.
#[derive(Debug, Clone, Default)]
pub(crate) struct Verdicts {
    /// The objective, and whether cost and hours are budgeted: what "no worse" weighed.
    measures: Option<(Objective, bool, bool)>,
    /// What the person started with.
    start: Option<Reach>,
    /// Per credential: whether it was a candidate.
    was_candidate: Vec<bool>,
    /// Per credential: the candidate found to dominate it, [`NOT_DOMINATED`], or [`NOT_ASKED`]
    /// (not a candidate, or one another candidate names as a prerequisite).
    verdict: Vec<u32>,
}

/// How the candidates and the start differ from those of earlier verdicts.
struct Change {
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
    fn since(
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
    fn is_none(&self) -> bool {
        self.skill.is_empty()
    }

    /// Whether the change touched candidate `d`.
    fn touches(&self, d: CredIdx) -> bool {
        self.touched.binary_search(&d).is_ok()
    }

    /// Whether `c` grants a skill whose starting level changed: what a dominator must match
    /// of `c`'s grants changed with it.
    fn grants_changed(&self, catalog: &Catalog, c: CredIdx) -> bool {
        !self.is_none() && catalog.flat().grants(c).iter().any(|&(s, _)| self.skill[s])
    }

    /// The candidates `verdict` finds dominated by nothing that a touched candidate
    /// dominates, each with the least such.
    fn new_dominance(
        &self,
        catalog: &Catalog,
        request: &PlanRequest,
        start: &Reach,
        verdict: &[u32],
    ) -> Vec<(CredIdx, CredIdx)> {
        if self.touched.is_empty() {
            return Vec::new();
        }
        // A dominator grants whatever `c` grants above the start, so the candidates to ask
        // are filed under the first such skill of theirs.
        let flat = catalog.flat();
        let mut filed: Vec<Vec<CredIdx>> = vec![Vec::new(); catalog.skills.len()];
        for (c, _) in verdict
            .iter()
            .enumerate()
            .filter(|(_, v)| **v == NOT_DOMINATED)
        {
            if let Some(&(s, _)) = flat.grants(c).iter().find(|(s, l)| *l > start.levels[*s]) {
                filed[s].push(c);
            }
        }
        let key = |c: CredIdx| (objective_weight(catalog, request.objective, c), c);
        let mut found: Vec<(CredIdx, CredIdx)> = Vec::new();
        for &d in &self.touched {
            for &(s, _) in flat.grants(d) {
                for &c in &filed[s] {
                    if d != c && key(d) < key(c) && dominates(catalog, request, start, d, c) {
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

/// Candidates whose verdicts one thread finds at a time: small tasks stay on one thread.
const CANDIDATES_PER_CHUNK: usize = 1_024;

const NOT_ASKED: u32 = u32::MAX;
const NOT_DOMINATED: u32 = u32::MAX - 1;

/// The credentials among those `allowed` that dominate `c`.
fn dominators<'a>(
    catalog: &'a Catalog,
    request: &'a PlanRequest,
    start: &'a Reach,
    c: CredIdx,
    allowed: impl Fn(CredIdx) -> bool + 'a,
) -> impl Iterator<Item = CredIdx> + 'a {
    let granting = catalog.granting();
    let key = move |c: CredIdx| (objective_weight(catalog, request.objective, c), c);
    // Grants nothing the person lacks: any credential dominates it, but it may still be the
    // one that unlocks nothing; that is left to the solver.
    let rarest = catalog
        .flat()
        .grants(c)
        .iter()
        .filter(|(s, l)| *l > start.levels[*s])
        .min_by_key(|(s, _)| granting.of(*s).len())
        .copied();
    // A dominator grants that skill at `c`'s level or above.
    rarest
        .into_iter()
        .flat_map(move |(skill, level)| granting.at_least(skill, level))
        .filter(move |&d| {
            allowed(d) && d != c && key(d) < key(c) && dominates(catalog, request, start, d, c)
        })
}

/// Whether `d` can replace `c`: no worse on every measure the request looks at, grants at least
/// as much, and needs nothing that `c` does not need too. Both are read from the catalog's
/// flat arrays: a credential's own record spans several cache lines, and reading `c`'s was
/// two cache misses per candidate, most of finding the dominated on 20,000 credentials.
fn dominates(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    d: CredIdx,
    c: CredIdx,
) -> bool {
    let (flat, needs) = (catalog.flat(), catalog.needs());
    let limits = &request.constraints;
    let measures_ok = objective_weight(catalog, request.objective, d)
        <= objective_weight(catalog, request.objective, c)
        && (limits.budget_cost.is_none() || flat.cost[d] <= flat.cost[c])
        && (limits.budget_hours.is_none() || flat.hours[d] <= flat.hours[c]);
    if !measures_ok {
        return false;
    }
    let grants_ok = flat
        .grants(c)
        .iter()
        .all(|&(s, l)| l <= start.levels[s] || flat.grant_of(d, s) >= l);
    if !grants_ok {
        return false;
    }
    let c_needs = needs.of(c);
    let c_needs_done = |p: CredIdx| c_needs.contains(&Need::Done(p));
    needs.of(d).iter().all(|&need| match need {
        Need::Done(p) => start.done[p] || c_needs_done(p),
        Need::AnyOf(first, end) => {
            let group = needs.group(first, end);
            group.iter().any(|&p| start.done[p] || c_needs_done(p))
                || c_needs.iter().any(|&c_need| match c_need {
                    Need::AnyOf(c_first, c_end) => needs
                        .group(c_first, c_end)
                        .iter()
                        .all(|p| group.contains(p)),
                    _ => false,
                })
        }
        Need::Skill(s, l) => {
            l <= start.levels[s]
                || c_needs.iter().any(|&c_need| match c_need {
                    Need::Skill(cs, cl) => cs == s && cl >= l,
                    _ => false,
                })
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Rng, Spec, generate};
    use crate::catalog::{Level, MAX_LEVEL};
    use crate::plan::{Objective, Person};

    /// Dominance found again with the verdicts of an earlier, larger candidate set is what it
    /// is found afresh, for every objective and as the candidates shrink step by step.
    #[test]
    fn earlier_verdicts_give_the_dominated_found_afresh_as_candidates_shrink() {
        let catalog = generate(&Spec::sized(600, 3, 6, 3));
        let start = Reach::start(&catalog, &[], std::iter::empty());
        let mut rng = Rng::new(11);
        for objective in [Objective::Hours, Objective::Cost, Objective::Count] {
            let request = PlanRequest {
                objective,
                ..PlanRequest::new(0, Person::default())
            };
            let mut candidates: Vec<CredIdx> = (0..catalog.credentials.len()).collect();
            let (_, mut verdicts) =
                dominated_credentials(&catalog, &request, &start, &candidates, None);
            let mut reused_a_verdict = false;
            for _ in 0..6 {
                candidates.retain(|_| !rng.chance(15));
                let (fresh, _) =
                    dominated_credentials(&catalog, &request, &start, &candidates, None);
                let (again, next) =
                    dominated_credentials(&catalog, &request, &start, &candidates, Some(&verdicts));
                assert_eq!(again, fresh);
                reused_a_verdict |= fresh
                    .iter()
                    .any(|&c| verdicts.verdict[c] == next.verdict[c]);
                verdicts = next;
            }
            assert!(reused_a_verdict, "the verdicts were used");
        }
    }

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
                let (fresh, _) =
                    dominated_credentials(catalog, &request, &start, &candidates, None);
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

    /// With more candidates than one chunk, the verdicts shared out over the cores are those
    /// of asking each candidate in turn, in candidate order.
    #[test]
    fn dominance_shared_out_in_chunks_is_that_of_each_candidate_asked_in_turn() {
        let catalog = generate(&Spec::sized(3_000, 4, 8, 5));
        let start = Reach::start(&catalog, &[], std::iter::empty());
        let request = PlanRequest::new(0, Person::default());
        let candidates: Vec<CredIdx> = (0..catalog.credentials.len()).step_by(2).collect();
        assert!(candidates.len() > CANDIDATES_PER_CHUNK);
        let mut is_candidate = vec![false; catalog.credentials.len()];
        let mut named = vec![false; catalog.credentials.len()];
        for &c in &candidates {
            is_candidate[c] = true;
            for d in catalog.needs().named_by(c) {
                named[d] = true;
            }
        }
        let asked_in_turn: Vec<CredIdx> = candidates
            .iter()
            .copied()
            .filter(|&c| {
                !named[c]
                    && dominators(&catalog, &request, &start, c, |d| is_candidate[d])
                        .next()
                        .is_some()
            })
            .collect();
        let (dominated, verdicts) =
            dominated_credentials(&catalog, &request, &start, &candidates, None);
        assert!(!dominated.is_empty());
        assert_eq!(dominated, asked_in_turn);
        for &c in &dominated {
            assert!(dominates(
                &catalog,
                &request,
                &start,
                verdicts.verdict[c] as usize,
                c
            ));
        }
    }
}
