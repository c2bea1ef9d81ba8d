//! The exact search for a plan that reaches every goal, with no budget: bound first
//! (improving the incumbent on the way), drop what the bound rules out against the incumbent,
//! and search exactly among the rest, each independent part on its own (side by side on the
//! machine's cores when one is large), starting from the cuts the bound found: a small part by
//! branching on its requirements ([`requirements`]), a larger one by the MILP loop
//! ([`Search`]). The optimum is the incumbent or the sum of the parts' optima.

use std::time::Instant;

use crate::parallel::in_parallel;
use crate::plan::PlanError;
use crate::plan::cover;
use crate::plan::lagrange::{
    self, Incumbent, Lagrangian, Start, dropped_floor, least_dropped, slack,
};
use crate::plan::milp::{Aim, Budgets, CostsOf, Cut, Trigger};
use crate::plan::requirements;
use crate::plan::search::{Effort, Found, Search};
use crate::plan::solve::incumbent_of;
use crate::plan::task::{Part, Task, new_indices};
use crate::plan::warm::Multipliers;

/// Subgradient steps for the bound that prunes before the exact search.
pub(crate) const LAGRANGIAN_ITERATIONS: usize = 300;

/// Nodes the set-cover search may take before the general search takes over: enough for
/// covers that need few sets among many (OR-Library set E takes 8,000-10,000), while on wide
/// weighted covers, where its bound is weaker than the LP's, it gives way within a second.
const COVER_NODES: u64 = 50_000;

/// What a search for every goal learned for a later solve to start from.
pub(crate) struct Ascended {
    /// The ascent's multipliers over the whole task (see [`lagrange::Lagrangian`]).
    pub multipliers: Multipliers,
    /// Those it ended with, over the task as narrowed.
    pub last_multipliers: Multipliers,
    /// Per candidate, a floor on the value of the plans that take it and nothing they could
    /// do without (minus infinity where nothing is known).
    pub floor: Vec<f64>,
    /// The cuts the ascent ended with, and their multipliers: they hold for every plan that
    /// takes only candidates `searched`.
    pub cuts: Vec<(Cut, f64)>,
    pub searched: Vec<bool>,
}

