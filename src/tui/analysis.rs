//! Everything the screens show about the current profile, computed once per change: the
//! resolved profile, current skill levels, the target role's fit and its plan. The plan comes
//! from the planner later (see [`planner`](crate::tui::planner)); until then the analysis
//! says so.

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, Level, RoleIdx};
use crate::plan::{self, Plan, PlanRequest};
use crate::profile::{Profile, Resolved};
use crate::tui::planner;

/// The target role's plan, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The profile names no target role (or one the catalog lacks).
    NoTarget,
    /// The planner is working and there is no earlier plan worth showing meanwhile.
    Planning,
    Planned(Box<Plan>),
    /// The planner failed; the message says why.
    Failed(String),
}

/// How final the outcome shown is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Progress {
    /// Final for this profile.
    #[default]
    Settled,
    /// The plan shown is the previous profile's; this one's is being solved.
    Replanning,
    /// The plan shown is the best found so far; a longer solve may improve it or prove it.
    Proving,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Analysis {
    pub profile: Profile,
    pub resolved: Resolved,
    /// Each skill's current level: held levels lifted by completed credentials.
    pub levels: Vec<Level>,
    /// The highest level of each skill that taking every available credential reaches: a gap
    /// skill whose requirement is above it cannot be closed.
    pub reachable: Vec<Level>,
    /// Share of the target role's weighted requirement already met.
    pub fit: Option<f64>,
    pub outcome: Outcome,
    pub progress: Progress,
}

impl Analysis {
    /// Everything but the plan, which is [`Outcome::Planning`] when there is a target role.
    pub fn prepare(catalog: &Catalog, profile: Profile) -> Self {
        let resolved = profile.resolve(catalog);
        let levels = plan::current_levels(catalog, &resolved.person);
        let mut reach = Reach::start(
            catalog,
            &resolved.person.skills,
            resolved.person.done.iter().copied(),
        );
        let all: Vec<usize> = (0..catalog.credentials.len()).collect();
        reach.saturate(catalog, &all);
        let fit = resolved
            .role
            .map(|role| plan::fit(catalog, role, &resolved.person));
        let outcome = match resolved.role {
            None => Outcome::NoTarget,
            Some(_) => Outcome::Planning,
        };
        Self {
            profile,
            resolved,
            levels,
            reachable: reach.levels,
            fit,
            outcome,
            progress: Progress::Settled,
        }
    }

    /// What to ask the planner for the target role, if there is one.
    pub fn target_request(&self) -> Option<PlanRequest> {
        let role = self.resolved.role?;
        Some(planner::request(
            &self.profile,
            &self.resolved,
            role,
            planner::FULL_TIME_LIMIT,
        ))
    }

    /// Shows `previous`'s plan while this one is solved, when it is a plan of the same role on
    /// the same catalog: a plan that moves a little reads better than one that blinks away.
    pub fn replanning_from(mut self, previous: &Analysis) -> Self {
        let same_role = self.role().is_some() && self.role() == previous.role();
        if same_role && matches!(previous.outcome, Outcome::Planned(_)) {
            self.outcome = previous.outcome.clone();
            self.progress = Progress::Replanning;
        }
        self
    }

    /// This analysis with the planner's answer for the target role.
    pub fn with_plan(&self, plan: Result<Plan, String>, proving: bool) -> Self {
        Self {
            outcome: match plan {
                Ok(plan) => Outcome::Planned(Box::new(plan)),
                Err(error) => Outcome::Failed(error),
            },
            progress: if proving {
                Progress::Proving
            } else {
                Progress::Settled
            },
            ..self.clone()
        }
    }

    /// Whether an answer for the target role is still expected. A settled analysis ignores
    /// later answers, so a quick plan can never replace a proven one.
    pub fn awaits_plan(&self) -> bool {
        self.progress != Progress::Settled || self.outcome == Outcome::Planning
    }

    pub fn role(&self) -> Option<RoleIdx> {
        self.resolved.role
    }

    pub fn plan(&self) -> Option<&Plan> {
        match &self.outcome {
            Outcome::Planned(plan) => Some(plan),
            _ => None,
        }
    }

    pub fn level(&self, skill: usize) -> Level {
        self.levels.get(skill).copied().unwrap_or(0)
    }

    pub fn reachable(&self, skill: usize) -> Level {
        self.reachable.get(skill).copied().unwrap_or(0)
    }
}
