//! What the Roles screen shows of the plan for the role under the cursor.

use crate::plan::Plan;

/// The plan of a role under the cursor, computed once per profile change.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Preview {
    Plan {
        hours: f64,
        cost: f64,
        credentials: usize,
        optimal: bool,
        lower_bound: f64,
        uncoverable: usize,
        gap: usize,
    },
    Failed(String),
}

impl Preview {
    pub(super) fn of(plan: &Plan) -> Self {
        Preview::Plan {
            hours: plan.totals.hours,
            cost: plan.totals.cost,
            credentials: plan.totals.credentials,
            optimal: plan.optimal,
            lower_bound: plan.lower_bound,
            uncoverable: plan.uncoverable.len(),
            gap: plan.gap.len(),
        }
    }
}
