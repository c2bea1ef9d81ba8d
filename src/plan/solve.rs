//! `plan`: from a request to a verified, scheduled, provably optimal (or honestly bounded)
//! pathway. Budgets turn the question lexicographic: first the largest importance-weighted
//! share of the gap that fits, then the least objective among those.

use std::sync::Arc;
use std::time::Instant;

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx, Level, SkillIdx};
use crate::plan::every_goal::{LAGRANGIAN_ITERATIONS, close_every_goal};
use crate::plan::lagrange::Start;
use crate::plan::milp::{Aim, Budgets, CostsOf};
use crate::plan::pathway::Pathway;
use crate::plan::pruned::{Floored, Pruned, close_floored};
use crate::plan::relaxed::{Supporters, greedy_selection};
use crate::plan::search::{Found, Search, value_of};
use crate::plan::settled::Settled;
use crate::plan::shared_task::SharedTask;
use crate::plan::simulate::{Simulation, drop_redundant};
use crate::plan::task::Task;
use crate::plan::warm::{KnownReach, Memory, Multipliers};
use crate::plan::{GapItem, Person, Plan, PlanError, PlanRequest, SolveStats, Uncoverable, gap};

pub fn plan(catalog: &Catalog, request: &PlanRequest) -> Result<Plan, PlanError> {
    plan_from(catalog, request, None, None).map(|(plan, _)| plan)
}

/// A person's state, and everything reachable from it with every credential: the same for
/// every role, so ranking roles computes it once.
pub(crate) struct Reached {
    pub start: Reach,
    pub everything: Reach,
    /// Per credential, whether `everything` took it: what the person can still take with
    /// nothing excluded.
    pub takeable: Vec<bool>,
    /// The task of every role's goals, when the caller plans many roles with one objective and
    /// one set of constraints (those of every request it passes this with), to cut each
    /// role's task from.
    pub shared: Option<SharedTask>,
}

impl Reached {
    pub fn of(catalog: &Catalog, person: &Person) -> Result<Self, PlanError> {
        Self::after(catalog, person, None)
    }

    /// What `person` reaches, worked out from what a person reached in `earlier` (of the same
    /// catalog) when `person` starts with all that one did, as after a skill is raised, and
    /// otherwise from what the catalog offers a person who starts with nothing.
    pub fn after(
        catalog: &Catalog,
        person: &Person,
        earlier: Option<&Reached>,
    ) -> Result<Self, PlanError> {
        check_person(catalog, person)?;
        let start = Reach::start(catalog, &person.skills, person.done.iter().copied());
        let grown_from = earlier
            .filter(|earlier| start.includes(&earlier.start))
            .map_or_else(
                || catalog.reach_from_nothing(),
                |earlier| &earlier.everything,
            );
        let everything = grown_from.grown_to(catalog, &start);
        Ok(Reached {
            takeable: everything.taken_mask(),
            start,
            everything,
            shared: None,
        })
    }
}

