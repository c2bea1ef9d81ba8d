//! Every role ranked by the optimal objective to close its gap for one person.

use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use crate::plan::{Constraints, Objective, Person, PlanError, PlanRequest, fit, plan};

#[derive(Debug, Clone, PartialEq)]
pub struct RoleRank {
    pub role: RoleIdx,
    /// The optimal objective to close the coverable gap.
    pub objective: f64,
    /// Share of the importance-weighted requirement already met, 0..=1.
    pub fit: f64,
    pub gap_skills: usize,
    pub uncoverable: usize,
    pub optimal: bool,
}

/// Roles nearest first: least objective, then best fit, then catalog order. A role with skills
/// no credential can close comes after every role that can be closed in full, whatever its
/// objective, because its objective only prices the part that can be closed.
/// `time_limit` applies to each role's solve.
pub fn rank_roles(
    catalog: &Catalog,
    person: &Person,
    objective: Objective,
    constraints: &Constraints,
    time_limit: Duration,
) -> Result<Vec<RoleRank>, PlanError> {
    let mut ranks = (0..catalog.roles.len())
        .map(|role| {
            let request = PlanRequest {
                objective,
                constraints: constraints.clone(),
                time_limit,
                ..PlanRequest::new(role, person.clone())
            };
            let pathway = plan(catalog, &request)?;
            Ok(RoleRank {
                role,
                objective: pathway.value,
                fit: fit(catalog, role, person),
                gap_skills: pathway.gap.len(),
                uncoverable: pathway.uncoverable.len(),
                optimal: pathway.optimal,
            })
        })
        .collect::<Result<Vec<_>, PlanError>>()?;
    ranks.sort_by(|a, b| {
        (a.uncoverable > 0)
            .cmp(&(b.uncoverable > 0))
            .then(a.objective.total_cmp(&b.objective))
            .then(b.fit.total_cmp(&a.fit))
            .then(a.role.cmp(&b.role))
    });
    Ok(ranks)
}
