//! The exact model, solved by microlp: binary `x` per candidate, every precondition as
//! "x_c <= sum of its support", goals as coverage rows, budgets, and the landmark cuts the
//! search has found. It relaxes scheduling (a loop of mutual support satisfies it), which is
//! why every answer is simulated and cut off when it cannot be scheduled.

use std::time::Duration;

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, SolveOutcome, Variable};

use crate::plan::task::Task;

/// What a cut's "at least one of these" is owed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Trigger {
    /// A selected candidate that could not be scheduled.
    Take(usize),
    /// A goal the simulated selection leaves unmet.
    Goal(usize),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) struct Cut {
    pub members: Vec<usize>,
    pub trigger: Trigger,
}

/// The question put to the MILP.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Aim {
    /// Reach every goal at least objective.
    AllGoals,
    /// Reach the largest weight of goals within the budgets.
    MostCoverage,
    /// Reach at least this weight of goals at least objective.
    CoverageAtLeast(f64),
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub(crate) struct Budgets {
    pub cost: Option<f64>,
    pub hours: Option<f64>,
}

pub(crate) struct MilpAnswer {
    /// The best selection found, if any.
    pub selection: Option<Vec<bool>>,
    /// The value of `selection` in the MILP's own objective (negative coverage for MostCoverage).
    pub value: f64,
    /// A proven bound on the MILP's optimum (lower, since it minimises).
    pub bound: f64,
    pub proven: bool,
    pub nodes: u64,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub(crate) struct MilpError(pub String);

pub(crate) struct CostsOf<'a> {
    pub cost: &'a [f64],
    pub hours: &'a [f64],
}

/// How long one MILP may search: a wall-clock budget and, for a search that only looks for a
/// better plan, a budget of branch-and-bound nodes, which unlike time gives the same answer on
/// every run.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub time: Duration,
    pub nodes: Option<u64>,
    /// Solve the LP relaxation instead: candidates may be taken in part, and the answer's
    /// selection is every candidate taken at all.
    pub relaxed: bool,
}

pub(crate) fn solve(
    task: &Task,
    aim: Aim,
    budgets: Budgets,
    measures: &CostsOf,
    cuts: &[Cut],
    hint: &[bool],
    limits: Limits,
) -> Result<MilpAnswer, MilpError> {
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let objective_weight = |k: usize| {
        if aim == Aim::MostCoverage {
            0.0
        } else {
            task.weight[k]
        }
    };
    let x: Vec<Variable> = (0..task.len())
        .map(|k| {
            let lower = i32::from(aim == Aim::AllGoals && task.forced[k]);
            if limits.relaxed {
                problem.add_var(objective_weight(k), (f64::from(lower), 1.0))
            } else {
                problem.add_integer_var(objective_weight(k), (lower, 1))
            }
        })
        .collect();
    let y: Vec<Option<Variable>> = task
        .goals
        .iter()
        .map(|g| match aim {
            Aim::AllGoals => None,
            Aim::MostCoverage => Some(problem.add_var(-g.weight, (0.0, 1.0))),
            Aim::CoverageAtLeast(_) => Some(problem.add_var(0.0, (0.0, 1.0))),
        })
        .collect();

    // sum(members) - trigger >= 0, or sum(members) >= 1 when the trigger is always on.
    let mut at_least_one = |members: &[usize], trigger: Option<Variable>| {
        let mut terms: Vec<(Variable, f64)> = members.iter().map(|&k| (x[k], 1.0)).collect();
        terms.sort_by_key(|(v, _)| v.idx());
        terms.dedup_by_key(|(v, _)| v.idx());
        match trigger {
            Some(t) => {
                if terms.iter().any(|(v, _)| *v == t) {
                    return; // trivially true: the trigger is among the members
                }
                terms.push((t, -1.0));
                problem.add_constraint(terms.as_slice(), ComparisonOp::Ge, 0.0);
            }
            None => problem.add_constraint(terms.as_slice(), ComparisonOp::Ge, 1.0),
        }
    };
    for (k, &taken) in x.iter().enumerate() {
        for support in task.supports.of(k) {
            at_least_one(support, Some(taken));
        }
    }
    for (g, goal) in task.goals.iter().enumerate() {
        at_least_one(&goal.achievers, y[g]);
    }
    for cut in cuts {
        let trigger = match cut.trigger {
            Trigger::Take(k) => Some(x[k]),
            Trigger::Goal(g) => y[g],
        };
        at_least_one(&cut.members, trigger);
    }
    for (limit, per_candidate) in [
        (budgets.cost, measures.cost),
        (budgets.hours, measures.hours),
    ] {
        if let Some(limit) = limit {
            let terms: Vec<(Variable, f64)> =
                x.iter().zip(per_candidate).map(|(&v, &w)| (v, w)).collect();
            problem.add_constraint(terms.as_slice(), ComparisonOp::Le, limit);
        }
    }
    if let Aim::CoverageAtLeast(weight) = aim {
        let terms: Vec<(Variable, f64)> = y
            .iter()
            .zip(&task.goals)
            .filter_map(|(v, g)| v.map(|v| (v, g.weight)))
            .collect();
        problem.add_constraint(terms.as_slice(), ComparisonOp::Ge, weight - 1e-6);
    }

    let mut options = SolveOptions::default();
    options.time_limit = Some(limits.time);
    options.node_limit = limits.nodes;
    // The incumbent meets every cut (cuts only forbid what cannot be scheduled), so it is a
    // valid start that lets branch-and-bound prune from the first node.
    options.warm_start = Some(
        x.iter()
            .zip(hint)
            .map(|(&v, &on)| (v, f64::from(u8::from(on))))
            .collect(),
    );
    match problem.solve_with(options) {
        Ok(SolveOutcome::Solution(solution)) => {
            let proven = solution.status() == microlp::SolutionStatus::Optimal;
            let stats = solution.stats();
            let value = solution.objective();
            let bound = if proven {
                value
            } else {
                stats.best_bound.unwrap_or(f64::NEG_INFINITY)
            };
            let on = if limits.relaxed { 1e-6 } else { 0.5 };
            let selection = x.iter().map(|&v| solution.var_value(v) > on).collect();
            Ok(MilpAnswer {
                selection: Some(selection),
                value,
                bound,
                proven,
                nodes: stats.nodes_solved,
            })
        }
        Ok(SolveOutcome::Interrupted(interrupted)) => {
            let stats = interrupted.stats();
            Ok(MilpAnswer {
                selection: None,
                value: f64::INFINITY,
                bound: stats.best_bound.unwrap_or(f64::NEG_INFINITY),
                proven: false,
                nodes: stats.nodes_solved,
            })
        }
        // No selection meets the model: nothing (here, nothing better than what was dropped
        // to build it) exists, which is a proof, not a failure.
        Err(microlp::Error::Infeasible) => Ok(MilpAnswer {
            selection: None,
            value: f64::INFINITY,
            bound: f64::INFINITY,
            proven: true,
            nodes: 0,
        }),
        Err(error) => Err(MilpError(error.to_string())),
    }
}
