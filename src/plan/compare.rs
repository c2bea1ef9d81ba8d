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
        b.importance.cmp(&a.importance).then(
            b.need
                .saturating_sub(b.have)
                .cmp(&a.need.saturating_sub(a.have)),
        )
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
    shared.sort_by_key(|s| std::cmp::Reverse(s.roles.len()));
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
    /// Fewest credentials; of equally few, the fastest of the plans above when one is.
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
pub fn compare_objectives(catalog: &Catalog, base: &PlanRequest) -> Result<Tradeoff, PlanError> {
    let mut planner = Planner {
        catalog,
        base,
        target: 0.0,
        proven: true,
    };
    let first = planner.solve(Objective::Hours, None, None)?;
    planner.target = covered_weight(&first);
    let fastest = planner.cheapest_within_hours(first)?;
    let (frontier, complete) = planner.frontier(&fastest)?;
    let cheapest = match frontier.last() {
        Some(last) if complete => last.clone(),
        _ => {
            let first = planner.solve(Objective::Cost, None, None)?;
            planner.fastest_within_cost(first)?
        }
    };
    let known: Vec<&Plan> = frontier.iter().chain([&fastest, &cheapest]).collect();
    let fewest = planner.fewest_credentials(&known)?;
    Ok(Tradeoff {
        fastest,
        cheapest,
        fewest,
        frontier: complete.then_some(frontier),
        proven: planner.proven,
    })
}

/// Solves `base` under other objectives and tighter budgets, keeping track of whether every
/// answer was proven optimal.
struct Planner<'a> {
    catalog: &'a Catalog,
    base: &'a PlanRequest,
    /// The importance-weighted share of the gap every plan must close.
    target: f64,
    proven: bool,
}

impl Planner<'_> {
    fn solve(
        &mut self,
        objective: Objective,
        budget_cost: Option<f64>,
        budget_hours: Option<f64>,
    ) -> Result<Plan, PlanError> {
        let mut request = self.base.clone();
        request.objective = objective;
        let constraints = &mut request.constraints;
        constraints.budget_cost = tighter(constraints.budget_cost, budget_cost);
        constraints.budget_hours = tighter(constraints.budget_hours, budget_hours);
        let plan = plan(self.catalog, &request)?;
        self.proven &= plan.optimal;
        Ok(plan)
    }

    fn closes_target(&self, plan: &Plan) -> bool {
        covered_weight(plan) >= self.target - 1e-9
    }

    /// The Pareto set from `fastest`, and whether it is complete within [`PARETO_LIMIT`]:
    /// repeatedly the fastest plan that costs less than the last point (the planner treats
    /// budgets exactly), made the cheapest of equally fast plans, until no cheaper plan closes
    /// as much. An incomplete set holds one point more than the limit.
    fn frontier(&mut self, fastest: &Plan) -> Result<(Vec<Plan>, bool), PlanError> {
        let mut frontier = vec![fastest.clone()];
        while frontier.len() <= PARETO_LIMIT {
            let below = frontier[frontier.len() - 1].totals.cost - COST_STEP;
            if below < 0.0 {
                return Ok((frontier, true));
            }
            let next = self.solve(Objective::Hours, Some(below), None)?;
            if !self.closes_target(&next) {
                return Ok((frontier, true));
            }
            frontier.push(self.cheapest_within_hours(next)?);
        }
        Ok((frontier, false))
    }

    /// The fewest-credentials plan. The planner breaks ties in count arbitrarily; a `known`
    /// plan with as few credentials that is faster (or as fast and cheaper) is the better one
    /// to show, and is as proven.
    fn fewest_credentials(&mut self, known: &[&Plan]) -> Result<Plan, PlanError> {
        let fewest = self.solve(Objective::Count, None, None)?;
        let better = known
            .iter()
            .filter(|p| p.totals.credentials == fewest.totals.credentials && self.closes_target(p))
            .min_by(|a, b| by_hours_then_cost(a, b))
            .filter(|p| by_hours_then_cost(p, &fewest).is_lt());
        Ok(match better {
            Some(better) => Plan {
                objective: Objective::Count,
                value: fewest.value,
                lower_bound: fewest.lower_bound,
                optimal: fewest.optimal,
                ..(*better).clone()
            },
            None => fewest,
        })
    }

    /// The cheapest plan as fast as `plan` that closes as much; `plan` itself if none is.
    fn cheapest_within_hours(&mut self, plan: Plan) -> Result<Plan, PlanError> {
        let limit = plan.totals.hours + HOURS_SLACK;
        let refined = self.solve(Objective::Cost, None, Some(limit))?;
        Ok(self.better(plan, refined, |p| p.totals.cost))
    }

    /// The fastest plan as cheap as `plan` that closes as much; `plan` itself if none is.
    fn fastest_within_cost(&mut self, plan: Plan) -> Result<Plan, PlanError> {
        let limit = plan.totals.cost + COST_STEP;
        let refined = self.solve(Objective::Hours, Some(limit), None)?;
        Ok(self.better(plan, refined, |p| p.totals.hours))
    }

    fn better(&self, plan: Plan, refined: Plan, measure: impl Fn(&Plan) -> f64) -> Plan {
        if self.closes_target(&refined) && measure(&refined) < measure(&plan) {
            refined
        } else {
            plan
        }
    }
}

fn by_hours_then_cost(a: &Plan, b: &Plan) -> std::cmp::Ordering {
    a.totals
        .hours
        .total_cmp(&b.totals.hours)
        .then(a.totals.cost.total_cmp(&b.totals.cost))
}

fn tighter(own: Option<f64>, extra: Option<f64>) -> Option<f64> {
    match (own, extra) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}
