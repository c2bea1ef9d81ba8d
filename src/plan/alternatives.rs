//! The next-best pathways: for a client who cannot take one credential of the best plan, the
//! optimal plan without it and what it costs more. Each alternative comes from the exact
//! planner with that one credential excluded, so it is optimal under its restriction.

use std::collections::BTreeSet;

use crate::catalog::{Catalog, CredIdx};
use crate::plan::{Plan, PlanError, PlanRequest, plan};

/// How many alternatives an advisor is shown by default: enough to choose, few enough to read.
pub const MAX_ALTERNATIVES: usize = 3;

/// The best plan when one credential of the best plan is ruled out.
#[derive(Debug, Clone, PartialEq)]
pub struct Alternative {
    /// The credential of the best plan this one avoids (excluded when it was planned).
    pub avoids: CredIdx,
    pub plan: Plan,
    /// Steps of the best plan this one does without (`avoids` among them), in the best
    /// plan's order.
    pub dropped: Vec<CredIdx>,
    /// Steps this one takes that the best plan does not, in this plan's order.
    pub added: Vec<CredIdx>,
    /// This plan's objective minus the best plan's (zero or more when both close as much).
    pub extra: f64,
}

/// Up to `limit` distinct alternatives to `best` (the plan of `request`): for each of its
/// steps, the optimal plan with that credential excluded too. Plans that close as much of the
/// gap as the best come first, then by objective; a plan with the same credentials as the
/// best or as an earlier alternative is left out.
pub fn alternatives(
    catalog: &Catalog,
    request: &PlanRequest,
    best: &Plan,
    limit: usize,
) -> Result<Vec<Alternative>, PlanError> {
    let best_set = credential_set(best);
    let mut seen = vec![best_set.clone()];
    let mut found = Vec::new();
    for step in &best.steps {
        let mut restricted = request.clone();
        restricted.constraints.exclude.insert(step.credential);
        let plan = plan(catalog, &restricted)?;
        let set = credential_set(&plan);
        if seen.contains(&set) {
            continue;
        }
        seen.push(set.clone());
        found.push(Alternative {
            avoids: step.credential,
            dropped: best
                .steps
                .iter()
                .map(|s| s.credential)
                .filter(|c| !set.contains(c))
                .collect(),
            added: plan
                .steps
                .iter()
                .map(|s| s.credential)
                .filter(|c| !best_set.contains(c))
                .collect(),
            extra: plan.value - best.value,
            plan,
        });
    }
    // Stable: equal alternatives keep the order of the steps they avoid.
    found.sort_by(|a, b| {
        covered_weight(&b.plan)
            .total_cmp(&covered_weight(&a.plan))
            .then(a.plan.value.total_cmp(&b.plan.value))
    });
    found.truncate(limit);
    Ok(found)
}

/// The importance-weighted share of the gap a plan closes: the measure the planner maximises
/// first under a budget, so plans are compared on it before their objective.
pub fn covered_weight(plan: &Plan) -> f64 {
    plan.gap
        .iter()
        .filter(|g| {
            !plan.uncoverable.iter().any(|u| u.skill == g.skill)
                && !plan.left_open.iter().any(|l| l.skill == g.skill)
        })
        .map(|g| f64::from(g.importance))
        .sum()
}

fn credential_set(plan: &Plan) -> BTreeSet<CredIdx> {
    plan.steps.iter().map(|s| s.credential).collect()
}
