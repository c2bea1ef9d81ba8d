//! Planning: the gap of a role for a person and the provably optimal pathway that closes it.
//! Knows nothing of the terminal.

mod gap;
mod request;
mod result;

pub use gap::{current_levels, fit, gap};
pub use request::*;
pub use result::*;

use crate::catalog::Catalog;

#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The solver returned a selection that forward simulation rejects: a bug, never hidden.
    #[error("internal error: the plan failed verification: {0}")]
    Verification(String),
    #[error("internal error in the exact solver: {0}")]
    Solver(String),
}

/// The plan of minimum objective that closes the role's gap for the person.
pub fn plan(catalog: &Catalog, request: &PlanRequest) -> Result<Plan, PlanError> {
    let _ = (catalog, request);
    Err(PlanError::Solver("the solver is being written".into()))
}
