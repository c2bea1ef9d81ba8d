//! The relaxed problem at given multipliers: with every row relaxed it splits per candidate.

use crate::plan::lagrange::rows::Rows;
use crate::plan::task::Task;

/// The relaxed problem solved at some multipliers: with every row relaxed it splits per
/// candidate, taken exactly when its reduced cost is negative (or it is forced).
///
/// From one step to the next most multipliers stay as they were, so the reduced costs are
/// kept and moved by the multipliers that changed, rather than priced again from the weights
/// through every row above zero.
#[derive(Default)]
pub(super) struct Relaxed {
    /// Per candidate, its weight less the multipliers of the rows it meets, plus those of the
    /// rows it triggers.
    pub reduced: Vec<f64>,
    /// Per candidate, whether the relaxed choice takes it.
    pub take: Vec<bool>,
    /// The candidates it takes, in order.
    pub taken: Vec<usize>,
    /// The Lagrangian value: a lower bound on every plan.
    pub value: f64,
    /// Per row, the multiplier `reduced` holds it at.
    priced: Vec<f64>,
    /// Whether `reduced` and `priced` belong to the current task and rows.
    current: bool,
}

impl Relaxed {
    /// Forgets the reduced costs: the task or its rows have been made over.
    pub fn forget(&mut self) {
        self.current = false;
    }

    /// `listed` must hold every row whose multiplier in `u` is above zero, and every row it
    /// held at the last solve since the last [`Relaxed::forget`] ([`super::active::Active`]
    /// before it is pruned).
    pub fn solve(&mut self, task: &Task, rows: &Rows, u: &[f64], listed: &[usize]) {
        if !self.current {
            self.reduced.clone_from(&task.weight);
            self.priced.clear();
            self.current = true;
        }
        // Rows added since (cuts) start at zero.
        self.priced.resize(rows.len(), 0.0);
        let mut owed = 0.0;
        for &r in listed {
            let ur = u[r];
            if rows.trigger[r].is_none() {
                owed += ur;
            }
            let change = ur - self.priced[r];
            if change == 0.0 {
                continue;
            }
            self.priced[r] = ur;
            for &m in rows.members(r) {
                self.reduced[m] -= change;
            }
            if let Some(t) = rows.trigger[r] {
                self.reduced[t] += change;
            }
        }
        self.take.clear();
        self.take.resize(self.reduced.len(), false);
        self.taken.clear();
        let mut gained = 0.0;
        let choices = self.reduced.iter().zip(&task.forced).zip(&mut self.take);
        for (k, ((&rc, &forced), take)) in choices.enumerate() {
            if forced || rc < 0.0 {
                *take = true;
                self.taken.push(k);
                gained += rc;
            }
        }
        self.value = owed + gained;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::Rng;
    use crate::plan::lagrange::active::Active;
    use crate::plan::milp::{Cut, Trigger};

    /// Candidate 0 needs one of 1 or 2, 1 needs 3; goals: one of 0 or 3, one of 1 or 2.
    fn task() -> Task {
        Task::by_hand(
            &[&[&[1, 2]], &[&[3]], &[], &[]],
            &[5.0, 3.0, 1.0, 10.0],
            &[&[0, 3], &[1, 2]],
        )
    }

    #[test]
    fn moving_the_reduced_costs_step_by_step_prices_as_from_scratch() {
        let task = task();
        let mut rows = Rows::of(&task, &[]);
        let mut u = vec![0.0; rows.len()];
        let mut active = Active::of(&u);
        let mut kept = Relaxed::default();
        let mut rng = Rng::new(3);
        for step in 0..200 {
            if step % 50 == 49 {
                rows.push_cut(&Cut {
                    members: vec![2, 3],
                    trigger: Trigger::Take(0),
                });
                u.push(0.0);
            }
            // Some multipliers move, some fall to zero, some stay.
            for (r, ur) in u.iter_mut().enumerate() {
                if rng.chance(40) {
                    *ur = if rng.chance(30) {
                        0.0
                    } else {
                        rng.below(80) as f64 / 8.0
                    };
                    active.note(r, *ur);
                }
            }
            kept.solve(&task, &rows, &u, active.rows());
            active.prune(&u);
            let mut fresh = Relaxed::default();
            fresh.solve(&task, &rows, &u, active.rows());
            for (a, b) in kept.reduced.iter().zip(&fresh.reduced) {
                assert!((a - b).abs() < 1e-9, "step {step}: {a} against {b}");
            }
            assert!((kept.value - fresh.value).abs() < 1e-9);
            assert_eq!(kept.taken, fresh.taken);
        }
    }
}
