//! The one place the TUI asks the planner for anything. A screen never solves: the app turns
//! what it needs into a [`Job`], which either runs at once ([`solve_now`], for tests and
//! benchmarks) or goes to the background [`Worker`](crate::tui::worker::Worker), and the answer
//! comes back as [`Msg::PlanReady`](crate::tui::Msg::PlanReady).

use std::sync::Arc;
use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use time::Date;

use crate::plan::{
    self, Alternative, Constraints, Objective, Person, Plan, PlanRequest, Replanner,
    RoleComparison, RoleRank, Tradeoff,
};
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
    /// The target role beside up to two others, for the Compare screen. The request's own
    /// role is ignored; `roles` are planned in order, with study starting on `start`.
    CompareRoles {
        base: PlanRequest,
        roles: Vec<RoleIdx>,
        start: Date,
    },
    /// The target role's fastest, cheapest and fewest-credentials plans.
    Tradeoff(PlanRequest),
    /// The next-best plans to `best`, for the handover report.
    Alternatives {
        request: PlanRequest,
        best: Box<Plan>,
    },
}

impl Task {
    /// Which kind of task, so a newer one of the same kind can replace a waiting one.
    pub fn kind(&self) -> TaskKind {
        match self {
            Task::Target(_) => TaskKind::Target,
            Task::Preview(_) => TaskKind::Preview,
            Task::Rank(_) => TaskKind::Rank,
            Task::CompareRoles { .. } => TaskKind::CompareRoles,
            Task::Tradeoff(_) => TaskKind::Tradeoff,
            Task::Alternatives { .. } => TaskKind::Alternatives,
        }
    }
}

/// Task kinds in the order a worker takes them: what the person waits for first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TaskKind {
    Target,
    Preview,
    Alternatives,
    CompareRoles,
    Tradeoff,
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
    RoleComparison(Result<RoleComparison, String>),
    Tradeoff(Result<Box<Tradeoff>, String>),
    /// A report can be written: the plan it is about and its alternatives.
    Alternatives {
        request: PlanRequest,
        best: Box<Plan>,
        alternatives: Result<Vec<Alternative>, String>,
    },
}

/// Runs `job` to the end on this thread: the target role with the full time limit.
pub fn solve_now(job: &Job) -> Solved {
    solve(job, FULL_TIME_LIMIT, &mut Replanner::new())
}

/// Runs `job`, giving the target role's plan `target_limit`. The target role is planned by
/// `replanner`, which starts from its last solve: a person edits one thing at a time.
pub fn solve(job: &Job, target_limit: Duration, replanner: &mut Replanner) -> Solved {
    let catalog = &job.catalog;
    let answer = match &job.task {
        Task::Target(request) => Answer::Target {
            plan: replanner
                .plan(catalog, &limited(request, target_limit))
                .map_err(|e| e.to_string()),
            proving: false,
        },
        Task::Preview(request) => Answer::Preview {
            role: request.role,
            plan: plan::plan(catalog, &limited(request, PREVIEW_TIME_LIMIT))
                .map_err(|e| e.to_string()),
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
        Task::CompareRoles { base, roles, start } => Answer::RoleComparison(
            plan::compare_roles(catalog, base, roles, *start).map_err(|e| e.to_string()),
        ),
        Task::Tradeoff(request) => {
            let tradeoff = plan::compare_objectives(catalog, request);
            Answer::Tradeoff(tradeoff.map(Box::new).map_err(|e| e.to_string()))
        }
        Task::Alternatives { request, best } => Answer::Alternatives {
            alternatives: plan::alternatives(catalog, request, best, plan::MAX_ALTERNATIVES)
                .map_err(|e| e.to_string()),
            request: request.clone(),
            best: best.clone(),
        },
    };
    Solved {
        generation: job.generation,
        answer,
    }
}

/// `request` with its solve cut off after `time_limit`.
fn limited(request: &PlanRequest, time_limit: Duration) -> PlanRequest {
    PlanRequest {
        time_limit,
        ..request.clone()
    }
}
