//! Dominated credentials: `c` is dominated by `d` when swapping `c` for `d` in any plan keeps
//! the plan valid and makes no measure worse. Removing dominated credentials keeps an optimum.

mod change;
mod from_nothing;

use crate::catalog::needs::Need;
use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::parallel::in_parallel;
use crate::plan::task::objective_weight;
use crate::plan::{Objective, PlanRequest};
use change::Change;
use from_nothing::FromNothing;

/// Candidates dominated by another candidate, ascending, with the verdicts that found them.
/// Among equals the lowest index stays. `earlier`, when given, holds the verdicts of an earlier
/// solve in the same catalog, for this person or one who starts a little differently. Without
/// them, or where they do not carry over, the catalog's verdicts for a person who starts with
/// nothing ([`FromNothing`]) are followed instead, when the person's start is near enough.
pub(crate) fn dominated_credentials(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    candidates: &[CredIdx],
    earlier: Option<&Verdicts>,
) -> (Vec<CredIdx>, Verdicts) {
    let measures = Measures::of(request);
    let follow = |verdicts: &Verdicts| {
        (verdicts.measures == Some(measures))
            .then(|| Change::since(catalog, verdicts, start, candidates))
            .flatten()
    };
    // Looked up only when the earlier verdicts do not carry over, and kept here for as long as
    // the verdicts it holds are followed.
    let from_nothing;
    let followed = match earlier.and_then(|e| Some((e, follow(e)?))) {
        Some(followed) => Some(followed),
        None => {
            from_nothing = catalog.memo::<FromNothing>();
            let index = from_nothing.verdicts(catalog, request);
            follow(index).map(|change| (index, change))
        }
    };
    verdicts_of(
        catalog,
        request,
        start,
        candidates,
        &named_by(catalog, candidates),
        followed,
    )
}

/// [`dominated_credentials`] found afresh, every verdict asked.
#[cfg(test)]
pub(crate) fn dominated_afresh(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    candidates: &[CredIdx],
) -> Vec<CredIdx> {
    let named = named_by(catalog, candidates);
    verdicts_of(catalog, request, start, candidates, &named, None).0
}

/// Per credential, whether one of `candidates` names it as a prerequisite. Being complete is a
/// fact only the credential itself adds, so such a credential can never be swapped out.
fn named_by(catalog: &Catalog, candidates: &[CredIdx]) -> Vec<bool> {
    let mut named = vec![false; catalog.credentials.len()];
    for &c in candidates {
        for d in catalog.needs().named_by(c) {
            named[d] = true;
        }
    }
    named
}

/// The dominated among `candidates` that are not `named`, and every verdict, following
/// `earlier` verdicts across the change since them where given.
fn verdicts_of(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    candidates: &[CredIdx],
    named: &[bool],
    earlier: Option<(&Verdicts, Change)>,
) -> (Vec<CredIdx>, Verdicts) {
    let mut candidate = vec![false; catalog.credentials.len()];
    for &c in candidates {
        candidate[c] = true;
    }
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
        measures: Some(Measures::of(request)),
        start: Some(start.clone()),
        was_candidate: candidate,
        verdict,
    };
    (dominated, verdicts)
}

/// Each candidate's verdict from one solve (or from [`FromNothing`]), for the next solve in the
/// same catalog. Whether `d` dominates `c` does not depend on the constraints' exclusions, only
/// on what the person starts with and on what the request measures, and a small change of
/// start reaches few verdicts. A candidate that dominated `c` and still does settles `c` at
/// once. If nothing dominated `c` before, only a new candidate or one whose needs the change
/// touched can dominate it now, unless `c` grants a skill whose starting level changed. On
/// 20,000 credentials, finding the dominated afresh was a third of re-planning after an
/// exclusion, and half of building the task after a skill level was raised.
#[derive(Debug, Clone, Default)]
pub(crate) struct Verdicts {
    /// What "no worse" weighed.
    measures: Option<Measures>,
    /// What the person started with.
    start: Option<Reach>,
    /// Per credential: whether it was a candidate.
    was_candidate: Vec<bool>,
    /// Per credential: the candidate found to dominate it, [`NOT_DOMINATED`], or [`NOT_ASKED`]
    /// (not a candidate, or one another candidate names as a prerequisite).
    verdict: Vec<u32>,
}

impl Verdicts {
    /// The credentials found dominated by one that `is_gone` (an exclusion since): unless
    /// another candidate dominates them, they are candidates again.
    pub fn dominated_by(&self, is_gone: impl Fn(CredIdx) -> bool) -> Vec<CredIdx> {
        (0..self.verdict.len())
            .filter(|&c| {
                let w = self.verdict[c];
                w != NOT_ASKED && w != NOT_DOMINATED && is_gone(w as CredIdx)
            })
            .collect()
    }
}

/// Whether a credential among those `allowed` dominates `c`.
pub(crate) fn is_dominated(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    c: CredIdx,
    allowed: impl Fn(CredIdx) -> bool,
) -> bool {
    dominators(catalog, request, start, c, allowed)
        .next()
        .is_some()
}

/// What "no worse" weighs for a request: its objective, and whether cost and hours are
/// budgeted.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Measures {
    objective: Objective,
    cost_budgeted: bool,
    hours_budgeted: bool,
}

impl Measures {
    /// How many there are: [`Measures::number`] is below this.
    const COUNT: usize = Objective::ALL.len() * 4;

    fn of(request: &PlanRequest) -> Self {
        Measures {
            objective: request.objective,
            cost_budgeted: request.constraints.budget_cost.is_some(),
            hours_budgeted: request.constraints.budget_hours.is_some(),
        }
    }

    fn number(self) -> usize {
        self.objective as usize * 4
            + usize::from(self.cost_budgeted) * 2
            + usize::from(self.hours_budgeted)
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
                let fresh = dominated_afresh(&catalog, &request, &start, &candidates);
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
        // Asked afresh, as a solve does without earlier verdicts to follow.
        let (dominated, verdicts) =
            verdicts_of(&catalog, &request, &start, &candidates, &named, None);
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
