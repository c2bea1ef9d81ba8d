//! A fast, valid (not necessarily optimal) plan: best supporters by a Dijkstra over
//! candidates, where taking a candidate costs its weight plus its cheapest supports. Because
//! a supporter is always settled before what it supports, the extracted set can be scheduled.
//! It seeds the exact search with an incumbent and answers when the time limit leaves nothing
//! better.

use crate::catalog::grouped::Grouped;
use crate::plan::radix_queue::RadixQueue;
use crate::plan::task::Task;

/// A finite non-negative cost as a queue key: for such floats the order of the bit patterns is
/// the order of the values. A candidate's cost adds non-negative prices to the cost of the
/// supporter just taken, so no key queued falls below the last taken, as the queue needs.
fn queue_key(cost: f64) -> u64 {
    if cost > 0.0 { cost.to_bits() } else { 0 }
}

pub(crate) struct Supporters {
    /// Estimated cost of taking each candidate with its supports: infinite when unreachable,
    /// and also when the candidate costs more than some achiever of every goal.
    pub cost: Vec<f64>,
    /// Per support (numbered as in the task's `Supports`), the member chosen to satisfy it
    /// (`usize::MAX` while none is).
    chosen: Vec<usize>,
}

impl Supporters {
    pub fn compute(task: &Task) -> Self {
        Self::compute_with(task, &task.weight)
    }

    /// As [`Supporters::compute`], with each candidate priced at `price` instead of its weight.
    /// Flat arrays throughout: the repair heuristic calls this many times per solve.
    pub fn compute_with(task: &Task, price: &[f64]) -> Self {
        let n = task.len();
        let supports = &task.supports;
        // Every goal's cheapest achiever is known once one of its achievers is settled, and
        // that is all a caller asks of the costs: the rest of the queue can wait forever.
        let goals_of = Grouped::build(
            n,
            task.goals
                .iter()
                .enumerate()
                .flat_map(|(g, goal)| goal.achievers.iter().map(move |&k| (k, g))),
        );
        let mut remaining: Vec<usize> = (0..n).map(|k| supports.count(k)).collect();
        let mut chosen = vec![usize::MAX; supports.total()];
        let mut cost = vec![f64::INFINITY; n];
        let mut queue = RadixQueue::default();
        // A candidate priced at infinity is one the caller rules out: it is never taken, so
        // it neither achieves a goal nor supports anything.
        for k in (0..n).filter(|&k| remaining[k] == 0 && price[k].is_finite()) {
            cost[k] = price[k];
            queue.push(queue_key(cost[k]), k);
        }
        let mut settled_goal = vec![false; task.goals.len()];
        let mut unsettled_goals = task.goals.len();
        while let Some((_, d)) = queue.pop() {
            for &g in goals_of.of(d) {
                if !std::mem::replace(&mut settled_goal[g], true) {
                    unsettled_goals -= 1;
                }
            }
            if unsettled_goals == 0 {
                break;
            }
            for (k, number) in supports.waiting_on(d) {
                if chosen[number] != usize::MAX {
                    continue;
                }
                chosen[number] = d;
                remaining[k] -= 1;
                if remaining[k] == 0 && price[k].is_finite() {
                    let members = &chosen[supports.numbers(k)];
                    cost[k] = price[k] + members.iter().map(|&m| cost[m]).sum::<f64>();
                    queue.push(queue_key(cost[k]), k);
                }
            }
        }
        Supporters { cost, chosen }
    }

    /// The cheapest achiever of goal `g`, if any is reachable.
    pub fn best_achiever(&self, task: &Task, g: usize) -> Option<usize> {
        self.cheapest(task.goals[g].achievers.iter().copied())
    }

    /// The reachable candidate of least cost among `candidates` (the lowest index among equals).
    pub fn cheapest(&self, candidates: impl Iterator<Item = usize>) -> Option<usize> {
        candidates
            .filter(|&k| self.cost[k].is_finite())
            .min_by(|&a, &b| self.cost[a].total_cmp(&self.cost[b]).then(a.cmp(&b)))
    }

    /// Adds `k` and, recursively, its chosen supporters to `selection`.
    pub fn select_with_supports(&self, task: &Task, k: usize, selection: &mut [bool]) {
        let mut stack = vec![k];
        while let Some(k) = stack.pop() {
            if std::mem::replace(&mut selection[k], true) {
                continue;
            }
            stack.extend_from_slice(&self.chosen[task.supports.numbers(k)]);
        }
    }
}

/// A valid selection reaching the goals in `goals` (indices into `task.goals`).
pub(crate) fn greedy_selection(task: &Task, supporters: &Supporters, goals: &[usize]) -> Vec<bool> {
    let mut selection = vec![false; task.len()];
    for &g in goals {
        if let Some(k) = supporters.best_achiever(task, g) {
            supporters.select_with_supports(task, k, &mut selection);
        }
    }
    selection
}
