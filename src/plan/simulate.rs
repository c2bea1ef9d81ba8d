//! Forward simulation of a selection inside the pruned task: what can be taken, in which order,
//! and the landmark cut that forbids a selection that cannot be scheduled.

use crate::plan::milp::{Cut, Trigger};
use crate::plan::task::Task;

pub(crate) struct Simulation {
    /// Selected candidates that could be taken, in a valid order.
    pub order: Vec<usize>,
    /// Selected candidates that could not: some support is never met.
    pub stuck: Vec<usize>,
    /// Per candidate: taken in this simulation.
    pub taken: Vec<bool>,
}

impl Simulation {
    pub fn run(task: &Task, selection: &[bool]) -> Self {
        let mut taken = vec![false; task.len()];
        let mut order = Vec::new();
        let mut pending: Vec<usize> = (0..task.len()).filter(|&k| selection[k]).collect();
        loop {
            let before = pending.len();
            pending.retain(|&k| {
                let allowed = task.supports.of(k).all(|s| s.iter().any(|&d| taken[d]));
                if allowed {
                    taken[k] = true;
                    order.push(k);
                }
                !allowed
            });
            if pending.len() == before {
                return Simulation {
                    order,
                    stuck: pending,
                    taken,
                };
            }
        }
    }

    pub fn reaches(&self, task: &Task, goal: usize) -> bool {
        task.goals[goal].achievers.iter().any(|&k| self.taken[k])
    }

    /// The landmark of an unmet set of candidates `needed` (a stuck candidate's support, or a
    /// goal's achievers): the candidates outside this state that are allowed in it and belong
    /// to `needed` or, going backwards, to an unmet support of a member not yet allowed.
    ///
    /// Every plan that takes a member of `needed` takes one of these first: among the plan's
    /// steps in this backward cone and outside this state, the earliest has every support met
    /// here (an unmet one would be in the cone and need an earlier such step), so it is allowed
    /// here. "At least one of these" is therefore a valid cut, and the simulated selection,
    /// which takes none of them, breaks it.
    pub fn landmark(&self, task: &Task, needed: &[usize]) -> Vec<usize> {
        let met = |support: &[usize]| support.iter().any(|&d| self.taken[d]);
        let mut seen = vec![false; task.len()];
        let mut landmark = Vec::new();
        let mut queue: Vec<usize> = needed.to_vec();
        while let Some(d) = queue.pop() {
            if self.taken[d] || std::mem::replace(&mut seen[d], true) {
                continue;
            }
            let mut unmet = task.supports.of(d).filter(|s| !met(s)).peekable();
            if unmet.peek().is_none() {
                landmark.push(d);
            } else {
                unmet.for_each(|support| queue.extend_from_slice(support));
            }
        }
        landmark.sort_unstable();
        landmark
    }
}

impl Simulation {
    /// For each stuck candidate, a cut per unmet support; for each unmet goal, a cut on its
    /// achievers. Each is valid for every plan and broken by the simulated selection.
    pub fn landmark_cuts(&self, task: &Task) -> Vec<Cut> {
        let met = |support: &[usize]| support.iter().any(|&d| self.taken[d]);
        let mut cuts = Vec::new();
        for &k in &self.stuck {
            for support in task.supports.of(k).filter(|s| !met(s)) {
                cuts.push(Cut {
                    members: self.landmark(task, support),
                    trigger: Trigger::Take(k),
                });
            }
        }
        for g in (0..task.goals.len()).filter(|&g| !self.reaches(task, g)) {
            cuts.push(Cut {
                members: self.landmark(task, &task.goals[g].achievers),
                trigger: Trigger::Goal(g),
            });
        }
        cuts
    }
}

/// Drops selected candidates that are not needed, most expensive first, keeping the selection
/// schedulable and every goal in `goals` reached.
pub(crate) fn drop_redundant(task: &Task, selection: &mut [bool], goals: &[usize]) {
    let mut selected: Vec<usize> = (0..task.len()).filter(|&k| selection[k]).collect();
    selected.sort_by(|&a, &b| task.weight[b].total_cmp(&task.weight[a]).then(b.cmp(&a)));
    // Most of a lean selection is needed, and a simulation per candidate to find that out was
    // a twelfth of a solve.
    let mut sole = sole_members(task, selection, goals);
    for k in selected {
        if sole[k] {
            continue;
        }
        selection[k] = false;
        let sim = Simulation::run(task, selection);
        let still_valid = sim.stuck.is_empty() && goals.iter().all(|&g| sim.reaches(task, g));
        if still_valid {
            sole = sole_members(task, selection, goals);
        } else {
            selection[k] = true;
        }
    }
}

/// Per candidate: whether it is the only one selected among a goal's achievers or in a support
/// of a selected candidate, so that the selection cannot do without it.
fn sole_members(task: &Task, selection: &[bool], goals: &[usize]) -> Vec<bool> {
    let mut sole = vec![false; task.len()];
    let mut mark = |set: &[usize]| {
        let mut chosen = set.iter().filter(|&&d| selection[d]);
        if let (Some(&only), None) = (chosen.next(), chosen.next()) {
            sole[only] = true;
        }
    };
    for &g in goals {
        mark(&task.goals[g].achievers);
    }
    for k in (0..task.len()).filter(|&k| selection[k]) {
        task.supports.of(k).for_each(&mut mark);
    }
    sole
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::supports::Supports;
    use crate::plan::task::Goal;

    /// Candidate 0 (5 h) and 3 (10 h) both reach the goal; 0 needs one of 1 (3 h) or 2 (1 h).
    fn task() -> Task {
        let mut supports = Supports::default();
        supports.push([1, 2]);
        for _ in 0..4 {
            supports.finish_candidate();
        }
        Task {
            candidates: vec![10, 11, 12, 13],
            supports,
            weight: vec![5.0, 3.0, 1.0, 10.0],
            goals: vec![Goal {
                skill: 0,
                need: 1,
                weight: 1.0,
                achievers: vec![0, 3],
            }],
            forced: vec![false; 4],
        }
    }

    #[test]
    fn dropping_keeps_what_the_plan_needs_and_nothing_else() {
        let task = task();
        let mut selection = vec![true; 4];
        drop_redundant(&task, &mut selection, &[0]);
        // 3 goes first (the dearest); then 0 is the goal's only achiever, 1 goes, and 2 is
        // then 0's only support.
        assert_eq!(selection, vec![true, false, true, false]);
        let sim = Simulation::run(&task, &selection);
        assert!(sim.stuck.is_empty() && sim.reaches(&task, 0));
    }
}
