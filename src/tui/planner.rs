//! The one place the TUI asks the planner for anything. A screen never solves: the app turns
//! what it needs into a [`Job`], which either runs at once ([`solve_now`], for tests and
//! benchmarks) or goes to the background [`Worker`](crate::tui::worker::Worker), and the answer
//! comes back as [`Msg::PlanReady`](crate::tui::Msg::PlanReady).

use std::sync::Arc;
use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use crate::plan::{self, Constraints, Objective, Person, Plan, PlanRequest, RoleRank};
use crate::profile::{Profile, Resolved};

/// The first solve of the target role after a change: short, so a plan (perhaps not yet
/// proven optimal) shows at once.
pub const QUICK_TIME_LIMIT: Duration = Duration::from_millis(30);
/// The solve that proves the target role's plan optimal, or gives up with its bound.
pub const FULL_TIME_LIMIT: Duration = Duration::from_millis(2000);
/// A preview of the role under the cursor on Roles.
pub const PREVIEW_TIME_LIMIT: Duration = Duration::from_millis(150);
/// Ranking solves every role: a bound per role keeps the whole ranking near two seconds on
/// the bundled catalog. Roles still unproven sort by their best plan found.
pub const RANK_TIME_LIMIT: Duration = Duration::from_millis(40);

/// The request for `role` from a resolved profile.
pub fn request(
    profile: &Profile,
    resolved: &Resolved,
    role: RoleIdx,
    time_limit: Duration,
) -> PlanRequest {
    PlanRequest {
        role,
        person: resolved.person.clone(),
        objective: profile.objective,
        constraints: resolved.constraints.clone(),
        hours_per_week: profile.hours_per_week,
        time_limit,
    }
}

/// What ranking every role needs.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRequest {
    pub person: Person,
    pub objective: Objective,
    pub constraints: Constraints,
}

impl RankRequest {
    pub fn of(profile: &Profile, resolved: &Resolved) -> Self {
        Self {
            person: resolved.person.clone(),
            objective: profile.objective,
            constraints: resolved.constraints.clone(),
        }
    }
}

/// What to solve.
#[derive(Debug, Clone, PartialEq)]
pub enum Task {
    /// The target role's plan: quickly first, then to a proof.
    Target(PlanRequest),
    /// The plan of another role, shown beside the Roles list.
    Preview(PlanRequest),
    /// Every role, nearest first.
    Rank(RankRequest),
}

impl Task {
    /// Which kind of task, so a newer one of the same kind can replace a waiting one.
    pub fn kind(&self) -> TaskKind {
        match self {
            Task::Target(_) => TaskKind::Target,
            Task::Preview(_) => TaskKind::Preview,
            Task::Rank(_) => TaskKind::Rank,
        }
    }
}

/// Task kinds in the order a worker takes them: the target's plan first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TaskKind {
    Target,
    Preview,
    Rank,
}

/// A task tagged with the state of the app it was asked for. `generation` counts the app's
/// profile and catalog changes: an answer for an older generation is stale and dropped.
#[derive(Debug, Clone)]
pub struct Job {
    pub generation: u64,
    pub catalog: Arc<Catalog>,
    pub task: Task,
}

/// A solved job, as it comes back to the app.
#[derive(Debug, Clone, PartialEq)]
pub struct Solved {
    pub generation: u64,
    pub answer: Answer,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    Target {
        plan: Result<Plan, String>,
        /// The plan is the best found so far and a longer solve is under way: a better plan
        /// or the proof follows.
        proving: bool,
    },
    Preview {
        role: RoleIdx,
        plan: Result<Plan, String>,
    },
    Ranking(Result<Vec<RoleRank>, String>),
}

/// Runs `job` to the end on this thread: the target role with the full time limit.
pub fn solve_now(job: &Job) -> Solved {
    solve(job, FULL_TIME_LIMIT)
}

/// Runs `job`, giving the target role's plan `target_limit`.
pub fn solve(job: &Job, target_limit: Duration) -> Solved {
    let catalog = &job.catalog;
    let answer = match &job.task {
        Task::Target(request) => Answer::Target {
            plan: solve_with_limit(catalog, request, target_limit),
            proving: false,
        },
        Task::Preview(request) => Answer::Preview {
            role: request.role,
            plan: solve_with_limit(catalog, request, PREVIEW_TIME_LIMIT),
        },
        Task::Rank(rank) => Answer::Ranking(
            plan::rank_roles(
                catalog,
                &rank.person,
                rank.objective,
                &rank.constraints,
                RANK_TIME_LIMIT,
            )
            .map_err(|e| e.to_string()),
        ),
    };
    Solved {
        generation: job.generation,
        answer,
    }
}

fn solve_with_limit(
    catalog: &Catalog,
    request: &PlanRequest,
    time_limit: Duration,
) -> Result<Plan, String> {
    let request = PlanRequest {
        time_limit,
        ..request.clone()
    };
    plan::plan(catalog, &request).map_err(|e| e.to_string())
}
