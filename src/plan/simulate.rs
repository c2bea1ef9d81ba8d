//! Forward simulation of a selection inside the pruned task: what can be taken, in which order,
//! and the landmark cut that forbids a selection that cannot be scheduled.

use crate::plan::landmarks::Landmarks;
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
        let mut pending: Vec<usize> = (0..task.len()).filter(|&k| selection[k]).collect();
        let mut order = Vec::with_capacity(pending.len());
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
    /// achievers; each of at most `widest` members. Each is valid for every plan and broken
    /// by the simulated selection: see [`Landmarks`].
    pub fn landmark_cuts(&self, task: &Task, widest: usize) -> Vec<Cut> {
        self.landmark_cuts_except(task, widest, &mut WideSets::default())
    }

    /// [`Self::landmark_cuts`], leaving out the sets `wide` holds and adding to it those
    /// whose landmark turns out wider than `widest`.
    ///
    /// A set whose landmark is too wide to cut with mostly stays so from one relaxed choice to
    /// the next, and its backward cone is what makes it wide: on 20,000 credentials at depth
    /// 6, the cones of the few such sets held five times the candidates of all the others.
    /// Walking them in full at every separation took a quarter of a solve. Now that a walk
    /// stops once a landmark is too wide, leaving them out saves about what the cuts they
    /// would give when they narrow again are worth: over 240 instances of 5,000 and 20,000
    /// credentials at depth 6, solves without it took from 5% less to 5% more in all.
    pub fn landmark_cuts_except(
        &self,
        task: &Task,
        widest: usize,
        wide: &mut WideSets,
    ) -> Vec<Cut> {
        // Each set is known by its support's number, or a goal's number after every support.
        let goal_set = |g: usize| task.supports.total() + g;
        let mut landmarks = Landmarks::new(&task.supports, &self.taken);
        let mut cuts = Vec::new();
        let mut cut = |trigger: Trigger, set: usize, members: &[usize]| {
            if wide.holds(set) {
                return;
            }
            match landmarks.of_set(members, widest) {
                Some(members) => cuts.push(Cut { members, trigger }),
                None => wide.add(set),
            }
        };
        for &k in &self.stuck {
            for number in task.supports.numbers(k) {
                let support = task.supports.support(number);
                if !self.meets(support) {
                    cut(Trigger::Take(k), number, support);
                }
            }
        }
        for (g, goal) in task.goals.iter().enumerate() {
            if !self.reaches(task, g) {
                cut(Trigger::Goal(g), goal_set(g), &goal.achievers);
            }
        }
        cuts
    }

    /// Whether this state takes a member of `support`.
    fn meets(&self, support: &[usize]) -> bool {
        support.iter().any(|&d| self.taken[d])
    }
}

/// The supports and goals of one task whose landmarks were too wide to cut with, left out of
/// later separations on that task. Leaving out a set loses a cut, never validity.
#[derive(Debug, Default)]
pub(crate) struct WideSets {
    /// Per set, numbered as in [`Simulation::landmark_cuts_except`]: whether it was too wide.
    /// Grown only when a set is added.
    wide: Vec<bool>,
}

impl WideSets {
    fn holds(&self, set: usize) -> bool {
        self.wide.get(set).copied().unwrap_or(false)
    }

    fn add(&mut self, set: usize) {
        if self.wide.len() <= set {
            self.wide.resize(set + 1, false);
        }
        self.wide[set] = true;
    }

    /// Forgets every set, as when the task changes.
    pub fn forget(&mut self) {
        self.wide.clear();
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
    fn a_set_found_too_wide_is_left_out_until_forgotten() {
        // Candidate 0 needs 1 or 2, candidate 3 needs 4; the goal is reached by 0 or 3.
        let task = Task::by_hand(
            &[&[&[1, 2]], &[], &[], &[&[4]], &[]],
            &[5.0, 1.0, 1.0, 5.0, 1.0],
            &[&[0, 3]],
        );
        let mut wide = WideSets::default();
        // With nothing taken, one of 1, 2 or 4 must come first: one member too many.
        let nothing = Simulation::run(&task, &[false; 5]);
        assert!(nothing.landmark_cuts_except(&task, 2, &mut wide).is_empty());
        // With 2 taken, 0 may start: one of 0 or 4 must come first.
        let after_2 = Simulation::run(&task, &[false, false, true, false, false]);
        let narrow = vec![Cut {
            members: vec![0, 4],
            trigger: Trigger::Goal(0),
        }];
        assert_eq!(after_2.landmark_cuts(&task, 2), narrow);
        assert!(after_2.landmark_cuts_except(&task, 2, &mut wide).is_empty());
        wide.forget();
        assert_eq!(after_2.landmark_cuts_except(&task, 2, &mut wide), narrow);
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
