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
use relaxed_choice::Relaxed;
use repair::repair;
use rows::Rows;
use schedule::{
    CORE_GAP, FIRST_SEPARATION, FIRST_STEP_SCALE, LARGE_TASK, MAX_CUTS, MIN_STEP_SCALE,
    NARROW_EVERY, PATIENCE, RESTART_STEPS, SEARCH_CORE_AFTER, SEPARATE_EVERY, WIDEST_CUT,
    core_taken_in, goes_on, repairs_after,
};

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
    /// the incumbent's value when narrowing dropped it, minus infinity if it never did. Such a
    /// plan cheaper than that incumbent would have been in the narrowed task.
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

/// Where an ascent starts: an earlier solve's multipliers, where they know the rows, and cuts
/// that hold for every plan of the task, each with its multiplier.
#[derive(Debug, Default)]
pub(crate) struct Start<'m> {
    pub multipliers: Option<&'m Multipliers>,
    pub cuts: Vec<(Cut, f64)>,
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
    let mut narrowed = Narrowed::whole(whole);
    let (first_cuts, cut_multipliers): (Vec<Cut>, Vec<f64>) = start.cuts.into_iter().unzip();
    narrowed.cuts = first_cuts;
    let mut rows = Rows::of(whole, &narrowed.cuts);
    // What the rows held before the last narrowing, kept for the memory of the next.
    let mut spare_rows = Rows::default();
    let mut u = first_multipliers(whole, &rows, best.value, start.multipliers);
    for (c, multiplier) in cut_multipliers.into_iter().enumerate() {
        u[rows.cut_row(c)] = multiplier.max(0.0);
    }
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
    let mut counted = Vec::new();
    // The rows the relaxed choice does not meet exactly, with how far it is off: the others
    // keep their multipliers.
    let mut violation: Vec<(usize, f64)> = Vec::new();
    // The multipliers of the whole task, kept at its first narrowing for the next solve: an
    // edit changes the whole task only a little, while the later multipliers, fitted to a
    // narrowed task, price the candidates it dropped as bargains (started from those, the
    // next solve's bound was no better than from scratch).
    let mut whole_multipliers: Option<Multipliers> = None;
    let mut floor = vec![f64::NEG_INFINITY; whole.len()];
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
            // Rebuilding the rows costs about one step, so a few dropped candidates are not
            // worth it.
            if keep.iter().filter(|&&k| !k).count() * 20 >= keep.len() {
                if whole_multipliers.is_none() {
                    whole_multipliers = Some(Multipliers::record(
                        &narrowed.task,
                        |k, j| u[rows.support_row(k, j)],
                        |g| u[rows.goal_row(g)],
                    ));
                }
                let before = narrowed.whole.clone();
                let Some(moved) = narrowed.narrow(&keep) else {
                    let multipliers = whole_multipliers.unwrap_or_default();
                    return no_cheaper_plan(whole, best, granule, multipliers);
                };
                for k in moved.dropped(before.len()) {
                    floor[before[k]] = best.value;
                }
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
        // Subgradient: how far each row is from being met by the relaxed choice, projected
        // so that multipliers at zero are not pushed below it.
        rows.count_wide(taken, &mut counted);
        violation.clear();
        let mut norm = 0.0;
        let mut visit = |r: usize, owed: f64| {
            let ur = u[r];
            if owed == 0.0 && ur == 0.0 {
                // Met whatever its members do, and its multiplier cannot go below zero.
                return;
            }
            let g = f64::from(rows.met(r, take, &counted)) - owed;
            if g != 0.0 {
                violation.push((r, g));
            }
            if g < 0.0 || ur > 0.0 {
                norm += g * g;
            }
        };
        // Every goal and cut row; the support rows of the candidates taken; and the other
        // support rows above zero. The rest are support rows of candidates not taken, at
        // zero, which stay there.
        let first_wide = rows.goal_row(0);
        for r in first_wide..rows.len() {
            visit(
                r,
                rows.trigger[r].map_or(1.0, |t| f64::from(u8::from(take[t]))),
            );
        }
        for &k in taken {
            for r in rows.support_rows(k) {
                visit(r, 1.0);
            }
        }
        for &r in active.rows() {
            if r < first_wide && rows.trigger[r].is_some_and(|t| !take[t]) {
                visit(r, 0.0);
            }
        }
        let separate = iteration >= FIRST_SEPARATION
            && (norm == 0.0 || iteration % SEPARATE_EVERY == SEPARATE_EVERY - 1);
        if separate && narrowed.cuts.len() < MAX_CUTS {
            let sim = Simulation::run(task, take);
            let mut cuts = sim.landmark_cuts_except(task, WIDEST_CUT, &mut wide_sets);
            if cuts.is_empty() && norm == 0.0 {
                // The relaxed choice meets every row but cannot be scheduled: without a wide
                // cut, the ascent would stop here.
                cuts = sim.landmark_cuts(task, usize::MAX);
            }
            for cut in cuts {
                if known_cuts.insert(cut.clone()) {
                    // A new row is broken by the relaxed choice (its trigger is taken, or it
                    // is a goal's, and none of its members are), which the step must see.
                    violation.push((rows.len(), -1.0));
                    rows.push_cut(&cut);
                    u.push(0.0);
                    norm += 1.0;
                    narrowed.cuts.push(cut);
                }
            }
        }
        if norm == 0.0 {
            break; // the relaxed choice meets every row at these multipliers: the bound is exact
        }
        let step = step_scale * (step_target - value).max(slack(step_target)) / norm;
        for &(r, g) in &violation {
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
    let last_multipliers = Multipliers::record(
        task,
        |k, j| u[rows.support_row(k, j)],
        |g| u[rows.goal_row(g)],
    );
    let mut searched = vec![false; whole.len()];
    for &k in &narrowed.whole {
        searched[k] = true;
    }
    Lagrangian {
        bound,
        least_extra: least_extra_whole,
        cuts: narrowed.cuts_in_whole(),
        cut_multipliers: (0..narrowed.cuts.len())
            .map(|c| u[rows.cut_row(c)])
            .collect(),
        searched,
        multipliers: whole_multipliers.unwrap_or_else(|| last_multipliers.clone()),
        last_multipliers,
        floor,
        granule,
    }
}

/// The ascent's first multipliers: a goal's row at its cheapest achiever's weight (capped by
/// the incumbent's value), support rows at zero, unless `start` remembers them.
fn first_multipliers(
    whole: &Task,
    rows: &Rows,
    incumbent: f64,
    start: Option<&Multipliers>,
) -> Vec<f64> {
    let cheapest = |members: &[usize]| {
        members
            .iter()
            .map(|&k| whole.weight[k])
            .fold(f64::INFINITY, f64::min)
    };
    let mut u = vec![0.0; rows.len()];
    for (g, goal) in whole.goals.iter().enumerate() {
        let remembered = start.and_then(|s| s.goal(whole, g));
        u[rows.goal_row(g)] = remembered
            .unwrap_or_else(|| cheapest(&goal.achievers).min(incumbent))
            .max(0.0);
    }
    if let Some(start) = start {
        for k in 0..whole.len() {
            for j in 0..whole.supports.count(k) {
                u[rows.support_row(k, j)] = start.support(whole, k, j);
            }
        }
    }
    u
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
