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
use crate::plan::task::{LEFT_OUT, Task, new_indices};

pub(super) struct Narrowed<'t> {
    /// The task as narrowed so far: borrowed until the first narrowing.
    pub task: Cow<'t, Task>,
    /// Per candidate of `task`, its index in the task the ascent began with.
    pub whole: Vec<usize>,
    /// Landmark cuts over `task`'s candidates.
    pub cuts: Vec<Cut>,
    /// Per candidate of the whole task, a floor on the plans that take it (and nothing they
    /// could do without), minus infinity if it was never dropped. Such a plan cheaper than the
    /// incumbent of the moment would have been in the narrowed task, so the floor is at least
    /// that incumbent's value, and more where the bound proved more (see [`Narrowed::narrow`]).
    pub floor: Vec<f64>,
}

/// Where a narrowing moved things: per remaining candidate and per remaining cut, its index
/// before.
pub(super) struct Moved {
    candidates: Vec<usize>,
    cuts: Vec<usize>,
}

impl<'t> Narrowed<'t> {
    /// The whole task, with `cuts` that hold for every plan of it.
    pub fn whole(task: &'t Task, cuts: Vec<Cut>) -> Self {
        Narrowed {
            task: Cow::Borrowed(task),
            whole: (0..task.len()).collect(),
            cuts,
            floor: vec![f64::NEG_INFINITY; task.len()],
        }
    }

    /// Keeps the candidates in `keep`, and those of them that keep a member of every support
    /// and of every cut they trigger. None when a goal is left with no achiever, or a goal's
    /// cut with no member: then no plan is cheaper than the incumbent.
    ///
    /// `proven` holds, per candidate, a lower bound on the plans within this task that take
    /// it and nothing they could do without (the Lagrangian bound plus its least extra): a
    /// dropped candidate's floor is [`dropped_floor`] of it.
    pub fn narrow(&mut self, keep: &[bool], incumbent: f64, proven: &[f64]) -> Option<Moved> {
        let mut keep = keep.to_vec();
        loop {
            let (task, old) = self.task.restrict(&keep)?;
            let new_index = new_indices(&old, self.task.len());
            let mut cuts = Vec::new();
            let mut kept_cuts = Vec::new();
            let mut lost_trigger = false;
            for (c, cut) in self.cuts.iter().enumerate() {
                let Some(within) = cut.within(&new_index) else {
                    continue;
                };
                if within.members.is_empty() {
                    match cut.trigger {
                        Trigger::Take(k) => {
                            keep[k] = false;
                            lost_trigger = true;
                        }
                        Trigger::Goal(_) => return None,
                    }
                }
                cuts.push(within);
                kept_cuts.push(c);
            }
            if lost_trigger {
                continue;
            }
            let earlier = least_dropped(&self.floor);
            for (k, &w) in self.whole.iter().enumerate() {
                if new_index[k] == LEFT_OUT {
                    self.floor[w] = dropped_floor(incumbent, proven[k], earlier);
                }
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
            .map(|cut| cut.lifted(&self.whole))
            .collect()
    }

    /// Per candidate of the whole task, whether it is in the task as narrowed.
    pub fn searched(&self) -> Vec<bool> {
        let mut searched = vec![false; self.floor.len()];
        for &k in &self.whole {
            searched[k] = true;
        }
        searched
    }
}

/// The floor of a candidate dropped once no plan cheaper than the `incumbent` takes it, where
/// the bound `proven` for it holds for the plans within the task it was dropped from. A plan
/// that takes it either stays within that task, or takes a candidate dropped earlier, whose
/// floors are at least `earlier` ([`least_dropped`]). An exclusion re-plan compares the floor
/// with its first incumbent to leave the candidate out.
pub(crate) fn dropped_floor(incumbent: f64, proven: f64, earlier: f64) -> f64 {
    incumbent.max(proven.min(earlier))
}

/// The least of the `floor`s set so far (those of the candidates dropped), or infinity.
pub(crate) fn least_dropped(floor: &[f64]) -> f64 {
    (floor.iter().copied())
        .filter(|f| f.is_finite())
        .fold(f64::INFINITY, f64::min)
}

impl Moved {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dropped_candidate_s_floor_is_what_the_bound_proves_short_of_earlier_floors() {
        // Four candidates on their own, each reaching the one goal.
        let task = Task::by_hand(&[&[], &[], &[], &[]], &[1.0; 4], &[&[0, 1, 2, 3]]);
        let mut narrowed = Narrowed::whole(&task, Vec::new());
        // Candidate 3 is dropped first, with the incumbent at 10: the bound proves 25.
        let proven = [0.0, 12.0, 30.0, 25.0];
        narrowed.narrow(&[true, true, true, false], 10.0, &proven);
        assert_eq!(narrowed.floor[3], 25.0);
        // Then 2 and 1 with the incumbent at 8: a plan taking 2 that also takes 3 pays at
        // least 3's floor, so 2's is 25 rather than 30; the bound proves 12 for 1.
        narrowed.narrow(&[true, false, false], 8.0, &proven[..3]);
        assert_eq!(narrowed.floor[2], 25.0);
        assert_eq!(narrowed.floor[1], 12.0);
        assert_eq!(narrowed.floor[0], f64::NEG_INFINITY);
        // Where the bound proves less than the incumbent, the incumbent is the floor.
        let mut narrowed = Narrowed::whole(&task, Vec::new());
        narrowed.narrow(&[true, true, true, false], 10.0, &[0.0, 0.0, 0.0, 4.0]);
        assert_eq!(narrowed.floor[3], 10.0);
    }
}
