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

use crate::parallel::Background;
use crate::plan::lagrange::narrow::Narrowed;
use crate::plan::lagrange::{Incumbent, slack};
use crate::plan::milp::{Aim, Budgets, CostsOf};
use crate::plan::search::{Effort, Found, Search};
use crate::plan::solve::incumbent_of;
use crate::plan::task::Task;

/// Candidates of least reduced cost in the small task: enough to hold the optimum on most
/// large tasks, few enough for a quick search (100 and 200 both did worse).
const CORE_CANDIDATES: usize = 150;

/// Branch-and-bound nodes per MILP of the small search: it looks for a better plan, and the
/// exact search proves the optimum later in any case.
const CORE_NODES: u64 = 20;

/// The small search, begun on another core while the ascent goes on: it takes a few
/// milliseconds, as long as a dozen steps of a large task.
pub(super) struct CoreSearch(Background<Option<Incumbent>>);

impl CoreSearch {
    /// Begins the search for the best plan among the narrowed task's candidates of least
    /// `reduced` cost, the incumbent's and the forced ones; `None` when some goal has no
    /// achiever among them. The search is limited by nodes, not time, so that the same input
    /// gives the same plan.
    pub fn start(
        narrowed: &Narrowed,
        reduced: &[f64],
        whole_len: usize,
        best: &Incumbent,
        deadline: Instant,
    ) -> Option<Self> {
        let task = &narrowed.task;
        let mut by_reduced_cost: Vec<usize> = (0..task.len()).collect();
        by_reduced_cost.sort_by(|&a, &b| reduced[a].total_cmp(&reduced[b]).then(a.cmp(&b)));
        let mut keep: Vec<bool> = (0..task.len())
            .map(|k| task.forced[k] || best.selection[narrowed.whole[k]])
            .collect();
        for &k in by_reduced_cost.iter().take(CORE_CANDIDATES) {
            keep[k] = true;
        }
        let (core, old) = task.restrict(&keep)?;
        // Each core candidate's index in the whole task.
        let whole: Vec<usize> = old.iter().map(|&k| narrowed.whole[k]).collect();
        let seed: Vec<bool> = whole.iter().map(|&k| best.selection[k]).collect();
        let upper = best.value;
        Some(CoreSearch(Background::start(move || {
            let found = search(&core, &seed, deadline)?;
            (found.value < upper - slack(upper)).then(|| {
                let mut selection = vec![false; whole_len];
                for (new, _) in found.selection.iter().enumerate().filter(|(_, on)| **on) {
                    selection[whole[new]] = true;
                }
                Incumbent {
                    selection,
                    value: found.value,
                }
            })
        })))
    }

    /// Replaces `best` with the search's plan when that is cheaper.
    pub fn finish(self, best: &mut Incumbent) {
        if let Some(found) = self.0.finish()
            && found.value < best.value - slack(best.value)
        {
            *best = found;
        }
    }
}

/// The best plan of `core` that the node limit lets the search find from `seed`. A solver
/// failure here only means no better plan: the exact search that follows meets the same
/// solver and reports it.
fn search(core: &Task, seed: &[bool], deadline: Instant) -> Option<Found> {
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
    search
        .run(Aim::AllGoals, incumbent_of(core, Aim::AllGoals, seed))
        .ok()
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
        let search = CoreSearch::start(&narrowed, &[0.0; 4], task.len(), &best, deadline);
        search.unwrap().finish(&mut best);
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
        let search = CoreSearch::start(&narrowed, &[0.0; 4], task.len(), &best, deadline);
        search.unwrap().finish(&mut best);
        assert_eq!((best.selection, best.value), (optimum, 11.0));
    }
}
