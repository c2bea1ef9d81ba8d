//! What a solve's pruning proved about its task, kept for the next solve when an edit only
//! takes credentials away (an exclusion, a provider excluded).
//!
//! Narrowing drops a candidate once every plan that takes it, and nothing it could do without,
//! is proven to cost at least the incumbent of the moment; what the bound proves it costs, where
//! that is more, is the candidate's floor. An exclusion only takes plans away, so a floor still
//! holds after it. The next solve then needs neither to build its task (the earlier task, with
//! what is now excluded left out, is it) nor to search the candidates whose floor is at or above
//! its first incumbent's value (the earlier plan, mended): no plan taking one of them is cheaper
//! than that incumbent, and a cheapest plan of fewest candidates takes nothing it could do
//! without. It searches the task cut down to the rest, and keeps the earlier task whole, with
//! the floors it raised, for the next exclusion. Its ascent starts where the earlier one
//! ended, from the multipliers fitted to about the task it searches, and from the earlier cuts
//! when that task has no candidate the earlier ascent had dropped (a cut found on a narrowed
//! task holds for the plans within it, not for those that take what it dropped).
//!
//! Against floors at the incumbent's value alone, those the bound proves took 14% off the
//! median re-plan after an exclusion on 20,000 credentials at depth 6, 16% on 5,000 x 4 and 5%
//! on 20,000 x 4, with 5,000 x 6 level (three interleaved runs of the benchmark, each edit the
//! same optimum).
//!
//! Two things would make the earlier task wrong, and then the task is built afresh: a
//! credential that an excluded one dominated (dropped from the earlier task in its favour) is a
//! candidate again unless a remaining candidate dominates it too, and a goal may be out of
//! reach.

use std::sync::Arc;
use std::time::Instant;

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::plan::dominance::{Verdicts, is_dominated};
use crate::plan::every_goal::{Ascended, close_every_goal};
use crate::plan::lagrange::Start;
use crate::plan::milp::{Aim, Cut};
use crate::plan::search::{Effort, Found};
use crate::plan::solve::incumbent_of;
use crate::plan::task::{Task, is_allowed, new_indices};
use crate::plan::warm::{Multipliers, mended};
use crate::plan::{Constraints, PlanError, PlanRequest};

/// Steps of ascent for a task cut down by floors. It starts near where the earlier ascent
/// ended, over a task of tens of candidates, where the exact search is cheap: the full 300
/// steps moved its bound by a percent or two, for most of the time of re-planning. On 20,000
/// credentials at depth 4, 30 steps halved the median re-plan after an exclusion; 10 made its
/// slowest five times slower.
const FLOORED_STEPS: usize = 30;

/// What a solve proved about the plans of its task (those that take nothing they could do
/// without), per candidate of that task.
#[derive(Debug, Clone, Default)]
pub(crate) struct Proved {
    /// A floor on the value of the plans that take the candidate (minus infinity where
    /// nothing is known).
    pub floor: Vec<f64>,
    /// Cuts that hold for every plan that takes only candidates `searched`, each with the
    /// multiplier the ascent ended with.
    pub cuts: Vec<(Cut, f64)>,
    pub searched: Vec<bool>,
}

impl Proved {
    fn of(ascended: &mut Ascended) -> Self {
        Proved {
            floor: std::mem::take(&mut ascended.floor),
            cuts: std::mem::take(&mut ascended.cuts),
            searched: std::mem::take(&mut ascended.searched),
        }
    }

    /// What this says of the candidates `old` (indices here) of a task cut from this one. A cut
    /// left with no member is left out: leaving a cut out only makes the bound weaker.
    fn within(&self, old: &[usize]) -> Proved {
        let new_index = new_indices(old, self.floor.len());
        let within = |cut: &Cut| cut.within(&new_index).filter(|cut| !cut.members.is_empty());
        Proved {
            floor: old.iter().map(|&k| self.floor[k]).collect(),
            cuts: (self.cuts.iter())
                .filter_map(|(cut, u)| Some((within(cut)?, *u)))
                .collect(),
            searched: old.iter().map(|&k| self.searched[k]).collect(),
        }
    }
}

/// The candidates of an earlier task that a plan cheaper than a known one may take, with what
/// the earlier solve proved about them.
pub(crate) struct Floored {
    pub task: Task,
    pub known: Known,
}

/// What is known of a floored task's plans.
pub(crate) struct Known {
    /// What the earlier solve proved about them.
    pub proved: Proved,
    /// Where the task sits in the earlier one.
    pub within: Within,
    /// A plan of the task: the earlier plan, mended where the exclusion broke it.
    pub incumbent: Found,
}

/// Where a floored task sits in the earlier task it was cut from.
pub(crate) struct Within {
    /// Per candidate of the floored task, its index in the earlier task.
    old: Vec<usize>,
    /// The value of the plan the floored task was cut by: no plan cheaper than it takes a
    /// candidate outside.
    value: f64,
    /// The least a plan that takes a candidate outside the floored task costs, as far as
    /// the floors tell: at least `value`.
    beyond: f64,
}

