//! The relaxed problem at given multipliers: with every row relaxed it splits per candidate.

use crate::plan::lagrange::rows::Rows;
use crate::plan::task::Task;

/// The relaxed problem solved at some multipliers: with every row relaxed it splits per
/// candidate, taken exactly when its reduced cost is negative (or it is forced).
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
}

impl Relaxed {
    /// `active` lists every row whose multiplier in `u` is above zero.
    pub fn solve(&mut self, task: &Task, rows: &Rows, u: &[f64], active: &[usize]) {
        self.reduced.clone_from(&task.weight);
        let mut owed = 0.0;
        for &r in active {
            let ur = u[r];
            if ur == 0.0 {
                continue;
            }
            for &m in rows.members(r) {
                self.reduced[m] -= ur;
            }
            match rows.trigger[r] {
                Some(t) => self.reduced[t] += ur,
                None => owed += ur,
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
