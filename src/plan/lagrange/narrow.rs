//! Narrowing the task while the ascent runs. A candidate whose reduced cost, with those of the
//! chains before and after it ([`super::chain`]), lifts every plan that takes it above the
//! incumbent is in no better plan, so it is dropped, with every candidate that loses the last
//! member of a support with it, and every candidate that only supported those dropped. What
//! remains is the task of the plans cheaper than the incumbent (those of fewest candidates,
//! which is all an optimum needs): bounds and cuts found on it hold for those plans, which is
//! all the exact search asks, since the incumbent answers for the rest. Later steps, cut
//! separation and repairs all work on the smaller task.

use std::borrow::Cow;

use crate::plan::lagrange::rows::Rows;
use crate::plan::milp::{Cut, Trigger};
use crate::plan::task::Task;

pub(super) struct Narrowed<'t> {
    /// The task as narrowed so far: borrowed until the first narrowing.
    pub task: Cow<'t, Task>,
    /// Per candidate of `task`, its index in the task the ascent began with.
    pub whole: Vec<usize>,
    /// Landmark cuts over `task`'s candidates.
    pub cuts: Vec<Cut>,
}

/// Where a narrowing moved things: per remaining candidate and per remaining cut, its index
/// before.
pub(super) struct Moved {
    candidates: Vec<usize>,
    cuts: Vec<usize>,
}

impl<'t> Narrowed<'t> {
    pub fn whole(task: &'t Task) -> Self {
        Narrowed {
            task: Cow::Borrowed(task),
            whole: (0..task.len()).collect(),
            cuts: Vec::new(),
        }
    }

    /// Keeps the candidates in `keep`, and those of them that keep a member of every support
    /// and of every cut they trigger. None when a goal is left with no achiever, or a goal's
    /// cut with no member: then no plan is cheaper than the incumbent.
    pub fn narrow(&mut self, keep: &[bool]) -> Option<Moved> {
        let mut keep = keep.to_vec();
        loop {
            let (task, old) = self.task.restrict(&keep)?;
            let mut new_index = vec![usize::MAX; self.task.len()];
            for (new, &k) in old.iter().enumerate() {
                new_index[k] = new;
            }
            let mut cuts = Vec::new();
            let mut kept_cuts = Vec::new();
            let mut lost_trigger = false;
            for (c, cut) in self.cuts.iter().enumerate() {
                let trigger = match cut.trigger {
                    Trigger::Take(k) if new_index[k] == usize::MAX => continue,
                    Trigger::Take(k) => Trigger::Take(new_index[k]),
                    goal @ Trigger::Goal(_) => goal,
                };
                let mut members = Vec::with_capacity(cut.members.len());
                members.extend(
                    cut.members
                        .iter()
                        .map(|&k| new_index[k])
                        .filter(|&k| k != usize::MAX),
                );
                if members.is_empty() {
                    match cut.trigger {
                        Trigger::Take(k) => {
                            keep[k] = false;
                            lost_trigger = true;
                        }
                        Trigger::Goal(_) => return None,
                    }
                }
                cuts.push(Cut { members, trigger });
                kept_cuts.push(c);
            }
            if lost_trigger {
                continue;
            }
            self.whole = old.iter().map(|&k| self.whole[k]).collect();
            self.task = Cow::Owned(task);
            self.cuts = cuts;
            return Some(Moved {
                candidates: old,
                cuts: kept_cuts,
            });
        }
    }

    /// `selection` over this task's candidates, as a selection over the whole task's `len`.
    pub fn in_whole(&self, selection: &[bool], len: usize) -> Vec<bool> {
        let mut whole = vec![false; len];
        for (k, _) in selection.iter().enumerate().filter(|(_, on)| **on) {
            whole[self.whole[k]] = true;
        }
        whole
    }

    /// The cuts, over the whole task's candidates.
    pub fn cuts_in_whole(&self) -> Vec<Cut> {
        self.cuts
            .iter()
            .map(|cut| Cut {
                members: cut.members.iter().map(|&k| self.whole[k]).collect(),
                trigger: match cut.trigger {
                    Trigger::Take(k) => Trigger::Take(self.whole[k]),
                    goal @ Trigger::Goal(_) => goal,
                },
            })
            .collect()
    }
}

impl Moved {
    /// The candidates (indexed as before, among `before` of them) that the narrowing dropped.
    pub fn dropped(&self, before: usize) -> impl Iterator<Item = usize> + '_ {
        let mut kept = self.candidates.iter().copied().peekable();
        (0..before).filter(move |&k| kept.next_if_eq(&k).is_none())
    }

    /// Per remaining candidate, its entry of `values` (indexed as before).
    pub fn per_candidate(&self, values: &[f64]) -> Vec<f64> {
        self.candidates.iter().map(|&k| values[k]).collect()
    }

    /// The multipliers `u` of the rows `before`, carried over to the rows `after` of the
    /// narrowed task (which keeps every goal, and every support of a remaining candidate).
    pub fn multipliers(&self, task: &Task, before: &Rows, after: &Rows, u: &[f64]) -> Vec<f64> {
        let mut moved = vec![0.0; after.len()];
        for (k, &old) in self.candidates.iter().enumerate() {
            for j in 0..task.supports.count(k) {
                moved[after.support_row(k, j)] = u[before.support_row(old, j)];
            }
        }
        for g in 0..task.goals.len() {
            moved[after.goal_row(g)] = u[before.goal_row(g)];
        }
        for (c, &old) in self.cuts.iter().enumerate() {
            moved[after.cut_row(c)] = u[before.cut_row(old)];
        }
        moved
    }
}
