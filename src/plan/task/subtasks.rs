//! Smaller tasks cut from a task: restricted to some of its candidates, or split into the
//! independent parts an exact search can take one at a time.

use std::collections::BTreeMap;

use crate::plan::supports::Supports;
use crate::plan::task::{Goal, Task};

impl Task {
    /// The task over the candidates in `keep`, dropping also those that lose every member of a
    /// support, and those no plan of the rest needs (neither an achiever of a goal nor, going
    /// backwards, a member of a support of one that is needed): every caller looks for the
    /// best plans among the kept candidates, and a best plan of the fewest candidates takes
    /// none of them, since it stays a plan without them. Returns it with each new candidate's
    /// old index, or None when some goal is left with no achiever.
    pub fn restrict(&self, keep: &[bool]) -> Option<(Task, Vec<usize>)> {
        let mut keep = keep.to_vec();
        self.drop_unsupported(&mut keep);
        self.restrict_supported(&keep)
    }

    /// [`Task::restrict`] to candidates `keep` that already keep a member of every support of
    /// theirs, as those a simulation took do.
    pub fn restrict_supported(&self, keep: &[bool]) -> Option<(Task, Vec<usize>)> {
        // A needed candidate's supporters are needed too, so keeping only the needed leaves
        // every kept candidate a kept member of each support.
        let all_goals: Vec<usize> = (0..self.goals.len()).collect();
        let needed = self.needed_by(&all_goals, |k| keep[k]);
        let (task, old) = self.subtask(&needed, &all_goals);
        task.goals
            .iter()
            .all(|g| !g.achievers.is_empty())
            .then_some((task, old))
    }

    /// Unmarks in `keep` every candidate left with no kept member in some support, until
    /// none is. Each support counts its kept members, and a dropped candidate takes one off
    /// each support it is a member of, so each drop is followed to the end at once rather
    /// than by passes over every candidate until nothing changes.
    fn drop_unsupported(&self, keep: &mut [bool]) {
        let supports = &self.supports;
        let mut kept_members = vec![0u32; supports.total()];
        for k in (0..self.len()).filter(|&k| keep[k]) {
            for number in supports.numbers(k) {
                kept_members[number] = supports
                    .support(number)
                    .iter()
                    .filter(|&&d| keep[d])
                    .count() as u32;
            }
        }
        let mut dropped: Vec<usize> = Vec::new();
        for (k, kept) in keep.iter_mut().enumerate() {
            if *kept && supports.numbers(k).any(|number| kept_members[number] == 0) {
                *kept = false;
                dropped.push(k);
            }
        }
        while let Some(d) = dropped.pop() {
            for (k, number) in supports.waiting_on(d) {
                if keep[k] {
                    kept_members[number] -= 1;
                    if kept_members[number] == 0 {
                        keep[k] = false;
                        dropped.push(k);
                    }
                }
            }
        }
    }

    /// The task of the goals `goals` alone (their weights as here): their achievers and,
    /// going backwards, every member of a support of one of those, with each new candidate's
    /// old index. Ranking cuts each role's task so from the task of every role's goals.
    pub fn for_goals(&self, goals: &[usize]) -> (Task, Vec<usize>) {
        let relevant = self.needed_by(goals, |_| true);
        self.subtask(&relevant, goals)
    }

    /// Per candidate, whether it is among those `allowed` and is an achiever of one of
    /// `goals` or, going backwards, a member of a support of one that is.
    fn needed_by(&self, goals: &[usize], allowed: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut needed = vec![false; self.len()];
        let mut queue: Vec<usize> = Vec::new();
        let mut reach = |k: usize, queue: &mut Vec<usize>| {
            if allowed(k) && !std::mem::replace(&mut needed[k], true) {
                queue.push(k);
            }
        };
        for &g in goals {
            for &k in &self.goals[g].achievers {
                reach(k, &mut queue);
            }
        }
        while let Some(k) = queue.pop() {
            for &d in self.supports.of(k).flatten() {
                reach(d, &mut queue);
            }
        }
        needed
    }

