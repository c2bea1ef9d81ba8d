//! The one place the TUI asks the planner for anything. Keeping every solve behind these
//! functions means long solves can later move to a worker thread (showing the best plan so far
//! and its bound) without touching a screen.

use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use crate::plan::{self, Plan, PlanError, PlanRequest, RoleRank};
use crate::profile::{Profile, Resolved};

/// How long the plan of the target role may take before the best plan so far (and its bound)
/// is shown. Solves run on the UI thread, so this is also the longest a key can take.
pub const TARGET_TIME_LIMIT: Duration = Duration::from_millis(1000);
/// A preview of the role under the cursor must not hold up moving through the list.
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

/// Plans `role` for the profile.
pub fn solve(
    catalog: &Catalog,
    profile: &Profile,
    resolved: &Resolved,
    role: RoleIdx,
    time_limit: Duration,
) -> Result<Plan, PlanError> {
    plan::plan(catalog, &request(profile, resolved, role, time_limit))
}

/// Every role, nearest first (see [`plan::rank_roles`]).
pub fn rank_roles(
    catalog: &Catalog,
    profile: &Profile,
    resolved: &Resolved,
) -> Result<Vec<RoleRank>, PlanError> {
    plan::rank_roles(
        catalog,
        &resolved.person,
        profile.objective,
        &resolved.constraints,
        RANK_TIME_LIMIT,
    )
}
