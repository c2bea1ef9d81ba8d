//! A fast, valid (not necessarily optimal) plan: best supporters by a Dijkstra over
//! candidates, where taking a candidate costs its weight plus its cheapest supports. Because
//! a supporter is always settled before what it supports, the extracted set can be scheduled.
//! It seeds the exact search with an incumbent and answers when the time limit leaves nothing
//! better.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use crate::plan::task::Task;

/// Total order on finite non-negative costs for the heap.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cost(f64);
impl Eq for Cost {}
impl PartialOrd for Cost {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Cost {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.total_cmp(&other.0)
    }
}

pub(crate) struct Supporters {
    /// Estimated cost of taking each candidate with its supports (infinite when unreachable).
    pub cost: Vec<f64>,
    /// For each candidate and each of its supports, the member chosen to satisfy it.
    chosen: Vec<Vec<usize>>,
}

impl Supporters {
    pub fn compute(task: &Task) -> Self {
        let n = task.len();
        let mut watchers: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        for (k, supports) in task.supports.iter().enumerate() {
            for (i, support) in supports.iter().enumerate() {
                for &d in support {
                    watchers[d].push((k, i));
                }
            }
        }
        let mut remaining: Vec<usize> = task.supports.iter().map(Vec::len).collect();
        let mut chosen: Vec<Vec<usize>> = task
            .supports
            .iter()
            .map(|s| vec![usize::MAX; s.len()])
            .collect();
        let mut cost = vec![f64::INFINITY; n];
        let mut heap = BinaryHeap::new();
        for k in (0..n).filter(|&k| remaining[k] == 0) {
            cost[k] = task.weight[k];
            heap.push(Reverse((Cost(cost[k]), k)));
        }
        while let Some(Reverse((_, d))) = heap.pop() {
            for &(k, i) in &watchers[d] {
                if chosen[k][i] != usize::MAX {
                    continue;
                }
                chosen[k][i] = d;
                remaining[k] -= 1;
                if remaining[k] == 0 {
                    cost[k] = task.weight[k] + chosen[k].iter().map(|&m| cost[m]).sum::<f64>();
                    heap.push(Reverse((Cost(cost[k]), k)));
                }
            }
        }
        Supporters { cost, chosen }
    }

    /// The cheapest achiever of goal `g`, if any is reachable.
    pub fn best_achiever(&self, task: &Task, g: usize) -> Option<usize> {
        task.goals[g]
            .achievers
            .iter()
            .copied()
            .filter(|&k| self.cost[k].is_finite())
            .min_by(|&a, &b| self.cost[a].total_cmp(&self.cost[b]).then(a.cmp(&b)))
    }

    /// Adds `k` and, recursively, its chosen supporters to `selection`.
    pub fn select_with_supports(&self, k: usize, selection: &mut [bool]) {
        let mut stack = vec![k];
        while let Some(k) = stack.pop() {
            if std::mem::replace(&mut selection[k], true) {
                continue;
            }
            stack.extend(self.chosen[k].iter().copied());
        }
    }
}

/// A valid selection reaching the goals in `goals` (indices into `task.goals`).
pub(crate) fn greedy_selection(task: &Task, supporters: &Supporters, goals: &[usize]) -> Vec<bool> {
    let mut selection = vec![false; task.len()];
    for &g in goals {
        if let Some(k) = supporters.best_achiever(task, g) {
            supporters.select_with_supports(k, &mut selection);
        }
    }
    selection
}