    /// The independent parts of the task: candidates linked by a support or a shared goal
    /// belong together, and a part without goals is left out, since no optimum takes from it.
    /// The optimum of the task is the sum of the parts' optima, as no precondition or goal
    /// reaches across parts.
    pub fn split(&self) -> Vec<Part> {
        let mut parts = DisjointSets::new(self.len());
        for k in 0..self.len() {
            for &d in self.supports.of(k).flatten() {
                parts.join(k, d);
            }
        }
        for goal in &self.goals {
            for pair in goal.achievers.windows(2) {
                parts.join(pair[0], pair[1]);
            }
        }
        let mut goals_of: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for (g, goal) in self.goals.iter().enumerate() {
            if let Some(&k) = goal.achievers.first() {
                goals_of.entry(parts.root(k)).or_default().push(g);
            }
        }
        goals_of
            .into_iter()
            .map(|(root, goals)| {
                let keep: Vec<bool> = (0..self.len()).map(|k| parts.root(k) == root).collect();
                let (task, candidates) = self.subtask(&keep, &goals);
                Part {
                    task,
                    candidates,
                    goals,
                }
            })
            .collect()
    }

    /// The candidates in `keep` (closed under supports, or the rows lose members) with the
    /// goals `goals`, and each new candidate's old index.
    fn subtask(&self, keep: &[bool], goals: &[usize]) -> (Task, Vec<usize>) {
        let old: Vec<usize> = (0..self.len()).filter(|&k| keep[k]).collect();
        let new_index = new_indices(&old, self.len());
        let remap = |set| renumbered(set, keep, &new_index);
        // At most what the whole task has: the kept candidates' supports lose members only.
        let mut supports = Supports::with_capacity(
            old.len(),
            self.supports.total(),
            self.supports.member_count(),
        );
        for &k in &old {
            for support in self.supports.of(k) {
                supports.push(remap(support));
            }
            supports.finish_candidate();
        }
        let mut task = Task {
            candidates: old.iter().map(|&k| self.candidates[k]).collect(),
            supports,
            weight: old.iter().map(|&k| self.weight[k]).collect(),
            goals: goals
                .iter()
                .map(|&g| {
                    let goal = &self.goals[g];
                    Goal {
                        skill: goal.skill,
                        need: goal.need,
                        weight: goal.weight,
                        achievers: remap(&goal.achievers).collect(),
                    }
                })
                .collect(),
            forced: vec![false; old.len()],
        };
        task.forced = task.forced_candidates();
        (task, old)
    }
}

/// The members of `set` that are kept, by their new indices.
fn renumbered<'a>(
    set: &'a [usize],
    keep: &'a [bool],
    new_index: &'a [usize],
) -> impl Iterator<Item = usize> + 'a {
    set.iter().filter(|&&d| keep[d]).map(|&d| new_index[d])
}

/// What [`new_indices`] gives a candidate left out.
pub(crate) const LEFT_OUT: usize = usize::MAX;

/// Per candidate of a task of `len`, its index in a task cut down to the candidates `old`
/// (each new candidate's old index, as [`Task::restrict`] gives them), or [`LEFT_OUT`].
pub(crate) fn new_indices(old: &[usize], len: usize) -> Vec<usize> {
    let mut new_index = vec![LEFT_OUT; len];
    for (new, &k) in old.iter().enumerate() {
        new_index[k] = new;
    }
    new_index
}

/// An independent part of a task, from [`Task::split`].
pub(crate) struct Part {
    pub task: Task,
    /// Per candidate of the part, its index in the whole task.
    pub candidates: Vec<usize>,
    /// Per goal of the part, its index in the whole task.
    pub goals: Vec<usize>,
}

/// Union-find over candidates, for [`Task::split`].
struct DisjointSets {
    parent: Vec<usize>,
}

