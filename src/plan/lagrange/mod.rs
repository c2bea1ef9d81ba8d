//! A Lagrangian lower bound by subgradient ascent, the credentials it proves useless, and the
//! plans its multipliers suggest.
//!
//! Relaxing every row of the model ("one of this support before that candidate", "one achiever
//! of this goal") with multipliers `u >= 0` leaves a problem that splits per candidate: take it
//! exactly when its reduced cost is negative. Any `u` gives a valid lower bound, and a plan that
//! takes candidate `k` costs at least the bound plus `k`'s positive reduced cost, and those of
//! the chains of candidates before and after it ([`chain`]), so every candidate whose sum
//! exceeds a known plan's value can be dropped before the exact search.
//!
//! Relax-and-cut: now and then the relaxed choice is simulated, and where it cannot be
//! scheduled (support that runs in a loop) or misses a goal, the landmark cuts that forbid it
//! join the relaxed rows. The closure rows alone allow loops of mutual support, and on catalogs
//! with many of them the cuts lift the bound by several percent; they are valid for every
//! plan, so they also seed the exact search.
//!
//! The same reduced costs price candidates for a repair heuristic: what the relaxation wants
//! is nearly free, the rest costs its weight, and the cheapest schedulable cover under those
//! prices is often a better plan than the plain greedy one. A better plan tightens the step
//! size of the ascent and the reduced-cost test both.

mod active;
mod chain;
mod core;
mod narrow;
mod relaxed_choice;
mod repair;
mod rows;
mod schedule;
mod start;
mod subgradient;

use std::time::Instant;

use rustc_hash::FxHashSet;

use crate::plan::granule::Granule;
use crate::plan::milp::Cut;
use crate::plan::simulate::{Simulation, WideSets};
use crate::plan::task::Task;
use crate::plan::warm::Multipliers;
use active::Active;
use chain::least_extra;
use narrow::Narrowed;
pub(crate) use narrow::{dropped_floor, least_dropped};
use relaxed_choice::Relaxed;
use repair::repair;
use rows::Rows;
use schedule::{
    CORE_GAP, FIRST_SEPARATION, FIRST_STEP_SCALE, LARGE_TASK, MAX_CUTS, MIN_STEP_SCALE,
    NARROW_EVERY, NARROW_SHARE, PATIENCE, RESTART_STEPS, SEARCH_CORE_AFTER, SEPARATE_EVERY,
    WIDEST_CUT, core_taken_in, goes_on, repairs_after,
};
pub(crate) use start::Start;
use subgradient::Subgradient;

/// What the ascent proved about the plans cheaper than the incumbent it ended with that need
/// all they take (the incumbent answers for every other plan, and a cheaper plan, less what it
/// can do without, is one of those).
pub(crate) struct Lagrangian {
    /// A lower bound on those plans.
    pub bound: f64,
    /// Per candidate, a lower bound on how much more than `bound` such a plan taking it costs
    /// (see [`chain`]), at the multipliers that gave `bound`; infinite for a candidate the
    /// ascent dropped as in none of those plans.
    pub least_extra: Vec<f64>,
    /// Landmark cuts found on the way, valid for those plans.
    pub cuts: Vec<Cut>,
    /// The multiplier each of `cuts` ended with.
    pub cut_multipliers: Vec<f64>,
    /// Per candidate, whether it was in the task as the ascent left it: those plans take only
    /// these, and the cuts hold for every plan that does.
    pub searched: Vec<bool>,
    /// Multipliers for a later solve to start from: those of the whole task at the ascent's
    /// first narrowing, or those it ended with if it never narrowed.
    pub multipliers: Multipliers,
    /// The multipliers it ended with, fitted to the task as narrowed: a start for a later
    /// solve that begins from about that task (see [`crate::plan::pruned`]).
    pub last_multipliers: Multipliers,
    /// Per candidate, a floor on the plans that take it (and nothing they could do without):
    /// at least the incumbent's value when narrowing dropped it (see [`Narrowed::narrow`]),
    /// minus infinity if it never did.
    pub floor: Vec<f64>,
    granule: Granule,
}

impl Lagrangian {
    /// Whether a plan that takes candidate `k`, and nothing it could do without, can cost no
    /// more than `upper`.
    pub fn may_take(&self, k: usize, upper: f64) -> bool {
        may_take(self.granule, self.bound, self.least_extra[k], upper)
    }

    /// Whether no plan is cheaper than `upper`, a plan's value.
    pub fn proves(&self, upper: f64) -> bool {
        !self.granule.can_beat(self.bound, upper)
    }
}

