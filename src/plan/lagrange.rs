//! A Lagrangian lower bound by subgradient ascent, the credentials it proves useless, and the
//! plans its multipliers suggest.
//!
//! Relaxing every row of the model ("one of this support before that candidate", "one achiever
//! of this goal") with multipliers `u >= 0` leaves a problem that splits per candidate: take it
//! exactly when its reduced cost is negative. Any `u` gives a valid lower bound, and a plan that
//! takes candidate `k` costs at least the bound plus `k`'s positive reduced cost, so every
//! candidate whose sum exceeds a known plan's value can be dropped before the exact search.
//!
//! Relax-and-cut: now and then the relaxed choice is simulated, and where it cannot be
//! scheduled (support that runs in a loop) or misses a goal, the landmark cuts that forbid it
//! join the relaxed rows. The closure rows alone allow loops of mutual support, and on catalogs
//! with many of them the cuts lift the bound by several percent; they are valid for every
//! plan, so they also seed the exact search.
//!
//! The same reduced costs price candidates for a repair heuristic: what the relaxation wants
//! is nearly free, the rest costs its weight, and the cheapest schedulable cover under those
//! prices is often a better plan than the plain greedy one. A better plan tightens the step
//! size of the ascent and the reduced-cost test both.

use std::collections::HashSet;

use crate::plan::milp::{Cut, Trigger};
use crate::plan::relaxed::{Supporters, greedy_selection};
use crate::plan::simulate::{Simulation, drop_redundant};
use crate::plan::task::Task;

/// The relaxed rows in compressed form: row `r` is `sum(members[start[r]..start[r+1]]) >=
/// x[trigger[r]]`, or `>= 1` for a goal row (no trigger).
struct Rows {
    start: Vec<usize>,
    members: Vec<usize>,
    trigger: Vec<Option<usize>>,
}

impl Rows {
    fn of(task: &Task) -> Self {
        let mut rows = Rows {
            start: vec![0],
            members: Vec::new(),
            trigger: Vec::new(),
        };
        for (k, supports) in task.supports.iter().enumerate() {
            for support in supports {
                rows.push(support, Some(k));
            }
        }
        for goal in &task.goals {
            rows.push(&goal.achievers, None);
        }
        rows
    }

    fn push(&mut self, members: &[usize], trigger: Option<usize>) {
        self.members.extend_from_slice(members);
        self.start.push(self.members.len());
        self.trigger.push(trigger);
    }

    fn len(&self) -> usize {
        self.trigger.len()
    }

    fn members(&self, r: usize) -> &[usize] {
        &self.members[self.start[r]..self.start[r + 1]]
    }
}

pub(crate) struct Lagrangian {
    /// A proven lower bound on any plan that reaches every goal.
    pub bound: f64,
    /// Per candidate, its reduced cost at the multipliers that gave `bound`.
    pub reduced_cost: Vec<f64>,
    /// Landmark cuts found on the way, valid for every plan.
    pub cuts: Vec<Cut>,
}

impl Lagrangian {
    /// Whether a plan taking candidate `k` can cost no more than `upper`.
    pub fn may_take(&self, k: usize, upper: f64) -> bool {
        self.bound + self.reduced_cost[k].max(0.0) <= upper + slack(upper)
    }
}

/// A schedulable selection reaching every goal, and its value.
#[derive(Debug, Clone)]
pub(crate) struct Incumbent {
    pub selection: Vec<bool>,
    pub value: f64,
}

/// Round-off allowance when comparing bounds with plan values.
pub(crate) fn slack(value: f64) -> f64 {
    1e-7 * value.abs().max(1.0)
}

/// The ascent stops once its step has been halved this far without a better bound: later
/// steps move the bound by fractions of a percent, not worth their time before the search.
const MIN_STEP_SCALE: f64 = 1e-2;

/// Iterations between two rounds of cut separation.
const SEPARATE_EVERY: usize = 5;

/// Enough cuts to capture the loops of a large catalog; more would slow every ascent step.
const MAX_CUTS: usize = 2_000;

/// Whether the repair heuristic runs after this iteration: at doubling intervals, since the
/// multipliers move most early on and each repair costs as much as many ascent steps.
fn repairs_after(iteration: usize) -> bool {
    iteration >= 15 && (iteration + 1).is_power_of_two()
}

