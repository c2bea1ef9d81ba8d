//! A Lagrangian lower bound by subgradient ascent, and the credentials it proves useless.
//!
//! Relaxing every row of the model ("one of this support before that candidate", "one achiever
//! of this goal") with multipliers `u >= 0` leaves a problem that splits per candidate: take it
//! exactly when its reduced cost is negative. Any `u` gives a valid lower bound, and a plan that
//! takes candidate `k` costs at least the bound plus `k`'s positive reduced cost, so every
//! candidate whose sum exceeds a known plan's value can be dropped before the exact search.

use crate::plan::task::Task;

/// One relaxed row: `sum(members) >= x[trigger]`, or `>= 1` without a trigger.
struct Row<'t> {
    members: &'t [usize],
    trigger: Option<usize>,
}

pub(crate) struct Lagrangian {
    /// A proven lower bound on any plan that reaches every goal.
    pub bound: f64,
    /// Per candidate, its reduced cost at the multipliers that gave `bound`.
    pub reduced_cost: Vec<f64>,
}

impl Lagrangian {
    /// Whether a plan taking candidate `k` can cost no more than `upper`.
    pub fn may_take(&self, k: usize, upper: f64) -> bool {
        self.bound + self.reduced_cost[k].max(0.0) <= upper + slack(upper)
    }
}

/// Round-off allowance when comparing bounds with plan values.
pub(crate) fn slack(value: f64) -> f64 {
    1e-7 * value.abs().max(1.0)
}

pub(crate) fn bound(task: &Task, upper: f64, iterations: usize) -> Lagrangian {
    let mut rows: Vec<Row> = Vec::new();
    for (k, supports) in task.supports.iter().enumerate() {
        rows.extend(supports.iter().map(|s| Row {
            members: s,
            trigger: Some(k),
        }));
    }
    rows.extend(task.goals.iter().map(|g| Row {
        members: &g.achievers,
        trigger: None,
    }));
    let cheapest = |members: &[usize]| {
        members
            .iter()
            .map(|&k| task.weight[k])
            .fold(f64::INFINITY, f64::min)
    };
    let mut u: Vec<f64> = rows
        .iter()
        .map(|r| {
            if r.trigger.is_none() {
                cheapest(r.members).min(upper).max(0.0)
            } else {
                0.0
            }
        })
        .collect();

    let mut best = Lagrangian {
        bound: f64::NEG_INFINITY,
        reduced_cost: task.weight.clone(),
    };
    let mut reduced = vec![0.0; task.len()];
    let mut take = vec![false; task.len()];
    let mut step_scale = 2.0;
    let mut since_improved = 0;
    for _ in 0..iterations {
        reduced.copy_from_slice(&task.weight);
        for (row, &ur) in rows.iter().zip(&u) {
            for &m in row.members {
                reduced[m] -= ur;
            }
            if let Some(t) = row.trigger {
                reduced[t] += ur;
            }
        }
        let mut value: f64 = rows
            .iter()
            .zip(&u)
            .filter(|(r, _)| r.trigger.is_none())
            .map(|(_, ur)| ur)
            .sum();
        for k in 0..task.len() {
            take[k] = task.forced[k] || reduced[k] < 0.0;
            if take[k] {
                value += reduced[k];
            }
        }
        if value > best.bound + slack(value) {
            best.bound = value;
            best.reduced_cost.copy_from_slice(&reduced);
            since_improved = 0;
        } else {
            since_improved += 1;
            if since_improved >= 15 {
                step_scale /= 2.0;
                since_improved = 0;
            }
        }
        if best.bound >= upper - slack(upper) || step_scale < 1e-4 {
            break;
        }
        // Subgradient: how far each row is from being met by the relaxed choice, projected
        // so that multipliers at zero are not pushed below it.
        let violation: Vec<f64> = rows
            .iter()
            .map(|r| {
                let met = r.members.iter().filter(|&&m| take[m]).count() as f64;
                met - r.trigger.map_or(1.0, |t| f64::from(u8::from(take[t])))
            })
            .collect();
        let norm: f64 = violation
            .iter()
            .zip(&u)
            .filter(|(g, ur)| **g < 0.0 || **ur > 0.0)
            .map(|(g, _)| g * g)
            .sum();
        if norm == 0.0 {
            break; // the relaxed choice meets every row at these multipliers: the bound is exact
        }
        let step = step_scale * (upper - value).max(slack(upper)) / norm;
        for (ur, g) in u.iter_mut().zip(&violation) {
            *ur = (*ur - step * g).max(0.0);
        }
    }
    // A forced candidate is in every plan and its reduced cost is already in the bound, so
    // taking it adds nothing to it.
    for k in (0..task.len()).filter(|&k| task.forced[k]) {
        best.reduced_cost[k] = 0.0;
    }
    best
}
