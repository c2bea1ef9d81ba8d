//! Dominated credentials: `c` is dominated by `d` when swapping `c` for `d` in any plan keeps
//! the plan valid and makes no measure worse. Removing dominated credentials keeps an optimum.

use crate::catalog::needs::Need;
use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx};
use crate::plan::PlanRequest;
use crate::plan::task::objective_weight;

/// Candidates dominated by another candidate, ascending. Among equals the lowest index stays.
/// `known`, when given, must be [`Dominators::of_all`] for the same person, objective and
/// constraints.
pub(crate) fn dominated_credentials(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    candidates: &[CredIdx],
    known: Option<&Dominators>,
) -> Vec<CredIdx> {
    // Being complete is a fact only the credential itself adds, so a credential another
    // candidate names as a prerequisite can never be swapped out.
    let mut named = vec![false; catalog.credentials.len()];
    for &c in candidates {
        for d in catalog.needs().named_by(c) {
            named[d] = true;
        }
    }
    let mut candidate = vec![false; catalog.credentials.len()];
    for &c in candidates {
        candidate[c] = true;
    }
    candidates
        .iter()
        .copied()
        .filter(|&c| !named[c])
        .filter(|&c| match known {
            Some(known) => known.of(c).iter().any(|&d| candidate[d]),
            None => dominators(catalog, request, start, c, |d| candidate[d])
                .next()
                .is_some(),
        })
        .collect()
}

/// For every credential, the credentials that dominate it, for one person, objective and set
/// of constraints: ranking roles plans every role with these, so it finds them once instead of
/// once per role.
pub(crate) struct Dominators {
    /// Credential `c`'s dominators are `of[first[c]..first[c + 1]]`.
    first: Vec<usize>,
    of: Vec<CredIdx>,
}

impl Dominators {
    pub fn of_all(catalog: &Catalog, request: &PlanRequest, start: &Reach) -> Self {
        let mut first = vec![0];
        let mut of = Vec::new();
        for c in 0..catalog.credentials.len() {
            of.extend(dominators(catalog, request, start, c, |_| true));
            first.push(of.len());
        }
        Dominators { first, of }
    }

    fn of(&self, c: CredIdx) -> &[CredIdx] {
        &self.of[self.first[c]..self.first[c + 1]]
    }
}

/// The credentials among those `allowed` that dominate `c`.
fn dominators<'a>(
    catalog: &'a Catalog,
    request: &'a PlanRequest,
    start: &'a Reach,
    c: CredIdx,
    allowed: impl Fn(CredIdx) -> bool + 'a,
) -> impl Iterator<Item = CredIdx> + 'a {
    let granting = catalog.granting();
    let key = move |c: CredIdx| (objective_weight(catalog, request.objective, c), c);
    let cred = &catalog.credentials[c];
    // Grants nothing the person lacks: any credential dominates it, but it may still be the
    // one that unlocks nothing; that is left to the solver.
    let rarest = cred
        .grants
        .iter()
        .filter(|(s, l)| *l > start.levels[*s])
        .min_by_key(|(s, _)| granting.of(*s).len())
        .copied();
    // A dominator grants that skill at `c`'s level or above.
    rarest
        .into_iter()
        .flat_map(move |(skill, level)| granting.at_least(skill, level))
        .filter(move |&d| {
            allowed(d) && d != c && key(d) < key(c) && dominates(catalog, request, start, d, c)
        })
}

/// Whether `d` can replace `c`: no worse on every measure the request looks at, grants at least
/// as much, and needs nothing that `c` does not need too. `d` is read from the catalog's flat
/// arrays: this is asked of many `d` for one `c`, whose own record stays in cache.
fn dominates(
    catalog: &Catalog,
    request: &PlanRequest,
    start: &Reach,
    d: CredIdx,
    c: CredIdx,
) -> bool {
    let (flat, needs) = (catalog.flat(), catalog.needs());
    let limits = &request.constraints;
    let measures_ok = objective_weight(catalog, request.objective, d)
        <= objective_weight(catalog, request.objective, c)
        && (limits.budget_cost.is_none() || flat.cost[d] <= flat.cost[c])
        && (limits.budget_hours.is_none() || flat.hours[d] <= flat.hours[c]);
    if !measures_ok {
        return false;
    }
    let grants_ok = flat
        .grants(c)
        .iter()
        .all(|&(s, l)| l <= start.levels[s] || flat.grant_of(d, s) >= l);
    if !grants_ok {
        return false;
    }
    let cc = &catalog.credentials[c];
    let c_needs = |p: CredIdx| cc.hard_prerequisites().any(|q| q == p);
    needs.of(d).iter().all(|&need| match need {
        Need::Done(p) => start.done[p] || c_needs(p),
        Need::AnyOf(first, end) => {
            let group = needs.group(first, end);
            group.iter().any(|&p| start.done[p] || c_needs(p))
                || cc
                    .requires_any
                    .iter()
                    .any(|cg| cg.iter().all(|p| group.contains(p)))
        }
        Need::Skill(s, l) => {
            l <= start.levels[s]
                || cc
                    .requires_skills
                    .iter()
                    .any(|&(cs, cl)| cs == s && cl >= l)
        }
    })
}
