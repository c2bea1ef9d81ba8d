//! When the ascent does what: how its step size shrinks, how often it separates cuts,
//! repairs its incumbent, searches a small core exactly and narrows the task, and when it ends.
//! Each figure was tuned on the benchmark's generated families; the reasons are given here,
//! beside them.

/// The step size the ascent starts at, as a share of the gap between its aim and the bound:
/// a step of 1 would close that gap if the bound moved linearly. The ascent aims at the
/// incumbent, often several percent above the optimum, so twice that overshot, and on a large
/// task the bound fell away for dozens of steps before the step was first halved. Starting at
/// 1, with the same optima, the median solve over 240 instances a family fell 6-20% at 20,000
/// credentials and 7% at 5,000 x 6 (20,000 x 4 took 11% fewer instructions), and re-planning
/// after a level or exclusion edit on 20,000 credentials, or an exclusion on 5,000 x 6, took
/// 7-24% less time. Which instances end slowly moves with the step size: on seeds 0-11 the
/// slowest solve of 5,000 x 6 rose from 280 ms to 420-560 ms (a task reached the exact search
/// with several hundred candidates, where each round of cuts costs tens of milliseconds), while
/// on seeds 12-23 it fell from 215 to 130 ms and the sum of all 240 solves by a fifth.
pub(super) const FIRST_STEP_SCALE: f64 = 1.0;

/// The ascent stops once its step has been halved this far without a better bound: later
/// steps move the bound by fractions of a percent, not worth their time before the search.
pub(super) const MIN_STEP_SCALE: f64 = 1e-2;

/// Iterations between two rounds of cut separation.
pub(super) const SEPARATE_EVERY: usize = 5;

/// Steps before the first separation. Early multipliers are far from good, and cuts separated
/// from the whole task are large and slow every later step; after the first narrowings they
/// are smaller and aimed better (a fifth fewer instructions on 5,000 credentials at depth 6).
pub(super) const FIRST_SEPARATION: usize = 20;

/// Steps without real progress before the step size is halved: fewer stop the ascent before
/// the repairs have found a good incumbent.
pub(super) const PATIENCE: usize = 15;

/// Enough cuts to capture the loops of a large catalog; more would slow every ascent step.
pub(super) const MAX_CUTS: usize = 2_000;

/// The most members a separated cut may have. On a large task, a cut's members are either a
/// few dozen or a third of the task (every candidate that can start now in a cone that runs
/// through the catalog's deep loops). A cut that wide lifts the bound by next to nothing,
/// since some member always costs little, yet it weighs on every later step: on 20,000
/// credentials at depth 6 they made up a million row entries. Leaving them out (and the work
/// of finding them) took 15-24% off the 60 solves there, the slowest from 160 ms to 72-97.
pub(super) const WIDEST_CUT: usize = 500;

/// Whether the repair heuristic runs after this iteration: at doubling intervals, since the
/// multipliers move most early on and each repair costs as much as many ascent steps.
pub(super) fn repairs_after(iteration: usize) -> bool {
    iteration >= 15 && (iteration + 1).is_power_of_two()
}

/// Steps after which a large task whose incumbent is still far above the bound has its
/// incumbent sought by a small exact search ([`super::core::begin`]): after the first steps
/// the reduced costs point at the optimum's candidates, and a better incumbent found early
/// narrows the task for the remaining steps. Later than these, the ascent has mostly narrowed
/// the task already; a third search at step 128 cost more than it saved.
pub(super) const SEARCH_CORE_AFTER: [usize; 2] = [31, 63];

/// The step that takes in the plan of the small search begun after step `began`: the one
/// that looks at narrowing for the third time since. The search runs beside the ascent where a
/// core is free, and takes 0.5-4 ms on 5,000 credentials at depth 6, as long as 10 to 80
/// steps there. Taken in at the first look, the ascent mostly waited for it; at the third it is
/// mostly done, though two narrowings go without its plan. The benchmark's p95 on 5,000 x 6
/// fell from 16.7 to 14.9 ms (medians of 4 alternated runs); the other families were level.
/// Taken in at a fixed step, the plan changes the ascent's course in the same way whether the
/// search ran beside it or, on one core, before it.
pub(super) fn core_taken_in(began: usize) -> usize {
    (began / NARROW_EVERY + 3) * NARROW_EVERY - 1
}

/// How far above the bound (a share of its value) the incumbent must be for that search to
/// pay: closer, the ascent and the exact search settle it sooner.
pub(super) const CORE_GAP: f64 = 0.03;

/// Iterations between two looks at whether narrowing the task would pay. Looking every 5
/// steps while the task holds more than 2,000 candidates took 9-13% more instructions on
/// 5,000 x 6 and 16% more on 20,000 x 6: each look costs a chain reckoning over the whole
/// task, and the bound has seldom risen enough in 5 steps to drop a twentieth of it.
pub(super) const NARROW_EVERY: usize = 10;

/// The least share of the task a look must drop for the ascent to narrow it, as a divisor: a
/// fifth. Narrowing rebuilds the task, its rows and its cuts, which on a large task costs as
/// much as several steps, while dropping a twentieth saves only a twentieth of each step until
/// the next look. Against a twentieth, in callgrind instructions over 60 solves a family, with
/// the same optima: 500 x 2 -4.4%, 2,000 x 3 -2.2%, 5,000 x 6 -5.3% (its counts vary by up to
/// 5% between identical runs), 20,000 x 6 -3.5%, both families at depth 4 within half a
/// percent; level re-plans on 20,000 x 6 -2.4%. In four interleaved runs the sum of the 60
/// solves fell 7% on 5,000 x 6 and 2% on 20,000 x 6, though the slowest instance there (seed
/// 0, role 13) took 4 ms longer. A tenth and an eighth saved less (-2.4% and -2.5% on 20,000 x
/// 6), and a third cost 1% more.
pub(super) const NARROW_SHARE: usize = 5;

/// A task this large when the ascent's steps run out costs the exact search far more than
/// as many steps again. On 5,000 credentials at depth 6 the extra steps narrow such tasks
/// further first, and the benchmark's p95 fell from about 60 ms to 35 ms; smaller tasks stop
/// as before.
pub(super) const LARGE_TASK: usize = 1_000;

/// A task still larger than this when the ascent would end (its steps run out, or its step
/// size has shrunk away) goes on for [`RESTART_STEPS`] more steps at the first step size, at
/// most [`MAX_RESTARTS`] times. Handed to the exact search, a task of thousands of candidates
/// under a bound a few percent short costs it seconds: one of 20,000 x 6 hit the 2 s limit
/// when the ascent stalled with 5,000 candidates left, and finished in 100 ms going on. On
/// 5,000 x 6 the benchmark's p95 fell by about a millisecond.
pub(super) const HANDOFF: usize = 600;
pub(super) const RESTART_STEPS: usize = 100;
pub(super) const MAX_RESTARTS: usize = 3;

/// Whether an ascent about to end on a task of `len` candidates goes on, restarted: see
/// [`HANDOFF`].
pub(super) fn goes_on(len: usize, restarts: &mut usize, step_scale: &mut f64) -> bool {
    if len <= HANDOFF || *restarts == MAX_RESTARTS {
        return false;
    }
    *restarts += 1;
    *step_scale = FIRST_STEP_SCALE;
    true
}
