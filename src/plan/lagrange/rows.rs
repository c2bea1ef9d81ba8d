//! The relaxed rows in compressed form, laid out as the ascent's multipliers are: every
//! candidate's support rows in candidate order, then one row per goal, then one per cut.

use crate::plan::milp::{Cut, Trigger};
use crate::plan::task::Task;

/// Row `r` is `sum(members[start[r]..start[r+1]]) >= x[trigger[r]]`, or `>= 1` for a goal's
/// row (no trigger).
pub(super) struct Rows {
    start: Vec<usize>,
    members: Vec<usize>,
    pub trigger: Vec<Option<usize>>,
    /// Candidate `k`'s support rows are `first_support[k]..first_support[k + 1]`.
    first_support: Vec<usize>,
    first_cut: usize,
}

impl Rows {
    pub fn of(task: &Task, cuts: &[Cut]) -> Self {
        let mut rows = Rows {
            start: vec![0],
            members: Vec::new(),
            trigger: Vec::new(),
            first_support: vec![0],
            first_cut: 0,
        };
        for k in 0..task.len() {
            for support in task.supports.of(k) {
                rows.push(support, Some(k));
            }
            rows.first_support.push(rows.len());
        }
        for goal in &task.goals {
            rows.push(&goal.achievers, None);
        }
        rows.first_cut = rows.len();
        for cut in cuts {
            rows.push_cut(cut);
        }
        rows
    }

    pub fn push_cut(&mut self, cut: &Cut) {
        let trigger = match cut.trigger {
            Trigger::Take(k) => Some(k),
            Trigger::Goal(_) => None,
        };
        self.push(&cut.members, trigger);
    }

    fn push(&mut self, members: &[usize], trigger: Option<usize>) {
        self.members.extend_from_slice(members);
        self.start.push(self.members.len());
        self.trigger.push(trigger);
    }

    pub fn len(&self) -> usize {
        self.trigger.len()
    }

    pub fn members(&self, r: usize) -> &[usize] {
        &self.members[self.start[r]..self.start[r + 1]]
    }

    /// The row of candidate `k`'s `j`-th support.
    pub fn support_row(&self, k: usize, j: usize) -> usize {
        self.first_support[k] + j
    }

    /// The row of goal `g`.
    pub fn goal_row(&self, g: usize) -> usize {
        self.first_support[self.first_support.len() - 1] + g
    }

    /// The row of the `c`-th cut.
    pub fn cut_row(&self, c: usize) -> usize {
        self.first_cut + c
    }
}