/// What a solve without a budget proved about the task it searched.
#[derive(Debug, Clone)]
pub(crate) struct Pruned {
    catalog: u64,
    request: PlanRequest,
    task: Arc<Task>,
    proved: Proved,
    /// The multipliers its ascent ended with.
    multipliers: Multipliers,
}

impl Pruned {
    pub fn new(
        catalog: &Catalog,
        request: &PlanRequest,
        task: Arc<Task>,
        mut ascended: Ascended,
    ) -> Self {
        Pruned {
            catalog: catalog.generation(),
            request: request.clone(),
            task,
            proved: Proved::of(&mut ascended),
            multipliers: ascended.last_multipliers,
        }
    }

    /// The candidates of this solve's task that a plan for `request` cheaper than the
    /// earlier `plan` (its credentials), mended, may take, with what was proved about them,
    /// when `request` asks what this solve's request asked with only more taken away, and
    /// whatever an excluded credential dominated is still dominated; None when the task must
    /// be built. `start` is the person's, and `verdicts` are those of the build of this solve's
    /// task.
    ///
    /// The candidates taken away stay in this task, left out by the plan's mending and the
    /// cut: a task without them, built whole, only to be cut down by the floors to a few
    /// hundred candidates, and the mending over it, were two thirds of re-planning after an
    /// exclusion on 20,000 credentials.
    pub fn after_exclusion(
        &self,
        catalog: &Catalog,
        request: &PlanRequest,
        start: &Reach,
        verdicts: &Verdicts,
        plan: &[CredIdx],
    ) -> Option<Floored> {
        let (earlier, now) = (&self.request.constraints, &request.constraints);
        let unbudgeted = |c: &Constraints| c.budget_cost.is_none() && c.budget_hours.is_none();
        let only_excluded = catalog.generation() == self.catalog
            && request.role == self.request.role
            && request.objective == self.request.objective
            && request.person == self.request.person
            && unbudgeted(earlier)
            && unbudgeted(now)
            && earlier.exclude.is_subset(&now.exclude)
            && earlier.exclude_providers.is_subset(&now.exclude_providers);
        if !only_excluded {
            return None;
        }
        // Every credential not allowed now, not only those excluded since this solve: the
        // verdicts are those of the build, and what a credential excluded at an earlier edit
        // dominated was then found dominated by a candidate that this edit may take away.
        // Without a budget, a credential is not allowed only when it or its provider is
        // excluded, and asking each of thousands in turn was a twentieth of re-planning.
        let mut not_allowed = vec![false; catalog.credentials.len()];
        if now.exclude_providers.is_empty() {
            for &c in &now.exclude {
                not_allowed[c] = true;
            }
        } else {
            for (c, gone) in not_allowed.iter_mut().enumerate() {
                *gone = !is_allowed(catalog, now, c);
            }
        }
        let gone = |c: CredIdx| not_allowed[c];
        let task = &self.task;
        let allowed: Vec<bool> = task.candidates.iter().map(|&c| !gone(c)).collect();
        // A credential that an excluded one dominated must be dominated by a candidate still
        // allowed. Then a plan that takes it can take that candidate in its place, at no more
        // cost, and take it where the freed one was taken, since it needs nothing the freed one
        // did not: so some optimum takes only candidates of this task. The candidate need not be
        // one the person can reach without the freed one.
        let candidate = |c: CredIdx| (task.candidates.binary_search(&c)).is_ok_and(|k| allowed[k]);
        if !(verdicts.dominated_by(gone).into_iter())
            .all(|d| is_dominated(catalog, request, start, d, candidate))
        {
            return None;
        }
        let all_goals: Vec<usize> = (0..task.goals.len()).collect();
        let selection = mended(plan, task, &all_goals, |k| allowed[k]);
        // A goal out of reach now: the task built afresh says which.
        let incumbent = incumbent_of(task, Aim::AllGoals, &selection);
        let value = incumbent.value;
        if !value.is_finite() {
            return None;
        }
        let keep: Vec<bool> = (0..task.len())
            .map(|k| allowed[k] && (incumbent.selection[k] || self.proved.floor[k] < value))
            .collect();
        let (small, old) = task.restrict(&keep)?;
        let mut in_small = vec![false; task.len()];
        for &k in &old {
            in_small[k] = true;
        }
        let beyond = (0..task.len())
            .filter(|&k| allowed[k] && !in_small[k])
            .map(|k| self.proved.floor[k].max(value))
            .fold(f64::INFINITY, f64::min);
        let selection: Vec<bool> = old.iter().map(|&k| incumbent.selection[k]).collect();
        Some(Floored {
            known: Known {
                incumbent: incumbent_of(&small, Aim::AllGoals, &selection),
                proved: self.proved.within(&old),
                within: Within { old, value, beyond },
            },
            task: small,
        })
    }

