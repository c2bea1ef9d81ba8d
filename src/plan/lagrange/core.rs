//! A better plan from a small exact search on the candidates the multipliers favour.
//!
//! While the incumbent is far above the bound, the ascent can drop few candidates, and its
//! steps stay as costly as the whole task. The repair heuristic often ends several percent
//! above the optimum, which on large tasks is found only by the exact search at the very end.
//! A task cut down to the candidates of least reduced cost (with the incumbent's) usually holds
//! the optimum or a plan close to it, and at a hundred-odd candidates branch-and-bound
//! settles it in a few nodes. On 5,000 credentials at depth 6 this finds the optimum by the
//! 64th step on most of the slowest instances, and the ascent then narrows the task early.

use std::time::Instant;

use crate::plan::lagrange::narrow::Narrowed;
use crate::plan::lagrange::{Incumbent, slack};
use crate::plan::milp::{Aim, Budgets, CostsOf};
use crate::plan::search::{Effort, Search};
use crate::plan::solve::incumbent_of;

/// Candidates of least reduced cost in the small task: enough to hold the optimum on most
/// large tasks, few enough for a quick search (100 and 200 both did worse).
const CORE_CANDIDATES: usize = 150;

/// Branch-and-bound nodes per MILP of the small search: it looks for a better plan, and the
/// exact search proves the optimum later in any case.
const CORE_NODES: u64 = 20;

/// Replaces `best` (over the whole task's `whole_len` candidates) with the best plan among
/// the narrowed task's candidates of least `reduced` cost, the incumbent's and the forced ones,
/// when that is cheaper. The search is limited by nodes, not time, so that the same input
/// gives the same plan.
pub(super) fn improve(
    narrowed: &Narrowed,
    reduced: &[f64],
    whole_len: usize,
    best: &mut Incumbent,
    deadline: Instant,
) {
    let task = &narrowed.task;
    let mut by_reduced_cost: Vec<usize> = (0..task.len()).collect();
    by_reduced_cost.sort_by(|&a, &b| reduced[a].total_cmp(&reduced[b]).then(a.cmp(&b)));
    let mut keep: Vec<bool> = (0..task.len())
        .map(|k| task.forced[k] || best.selection[narrowed.whole[k]])
        .collect();
    for &k in by_reduced_cost.iter().take(CORE_CANDIDATES) {
        keep[k] = true;
    }
    let Some((core, old)) = task.restrict(&keep) else {
        return; // some goal has no achiever among them
    };
    let seed_selection: Vec<bool> = old
        .iter()
        .map(|&k| best.selection[narrowed.whole[k]])
        .collect();
    let zeros = vec![0.0; core.len()];
    let mut search = Search {
        task: &core,
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
    // A solver failure here only means no better plan: the exact search that follows meets
    // the same solver and reports it.
    let Ok(found) = search.run(
        Aim::AllGoals,
        incumbent_of(&core, Aim::AllGoals, &seed_selection),
    ) else {
        return;
    };
    if found.value < best.value - slack(best.value) {
        let mut selection = vec![false; task.len()];
        for (new, &k) in old.iter().enumerate() {
            selection[k] = found.selection[new];
        }
        *best = Incumbent {
            selection: narrowed.in_whole(&selection, whole_len),
            value: found.value,
        };
    }
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

    #[test]
    fn finds_a_cheaper_schedulable_plan_than_the_incumbent() {
        let task = task();
        let narrowed = Narrowed::whole(&task);
        let mut best = Incumbent {
            selection: vec![false, true, true, false],
            value: 12.0,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        improve(&narrowed, &[0.0; 4], task.len(), &mut best, deadline);
        assert_eq!(best.selection, vec![true, false, false, true]);
        assert_eq!(best.value, 11.0);
    }

    #[test]
    fn keeps_the_incumbent_when_nothing_is_cheaper() {
        let task = task();
        let narrowed = Narrowed::whole(&task);
        let optimum = vec![true, false, false, true];
        let mut best = Incumbent {
            selection: optimum.clone(),
            value: 11.0,
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        improve(&narrowed, &[0.0; 4], task.len(), &mut best, deadline);
        assert_eq!((best.selection, best.value), (optimum, 11.0));
    }
}