/// [`plan`], starting from what an earlier solve knew, and returning what this one knows.
/// `reached`, when given, must be the request's person's.
pub(crate) fn plan_from(
    catalog: &Catalog,
    request: &PlanRequest,
    earlier: Option<&Memory>,
    reached: Option<&Reached>,
) -> Result<(Plan, Memory), PlanError> {
    let started = Instant::now();
    let deadline = started + request.time_limit;
    check_request(catalog, request)?;
    if let Some(earlier) = earlier
        && let Some(settled) = &earlier.settled
        && let Some((plan, chosen)) = settled.follow(catalog, request, started)
    {
        let memory = Memory {
            settled: Settled::of(catalog, request, &plan, &chosen),
            plan: chosen,
            multipliers: earlier.multipliers.clone(),
            reach: earlier.reach_of(catalog, &request.person).cloned(),
            learned: earlier.learned.clone(),
            // It still holds: this request only takes more away.
            pruned: earlier.pruned.clone(),
        };
        return Ok((plan, memory));
    }
    let person = &request.person;
    let gap = gap(catalog, request.role, person);
    // What the earlier solve's person could reach, when it was this person.
    let remembered = earlier.and_then(|e| e.reach_of(catalog, person));
    let mut known = None;
    let reached = match reached {
        Some(reached) => reached,
        None => {
            let reach = match remembered {
                Some(reach) => reach.clone(),
                None => {
                    let before = earlier.and_then(|e| e.reached_in(catalog));
                    let reached = Reached::after(catalog, person, before)?;
                    KnownReach::new(catalog, person, Arc::new(reached))
                }
            };
            &*known.insert(reach).reached
        }
    };
    let (start, everything) = (&reached.start, &reached.everything);
    let uncoverable: Vec<Uncoverable> = gap
        .iter()
        .filter(|g| everything.levels[g.skill] < g.need)
        .map(|g| Uncoverable {
            skill: g.skill,
            need: g.need,
            best_available: everything.levels[g.skill],
        })
        .collect();
    let wanted = coverable_goals(&gap, everything);

    // What building the earlier task learned checks itself against this catalog and person.
    let earlier_learned = earlier.map(|e| &*e.learned);
    let shared = reached.shared.as_ref();
    let from_shared = shared.and_then(|shared| shared.task_for(&wanted));
    // After an exclusion, what the earlier task holds of the plans cheaper than the earlier
    // plan mended, and what its pruning proved about them.
    let floored = earlier
        .filter(|_| from_shared.is_none())
        .and_then(|earlier| {
            let pruned = earlier.pruned.as_ref()?;
            let verdicts = &earlier.learned.verdicts;
            let floored =
                pruned.after_exclusion(catalog, request, start, verdicts, &earlier.plan)?;
            Some((floored, pruned))
        });
    let (task, learned, in_shared, mut floored) = match (from_shared, floored) {
        // What a build learns is remembered for re-planning one role, which never starts from
        // these.
        (Some((task, in_shared)), _) => (task, Arc::default(), Some(in_shared), None),
        (None, Some((Floored { task, known }, pruned))) => {
            let learned = earlier.map(|e| Arc::clone(&e.learned)).unwrap_or_default();
            (task, learned, None, Some((known, pruned)))
        }
        (None, None) => {
            let (task, learned) =
                Task::build_with(catalog, request, &wanted, reached, earlier_learned);
            (task, Arc::new(learned), None, None)
        }
    };
    let flat = catalog.flat();
    let cost: Vec<f64> = task.candidates.iter().map(|&c| flat.cost[c]).collect();
    let hours: Vec<f64> = task.candidates.iter().map(|&c| flat.hours[c]).collect();
    let budgets = Budgets {
        cost: request.constraints.budget_cost,
        hours: request.constraints.budget_hours,
    };
    let mut search = Search {
        task: &task,
        budgets,
        measures: CostsOf {
            cost: &cost,
            hours: &hours,
        },
        deadline,
        cuts: Vec::new(),
        effort: Default::default(),
        node_limit: None,
    };
    let all_goals: Vec<usize> = (0..task.goals.len()).collect();

    let mut multipliers = Multipliers::default();
    let mut ascent = None;
    let (found, lexicographic_proven) = if budgets == Budgets::default() {
        let greedy = |mut selection: Vec<bool>| {
            drop_redundant(&task, &mut selection, &all_goals);
            incumbent_of(&task, Aim::AllGoals, &selection)
        };
        // The last solve's plan, mended where the edit broke it, is usually near the new
        // optimum; a greedy plan from scratch would cost a best-supporter search over the whole
        // task again (a quarter of re-planning on 20,000 credentials) to do no better.
        let remembered = match &floored {
            Some((known, _)) => Some(known.incumbent.clone()),
            None => earlier.map(|earlier| {
                incumbent_of(&task, Aim::AllGoals, &earlier.selection(&task, &all_goals))
            }),
        }
        .filter(|found| found.value.is_finite());
        let incumbent = remembered
            .or_else(|| {
                let (shared, in_shared) = shared.zip(in_shared.as_deref())?;
                Some(greedy(shared.selection(&task, in_shared, &all_goals)))
            })
            .filter(|found| found.value.is_finite())
            .unwrap_or_else(|| {
                let supporters = Supporters::compute(&task);
                greedy(greedy_selection(&task, &supporters, &all_goals))
            });
        let effort = &mut search.effort;
        let (found, mut ascended) = match &mut floored {
            Some((known, pruned)) => {
                // What was proved moves into the search: nothing after it asks for it.
                let proved = std::mem::take(&mut known.proved);
                close_floored(&task, proved, pruned, incumbent, deadline, effort)?
            }
            _ => {
                let start = Start {
                    multipliers: earlier.map(|e| &e.multipliers),
                    cuts: Vec::new(),
                };
                let steps = LAGRANGIAN_ITERATIONS;
                close_every_goal(&task, incumbent, start, steps, deadline, effort)?
            }
        };
        multipliers = std::mem::take(&mut ascended.multipliers);
        ascent = Some(ascended);
        (found, true)
    } else {
        let coverage = search.run(
            Aim::MostCoverage,
            budget_greedy(&task, &Supporters::compute(&task), budgets, &cost, &hours),
        )?;
        let total: f64 = task.goals.iter().map(|g| g.weight).sum();
        let aim = if -coverage.value >= total - 1e-9 {
            Aim::AllGoals
        } else {
            Aim::CoverageAtLeast(-coverage.value)
        };
        let second = incumbent_of(&task, aim, &coverage.selection);
        (search.run(aim, second)?, coverage.proven)
    };

    let mut selection = found.selection;
    let reached: Vec<usize> = {
        let sim = Simulation::run(&task, &selection);
        (0..task.goals.len())
            .filter(|&g| sim.reaches(&task, g))
            .collect()
    };
    drop_redundant(&task, &mut selection, &reached);
    let chosen: Vec<CredIdx> = (0..task.len())
        .filter(|&k| selection[k])
        .map(|k| task.candidates[k])
        .collect();
    let closing: Vec<_> = gap
        .iter()
        .copied()
        .filter(|g| reached.iter().any(|&r| task.goals[r].skill == g.skill))
        .collect();
    let pathway = Pathway::of(
        catalog,
        request,
        start,
        &chosen,
        &gap,
        &closing,
        &uncoverable,
    )?;
    let value = pathway.value;
    let optimal = found.proven && lexicographic_proven;
    let lower_bound = if optimal {
        value
    } else if lexicographic_proven {
        found.bound.clamp(0.0, value)
    } else {
        0.0
    };
    let stats = SolveStats {
        solve_ms: started.elapsed().as_secs_f64() * 1e3,
        nodes: search.effort.nodes,
        rounds: search.effort.rounds,
        candidates: task.len(),
    };
    let plan = pathway.into_plan(request, gap, uncoverable, optimal, lower_bound, stats);
    let memory = Memory {
        settled: Settled::of(catalog, request, &plan, &chosen),
        plan: chosen,
        multipliers,
        reach: known,
        learned,
        pruned: ascent.map(|ascended| match floored {
            Some((known, pruned)) => pruned.after_search(request, &known.within, ascended),
            None => Pruned::new(catalog, request, Arc::new(task), ascended),
        }),
    };
    Ok((plan, memory))
}

