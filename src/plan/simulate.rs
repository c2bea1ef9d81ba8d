//! Forward simulation of a selection inside the pruned task: what can be taken, in which order,
//! and the landmark cut that forbids a selection that cannot be scheduled.

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
                let allowed = task.supports[k].iter().all(|s| s.iter().any(|&d| taken[d]));
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

    /// Candidates outside this state that are allowed in it and satisfy a support or goal it
    /// leaves unmet. Every plan that takes a stuck candidate or reaches an unmet goal must take
    /// one of them first (the first step of such a plan that meets something new is allowed
    /// here), so "at least one of these" is a valid cut, and the simulated selection breaks it.
    pub fn landmark(&self, task: &Task) -> Vec<usize> {
        let met = |support: &[usize]| support.iter().any(|&d| self.taken[d]);
        let mut frontier = vec![false; task.len()];
        for supports in &task.supports {
            for support in supports.iter().filter(|s| !met(s)) {
                for &d in support {
                    frontier[d] = true;
                }
            }
        }
        for goal in &task.goals {
            if !met(&goal.achievers) {
                for &d in &goal.achievers {
                    frontier[d] = true;
                }
            }
        }
        (0..task.len())
            .filter(|&a| frontier[a] && !self.taken[a])
            .filter(|&a| task.supports[a].iter().all(|s| met(s)))
            .collect()
    }
}

/// Drops selected candidates that are not needed, most expensive first, keeping the selection
/// schedulable and every goal in `goals` reached.
pub(crate) fn drop_redundant(task: &Task, selection: &mut [bool], goals: &[usize]) {
    let mut selected: Vec<usize> = (0..task.len()).filter(|&k| selection[k]).collect();
    selected.sort_by(|&a, &b| task.weight[b].total_cmp(&task.weight[a]).then(b.cmp(&a)));
    for k in selected {
        selection[k] = false;
        let sim = Simulation::run(task, selection);
        let still_valid = sim.stuck.is_empty() && goals.iter().all(|&g| sim.reaches(task, g));
        if !still_valid {
            selection[k] = true;
        }
    }
}