/// Subgradient ascent for at most `iterations` steps. `best` is improved in place whenever
/// the multipliers suggest a cheaper plan.
pub(crate) fn bound(task: &Task, best: &mut Incumbent, iterations: usize) -> Lagrangian {
    let mut rows = Rows::of(task);
    let cheapest = |members: &[usize]| {
        members
            .iter()
            .map(|&k| task.weight[k])
            .fold(f64::INFINITY, f64::min)
    };
    let mut u: Vec<f64> = (0..rows.len())
        .map(|r| match rows.trigger[r] {
            None => cheapest(rows.members(r)).min(best.value).max(0.0),
            Some(_) => 0.0,
        })
        .collect();

    let mut lagrangian = Lagrangian {
        bound: f64::NEG_INFINITY,
        reduced_cost: task.weight.clone(),
        cuts: Vec::new(),
    };
    let mut known_cuts: HashSet<Cut> = HashSet::new();
    let mut reduced = vec![0.0; task.len()];
    let mut take = vec![false; task.len()];
    let mut violation = vec![0.0; rows.len()];
    let mut step_scale = 2.0;
    let mut since_improved = 0;
    for iteration in 0..iterations {
        reduced.copy_from_slice(&task.weight);
        let mut value = 0.0;
        for (r, &ur) in u.iter().enumerate() {
            if ur == 0.0 {
                continue;
            }
            for &m in rows.members(r) {
                reduced[m] -= ur;
            }
            match rows.trigger[r] {
                Some(t) => reduced[t] += ur,
                None => value += ur,
            }
        }
        for k in 0..task.len() {
            take[k] = task.forced[k] || reduced[k] < 0.0;
            if take[k] {
                value += reduced[k];
            }
        }
        // Creeping up by crumbs is not progress: only a real gain keeps the step size.
        let progress = value > lagrangian.bound + 1e-4 * value.abs().max(1.0);
        if value > lagrangian.bound + slack(value) {
            lagrangian.bound = value;
            lagrangian.reduced_cost.copy_from_slice(&reduced);
        }
        if progress {
            since_improved = 0;
        } else {
            since_improved += 1;
            if since_improved >= 15 {
                step_scale /= 2.0;
                since_improved = 0;
            }
        }
        if repairs_after(iteration) {
            repair(task, &reduced, best);
        }
        if lagrangian.bound >= best.value - slack(best.value) || step_scale < MIN_STEP_SCALE {
            break;
        }
        // Subgradient: how far each row is from being met by the relaxed choice, projected
        // so that multipliers at zero are not pushed below it.
        let mut norm = 0.0;
        for r in 0..rows.len() {
            let owed = rows.trigger[r].map_or(1.0, |t| f64::from(u8::from(take[t])));
            if owed == 0.0 && u[r] == 0.0 {
                // Met whatever its members do, and its multiplier cannot go below zero: most
                // support rows, since few candidates are taken, so they are not even counted.
                violation[r] = 0.0;
                continue;
            }
            let met = rows.members(r).iter().filter(|&&m| take[m]).count() as f64;
            let g = met - owed;
            violation[r] = g;
            if g < 0.0 || u[r] > 0.0 {
                norm += g * g;
            }
        }
        let separate = norm == 0.0 || iteration % SEPARATE_EVERY == SEPARATE_EVERY - 1;
        if separate && lagrangian.cuts.len() < MAX_CUTS {
            let sim = Simulation::run(task, &take);
            for cut in sim.landmark_cuts(task) {
                if known_cuts.insert(cut.clone()) {
                    let trigger = match cut.trigger {
                        Trigger::Take(k) => Some(k),
                        Trigger::Goal(_) => None,
                    };
                    rows.push(&cut.members, trigger);
                    u.push(0.0);
                    // A new row is broken by the relaxed choice (its trigger is taken, or it
                    // is a goal's, and none of its members are), which the step must see.
                    violation.push(-1.0);
                    norm += 1.0;
                    lagrangian.cuts.push(cut);
                }
            }
        }
        if norm == 0.0 {
            break; // the relaxed choice meets every row at these multipliers: the bound is exact
        }
        let step = step_scale * (best.value - value).max(slack(best.value)) / norm;
        for (ur, g) in u.iter_mut().zip(&violation) {
            *ur = (*ur - step * g).max(0.0);
        }
    }
    repair(task, &lagrangian.reduced_cost, best);
    // A forced candidate is in every plan and its reduced cost is already in the bound, so
    // taking it adds nothing to it.
    for k in (0..task.len()).filter(|&k| task.forced[k]) {
        lagrangian.reduced_cost[k] = 0.0;
    }
    lagrangian
}

/// The cheapest schedulable cover when what the relaxation takes is nearly free, trimmed by
/// true weight; replaces `best` when cheaper.
fn repair(task: &Task, reduced: &[f64], best: &mut Incumbent) {
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
        return;
    }
    let value: f64 = sim.order.iter().map(|&k| task.weight[k]).sum();
    if value < best.value - slack(best.value) {
        *best = Incumbent {
            selection: sim.taken,
            value,
        };
    }
}
