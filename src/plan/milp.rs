//! The exact model, solved by microlp: binary `x` per candidate, every precondition as
//! "x_c <= sum of its support", goals as coverage rows, budgets, and the landmark cuts the
//! search has found. It relaxes scheduling (a loop of mutual support satisfies it), which is
//! why every answer is simulated and cut off when it cannot be scheduled.

use std::time::Duration;

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOptions, SolveOutcome, Variable};

use crate::plan::task::{LEFT_OUT, Task};

/// What a cut's "at least one of these" is owed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

impl Cut {
    /// This cut over a task cut down to some of its candidates, `new_index` giving each one's
    /// index there ([`LEFT_OUT`] for one left out); None when its trigger is left out. It
    /// holds for the plans of the smaller task with the members it lost left out, so it may
    /// be left with none.
    pub fn within(&self, new_index: &[usize]) -> Option<Cut> {
        let trigger = match self.trigger {
            Trigger::Take(k) => Trigger::Take(Some(new_index[k]).filter(|&k| k != LEFT_OUT)?),
            goal @ Trigger::Goal(_) => goal,
        };
        // Sized for them all: a filtered collect would grow the vector step by step.
        let mut members = Vec::with_capacity(self.members.len());
        members.extend(
            (self.members.iter())
                .map(|&k| new_index[k])
                .filter(|&k| k != LEFT_OUT),
        );
        Some(Cut { members, trigger })
    }

    /// This cut, over a task cut down to the candidates `old` (each one's index in the task
    /// it was cut from), over the task it was cut from.
    pub fn lifted(&self, old: &[usize]) -> Cut {
        Cut {
            members: self.members.iter().map(|&k| old[k]).collect(),
            trigger: match self.trigger {
                Trigger::Take(k) => Trigger::Take(old[k]),
                goal @ Trigger::Goal(_) => goal,
            },
        }
    }
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
    hint: Option<&[bool]>,
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
    let implied = implied_cuts(task, cuts);
    for (cut, _) in cuts.iter().zip(implied).filter(|&(_, implied)| !implied) {
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
    options.warm_start = hint.map(|hint| {
        x.iter()
            .zip(hint)
            .map(|(&v, &on)| (v, f64::from(u8::from(on))))
            .collect()
    });
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

/// Per cut, whether the model's other rows already imply it, so that it can be left out: a
/// cut whose members include every member of one of its trigger's supports (or of its goal's
/// achievers), or of another cut with the same trigger and fewer members (or the same members
/// and an earlier place). "At least one of these" then follows from "at least one of those",
/// in the LP relaxation as in the MILP, so leaving it out changes neither, only their size:
/// the cuts that accumulate over a search are often wider versions of each other. On the
/// slowest instance of 5,000 credentials at depth 6, 225 of 582 cuts were implied, and each
/// MILP round took a quarter less time.
fn implied_cuts(task: &Task, cuts: &[Cut]) -> Vec<bool> {
    let mut by_trigger: Vec<usize> = (0..cuts.len()).collect();
    by_trigger.sort_by_key(|&c| (cuts[c].trigger, cuts[c].members.len(), c));
    let mut implied = vec![false; cuts.len()];
    let mut member = vec![false; task.len()];
    let mut group_start = 0;
    for (at, &c) in by_trigger.iter().enumerate() {
        let cut = &cuts[c];
        if cuts[by_trigger[group_start]].trigger != cut.trigger {
            group_start = at;
        }
        for &m in &cut.members {
            member[m] = true;
        }
        let within = |others: &[usize]| others.iter().all(|&d| member[d]);
        let own_rows_imply = match cut.trigger {
            Trigger::Take(k) => task.supports.of(k).any(within),
            Trigger::Goal(g) => within(&task.goals[g].achievers),
        };
        // The narrower cuts of this trigger come first; an implied one is implied by one
        // that is not, so only those need a look.
        implied[c] = own_rows_imply
            || by_trigger[group_start..at]
                .iter()
                .any(|&o| !implied[o] && within(&cuts[o].members));
        for &m in &cut.members {
            member[m] = false;
        }
    }
    implied
}

#[cfg(test)]
mod tests {
    use super::*;

    fn take(k: usize, members: &[usize]) -> Cut {
        Cut {
            members: members.to_vec(),
            trigger: Trigger::Take(k),
        }
    }

    #[test]
    fn cuts_that_other_rows_imply_are_left_out() {
        // Candidate 0 needs one of 1 and 2 first; goal 0 is reached by 3 or 4.
        let task = Task::by_hand(
            &[&[&[1, 2]], &[], &[], &[], &[], &[]],
            &[1.0; 6],
            &[&[3, 4]],
        );
        let cuts = vec![
            take(0, &[1, 2, 5]), // wider than candidate 0's support
            take(0, &[3, 4, 5]), // wider than the next one
            take(0, &[3, 5]),
            take(0, &[3, 5]), // the same again
            take(1, &[3, 5]), // another trigger: not implied
            Cut {
                members: vec![2, 3, 4],
                trigger: Trigger::Goal(0), // wider than the goal's achievers
            },
            Cut {
                members: vec![2, 3],
                trigger: Trigger::Goal(0),
            },
        ];
        assert_eq!(
            implied_cuts(&task, &cuts),
            vec![true, true, false, true, false, true, false]
        );
    }

    #[test]
    fn the_narrowest_cut_stays_and_still_forbids_its_loop() {
        // 0 (1 h) needs 1; 1 (1 h) needs 0 or 2 (3 h); the goal is reached by 0 or 3 (10 h).
        // Without cuts the model takes the loop 0, 1 for 2 h. The cut "2 before 1" forbids it;
        // a wider copy of that cut adds nothing and is left out, and the optimum is 2, 1, 0.
        let task = Task::by_hand(
            &[&[&[1]], &[&[0, 2]], &[], &[]],
            &[1.0, 1.0, 3.0, 10.0],
            &[&[0, 3]],
        );
        let cuts = vec![take(1, &[2, 3]), take(1, &[2])];
        assert_eq!(implied_cuts(&task, &cuts), vec![true, false]);
        let zeros = [0.0; 4];
        let measures = CostsOf {
            cost: &zeros,
            hours: &zeros,
        };
        let limits = Limits {
            time: Duration::from_secs(10),
            nodes: None,
            relaxed: false,
        };
        let solve_with = |cuts: &[Cut]| {
            solve(
                &task,
                Aim::AllGoals,
                Budgets::default(),
                &measures,
                cuts,
                None,
                limits,
            )
            .expect("solves")
        };
        assert_eq!(solve_with(&[]).value, 2.0);
        let cut_off = solve_with(&cuts);
        assert_eq!(cut_off.value, 5.0);
        assert_eq!(cut_off.selection, Some(vec![true, true, true, false]));
    }
}
