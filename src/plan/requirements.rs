//! Depth-first branch-and-bound over requirements, for the small parts of a task left after
//! pruning. A requirement is a row the plan must meet: a goal (one of its achievers), a support
//! of a candidate taken (one of its members), or a landmark cut whose trigger is taken. A node
//! picks the unmet requirement with the fewest ways left to meet it and branches on each way,
//! each child taking one member and ruling out those tried before it, so every plan lies in
//! exactly one child. A selection that meets every requirement but cannot be scheduled (its
//! candidates support each other in a loop) adds the landmark cuts that forbid it as new
//! requirements, which hold for every plan.
//!
//! The general engine solves a MILP per round of cuts; on a part of a few dozen candidates,
//! building and starting it costs far more than the search. After an exclusion on 20,000
//! credentials, the task left to search is tens of candidates in a handful of parts, and the
//! MILPs were a third of re-planning.

use std::time::Instant;

use crate::plan::granule::Granule;
use crate::plan::lagrange::slack;
use crate::plan::milp::{Cut, Trigger};
use crate::plan::search::{Effort, Found};
use crate::plan::simulate::Simulation;
use crate::plan::task::Task;

/// The most candidates a part may have for this search: one bit each.
pub(crate) const MAX_CANDIDATES: usize = 64;

/// Nodes the search may take before it leaves the part to the general engine: a small part
/// takes tens to hundreds; one that takes more is better served by the LP's bound.
const NODE_LIMIT: u64 = 20_000;

/// Nodes between two looks at the clock.
const CLOCK_EVERY: u64 = 256;

/// A row over at most [`MAX_CANDIDATES`] candidates: met by any of `members`, owed when
/// `trigger` is taken (always, for a goal's).
#[derive(Clone, Copy)]
struct Requirement {
    trigger: Option<usize>,
    members: u64,
}

/// The cheapest plan of `task` (at most [`MAX_CANDIDATES`] candidates) that reaches every
/// goal, proven; None when the search would take too long (past [`NODE_LIMIT`] nodes or the
/// `deadline`). `cuts` hold for every plan of `task`, and `incumbent` is one of its plans.
pub(crate) fn solve(
    task: &Task,
    cuts: &[Cut],
    incumbent: &Found,
    deadline: Instant,
    effort: &mut Effort,
) -> Option<Found> {
    debug_assert!(task.len() <= MAX_CANDIDATES);
    let mut requirements: Vec<Requirement> = (0..task.len())
        .flat_map(|k| {
            task.supports.of(k).map(move |support| Requirement {
                trigger: Some(k),
                members: bits(support),
            })
        })
        .collect();
    requirements.extend(task.goals.iter().map(|goal| Requirement {
        trigger: None,
        members: bits(&goal.achievers),
    }));
    requirements.extend(
        cuts.iter()
            .map(|cut| requirement_of(cut, bits(&cut.members))),
    );
    let mut search = Branching {
        task,
        requirements,
        granule: Granule::of(&task.weight),
        best_value: incumbent.value,
        best: None,
        deadline,
        nodes: 0,
        rounds: 1,
        stopped: false,
    };
    search.branch(0, 0, 0.0);
    effort.nodes += search.nodes;
    effort.rounds += search.rounds;
    if search.stopped {
        return None;
    }
    let (selection, value) = match search.best {
        Some(taken) => (
            (0..task.len()).map(|k| taken >> k & 1 == 1).collect(),
            search.best_value,
        ),
        None => (incumbent.selection.clone(), incumbent.value),
    };
    Some(Found {
        selection,
        value,
        bound: value,
        proven: true,
    })
}

/// The candidates `members`, one bit each.
fn bits(members: &[usize]) -> u64 {
    members.iter().fold(0, |bits, &k| bits | 1 << k)
}

fn requirement_of(cut: &Cut, members: u64) -> Requirement {
    Requirement {
        trigger: match cut.trigger {
            Trigger::Take(k) => Some(k),
            Trigger::Goal(_) => None,
        },
        members,
    }
}

struct Branching<'t> {
    task: &'t Task,
    requirements: Vec<Requirement>,
    granule: Granule,
    best_value: f64,
    /// The best plan found, when it beats the incumbent.
    best: Option<u64>,
    deadline: Instant,
    nodes: u64,
    /// Rounds of the landmark loop: the search, and one more each time it adds cuts.
    rounds: u32,
    /// The node limit or the clock stopped the search.
    stopped: bool,
}