    /// What is proved after the search of a task cut from this one's (`within`) for
    /// `request`, which `ascended` tells over the cut task: the floors of this one's task,
    /// raised where the search proved more, and the search's cuts and multipliers.
    pub fn after_search(
        &self,
        request: &PlanRequest,
        within: &Within,
        ascended: Ascended,
    ) -> Pruned {
        let Within { old, value, beyond } = within;
        // A plan cheaper than the one the task was cut by takes only candidates of the cut
        // task. One that takes a candidate of it and one outside pays at least the other's
        // floor, whatever the floors found within say.
        let mut floor: Vec<f64> = self.proved.floor.iter().map(|&f| f.max(*value)).collect();
        let mut searched = vec![false; floor.len()];
        for (new, &k) in old.iter().enumerate() {
            floor[k] = self.proved.floor[k].max(ascended.floor[new].min(*beyond));
            searched[k] = ascended.searched[new];
        }
        let cuts = (ascended.cuts.iter())
            .map(|(cut, u)| (cut.lifted(old), *u))
            .collect();
        Pruned {
            catalog: self.catalog,
            request: request.clone(),
            task: Arc::clone(&self.task),
            proved: Proved {
                floor,
                cuts,
                searched,
            },
            multipliers: ascended.last_multipliers,
        }
    }
}

/// [`close_every_goal`] on a floored `task`, from the multipliers `pruned` ended with, and
/// from its cuts where they hold.
pub(crate) fn close_floored(
    task: &Task,
    proved: Proved,
    pruned: &Pruned,
    incumbent: Found,
    deadline: Instant,
    effort: &mut Effort,
) -> Result<(Found, Ascended), PlanError> {
    // The cuts hold for the plans of `task` when it has nothing but what they were found on.
    let start = Start {
        multipliers: Some(&pruned.multipliers),
        cuts: if proved.searched.iter().all(|&s| s) {
            proved.cuts
        } else {
            Vec::new()
        },
    };
    close_every_goal(task, incumbent, start, FLOORED_STEPS, deadline, effort)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Spec, generate};
    use crate::plan::solve::plan_from;
    use crate::plan::{Person, plan};

    #[test]
    fn excluding_steps_one_after_another_from_the_pruned_task_keeps_the_optimum() {
        for (credentials, depth, gap) in [(2_000, 4, 12), (1_000, 6, 20)] {
            excluding_steps_keeps_the_optimum(&generate(&Spec::sized(credentials, depth, gap, 7)));
        }
    }

    /// For every role, excludes the first step of the last plan three times over (the third
    /// time with its provider), each time re-planning from the last solve, and checks the
    /// answer against a plan made afresh.
    fn excluding_steps_keeps_the_optimum(catalog: &Catalog) {
        let start = Reach::start(catalog, &[], std::iter::empty());
        let (mut reused, mut floored_out) = (0, 0);
        for role in 0..catalog.roles.len() {
            let mut request = PlanRequest::new(role, Person::default());
            let (mut answer, mut memory) = plan_from(catalog, &request, None, None).unwrap();
            for edit in 0..3 {
                let Some(first) = answer.steps.first() else {
                    break;
                };
                if edit < 2 {
                    request.constraints.exclude.insert(first.credential);
                } else {
                    let provider = &catalog.credentials[first.credential].provider;
                    request
                        .constraints
                        .exclude_providers
                        .insert(provider.clone());
                }
                let pruned = memory
                    .pruned
                    .as_ref()
                    .expect("a proven solve without a budget");
                let verdicts = &memory.learned.verdicts;
                if let Some(floored) =
                    pruned.after_exclusion(catalog, &request, &start, verdicts, &memory.plan)
                {
                    reused += 1;
                    assert!(
                        !floored.task.candidates.contains(&first.credential),
                        "the excluded step is no candidate"
                    );
                    // More left out than the one step excluded.
                    floored_out += usize::from(floored.task.len() + 1 < pruned.task.len());
                }
                (answer, memory) = plan_from(catalog, &request, Some(&memory), None).unwrap();
                let afresh = plan(catalog, &request).unwrap();
                assert!(answer.optimal && afresh.optimal);
                assert!(
                    (answer.value - afresh.value).abs() < 1e-6,
                    "role {role}: {} from the pruned task, {} afresh",
                    answer.value,
                    afresh.value
                );
            }
        }
        assert!(reused >= 10, "the earlier task was reused {reused} times");
        assert!(floored_out > 0, "the floors left candidates out");
    }

    #[test]
    fn a_request_that_asks_anything_else_builds_its_task() {
        let catalog = generate(&Spec::sized(500, 3, 6, 3));
        let start = Reach::start(&catalog, &[], std::iter::empty());
        let request = PlanRequest::new(0, Person::default());
        let (_, memory) = plan_from(&catalog, &request, None, None).unwrap();
        let pruned = memory.pruned.as_ref().unwrap();
        let reused = |request: &PlanRequest| {
            let verdicts = &memory.learned.verdicts;
            (pruned.after_exclusion(&catalog, request, &start, verdicts, &memory.plan)).is_some()
        };
        assert!(reused(&request));
        let mut other_role = request.clone();
        other_role.role = 1;
        let mut raised = request.clone();
        raised.person.skills.push((0, 1));
        let mut budgeted = request.clone();
        budgeted.constraints.budget_cost = Some(1e9);
        for other in [other_role, raised, budgeted] {
            assert!(!reused(&other));
        }
    }
}
