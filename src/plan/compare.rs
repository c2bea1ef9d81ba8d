//! Side-by-side answers for an advisor: two or three target roles for one person, and for one
//! role the trade-off between objectives (fastest, cheapest, fewest credentials, and the whole
//! Pareto set of hours against cost when it is small). Every plan comes from the exact planner.

use time::Date;

use crate::catalog::{Catalog, CredIdx, RoleIdx};
use crate::plan::alternatives::covered_weight;
use crate::plan::{GapItem, Objective, Plan, PlanError, PlanRequest, finish_date, fit, plan};

/// One role's column in a comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct RoleOption {
    pub role: RoleIdx,
    /// Share of the importance-weighted requirement already met, 0..=1.
    pub fit: f64,
    /// The gap, essential skills first: by importance, then by levels missing.
    pub gap: Vec<GapItem>,
    pub plan: Plan,
    /// The last day of study at the request's hours per week.
    pub finish: Date,
}

/// A credential on the pathways of two or more of the compared roles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SharedCredential {
    pub credential: CredIdx,
    /// The compared roles whose plan takes it, in comparison order.
    pub roles: Vec<RoleIdx>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoleComparison {
    /// In the order the roles were given.
    pub options: Vec<RoleOption>,
    /// On most pathways first, then in the order of the first plan that takes them.
    pub shared: Vec<SharedCredential>,
}

/// Plans each of `roles` for the person and settings of `base` (its `role` is ignored), with
/// study starting on `start`.
pub fn compare_roles(
    catalog: &Catalog,
    base: &PlanRequest,
    roles: &[RoleIdx],
    start: Date,
) -> Result<RoleComparison, PlanError> {
    let options = roles
        .iter()
        .map(|&role| {
            let request = PlanRequest {
                role,
                ..base.clone()
            };
            let plan = plan(catalog, &request)?;
            Ok(RoleOption {
                role,
                fit: fit(catalog, role, &base.person),
                gap: essential_first(&plan.gap),
                finish: finish_date(start, plan.totals.hours, base.hours_per_week),
                plan,
            })
        })
        .collect::<Result<Vec<_>, PlanError>>()?;
    let shared = shared_credentials(&options);
    Ok(RoleComparison { options, shared })
}

fn essential_first(gap: &[GapItem]) -> Vec<GapItem> {
    let mut gap = gap.to_vec();
    gap.sort_by(|a, b| {
        b.importance
            .cmp(&a.importance)
            .then((b.need - b.have).cmp(&(a.need - a.have)))
    });
    gap
}

fn shared_credentials(options: &[RoleOption]) -> Vec<SharedCredential> {
    let mut shared: Vec<SharedCredential> = Vec::new();
    for option in options {
        for step in &option.plan.steps {
            if shared.iter().any(|s| s.credential == step.credential) {
                continue;
            }
            let roles: Vec<RoleIdx> = options
                .iter()
                .filter(|o| o.plan.steps.iter().any(|s| s.credential == step.credential))
                .map(|o| o.role)
                .collect();
            if roles.len() >= 2 {
                shared.push(SharedCredential {
                    credential: step.credential,
                    roles,
                });
            }
        }
    }
    // Stable: ties keep first-seen order.
    shared.sort_by(|a, b| b.roles.len().cmp(&a.roles.len()));
    shared
}

/// The largest Pareto set listed in full; past it, only the three corner plans are shown.
pub const PARETO_LIMIT: usize = 6;

/// One role's pathways under each objective.
#[derive(Debug, Clone, PartialEq)]
pub struct Tradeoff {
    /// Fewest hours; the cheapest of those.
    pub fastest: Plan,
    /// Least cost; the fastest of those.
    pub cheapest: Plan,
    /// Fewest credentials.
    pub fewest: Plan,
    /// Every plan no other plan beats on both hours and cost, fastest first, when there are at
    /// most [`PARETO_LIMIT`]; None when there are more.
    pub frontier: Option<Vec<Plan>>,
    /// True when every plan above was proven optimal, so the frontier is exact.
    pub proven: bool,
}

/// Half a cent: two costs closer than this are the same price, so "cheaper than" means at
/// least a cent less.
const COST_STEP: f64 = 0.005;
/// Hours in a catalog are far coarser than this.
const HOURS_SLACK: f64 = 1e-6;

