//! The landmark loop: solve the relaxed MILP, simulate its selection, and when the selection
//! cannot be scheduled, add the cut that forbids it (and those a few LP relaxations show) and
//! solve again. Every MILP optimum is a lower bound on the true optimum, so the first
//! schedulable optimum is proven optimal.

use std::time::Instant;

use crate::plan::PlanError;
use crate::plan::milp::{self, Aim, Budgets, CostsOf, Cut};
use crate::plan::simulate::Simulation;
use crate::plan::task::Task;

/// How far a MILP's reported optimum may sit from the exact value of the same selection: the
/// LP engine meets its rows within a feasibility tolerance, so a coverage of 5 can read
/// -5.0000017. Objective values in a catalog are far coarser than this.
const TOLERANCE: f64 = 1e-5;

/// Rounds of cutting on the LP relaxation after a MILP answer that cannot be scheduled. Each
/// finds the loops the next MILP would otherwise stumble on one at a time, at the price of an
/// LP rather than a branch-and-bound: re-planning after an edit on 5,000 credentials at
/// depth 6 took 26% less time in all (180 edits), its slowest edit 213 ms instead of 564 ms;
/// 4 rounds did about as well.
const RELAXED_ROUNDS: usize = 8;

/// A verified selection and what is known of its quality.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub selection: Vec<bool>,
    /// The selection's value under the aim (negative covered weight for `MostCoverage`).
    pub value: f64,
    pub bound: f64,
    pub proven: bool,
}

#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Effort {
    pub nodes: u64,
    pub rounds: u32,
}

pub(crate) struct Search<'t> {
    pub task: &'t Task,
    pub budgets: Budgets,
    pub measures: CostsOf<'t>,
    pub deadline: Instant,
    /// Cuts stay valid for every aim, so they carry over between phases.
    pub cuts: Vec<Cut>,
    pub effort: Effort,
    /// Branch-and-bound nodes each MILP may take, for a search that only looks for a better
    /// plan; None for the exact search.
    pub node_limit: Option<u64>,
}

/// The value of what a simulation took under `aim`, or None when it misses the aim.
pub(crate) fn value_of(task: &Task, aim: Aim, sim: &Simulation) -> Option<f64> {
    let reached: f64 = (0..task.goals.len())
        .filter(|&g| sim.reaches(task, g))
        .map(|g| task.goals[g].weight)
        .sum();
    let spent: f64 = sim.order.iter().map(|&k| task.weight[k]).sum();
    match aim {
        Aim::AllGoals => (0..task.goals.len())
            .all(|g| sim.reaches(task, g))
            .then_some(spent),
        Aim::MostCoverage => Some(-reached),
        Aim::CoverageAtLeast(weight) => (reached >= weight - 1e-6).then_some(spent),
    }
}

impl Search<'_> {
    /// The best selection for `aim`, starting from a valid `incumbent` (taken as is).
    pub fn run(&mut self, aim: Aim, incumbent: Found) -> Result<Found, PlanError> {
        let mut best = incumbent;
        let mut bound = f64::NEG_INFINITY;
        loop {
            let now = Instant::now();
            if now >= self.deadline {
                return Ok(Found {
                    bound: bound.min(best.value),
                    proven: false,
                    ..best
                });
            }
            self.effort.rounds += 1;
            let limits = milp::Limits {
                time: self.deadline - now,
                nodes: self.node_limit,
                relaxed: false,
            };
            // Only a node-limited search gives the solver its starting plan. An exact search
            // runs to the end in any case, and there checking the plan cost the solver an LP of
            // its own and turned off its presolve's dual fixing: without it, ten solves on 5,000
            // credentials at depth 6 took 3% fewer instructions, and the three slowest fewer too.
            let hint = self.node_limit.map(|_| best.selection.as_slice());
            let answer = self
                .solve_model(aim, hint, limits)
                .map_err(|e| PlanError::Solver(e.0))?;
            self.effort.nodes += answer.nodes;
            bound = bound.max(answer.bound);
            let Some(selection) = answer.selection else {
                // Proven infeasible: the incumbent is optimal. Otherwise the time ran out.
                return Ok(Found {
                    bound: bound.min(best.value),
                    proven: answer.proven,
                    ..best
                });
            };
            let sim = Simulation::run(self.task, &selection);
            if let Some(value) = value_of(self.task, aim, &sim) {
                if value < best.value - TOLERANCE
                    || (answer.proven && value <= best.value + TOLERANCE)
                {
                    best = Found {
                        selection: sim.taken.clone(),
                        value,
                        bound,
                        proven: false,
                    };
                }
                // What could be scheduled already meets the relaxation's optimum: nothing beats it.
                if answer.proven && value <= answer.value + TOLERANCE * answer.value.abs().max(1.0)
                {
                    return Ok(Found {
                        bound: value,
                        proven: true,
                        ..best
                    });
                }
            }
            if sim.stuck.is_empty() {
                // Schedulable but not proven: the time limit stopped the MILP.
                return Ok(Found {
                    bound: bound.min(best.value),
                    proven: false,
                    ..best
                });
            }
            // Every cut, however wide: the next MILP must not answer with this selection again.
            self.cuts.extend(sim.landmark_cuts(self.task, usize::MAX));
            // A node-limited search only looks for a better plan, and there the extra LPs did
            // not pay.
            if aim == Aim::AllGoals && self.node_limit.is_none() {
                self.separate_on_relaxation();
            }
        }
    }

    /// The model of this search's task, budgets and cuts for `aim`, solved within `limits`,
    /// from the starting plan `hint` if given.
    fn solve_model(
        &self,
        aim: Aim,
        hint: Option<&[bool]>,
        limits: milp::Limits,
    ) -> Result<milp::MilpAnswer, milp::MilpError> {
        milp::solve(
            self.task,
            aim,
            self.budgets,
            &self.measures,
            &self.cuts,
            hint,
            limits,
        )
    }

    /// Up to [`RELAXED_ROUNDS`] rounds of cutting on the LP relaxation: solve it, simulate
    /// every candidate it takes at all, and add the landmark cuts of what cannot be scheduled
    /// (valid for every plan, as any simulated state's are). Stops at the first relaxation
    /// whose support can be scheduled whole, or on any solver trouble: the MILP that follows
    /// meets the same solver and reports it.
    fn separate_on_relaxation(&mut self) {
        for _ in 0..RELAXED_ROUNDS {
            let now = Instant::now();
            if now >= self.deadline {
                return;
            }
            let limits = milp::Limits {
                time: self.deadline - now,
                nodes: None,
                relaxed: true,
            };
            // An LP takes no starting plan.
            let answer = self.solve_model(Aim::AllGoals, None, limits);
            let Some(support) = answer.ok().and_then(|a| a.selection) else {
                return;
            };
            let cuts = Simulation::run(self.task, &support).landmark_cuts(self.task, usize::MAX);
            if cuts.is_empty() {
                return;
            }
            self.effort.rounds += 1;
            self.cuts.extend(cuts);
        }
    }
}