/// Whether a plan taking a candidate that costs at least `extra` more than the Lagrangian
/// `bound` (its reduced cost, or more: see [`chain`]) can be cheaper than `upper`.
fn may_take(granule: Granule, bound: f64, extra: f64, upper: f64) -> bool {
    granule.can_beat(bound + extra.max(0.0), upper)
}

/// A schedulable selection reaching every goal, and its value.
#[derive(Debug, Clone)]
pub(crate) struct Incumbent {
    pub selection: Vec<bool>,
    pub value: f64,
}

/// Round-off allowance when comparing bounds with plan values.
pub(crate) fn slack(value: f64) -> f64 {
    1e-7 * value.abs().max(1.0)
}

/// Subgradient ascent for at most `iterations` steps (twice as many while the task stays
/// large, and more while it stays larger than [`schedule::HANDOFF`]), from `start`. `best` is
/// improved in place whenever the multipliers suggest a cheaper plan.
pub(crate) fn bound(
    whole: &Task,
    best: &mut Incumbent,
    start: Start,
    iterations: usize,
    deadline: Instant,
) -> Lagrangian {
    let granule = Granule::of(&whole.weight);
    let (first_cuts, mut rows, mut u) = start.first(whole, best.value);
    let mut narrowed = Narrowed::whole(whole, first_cuts);
    // What the rows held before the last narrowing, kept for the memory of the next.
    let mut spare_rows = Rows::default();
    let mut active = Active::of(&u);

    let mut bound = f64::NEG_INFINITY;
    let mut best_reduced = whole.weight.clone();
    let mut known_cuts: FxHashSet<Cut> = narrowed.cuts.iter().cloned().collect();
    let mut wide_sets = WideSets::default();
    let mut step_scale = FIRST_STEP_SCALE;
    // The value the step size aims at: the best plan of the greedy and the repairs, not one
    // the small exact search found. That search often finds the optimum early; aiming the
    // steps at it shrinks them, and where the bound stays well below the optimum the ascent
    // then stalls with a weak bound (one instance of 5,000 x 6 went from 22 nodes of exact
    // search to 325).
    let mut step_target = best.value;
    let mut since_improved = 0;
    let mut relaxed = Relaxed::default();
    let mut subgradient = Subgradient::default();
    // The multipliers of the whole task, kept at its first narrowing for the next solve: an
    // edit changes the whole task only a little, while the later multipliers, fitted to a
    // narrowed task, price the candidates it dropped as bargains (started from those, the
    // next solve's bound was no better than from scratch).
    let mut whole_multipliers: Option<Multipliers> = None;
    let mut restarts = 0;
    // The small exact search under way, if any, with the step that takes its plan in.
    let mut searching: Option<(usize, core::Pending)> = None;
    for iteration in 0.. {
        let steps = if narrowed.task.len() > LARGE_TASK {
            2 * iterations
        } else {
            iterations
        };
        if iteration >= steps + restarts * RESTART_STEPS
            && !goes_on(narrowed.task.len(), &mut restarts, &mut step_scale)
        {
            break;
        }
        let task = &narrowed.task;
        relaxed.solve(task, &rows, &u, active.rows());
        active.prune(&u);
        let (reduced, take, taken, value) = (
            &relaxed.reduced,
            &relaxed.take,
            &relaxed.taken,
            relaxed.value,
        );
        // Creeping up by crumbs is not progress: only a real gain keeps the step size.
        let progress = value > bound + 1e-4 * value.abs().max(1.0);
        if value > bound + slack(value) {
            bound = value;
            best_reduced.clone_from(reduced);
        }
        if progress {
            since_improved = 0;
        } else {
            since_improved += 1;
            if since_improved >= PATIENCE {
                step_scale /= 2.0;
                since_improved = 0;
            }
        }
        if repairs_after(iteration)
            && let Some(repaired) = repair(&narrowed, reduced, whole.len(), best)
        {
            step_target = step_target.min(repaired);
        }
        if SEARCH_CORE_AFTER.contains(&iteration)
            && narrowed.task.len() >= LARGE_TASK
            && best.value - bound > CORE_GAP * best.value
        {
            debug_assert!(searching.is_none(), "one small search at a time");
            searching = core::begin(&narrowed, reduced, whole.len(), best, deadline)
                .map(|pending| (core_taken_in(iteration), pending));
        }
        if let Some((_, pending)) = searching.take_if(|(at, _)| *at == iteration) {
            pending.finish(best);
        }
        if !granule.can_beat(bound, best.value) {
            break;
        }
        if step_scale < MIN_STEP_SCALE
            && !goes_on(narrowed.task.len(), &mut restarts, &mut step_scale)
        {
            break;
        }
        if (iteration + 1) % NARROW_EVERY == 0 {
            // A forced candidate is taken in every relaxed choice, its reduced cost already
            // in the bound.
            let extra = least_extra(&narrowed.task, &narrowed.cuts, &best_reduced);
            let keep: Vec<bool> = (0..narrowed.task.len())
                .map(|k| narrowed.task.forced[k] || may_take(granule, bound, extra[k], best.value))
                .collect();
            if keep.iter().filter(|&&k| !k).count() * NARROW_SHARE >= keep.len() {
                if whole_multipliers.is_none() {
                    whole_multipliers = Some(recorded(&narrowed.task, &rows, &u));
                }
                let proven: Vec<f64> = extra.iter().map(|&e| bound + e.max(0.0)).collect();
                let Some(moved) = narrowed.narrow(&keep, best.value, &proven) else {
                    let multipliers = whole_multipliers.unwrap_or_default();
                    return no_cheaper_plan(whole, best, granule, multipliers);
                };
                spare_rows.rebuild(&narrowed.task, &narrowed.cuts);
                u = moved.multipliers(&narrowed.task, &rows, &spare_rows, &u);
                active = Active::of(&u);
                relaxed.forget();
                std::mem::swap(&mut rows, &mut spare_rows);
                best_reduced = moved.per_candidate(&best_reduced);
                known_cuts = narrowed.cuts.iter().cloned().collect();
                wide_sets.forget();
                continue;
            }
        }
        let task = &narrowed.task;
        subgradient.of(&mut rows, &u, take, taken, &active);
        let separate = iteration >= FIRST_SEPARATION
            && (subgradient.norm == 0.0 || iteration % SEPARATE_EVERY == SEPARATE_EVERY - 1);
        if separate && narrowed.cuts.len() < MAX_CUTS {
            let sim = Simulation::run(task, take);
            let mut cuts = sim.landmark_cuts_except(task, WIDEST_CUT, &mut wide_sets);
            if cuts.is_empty() && subgradient.norm == 0.0 {
                // The relaxed choice meets every row but cannot be scheduled: without a wide
                // cut, the ascent would stop here.
                cuts = sim.landmark_cuts(task, usize::MAX);
            }
            for cut in cuts {
                if known_cuts.insert(cut.clone()) {
                    subgradient.broken(rows.len());
                    rows.push_cut(&cut);
                    u.push(0.0);
                    narrowed.cuts.push(cut);
                }
            }
        }
        if subgradient.norm == 0.0 {
            break; // the relaxed choice meets every row at these multipliers: the bound is exact
        }
        let step = step_scale * (step_target - value).max(slack(step_target)) / subgradient.norm;
        for &(r, g) in &subgradient.violation {
            u[r] = (u[r] - step * g).max(0.0);
            active.note(r, u[r]);
        }
    }
    if let Some((_, pending)) = searching {
        pending.finish(best);
    }
    repair(&narrowed, &best_reduced, whole.len(), best);
    let task = &narrowed.task;
    let mut least_extra_whole = vec![f64::INFINITY; whole.len()];
    for (k, extra) in least_extra(task, &narrowed.cuts, &best_reduced)
        .into_iter()
        .enumerate()
    {
        least_extra_whole[narrowed.whole[k]] = extra;
    }
    let last_multipliers = recorded(task, &rows, &u);
    Lagrangian {
        bound,
        least_extra: least_extra_whole,
        cuts: narrowed.cuts_in_whole(),
        cut_multipliers: (0..narrowed.cuts.len())
            .map(|c| u[rows.cut_row(c)])
            .collect(),
        searched: narrowed.searched(),
        multipliers: whole_multipliers.unwrap_or_else(|| last_multipliers.clone()),
        last_multipliers,
        floor: narrowed.floor,
        granule,
    }
}

/// The multipliers `u` of the support and goal rows `rows` of `task`, for a later solve.
fn recorded(task: &Task, rows: &Rows, u: &[f64]) -> Multipliers {
    Multipliers::record(
        task,
        |k, j| u[rows.support_row(k, j)],
        |g| u[rows.goal_row(g)],
    )
}

/// The answer when narrowing leaves no plan cheaper than the incumbent: it is optimal.
fn no_cheaper_plan(
    whole: &Task,
    best: &Incumbent,
    granule: Granule,
    multipliers: Multipliers,
) -> Lagrangian {
    Lagrangian {
        bound: best.value,
        least_extra: vec![f64::INFINITY; whole.len()],
        cuts: Vec::new(),
        cut_multipliers: Vec::new(),
        searched: vec![false; whole.len()],
        last_multipliers: multipliers.clone(),
        multipliers,
        // No plan is cheaper than the incumbent.
        floor: vec![best.value; whole.len()],
        granule,
    }
}
