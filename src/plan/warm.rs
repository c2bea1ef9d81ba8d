//! What one solve leaves for the next, when a person edits one thing and plans again: its
//! plan, a first incumbent for the new task, and the ascent's multipliers, a starting point
//! near the new optimum. Both are only hints. The plan is simulated against the new task
//! before it counts, and any non-negative multipliers give a valid bound, so a hint from a
//! different request (or catalog) costs time, never correctness. A proven plan is more than a
//! hint for the edits it settles (see [`crate::plan::settled`]); those answers hold only for
//! the same catalog, which the memory checks.

use std::fmt;
use std::sync::Arc;

use crate::catalog::{Catalog, CredIdx, SkillIdx};
use crate::plan::pruned::Pruned;
use crate::plan::relaxed::{Supporters, greedy_selection};
use crate::plan::settled::Settled;
use crate::plan::simulate::{Simulation, drop_redundant};
use crate::plan::solve::Reached;
use crate::plan::task::{Learned, Task};
use crate::plan::{Person, Plan, PlanError, PlanRequest};

/// The Lagrangian multipliers of a solve, keyed by what survives a small edit: a support row
/// by the credential it precedes and its position among that credential's supports, a goal
/// row by its skill. Support rows keep only multipliers above zero (most sit at zero), so
/// recording them costs a solve next to nothing.
#[derive(Debug, Clone, Default)]
pub(crate) struct Multipliers {
    /// Sorted by (credential, position).
    supports: Vec<((CredIdx, usize), f64)>,
    goals: Vec<(SkillIdx, f64)>,
}

impl Multipliers {
    /// The multipliers `support(k, j)` of `task`'s support rows and `goal(g)` of its goal
    /// rows, keyed to outlive it.
    pub fn record(
        task: &Task,
        support: impl Fn(usize, usize) -> f64,
        goal: impl Fn(usize) -> f64,
    ) -> Self {
        let mut keyed = Multipliers::default();
        for k in 0..task.len() {
            for j in 0..task.supports.count(k) {
                let u = support(k, j);
                if u > 0.0 {
                    keyed.supports.push(((task.candidates[k], j), u));
                }
            }
        }
        // Candidates are ascending, so the keys already are; sorting keeps that a fact.
        keyed.supports.sort_by_key(|&(key, _)| key);
        keyed.goals = (0..task.goals.len())
            .map(|g| (task.goals[g].skill, goal(g)))
            .collect();
        keyed
    }

    /// The remembered multipliers of `task`'s support rows, as (candidate, position among its
    /// supports, multiplier); the rest are zero. One walk along both lists, as both are in
    /// credential order: looking up each of a large task's support rows in turn cost 2.6% more
    /// instructions in re-planning after a level edit on 20,000 credentials at depth 6.
    pub fn supports_in<'a>(
        &'a self,
        task: &'a Task,
    ) -> impl Iterator<Item = (usize, usize, f64)> + 'a {
        let mut k = 0;
        self.supports
            .iter()
            .filter_map(move |&((credential, j), u)| {
                while k < task.len() && task.candidates[k] < credential {
                    k += 1;
                }
                let known = k < task.len()
                    && task.candidates[k] == credential
                    && j < task.supports.count(k);
                known.then_some((k, j, u))
            })
    }

    /// The remembered multiplier of `task`'s goal `g`, if the earlier solve had that goal.
    pub fn goal(&self, task: &Task, g: usize) -> Option<f64> {
        let skill = task.goals[g].skill;
        self.goals
            .iter()
            .find(|(s, _)| *s == skill)
            .map(|&(_, u)| u)
    }
}

/// What a solve knew at its end.
#[derive(Debug, Clone, Default)]
pub(crate) struct Memory {
    /// The credentials of its plan.
    pub plan: Vec<CredIdx>,
    pub multipliers: Multipliers,
    /// What the plan settles, when it was proven: the answer to some edits outright.
    pub settled: Option<Settled>,
    /// What its person could reach, which an edit that leaves the person as they were (an
    /// exclusion, another role) need not work out again.
    pub reach: Option<KnownReach>,
    /// What building its task learned (who dominated whom, what was relevant), for the next
    /// build in the same catalog, and for the next solve that starts from its task (shared:
    /// over 20,000 credentials a copy was a fortieth of re-planning after an exclusion).
    pub learned: Arc<Learned>,
    /// What its pruning proved about its task, for a next request that only excludes more.
    pub pruned: Option<Pruned>,
}

/// What one person can reach in one catalog.
#[derive(Clone)]
pub(crate) struct KnownReach {
    catalog: u64,
    person: Person,
    pub reached: Arc<Reached>,
}

impl KnownReach {
    pub fn new(catalog: &Catalog, person: &Person, reached: Arc<Reached>) -> Self {
        KnownReach {
            catalog: catalog.generation(),
            person: person.clone(),
            reached,
        }
    }

    /// Whether this is what `person` reaches in `catalog`.
    pub fn is_of(&self, catalog: &Catalog, person: &Person) -> bool {
        self.catalog == catalog.generation() && self.person == *person
    }
}

impl fmt::Debug for KnownReach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("KnownReach")
            .field("catalog", &self.catalog)
            .field("person", &self.person)
            .finish_non_exhaustive()
    }
}

impl Memory {
    /// What this solve's person reaches, when `person` in `catalog` is that person.
    pub fn reach_of(&self, catalog: &Catalog, person: &Person) -> Option<&KnownReach> {
        self.reach
            .as_ref()
            .filter(|known| known.is_of(catalog, person))
    }

    /// What this solve's person reaches, whoever `person` is, when `catalog` is this solve's.
    pub fn reached_in(&self, catalog: &Catalog) -> Option<&Reached> {
        self.reach
            .as_ref()
            .filter(|known| known.catalog == catalog.generation())
            .map(|known| &*known.reached)
    }

