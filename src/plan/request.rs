//! What the planner is asked: who the person is, what they aim at, and their constraints.

use std::collections::BTreeSet;
use std::time::Duration;

use crate::catalog::{CredIdx, Level, RoleIdx, SkillIdx};

/// A person's current state: skill levels and completed credentials.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Person {
    /// Skill -> level held (1..=5). Skills not listed are level 0.
    pub skills: Vec<(SkillIdx, Level)>,
    /// Completed credentials: their grants count as held, they satisfy prerequisites.
    pub done: BTreeSet<CredIdx>,
}

impl Person {
    pub fn level(&self, skill: SkillIdx) -> Level {
        self.skills
            .iter()
            .filter(|(s, _)| *s == skill)
            .map(|(_, l)| *l)
            .max()
            .unwrap_or(0)
    }
}

/// What a plan minimises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Objective {
    #[default]
    Hours,
    Cost,
    Count,
}

impl Objective {
    pub const ALL: [Objective; 3] = [Objective::Hours, Objective::Cost, Objective::Count];

    pub fn name(self) -> &'static str {
        match self {
            Objective::Hours => "hours",
            Objective::Cost => "cost",
            Objective::Count => "count",
        }
    }
}

impl std::str::FromStr for Objective {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "hours" => Ok(Objective::Hours),
            "cost" => Ok(Objective::Cost),
            "count" => Ok(Objective::Count),
            other => Err(format!(
                "unknown objective `{other}`: use hours, cost or count"
            )),
        }
    }
}

/// Limits a person sets on what a plan may use.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    pub exclude: BTreeSet<CredIdx>,
    pub exclude_providers: BTreeSet<String>,
    pub budget_cost: Option<f64>,
    pub budget_hours: Option<f64>,
}

/// The study pace a schedule accepts, in hours per week: below half an hour a week a pathway
/// runs for centuries, and a week has 168 hours.
pub const HOURS_PER_WEEK: std::ops::RangeInclusive<f64> = 0.5..=168.0;

/// Why `hours` cannot be a study pace, or None when it can. The message leaves the value out,
/// for the caller to quote as the person wrote it.
pub fn hours_per_week_problem(hours: f64) -> Option<&'static str> {
    (!HOURS_PER_WEEK.contains(&hours))
        .then_some("hours per week must be from 0.5 to 168 (a week has 168 hours)")
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanRequest {
    pub role: RoleIdx,
    pub person: Person,
    pub objective: Objective,
    pub constraints: Constraints,
    pub hours_per_week: f64,
    pub time_limit: Duration,
}

impl PlanRequest {
    pub fn new(role: RoleIdx, person: Person) -> Self {
        Self {
            role,
            person,
            objective: Objective::Hours,
            constraints: Constraints::default(),
            hours_per_week: 5.0,
            time_limit: Duration::from_millis(2000),
        }
    }
}
