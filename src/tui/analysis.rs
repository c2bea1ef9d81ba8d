//! Everything the screens show about the current profile, computed once per change: the
//! resolved profile, current skill levels, the target role's fit and its plan.

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, Level, RoleIdx};
use crate::plan::{self, Plan};
use crate::profile::{Profile, Resolved};
use crate::tui::planner;

/// The target role's plan, or why there is none.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The profile names no target role (or one the catalog lacks).
    NoTarget,
    Planned(Box<Plan>),
    /// The planner failed; the message says why.
    Failed(String),
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
}

impl Analysis {
    pub fn of(catalog: &Catalog, profile: Profile) -> Self {
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
            Some(role) => match planner::solve(
                catalog,
                &profile,
                &resolved,
                role,
                planner::TARGET_TIME_LIMIT,
            ) {
                Ok(plan) => Outcome::Planned(Box::new(plan)),
                Err(error) => Outcome::Failed(error.to_string()),
            },
        };
        Self {
            profile,
            resolved,
            levels,
            reachable: reach.levels,
            fit,
            outcome,
        }
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
