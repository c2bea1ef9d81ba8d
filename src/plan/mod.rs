//! Planning: the gap of a role for a person and the provably optimal pathway that closes it.
//! Knows nothing of the terminal.

mod alternatives;
mod calendar;
mod compare;
mod cover;
mod dominance;
mod every_goal;
pub mod export;
mod gap;
mod granule;
mod lagrange;
mod landmarks;
mod milp;
mod pathway;
mod pruned;
mod radix_queue;
mod rank;
mod relaxed;
mod request;
mod requirements;
mod result;
mod schedule;
mod search;
mod settled;
mod shared_task;
mod simulate;
mod solve;
mod supports;
mod task;
mod warm;

pub use alternatives::{Alternative, MAX_ALTERNATIVES, alternatives, covered_weight};
pub use calendar::{StudyDates, add_years, finish_date, iso_date, parse_iso_date, step_dates};
pub use compare::{
    PARETO_LIMIT, RoleComparison, RoleOption, SharedCredential, Tradeoff, compare_objectives,
    compare_roles,
};
pub use gap::{current_levels, fit, gap};
pub use rank::{RoleRank, rank_roles};
pub use request::*;
pub use result::*;
pub use solve::plan;
pub use warm::Replanner;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The request does not fit the catalog (an index out of range).
    #[error("{0}")]
    Request(String),
    /// The solver returned a selection that forward simulation rejects: a bug, never hidden.
    #[error("internal error: the plan failed verification: {0}")]
    Verification(String),
    #[error("internal error in the exact solver: {0}")]
    Solver(String),
}