/// The goals the planner sets: the gap skills some plan from this catalog can close, each
/// as (skill, need, weight).
pub(crate) fn coverable_goals(gap: &[GapItem], everything: &Reach) -> Vec<(SkillIdx, Level, f64)> {
    gap.iter()
        .filter(|g| everything.levels[g.skill] >= g.need)
        .map(|g| (g.skill, g.need, f64::from(g.importance)))
        .collect()
}

/// A request naming indices outside the catalog is a caller's bug, reported instead of a panic.
pub(crate) fn check_request(catalog: &Catalog, request: &PlanRequest) -> Result<(), PlanError> {
    let bad_exclusion = request
        .constraints
        .exclude
        .iter()
        .any(|&c| c >= catalog.credentials.len());
    if request.role >= catalog.roles.len() || bad_exclusion {
        return Err(out_of_range());
    }
    check_person(catalog, &request.person)
}

fn check_person(catalog: &Catalog, person: &Person) -> Result<(), PlanError> {
    let bad_skill = person
        .skills
        .iter()
        .any(|&(s, _)| s >= catalog.skills.len());
    let bad_done = person.done.iter().any(|&c| c >= catalog.credentials.len());
    if bad_skill || bad_done {
        return Err(out_of_range());
    }
    Ok(())
}

fn out_of_range() -> PlanError {
    PlanError::Request(
        "the request names a role, skill or credential the catalog does not have".into(),
    )
}

/// A valid selection as a starting incumbent for `aim`, measured by simulation.
pub(crate) fn incumbent_of(task: &Task, aim: Aim, selection: &[bool]) -> Found {
    let sim = Simulation::run(task, selection);
    let value = value_of(task, aim, &sim).unwrap_or(f64::INFINITY);
    Found {
        selection: sim.taken,
        value,
        bound: f64::NEG_INFINITY,
        proven: false,
    }
}

/// Goals by importance, each added with its cheapest supports while the budgets allow.
fn budget_greedy(
    task: &Task,
    supporters: &Supporters,
    budgets: Budgets,
    cost: &[f64],
    hours: &[f64],
) -> Found {
    let mut goals: Vec<usize> = (0..task.goals.len()).collect();
    goals.sort_by(|&a, &b| {
        task.goals[b]
            .weight
            .total_cmp(&task.goals[a].weight)
            .then(a.cmp(&b))
    });
    let mut selection = vec![false; task.len()];
    for g in goals {
        let Some(k) = supporters.best_achiever(task, g) else {
            continue;
        };
        let mut trial = selection.clone();
        supporters.select_with_supports(task, k, &mut trial);
        let spent =
            |per: &[f64]| -> f64 { (0..task.len()).filter(|&i| trial[i]).map(|i| per[i]).sum() };
        if budgets.cost.is_none_or(|b| spent(cost) <= b + 1e-9)
            && budgets.hours.is_none_or(|b| spent(hours) <= b + 1e-9)
        {
            selection = trial;
        }
    }
    incumbent_of(task, Aim::MostCoverage, &selection)
}
