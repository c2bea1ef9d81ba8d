//! What the planner answers: the ordered pathway, its totals, and what it leaves open.

use crate::catalog::{CredIdx, Level, SkillIdx};
use crate::plan::Objective;

/// One gap skill: a required skill below its required level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GapItem {
    pub skill: SkillIdx,
    pub have: Level,
    pub need: Level,
    pub importance: u8,
}

/// A gap skill no plan from this catalog can close, with the best level any plan reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Uncoverable {
    pub skill: SkillIdx,
    pub need: Level,
    pub best_available: Level,
}

/// A coverable gap skill that this plan leaves open because of the person's constraints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LeftOpen {
    pub skill: SkillIdx,
    pub need: Level,
    pub reached: Level,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub credential: CredIdx,
    /// 1-based week in which the step starts and ends, at the requested hours per week.
    pub start_week: u32,
    pub end_week: u32,
    /// Gap skills this step brings to their required level.
    pub closes: Vec<SkillIdx>,
    /// Later steps that need this one (as a prerequisite credential, any-of choice or skill).
    pub enables: Vec<CredIdx>,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Totals {
    pub hours: f64,
    pub cost: f64,
    pub credentials: usize,
    pub weeks: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct SolveStats {
    pub solve_ms: f64,
    pub nodes: u64,
    /// Rounds of the landmark loop (each adds cuts that forbid an unschedulable selection).
    pub rounds: u32,
    /// Credentials left after pruning, the size of the exact model; 0 when the plan followed
    /// from a proven one before an edit, with no model at all.
    pub candidates: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    pub objective: Objective,
    /// The objective value of `steps`.
    pub value: f64,
    /// True only when `steps` is proven to have the minimum objective.
    pub optimal: bool,
    /// A proven lower bound on the optimum; equals `value` when optimal.
    pub lower_bound: f64,
    pub steps: Vec<Step>,
    pub totals: Totals,
    pub gap: Vec<GapItem>,
    pub uncoverable: Vec<Uncoverable>,
    pub left_open: Vec<LeftOpen>,
    pub stats: SolveStats,
}
