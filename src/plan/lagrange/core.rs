//! A better plan from a small exact search on the candidates the multipliers favour.
//!
//! While the incumbent is far above the bound, the ascent can drop few candidates, and its
//! steps stay as costly as the whole task. The repair heuristic often ends several percent
//! above the optimum, which on large tasks is found only by the exact search at the very end.
//! A task cut down to the candidates of least reduced cost (with the incumbent's) usually holds
//! the optimum or a plan close to it, and at a hundred-odd candidates branch-and-bound
//! settles it in a few nodes. On 5,000 credentials at depth 6 this finds the optimum by the
//! 64th step on most of the slowest instances, and the ascent then narrows the task early.
//!
//! The search runs beside the ascent, on a core of its own where one is free, and its plan is
//! taken in some steps later ([`super::schedule::core_taken_in`]).

use std::time::Instant;

use crate::parallel::{Beside, beside};
use crate::plan::lagrange::narrow::Narrowed;
use crate::plan::lagrange::{Incumbent, slack};
use crate::plan::milp::{Aim, Budgets, CostsOf};
use crate::plan::search::{Effort, Search};
use crate::plan::solve::incumbent_of;
use crate::plan::task::Task;

/// Candidates of least reduced cost in the small task: enough to hold the optimum on most
/// large tasks, few enough for a quick search (100 and 200 both did worse).
const CORE_CANDIDATES: usize = 150;

/// Branch-and-bound nodes per MILP of the small search: it looks for a better plan, and the
/// exact search proves the optimum later in any case.
const CORE_NODES: u64 = 20;

/// A small search under way, beside the ascent where a core is free: see [`begin`].
pub(super) struct Pending(Beside<Option<Incumbent>>);

/// Begins the search for a plan cheaper than `best` (over the whole task's `whole_len`
/// candidates) among the narrowed task's candidates of least `reduced` cost, the incumbent's
/// and the forced ones. The search is limited by nodes, not time, so that the same input gives
/// the same plan; None when some goal has no achiever among those candidates.
pub(super) fn begin(
    narrowed: &Narrowed,
    reduced: &[f64],
    whole_len: usize,
    best: &Incumbent,
    deadline: Instant,
) -> Option<Pending> {
    let task = &narrowed.task;
    let mut keep: Vec<bool> = (0..task.len())
        .map(|k| task.forced[k] || best.selection[narrowed.whole[k]])
        .collect();
    let mut by_reduced_cost: Vec<usize> = (0..task.len()).collect();
    let order = |a: &usize, b: &usize| reduced[*a].total_cmp(&reduced[*b]).then(a.cmp(b));
    let least = CORE_CANDIDATES.min(task.len());
    if least < task.len() {
        by_reduced_cost.select_nth_unstable_by(least, order);
    }
    for &k in &by_reduced_cost[..least] {
        keep[k] = true;
    }
    let (core, old) = task.restrict(&keep)?;
    let in_whole: Vec<usize> = old.iter().map(|&k| narrowed.whole[k]).collect();
    let seed: Vec<bool> = in_whole.iter().map(|&k| best.selection[k]).collect();
    let seed_value = best.value;
    Some(Pending(beside(move || {
        let found = search(&core, &seed, deadline)?;
        (found.value < seed_value - slack(seed_value)).then(|| {
            let mut selection = vec![false; whole_len];
            for (new, _) in found.selection.iter().enumerate().filter(|(_, on)| **on) {
                selection[in_whole[new]] = true;
            }
            Incumbent {
                selection,
                value: found.value,
            }
        })
    })))
}

impl Pending {
    /// Waits for the search, and replaces `best` with its plan when that is cheaper.
    pub fn finish(self, best: &mut Incumbent) {
        if let Some(found) = self.0.join()
            && found.value < best.value - slack(best.value)
        {
            *best = found;
        }
    }
}

/// The best plan of `core` that a node-limited search finds from the plan `seed`; None when
/// the solver fails, which only means no better plan: the exact search that follows meets the
/// same solver and reports it.
fn search(core: &Task, seed: &[bool], deadline: Instant) -> Option<Incumbent> {
    let zeros = vec![0.0; core.len()];
    let mut search = Search {
        task: core,
        budgets: Budgets::default(),
        measures: CostsOf {
            cost: &zeros,
            hours: &zeros,
        },
        deadline,
        cuts: Vec::new(),
        effort: Effort::default(),
        node_limit: Some(CORE_NODES),
    };
    let found = search
        .run(Aim::AllGoals, incumbent_of(core, Aim::AllGoals, seed))
        .ok()?;
    Some(Incumbent {
        selection: found.selection,
        value: found.value,
    })
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;
    use crate::plan::task::Task;

    /// Candidate 0 (10 h, needing 3 first, 1 h) reaches both goals; 1 and 2 (6 h each) one
    /// each. The pair costs 12 h, 0 with its support 11 h.
    fn task() -> Task {
        Task::by_hand(
            &[&[&[3]], &[], &[], &[]],
            &[10.0, 6.0, 6.0, 1.0],
            &[&[0, 1], &[0, 2]],
        )
    }

    fn improve(narrowed: &Narrowed, best: &mut Incumbent) {
        let deadline = Instant::now() + Duration::from_secs(10);
        let pending = begin(narrowed, &[0.0; 4], 4, best, deadline).expect("goals reachable");
        pending.finish(best);
    }

    #[test]
    fn finds_a_cheaper_schedulable_plan_than_the_incumbent() {
        let task = task();
        let narrowed = Narrowed::whole(&task, Vec::new());
        let mut best = Incumbent {
            selection: vec![false, true, true, false],
            value: 12.0,
        };
        improve(&narrowed, &mut best);
        assert_eq!(best.selection, vec![true, false, false, true]);
        assert_eq!(best.value, 11.0);
    }

    #[test]
    fn keeps_the_incumbent_when_nothing_is_cheaper() {
        let task = task();
        let narrowed = Narrowed::whole(&task, Vec::new());
        let optimum = vec![true, false, false, true];
        let mut best = Incumbent {
            selection: optimum.clone(),
            value: 11.0,
        };
        improve(&narrowed, &mut best);
        assert_eq!((best.selection, best.value), (optimum, 11.0));
    }
}
