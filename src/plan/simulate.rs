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

    /// For each stuck candidate, a cut per unmet support; for each unmet goal, a cut on its
    /// achievers. Each is valid for every plan and broken by the simulated selection.
    pub fn landmark_cuts(&self, task: &Task) -> Vec<Cut> {
        let mut cones = Cones::new(self, task);
        let mut cuts = Vec::new();
        for &k in &self.stuck {
            for support in task.supports.of(k).filter(|s| !self.meets(s)) {
                cuts.push(Cut {
                    members: cones.landmark(support),
                    trigger: Trigger::Take(k),
                });
            }
        }
        for g in (0..task.goals.len()).filter(|&g| !self.reaches(task, g)) {
            cuts.push(Cut {
                members: cones.landmark(&task.goals[g].achievers),
                trigger: Trigger::Goal(g),
            });
        }
        cuts
    }

    /// Whether this state takes a member of `support`.
    fn meets(&self, support: &[usize]) -> bool {
        support.iter().any(|&d| self.taken[d])
    }
}

/// The backward cones of one simulated state, walked once per landmark. The cones of one state
/// overlap, so whether a candidate is allowed is found once, and the marks of a walk are
/// cleared by numbering the walks instead of by a fresh vector each time.
struct Cones<'s> {
    sim: &'s Simulation,
    task: &'s Task,
    /// Per candidate: `None` until asked, then whether every support is met.
    allowed: Vec<Option<bool>>,
    /// Per candidate: the walk that last reached it.
    walk_of: Vec<u32>,
    walk: u32,
    /// The walk's candidates still to visit, kept between walks for its memory.
    queue: Vec<usize>,
}

impl<'s> Cones<'s> {
    fn new(sim: &'s Simulation, task: &'s Task) -> Self {
        Cones {
            sim,
            task,
            allowed: vec![None; task.len()],
            walk_of: vec![0; task.len()],
            walk: 0,
            queue: Vec::new(),
        }
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
    fn landmark(&mut self, needed: &[usize]) -> Vec<usize> {
        let (sim, task) = (self.sim, self.task);
        self.walk += 1;
        let mut landmark = Vec::new();
        let mut queue = std::mem::take(&mut self.queue);
        let visit = |d: usize, walk_of: &mut [u32], queue: &mut Vec<usize>| {
            if !sim.taken[d] && walk_of[d] != self.walk {
                walk_of[d] = self.walk;
                queue.push(d);
            }
        };
        for &d in needed {
            visit(d, &mut self.walk_of, &mut queue);
        }
        while let Some(d) = queue.pop() {
            let allowed =
                *self.allowed[d].get_or_insert_with(|| task.supports.of(d).all(|s| sim.meets(s)));
            if allowed {
                landmark.push(d);
                continue;
            }
            for support in task.supports.of(d).filter(|s| !sim.meets(s)) {
                for &m in support {
                    visit(m, &mut self.walk_of, &mut queue);
                }
            }
        }
        self.queue = queue;
        landmark.sort_unstable();
        landmark
    }
}

/// Drops selected candidates that are not needed, most expensive first, keeping the selection
/// schedulable and every goal in `goals` reached.
///
/// Works on the list of what is selected, never on every candidate: the repair heuristics
/// call this on selections of a few dozen candidates out of thousands.
pub(crate) fn drop_redundant(task: &Task, selection: &mut [bool], goals: &[usize]) {
    let mut selected: Vec<usize> = (0..task.len()).filter(|&k| selection[k]).collect();
    selected.sort_by(|&a, &b| task.weight[b].total_cmp(&task.weight[a]).then(b.cmp(&a)));
    let mut scratch = Scratch::new(task.len());
    // Most of a lean selection is needed, and a simulation per candidate to find that out was
    // a twelfth of a solve.
    scratch.mark_sole_members(task, selection, &selected, goals);
    let mut kept = selected.clone();
    for k in selected {
        if scratch.sole[k] {
            continue;
        }
        selection[k] = false;
        kept.retain(|&j| j != k);
        if scratch.valid(task, &kept, goals) {
            scratch.mark_sole_members(task, selection, &kept, goals);
        } else {
            selection[k] = true;
            kept.push(k);
        }
    }
}

/// Per-candidate marks reused across the checks of one [`drop_redundant`], each cleared by
/// walking the list it was set from rather than every candidate.
struct Scratch {
    /// Whether a candidate is the only one selected among a goal's achievers or in a support
    /// of a selected candidate, so that the selection cannot do without it.
    sole: Vec<bool>,
    sole_set: Vec<usize>,
    /// Whether a candidate is taken in the current simulation.
    taken: Vec<bool>,
}

impl Scratch {
    fn new(len: usize) -> Self {
        Scratch {
            sole: vec![false; len],
            sole_set: Vec::new(),
            taken: vec![false; len],
        }
    }

    fn mark_sole_members(
        &mut self,
        task: &Task,
        selection: &[bool],
        selected: &[usize],
        goals: &[usize],
    ) {
        for k in self.sole_set.drain(..) {
            self.sole[k] = false;
        }
        let mut mark = |set: &[usize]| {
            let mut chosen = set.iter().filter(|&&d| selection[d]);
            if let (Some(&only), None) = (chosen.next(), chosen.next())
                && !std::mem::replace(&mut self.sole[only], true)
            {
                self.sole_set.push(only);
            }
        };
        for &g in goals {
            mark(&task.goals[g].achievers);
        }
        for &k in selected {
            task.supports.of(k).for_each(&mut mark);
        }
    }

    /// Whether `selected` can be scheduled whole and reaches every goal in `goals`.
    fn valid(&mut self, task: &Task, selected: &[usize], goals: &[usize]) -> bool {
        let mut pending = selected.to_vec();
        loop {
            let before = pending.len();
            pending.retain(|&k| {
                let allowed = task
                    .supports
                    .of(k)
                    .all(|s| s.iter().any(|&d| self.taken[d]));
                if allowed {
                    self.taken[k] = true;
                }
                !allowed
            });
            if pending.len() == before {
                break;
            }
        }
        let valid = pending.is_empty()
            && goals
                .iter()
                .all(|&g| task.goals[g].achievers.iter().any(|&k| self.taken[k]));
        for &k in selected {
            self.taken[k] = false;
        }
        valid
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Candidate 0 (5 h) and 3 (10 h) both reach the goal; 0 needs one of 1 (3 h) or 2 (1 h).
    fn task() -> Task {
        Task::by_hand(
            &[&[&[1, 2]], &[], &[], &[]],
            &[5.0, 3.0, 1.0, 10.0],
            &[&[0, 3]],
        )
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