    /// The remembered plan as a selection over `task`'s candidates that reaches `goals`,
    /// without what it no longer needs: see [`mended`].
    pub fn selection(&self, task: &Task, goals: &[usize]) -> Vec<bool> {
        mended(&self.plan, task, goals, |_| true)
    }
}

/// The credentials of `plan` as a selection over `task`'s candidates `allowed` that reaches
/// `goals`, without what it no longer needs. Where the edit broke it (a step excluded, or no
/// longer open), it is completed in the cheapest way the best supporters among `allowed` find
/// when its own steps cost next to nothing: the rest of the plan, mended, is usually near the
/// new optimum, where the greedy plan from scratch can be far above it. Reaches fewer goals
/// when `allowed` cannot reach them all.
pub(crate) fn mended(
    plan: &[CredIdx],
    task: &Task,
    goals: &[usize],
    allowed: impl Fn(usize) -> bool,
) -> Vec<bool> {
    let mut selection = vec![false; task.len()];
    for c in plan {
        if let Ok(k) = task.candidates.binary_search(c)
            && allowed(k)
        {
            selection[k] = true;
        }
    }
    let sim = Simulation::run(task, &selection);
    if !sim.stuck.is_empty() || !goals.iter().all(|&g| sim.reaches(task, g)) {
        let price: Vec<f64> = (0..task.len())
            .map(|k| {
                if !allowed(k) {
                    f64::INFINITY
                } else if selection[k] {
                    task.weight[k] * 1e-3
                } else {
                    task.weight[k]
                }
            })
            .collect();
        selection = greedy_selection(task, &Supporters::compute_with(task, &price), goals);
    }
    drop_redundant(task, &mut selection, goals);
    selection
}

/// Plans requests one after another, each starting from what the last solve knew. Meant for
/// a session where a person edits one thing at a time (a level, a credential held, an
/// exclusion). Its answers have the optimum of [`crate::plan::plan`]'s, only sooner, though
/// where two plans tie it may return the other one. After a proven plan without a budget,
/// marking some of its steps held (when they can be taken in turn from the person's start),
/// excluding credentials it does not take, or raising a skill past no level a credential or
/// the role asks for, is answered from that plan, with no search at all.
#[derive(Debug, Default)]
pub struct Replanner {
    memory: Option<Memory>,
}

impl Replanner {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn plan(&mut self, catalog: &Catalog, request: &PlanRequest) -> Result<Plan, PlanError> {
        let (plan, memory) =
            crate::plan::solve::plan_from(catalog, request, self.memory.as_ref(), None)?;
        self.memory = Some(memory);
        Ok(plan)
    }

    /// Forgets the last solve, as after the catalog is reloaded.
    pub fn forget(&mut self) {
        self.memory = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Candidates are credentials 10-13. Goal 0: 10 (5 h, after 11 at 6 h) or 12 (20 h);
    /// goal 1: 13 (2 h).
    fn task() -> Task {
        Task::by_hand(
            &[&[&[1]], &[], &[], &[]],
            &[5.0, 6.0, 20.0, 2.0],
            &[&[0, 2], &[3]],
        )
    }

    fn remembering(plan: &[CredIdx]) -> Memory {
        Memory {
            plan: plan.to_vec(),
            ..Memory::default()
        }
    }

    #[test]
    fn a_remembered_plan_that_still_works_is_kept_without_what_it_no_longer_needs() {
        let selection = remembering(&[10, 11, 12, 13]).selection(&task(), &[0, 1]);
        assert_eq!(selection, vec![true, true, false, true]);
    }

    #[test]
    fn a_remembered_plan_an_edit_broke_is_mended_around_its_other_steps() {
        // The step that opened 10 (credential 99 here) is gone from the task: 10 is kept, and
        // the cheapest way to open it again is added.
        let selection = remembering(&[10, 13, 99]).selection(&task(), &[0, 1]);
        assert_eq!(selection, vec![true, true, false, true]);
        let sim = Simulation::run(&task(), &selection);
        assert!(sim.stuck.is_empty() && sim.reaches(&task(), 0) && sim.reaches(&task(), 1));
    }

    #[test]
    fn remembered_support_multipliers_find_their_rows_in_a_task_cut_from_the_earlier_one() {
        let mut rng = crate::catalog::synthetic::Rng::new(17);
        for _ in 0..200 {
            let n = 2 + rng.below(9);
            let earlier = Task::random(&mut rng, &vec![1.0; n]);
            // Some support rows above zero, each multiplier told apart by its row.
            let value = |k: usize, j: usize| (10 * k + j + 1) as f64;
            let above: Vec<Vec<bool>> = (0..n)
                .map(|k| {
                    (0..earlier.supports.count(k))
                        .map(|_| rng.chance(50))
                        .collect()
                })
                .collect();
            let support = |k: usize, j: usize| if above[k][j] { value(k, j) } else { 0.0 };
            let remembered = Multipliers::record(&earlier, support, |_| 0.0);
            let keep: Vec<bool> = (0..n).map(|_| rng.chance(70)).collect();
            let Some((task, old)) = earlier.restrict(&keep) else {
                continue;
            };
            let mut found = vec![Vec::new(); task.len()];
            for (k, j, u) in remembered.supports_in(&task) {
                found[k].push((j, u));
            }
            for (k, &was) in old.iter().enumerate() {
                let expected: Vec<(usize, f64)> = (0..task.supports.count(k))
                    .filter(|&j| above[was][j])
                    .map(|j| (j, value(was, j)))
                    .collect();
                assert_eq!(found[k], expected, "candidate {k}, earlier {was}");
            }
        }
    }
}