impl DisjointSets {
    fn new(n: usize) -> Self {
        DisjointSets {
            parent: (0..n).collect(),
        }
    }

    fn root(&mut self, mut k: usize) -> usize {
        while self.parent[k] != k {
            self.parent[k] = self.parent[self.parent[k]];
            k = self.parent[k];
        }
        k
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.root(a), self.root(b));
        if a != b {
            self.parent[a] = b;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::catalog::synthetic::Rng;
    use crate::plan::task::Task;

    /// Goal: one of 0 or 1. 0 needs one of 2 or 3; 3 needs 4; 4 needs 3 or 5 (a loop); 5
    /// needs nothing and 6 needs 0.
    fn task() -> Task {
        Task::by_hand(
            &[&[&[2, 3]], &[], &[], &[&[4]], &[&[3, 5]], &[], &[&[0]]],
            &[5.0, 9.0, 1.0, 1.0, 1.0, 1.0, 1.0],
            &[&[0, 1]],
        )
    }

    #[test]
    fn restricting_drops_what_no_plan_of_the_rest_needs() {
        let task = task();
        // Without 0, nothing needs its supports or what they need in turn, the loop 3-4
        // included; 6 cannot start without 0.
        let keep = [false, true, true, true, true, true, true];
        let (small, old) = task.restrict(&keep).expect("1 reaches the goal");
        assert_eq!(old, vec![1]);
        assert_eq!(small.goals[0].achievers, vec![0]);

        // With 0 kept, its supports and theirs are needed; 6 achieves nothing and supports
        // nothing.
        let (_, old) = task.restrict(&[true; 7]).expect("plans remain");
        assert_eq!(old, vec![0, 1, 2, 3, 4, 5]);
    }

    #[test]
    fn restricting_drops_what_only_a_candidate_that_cannot_start_needed() {
        let task = task();
        // Without 2 and 4, 3 cannot start, so neither can 0, nor 6; 5 was needed only by 4.
        let keep = [true, true, false, true, false, true, true];
        let (_, old) = task.restrict(&keep).expect("1 reaches the goal");
        assert_eq!(old, vec![1]);
    }

    /// What `restrict` keeps, by its definition: drop whatever has a support with no kept
    /// member, pass after pass until nothing changes; then whatever no goal needs.
    fn kept_by_definition(task: &Task, keep: &[bool]) -> Vec<usize> {
        let mut keep = keep.to_vec();
        loop {
            let unsupported: Vec<usize> = (0..task.len())
                .filter(|&k| keep[k] && task.supports.of(k).any(|s| s.iter().all(|&d| !keep[d])))
                .collect();
            if unsupported.is_empty() {
                break;
            }
            for k in unsupported {
                keep[k] = false;
            }
        }
        let mut needed = vec![false; task.len()];
        let mut queue: Vec<usize> = task
            .goals
            .iter()
            .flat_map(|g| g.achievers.clone())
            .collect();
        while let Some(k) = queue.pop() {
            if keep[k] && !std::mem::replace(&mut needed[k], true) {
                queue.extend(task.supports.of(k).flatten());
            }
        }
        (0..task.len()).filter(|&k| needed[k]).collect()
    }

    #[test]
    fn restricting_keeps_what_the_definition_keeps() {
        let mut rng = Rng::new(3);
        for _ in 0..300 {
            let n = 2 + rng.below(30);
            let task = Task::random(&mut rng, &vec![1.0; n]);
            let keep: Vec<bool> = (0..n).map(|_| !rng.chance(25)).collect();
            let kept = kept_by_definition(&task, &keep);
            let every_goal_kept = task
                .goals
                .iter()
                .all(|g| g.achievers.iter().any(|k| kept.contains(k)));
            match task.restrict(&keep) {
                Some((_, old)) => assert_eq!(old, kept),
                None => assert!(!every_goal_kept),
            }
        }
    }
}