/// The fastest, cheapest and fewest-credentials plans for `base` (its objective is ignored),
/// and the Pareto set of hours against cost when it is small. The user's own budgets and
/// exclusions still apply; every plan closes as much of the gap as the fastest does.
///
/// The frontier is computed exactly: from the fastest plan, repeatedly the fastest plan that
/// costs less than the last point (the planner treats budgets exactly), made the cheapest of
/// equally fast plans, until no cheaper plan closes as much.
pub fn compare_objectives(catalog: &Catalog, base: &PlanRequest) -> Result<Tradeoff, PlanError> {
    let planner = Planner { catalog, base };
    let fastest_first = planner.solve(Objective::Hours, None, None)?;
    let target = covered_weight(&fastest_first);
    let mut proven = fastest_first.optimal;
    let fastest = planner.cheapest_within_hours(fastest_first, target, &mut proven)?;

    let mut frontier = vec![fastest.clone()];
    let mut complete = false;
    while frontier.len() <= PARETO_LIMIT {
        let last_cost = frontier[frontier.len() - 1].totals.cost;
        let below = last_cost - COST_STEP;
        if below < 0.0 {
            complete = true;
            break;
        }
        let next = planner.solve(Objective::Hours, Some(below), None)?;
        if covered_weight(&next) < target - 1e-9 {
            complete = true;
            break;
        }
        proven &= next.optimal;
        frontier.push(planner.cheapest_within_hours(next, target, &mut proven)?);
    }

    let cheapest = if complete {
        frontier[frontier.len() - 1].clone()
    } else {
        let first = planner.solve(Objective::Cost, None, None)?;
        proven &= first.optimal;
        planner.fastest_within_cost(first, target, &mut proven)?
    };
    let fewest = planner.solve(Objective::Count, None, None)?;
    proven &= fewest.optimal;
    Ok(Tradeoff {
        fastest,
        cheapest,
        fewest,
        frontier: complete.then_some(frontier),
        proven,
    })
}

/// Solves `base` under another objective and tighter budgets.
struct Planner<'a> {
    catalog: &'a Catalog,
    base: &'a PlanRequest,
}

impl Planner<'_> {
    fn solve(
        &self,
        objective: Objective,
        budget_cost: Option<f64>,
        budget_hours: Option<f64>,
    ) -> Result<Plan, PlanError> {
        let mut request = self.base.clone();
        request.objective = objective;
        let constraints = &mut request.constraints;
        constraints.budget_cost = tighter(constraints.budget_cost, budget_cost);
        constraints.budget_hours = tighter(constraints.budget_hours, budget_hours);
        plan(self.catalog, &request)
    }

    /// The cheapest plan as fast as `plan` that closes as much; `plan` itself if none is.
    fn cheapest_within_hours(
        &self,
        plan: Plan,
        target: f64,
        proven: &mut bool,
    ) -> Result<Plan, PlanError> {
        let limit = plan.totals.hours + HOURS_SLACK;
        let refined = self.solve(Objective::Cost, None, Some(limit))?;
        Ok(self.better(plan, refined, target, proven, |p| p.totals.cost))
    }

    /// The fastest plan as cheap as `plan` that closes as much; `plan` itself if none is.
    fn fastest_within_cost(
        &self,
        plan: Plan,
        target: f64,
        proven: &mut bool,
    ) -> Result<Plan, PlanError> {
        let limit = plan.totals.cost + COST_STEP;
        let refined = self.solve(Objective::Hours, Some(limit), None)?;
        Ok(self.better(plan, refined, target, proven, |p| p.totals.hours))
    }

    fn better(
        &self,
        plan: Plan,
        refined: Plan,
        target: f64,
        proven: &mut bool,
        measure: impl Fn(&Plan) -> f64,
    ) -> Plan {
        *proven &= refined.optimal;
        if covered_weight(&refined) >= target - 1e-9 && measure(&refined) < measure(&plan) {
            refined
        } else {
            plan
        }
    }
}

fn tighter(own: Option<f64>, extra: Option<f64>) -> Option<f64> {
    match (own, extra) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