impl Branching<'_> {
    /// Searches the plans that take all of `taken` and none of `banned`, at `spent` so far.
    fn branch(&mut self, taken: u64, banned: u64, spent: f64) {
        self.nodes += 1;
        if self.nodes >= NODE_LIMIT
            || (self.nodes.is_multiple_of(CLOCK_EVERY) && Instant::now() >= self.deadline)
        {
            self.stopped = true;
        }
        if self.stopped {
            return;
        }
        // The unmet requirement with the fewest ways left, and what the dearest one must cost.
        let mut chosen: Option<(u32, u64)> = None;
        let mut lower = 0.0_f64;
        for requirement in &self.requirements {
            let owed = requirement.trigger.is_none_or(|t| taken >> t & 1 == 1);
            if !owed || requirement.members & taken != 0 {
                continue;
            }
            let ways = requirement.members & !banned;
            if ways == 0 {
                return;
            }
            lower = lower.max(self.cheapest(ways));
            let count = ways.count_ones();
            if chosen.is_none_or(|(fewest, _)| count < fewest) {
                chosen = Some((count, ways));
            }
        }
        if !self.granule.can_beat(spent + lower, self.best_value) {
            return;
        }
        let Some((_, ways)) = chosen else {
            self.meets_every_requirement(taken, banned, spent);
            return;
        };
        let mut ways: Vec<usize> = (0..self.task.len())
            .filter(|&k| ways >> k & 1 == 1)
            .collect();
        ways.sort_by(|&a, &b| self.task.weight[a].total_cmp(&self.task.weight[b]));
        let mut banned = banned;
        for k in ways {
            self.branch(taken | 1 << k, banned, spent + self.task.weight[k]);
            // Later siblings search the plans without `k`: those with it were just searched.
            banned |= 1 << k;
        }
    }

    /// `taken` meets every requirement: a plan if it can be scheduled; otherwise the cuts that
    /// forbid it join the requirements, and the search goes on from it.
    fn meets_every_requirement(&mut self, taken: u64, banned: u64, spent: f64) {
        let selection: Vec<bool> = (0..self.task.len()).map(|k| taken >> k & 1 == 1).collect();
        let sim = Simulation::run(self.task, &selection);
        let reaches_all = (0..self.task.goals.len()).all(|g| sim.reaches(self.task, g));
        if sim.stuck.is_empty() && reaches_all {
            if spent < self.best_value - slack(self.best_value) {
                self.best_value = spent;
                self.best = Some(taken);
            }
            return;
        }
        let cuts: Vec<Requirement> = (sim.landmark_cuts(self.task, usize::MAX).iter())
            .map(|cut| requirement_of(cut, bits(&cut.members)))
            .collect();
        // Each cut forbids `taken`, whose trigger it takes and none of whose members; were
        // none to, the search would look at this node again and again.
        let forbids = |r: &Requirement| {
            r.trigger.is_none_or(|t| taken >> t & 1 == 1) && r.members & taken == 0
        };
        if !cuts.iter().any(forbids) {
            return;
        }
        self.requirements.extend(cuts);
        self.rounds += 1;
        self.branch(taken, banned, spent);
    }

    /// The least weight among the candidates in `ways`.
    fn cheapest(&self, ways: u64) -> f64 {
        let mut least = f64::INFINITY;
        let mut rest = ways;
        while rest != 0 {
            let k = rest.trailing_zeros() as usize;
            least = least.min(self.task.weight[k]);
            rest &= rest - 1;
        }
        least
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::Rng;

    fn is_plan(task: &Task, selection: &[bool]) -> bool {
        let sim = Simulation::run(task, selection);
        sim.stuck.is_empty() && (0..task.goals.len()).all(|g| sim.reaches(task, g))
    }

    /// The cheapest plan by trying every selection, if any plan exists.
    fn cheapest_by_brute_force(task: &Task) -> Option<f64> {
        (0..1u32 << task.len())
            .map(|subset| {
                (0..task.len())
                    .map(|k| subset >> k & 1 == 1)
                    .collect::<Vec<_>>()
            })
            .filter(|selection| is_plan(task, selection))
            .map(|selection| {
                (0..task.len())
                    .filter(|&k| selection[k])
                    .map(|k| task.weight[k])
                    .sum()
            })
            .min_by(f64::total_cmp)
    }

    #[test]
    fn the_search_over_requirements_finds_the_cheapest_plan_found_by_brute_force() {
        let mut rng = Rng::new(11);
        let mut improved = 0;
        for _ in 0..400 {
            let n = 2 + rng.below(9);
            let weight: Vec<f64> = (0..n).map(|_| 1.0 + rng.below(9) as f64).collect();
            let task = Task::random(&mut rng, &weight);
            let Some(optimum) = cheapest_by_brute_force(&task) else {
                continue;
            };
            // Starting from every candidate, the dearest plan there is, and from the cuts of a
            // random state, which hold for every plan.
            let everything = vec![true; n];
            let sim = Simulation::run(&task, &everything);
            let incumbent = Found {
                value: (0..n).filter(|&k| sim.taken[k]).map(|k| weight[k]).sum(),
                selection: sim.taken,
                bound: f64::NEG_INFINITY,
                proven: false,
            };
            let state: Vec<bool> = (0..n).map(|_| rng.chance(30)).collect();
            let cuts = Simulation::run(&task, &state).landmark_cuts(&task, usize::MAX);
            let deadline = Instant::now() + std::time::Duration::from_secs(10);
            let found = solve(&task, &cuts, &incumbent, deadline, &mut Effort::default())
                .expect("a small task is searched to the end");
            assert!(found.proven && is_plan(&task, &found.selection));
            let value: f64 = (0..n)
                .filter(|&k| found.selection[k])
                .map(|k| weight[k])
                .sum();
            assert_eq!((found.value, value), (optimum, optimum));
            improved += usize::from(optimum < incumbent.value);
        }
        assert!(
            improved > 50,
            "most searches beat the incumbent ({improved})"
        );
    }
}