/// Also returns what the search learned for a later solve.
pub(crate) fn close_every_goal(
    task: &Task,
    incumbent: Found,
    start: Start,
    steps: usize,
    deadline: Instant,
    effort: &mut Effort,
) -> Result<(Found, Ascended), PlanError> {
    let mut best = Incumbent {
        selection: incumbent.selection,
        value: incumbent.value,
    };
    let mut lagrangian = lagrange::bound(task, &mut best, start, steps, deadline);
    let mut ascended = Ascended {
        multipliers: std::mem::take(&mut lagrangian.multipliers),
        last_multipliers: std::mem::take(&mut lagrangian.last_multipliers),
        floor: std::mem::take(&mut lagrangian.floor),
        cuts: (lagrangian.cuts.iter().cloned())
            .zip(std::mem::take(&mut lagrangian.cut_multipliers))
            .collect(),
        searched: std::mem::take(&mut lagrangian.searched),
    };
    let mut upper = best.value;
    let proven_best = |best: Incumbent| Found {
        selection: best.selection,
        value: best.value,
        bound: best.value,
        proven: true,
    };
    if lagrangian.proves(upper) {
        raise_floor(&mut ascended.floor, |_| true, upper);
        return Ok((proven_best(best), ascended));
    }
    // The incumbent stays, though no cheaper plan may need all of it: whole, it seeds each
    // part's search with a plan of that part, from which branch-and-bound prunes at once.
    let keep: Vec<bool> = (0..task.len())
        .map(|k| best.selection[k] || lagrangian.may_take(k, upper))
        .collect();
    let Some((small, old)) = task.restrict(&keep) else {
        raise_floor(&mut ascended.floor, |_| true, upper);
        return Ok((proven_best(best), ascended));
    };
    // A plan cheaper than the incumbent takes only candidates of `small`.
    let mut in_small = vec![false; task.len()];
    for &k in &old {
        in_small[k] = true;
    }
    raise_floor_outside(&mut ascended.floor, &in_small, upper, &lagrangian);
    if cover::applies(&small) {
        let seed_selection: Vec<bool> = old.iter().map(|&k| best.selection[k]).collect();
        let seed = incumbent_of(&small, Aim::AllGoals, &seed_selection);
        let found = cover::solve(&small, &seed, deadline, COVER_NODES, effort);
        // A plan cheaper than the incumbent, less what it can do without, takes only
        // candidates of `small`, so the best of `small`, proven, is the optimum.
        let mut selection = vec![false; task.len()];
        for (new, &k) in old.iter().enumerate() {
            selection[k] = found.selection[new];
        }
        if found.proven {
            let value = found.value;
            return Ok((proven_best(Incumbent { selection, value }), ascended));
        }
        // Stopped early, it may still have found a better plan for the search to start from.
        if found.value < best.value {
            best = Incumbent {
                selection,
                value: found.value,
            };
            upper = best.value;
        }
    }

    // The parts share nothing, so they are searched side by side; their answers are added up
    // in part order, as one after the other would.
    let parts = small.split();
    let search_part = |p: usize| {
        let part = &parts[p];
        // Indices of the whole task for the part's candidates; `restrict` keeps every goal
        // in order, so the part's goal indices already are the whole task's.
        let candidates: Vec<usize> = part.candidates.iter().map(|&k| old[k]).collect();
        let seed_selection: Vec<bool> = candidates.iter().map(|&k| best.selection[k]).collect();
        let seed = incumbent_of(&part.task, Aim::AllGoals, &seed_selection);
        let zeros = vec![0.0; part.task.len()];
        let mut search = Search {
            task: &part.task,
            budgets: Budgets::default(),
            measures: CostsOf {
                cost: &zeros,
                hours: &zeros,
            },
            deadline,
            cuts: cuts_within(part, &candidates, task.len(), &lagrangian.cuts),
            effort: Effort::default(),
            node_limit: None,
        };
        let small = part.task.len() <= requirements::MAX_CANDIDATES;
        let branched = small
            .then(|| {
                requirements::solve(
                    &part.task,
                    &search.cuts,
                    &seed,
                    deadline,
                    &mut search.effort,
                )
            })
            .flatten();
        let found = match branched {
            Some(found) => found,
            None => search.run(Aim::AllGoals, seed)?,
        };
        Ok((candidates, found, search.effort))
    };
    // Parts small enough for the search over requirements take microseconds each, less than
    // starting a thread (75 us on the benchmark machine): searched one after the other, the
    // parts after an exclusion on 20,000 credentials at depth 6 took a third of the time.
    let searched = if (parts.iter()).all(|part| part.task.len() <= requirements::MAX_CANDIDATES) {
        (0..parts.len()).map(search_part).collect()
    } else {
        in_parallel(parts.len(), search_part)
    };
    let mut selection = vec![false; task.len()];
    let (mut value, mut parts_bound, mut proven) = (0.0, 0.0, true);
    for part in searched {
        let (candidates, found, spent) = part?;
        effort.nodes += spent.nodes;
        effort.rounds += spent.rounds;
        value += found.value;
        parts_bound += found.bound;
        proven &= found.proven;
        for (new, &k) in candidates.iter().enumerate() {
            selection[k] = found.selection[new];
        }
    }
    let bound = lagrangian.bound.max(parts_bound.min(upper));
    let found = if value < upper - slack(upper) {
        Found {
            selection,
            value,
            bound,
            proven,
        }
    } else {
        Found {
            selection: best.selection,
            value: best.value,
            bound,
            proven,
        }
    };
    Ok((found, ascended))
}

/// Raises the floor of every candidate outside `small`: no plan cheaper than `upper` takes it,
/// and one within the task the ascent ended with pays the ascent's bound and the candidate's
/// least extra, while one that takes a candidate the ascent dropped pays that one's floor.
fn raise_floor_outside(floor: &mut [f64], small: &[bool], upper: f64, lagrangian: &Lagrangian) {
    let earlier = least_dropped(floor);
    for (k, floor) in floor.iter_mut().enumerate() {
        if !small[k] {
            let proven = lagrangian.bound + lagrangian.least_extra[k].max(0.0);
            *floor = floor.max(dropped_floor(upper, proven, earlier));
        }
    }
}

/// Raises to `value` the floor of every candidate `k` for which `applies(k)`.
fn raise_floor(floor: &mut [f64], applies: impl Fn(usize) -> bool, value: f64) {
    for (k, floor) in floor.iter_mut().enumerate() {
        if applies(k) {
            *floor = floor.max(value);
        }
    }
}

/// The cuts (over the whole task of `whole` candidates) that concern `part`, in its indices.
/// A cut holds for every plan of the whole task, so it holds for the plans inside the part,
/// with the members the part does not have left out.
fn cuts_within(part: &Part, candidates: &[usize], whole: usize, cuts: &[Cut]) -> Vec<Cut> {
    let local = new_indices(candidates, whole);
    let local_goal = |g: usize| part.goals.iter().position(|&pg| pg == g);
    cuts.iter()
        .filter_map(|cut| {
            let mut cut = cut.within(&local)?;
            if let Trigger::Goal(g) = cut.trigger {
                cut.trigger = Trigger::Goal(local_goal(g)?);
            }
            Some(cut)
        })
        .collect()
}
