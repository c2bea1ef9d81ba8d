//! From a set of credentials that closes a gap to the pathway a person reads: ordered,
//! verified by replaying it, scheduled week by week, with its objective value and whatever
//! coverable gap skill it leaves open.

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::plan::task::objective_weight;
use crate::plan::{
    GapItem, LeftOpen, Plan, PlanError, PlanRequest, SolveStats, Step, Totals, Uncoverable,
    schedule,
};

pub(crate) struct Pathway {
    pub steps: Vec<Step>,
    pub totals: Totals,
    /// The objective summed over the steps.
    pub value: f64,
    pub left_open: Vec<LeftOpen>,
}

impl Pathway {
    /// The pathway of `chosen` from `start` for `request`, whose gap is `gap`. Fails when
    /// `chosen` cannot be ordered or, replayed, does not bring every `closing` item to its
    /// level: a plan is never returned unchecked.
    pub fn of(
        catalog: &Catalog,
        request: &PlanRequest,
        start: &Reach,
        chosen: &[CredIdx],
        gap: &[GapItem],
        closing: &[GapItem],
        uncoverable: &[Uncoverable],
    ) -> Result<Self, PlanError> {
        let ordered = schedule::order(catalog, start, chosen)?;
        let end = schedule::verify(catalog, start, &ordered, closing)?;
        let (steps, totals) =
            schedule::schedule(catalog, start, &ordered, gap, request.hours_per_week);
        let value = ordered
            .iter()
            .map(|&c| objective_weight(catalog, request.objective, c))
            .sum();
        let left_open = gap
            .iter()
            .filter(|g| !uncoverable.iter().any(|u| u.skill == g.skill))
            .filter(|g| end.levels[g.skill] < g.need)
            .map(|g| LeftOpen {
                skill: g.skill,
                need: g.need,
                reached: end.levels[g.skill],
            })
            .collect();
        Ok(Pathway {
            steps,
            totals,
            value,
            left_open,
        })
    }

    /// The plan of this pathway for `request`, with its `gap` and what of it is
    /// `uncoverable`; proven `optimal` or with its `lower_bound`.
    pub fn into_plan(
        self,
        request: &PlanRequest,
        gap: Vec<GapItem>,
        uncoverable: Vec<Uncoverable>,
        optimal: bool,
        lower_bound: f64,
        stats: SolveStats,
    ) -> Plan {
        Plan {
            objective: request.objective,
            value: self.value,
            optimal,
            lower_bound,
            steps: self.steps,
            totals: self.totals,
            gap,
            uncoverable,
            left_open: self.left_open,
            stats,
        }
    }
}
