//! How far above the Lagrangian bound a plan that takes a given candidate must cost.
//!
//! At any multipliers, a plan costs at least the bound plus the positive reduced costs of the
//! candidates it takes, forced ones aside (theirs are in the bound already). A plan that takes
//! candidate `k` also takes, before it, a member of each of `k`'s supports, and before that
//! member a member of each of its supports, and so on. So it pays at least `k`'s own positive
//! reduced cost plus, for the support whose cheapest member comes dearest, what that member
//! pays by the same reckoning. A landmark cut that `k` triggers is one more such support: one
//! of its members comes before `k` in every plan.
//!
//! The plans that matter take nothing they could do without: a cheapest plan of fewest
//! candidates does not, and the exact search and narrowing look only for one of those. In such
//! a plan every candidate is there for something after it: it achieves a goal, or it is a
//! member of a support of a later candidate that could not start without it, which is itself
//! there for something. So the plan also pays, after `k`, for a chain of candidates that `k`
//! supports, up to one that achieves a goal.
//!
//! Narrowing by the sum of both chains rather than `k`'s own reduced cost drops candidates
//! whose supporters or whose purpose are dear, as well as those that are dear themselves.

use crate::plan::milp::{Cut, Trigger};
use crate::plan::task::Task;

/// Passes of each reckoning over the task, each taking in one more link of every chain (more
/// where supporters come before what they support). For the chain before a candidate, two
/// took 14% off the sum of 240 solves on 20,000 credentials at depth 6 and 42% off 5,000 x 6;
/// three were no better, and eight cost more than they saved. Counting the cuts as well took
/// another 2-7% off both; the chain after a candidate, at two passes too, took 7-18% more at
/// depth 6 in four of five comparisons.
const PASSES: usize = 2;

/// Per candidate of `task`, a lower bound on how much more than the Lagrangian bound a plan
/// taking it and nothing it could do without costs, at the multipliers that gave the
/// candidates' `reduced` costs; `cuts` are landmark cuts over `task`'s candidates.
pub(super) fn least_extra(task: &Task, cuts: &[Cut], reduced: &[f64]) -> Vec<f64> {
    let own: Vec<f64> = (0..task.len())
        .map(|k| {
            if task.forced[k] {
                0.0
            } else {
                reduced[k].max(0.0)
            }
        })
        .collect();
    let after = least_after(task, &own);
    let mut extra = least_up_to(task, cuts, &own);
    for (extra, after) in extra.iter_mut().zip(after) {
        *extra += after;
    }
    extra
}

/// Per candidate, the least that a plan taking it pays for it and the candidates before it,
/// by what each candidate pays on its `own`.
///
/// Each pass raises a candidate's value only to what its supporters' values prove, starting
/// from each one's own, so every value stays a lower bound, loops of support included.
fn least_up_to(task: &Task, cuts: &[Cut], own: &[f64]) -> Vec<f64> {
    let mut extra = own.to_vec();
    for _ in 0..PASSES {
        for k in 0..task.len() {
            let mut dearest_support = 0.0;
            for support in task.supports.of(k) {
                if let Some(dearer) = cheapest_above(support, &extra, dearest_support) {
                    dearest_support = dearer;
                }
            }
            extra[k] = own[k] + dearest_support;
        }
        for cut in cuts {
            if let Trigger::Take(k) = cut.trigger
                && let Some(least) = cheapest_above(&cut.members, &extra, extra[k] - own[k])
            {
                extra[k] = extra[k].max(own[k] + least);
            }
        }
    }
    extra
}

/// Per candidate, the least that a plan taking it and nothing it could do without pays for the
/// chain of candidates after it that it is there for, by what each pays on its `own`: nothing
/// for a goal's achiever, and no such plan takes a candidate that neither achieves a goal nor
/// is a member of a support.
///
/// The values start at nothing and each pass raises them only to what the values of the
/// candidates supported prove, so every value stays a lower bound.
fn least_after(task: &Task, own: &[f64]) -> Vec<f64> {
    let mut achieves = vec![false; task.len()];
    for goal in &task.goals {
        for &k in &goal.achievers {
            achieves[k] = true;
        }
    }
    let mut after = vec![0.0; task.len()];
    for _ in 0..PASSES {
        // Backwards, as a candidate mostly supports later ones.
        for k in (0..task.len()).rev().filter(|&k| !achieves[k]) {
            after[k] = task
                .supports
                .waiting_on(k)
                .map(|(supported, _)| own[supported] + after[supported])
                .fold(f64::INFINITY, f64::min);
        }
    }
    after
}

/// The least `extra` among `members`, when it is above `floor`. A support's members are often
/// hundreds, and one at or below the floor (most often one the relaxation wants, at nothing)
/// ends the walk: what the others cost cannot matter.
fn cheapest_above(members: &[usize], extra: &[f64], floor: f64) -> Option<f64> {
    let mut least = f64::INFINITY;
    for &d in members {
        let e = extra[d];
        if e <= floor {
            return None;
        }
        least = least.min(e);
    }
    Some(least)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::Rng;
    use crate::plan::simulate::Simulation;

    #[test]
    fn the_chains_before_and_after_a_candidate_add_up() {
        // 2 needs 1, which needs 0; 3 needs nothing; either 2 or 3 reaches the goal. Reduced
        // costs 1, 2, 3 and -4. A plan with 0, 1 or 2 that needs all it takes is 0, 1 and 2.
        let task = Task::by_hand(
            &[&[], &[&[0]], &[&[1]], &[]],
            &[1.0, 1.0, 1.0, 1.0],
            &[&[2, 3]],
        );
        let extra = least_extra(&task, &[], &[1.0, 2.0, 3.0, -4.0]);
        assert_eq!(extra, vec![6.0, 6.0, 6.0, 0.0]);
    }

    #[test]
    fn no_plan_that_needs_all_it_takes_pays_less_than_a_candidate_s_value() {
        let mut rng = Rng::new(5);
        for _ in 0..300 {
            let n = 2 + rng.below(7);
            let mut task = Task::random(&mut rng, &vec![1.0; n]);
            task.forced = (0..n).map(|_| rng.chance(20)).collect();
            let reduced: Vec<f64> = (0..n).map(|_| rng.below(9) as f64 - 3.0).collect();
            // The cuts of a random state, valid for every plan.
            let state: Vec<bool> = (0..n).map(|_| rng.chance(30)).collect();
            let cuts = Simulation::run(&task, &state).landmark_cuts(&task, usize::MAX);
            let extra = least_extra(&task, &cuts, &reduced);
            let is_plan = |selection: &[bool]| {
                let sim = Simulation::run(&task, selection);
                sim.stuck.is_empty() && (0..task.goals.len()).all(|g| sim.reaches(&task, g))
            };
            for subset in 0..1u32 << n {
                let selection: Vec<bool> = (0..n).map(|k| subset & (1 << k) != 0).collect();
                let does_without = |k: usize| {
                    let mut without = selection.clone();
                    without[k] = false;
                    is_plan(&without)
                };
                if !is_plan(&selection) || (0..n).any(|k| selection[k] && does_without(k)) {
                    continue;
                }
                let pays: f64 = (0..n)
                    .filter(|&k| selection[k] && !task.forced[k])
                    .map(|k| reduced[k].max(0.0))
                    .sum();
                for k in (0..n).filter(|&k| selection[k]) {
                    assert!(pays >= extra[k], "{k} pays {pays}, below {}", extra[k]);
                }
            }
        }
    }
}
