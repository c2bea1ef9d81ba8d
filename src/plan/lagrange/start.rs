//! Where an ascent starts: the multipliers an earlier solve left, where they know the rows,
//! and cuts that hold for every plan of the task.

use crate::plan::lagrange::rows::Rows;
use crate::plan::milp::Cut;
use crate::plan::task::Task;
use crate::plan::warm::Multipliers;

/// An earlier solve's multipliers, where they know the rows, and cuts that hold for every
/// plan of the task, each with its multiplier.
#[derive(Debug, Default)]
pub(crate) struct Start<'m> {
    pub multipliers: Option<&'m Multipliers>,
    pub cuts: Vec<(Cut, f64)>,
}

impl Start<'_> {
    /// The cuts to start from, and the first multipliers of the `rows` of `whole` and those
    /// cuts: a goal's row at its cheapest achiever's weight (capped by the `incumbent`'s
    /// value), support rows at zero, unless an earlier solve remembers them.
    ///
    /// Starting nearer a shortest-path dual did no better. Goal rows at their best achiever's
    /// cost with its supports (as the search for the first plan prices it) left 5,000 and
    /// 20,000 credentials at depth 6 where they were, within the machine's noise; support rows
    /// at their chosen supporters' costs as well doubled the time: chains share supporters, so
    /// a supporter was credited once per chain and the relaxation took far too much until the
    /// ascent undid it.
    pub(super) fn first(self, whole: &Task, incumbent: f64) -> (Vec<Cut>, Rows, Vec<f64>) {
        let (cuts, cut_multipliers): (Vec<Cut>, Vec<f64>) = self.cuts.into_iter().unzip();
        let rows = Rows::of(whole, &cuts);
        let cheapest = |members: &[usize]| {
            members
                .iter()
                .map(|&k| whole.weight[k])
                .fold(f64::INFINITY, f64::min)
        };
        let mut u = vec![0.0; rows.len()];
        for (g, goal) in whole.goals.iter().enumerate() {
            let remembered = self.multipliers.and_then(|s| s.goal(whole, g));
            u[rows.goal_row(g)] = remembered
                .unwrap_or_else(|| cheapest(&goal.achievers).min(incumbent))
                .max(0.0);
        }
        if let Some(start) = self.multipliers {
            for (k, j, multiplier) in start.supports_in(whole) {
                u[rows.support_row(k, j)] = multiplier;
            }
        }
        for (c, multiplier) in cut_multipliers.into_iter().enumerate() {
            u[rows.cut_row(c)] = multiplier.max(0.0);
        }
        (cuts, rows, u)
    }
}
