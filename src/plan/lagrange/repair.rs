//! The repair heuristic: a plan priced by what the relaxation wants.

use crate::plan::lagrange::narrow::Narrowed;
use crate::plan::lagrange::{Incumbent, slack};
use crate::plan::relaxed::{Supporters, greedy_selection};
use crate::plan::simulate::{Simulation, drop_redundant};

/// The cheapest schedulable cover of the narrowed task when what the relaxation takes is
/// nearly free, trimmed by true weight; replaces `best` (over the whole task's `whole_len`
/// candidates) when cheaper. A plan of the narrowed task is one of the whole task, since
/// narrowing only drops candidates and support members.
/// Returns the value of the repaired plan, or None when the repair found none.
pub(super) fn repair(
    narrowed: &Narrowed,
    reduced: &[f64],
    whole_len: usize,
    best: &mut Incumbent,
) -> Option<f64> {
    let task = &narrowed.task;
    // Wanted candidates keep a sliver of their weight so that among them the cheaper still
    // wins a tie; the rest pay in full.
    let price: Vec<f64> = (0..task.len())
        .map(|k| {
            if task.forced[k] || reduced[k] < 0.0 {
                task.weight[k] * 1e-3
            } else {
                task.weight[k]
            }
        })
        .collect();
    let supporters = Supporters::compute_with(task, &price);
    let all_goals: Vec<usize> = (0..task.goals.len()).collect();
    let mut selection = greedy_selection(task, &supporters, &all_goals);
    drop_redundant(task, &mut selection, &all_goals);
    let sim = Simulation::run(task, &selection);
    if !sim.stuck.is_empty() || !all_goals.iter().all(|&g| sim.reaches(task, g)) {
        return None;
    }
    let value: f64 = sim.order.iter().map(|&k| task.weight[k]).sum();
    if value < best.value - slack(best.value) {
        *best = Incumbent {
            selection: narrowed.in_whole(&sim.taken, whole_len),
            value,
        };
    }
    Some(value)
}
