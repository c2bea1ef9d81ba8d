//! Every role ranked by the optimal objective to close its gap for one person.

use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use crate::parallel::in_parallel;
use crate::plan::shared_task::SharedTask;
use crate::plan::solve::{Reached, plan_from};
use crate::plan::{Constraints, Objective, Person, PlanError, PlanRequest, fit};

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
/// `time_limit` applies to each role's solve. Roles are solved side by side, a thread per core.
pub fn rank_roles(
    catalog: &Catalog,
    person: &Person,
    objective: Objective,
    constraints: &Constraints,
    time_limit: Duration,
) -> Result<Vec<RoleRank>, PlanError> {
    let request_for = |role: RoleIdx| PlanRequest {
        objective,
        constraints: constraints.clone(),
        time_limit,
        ..PlanRequest::new(role, person.clone())
    };
    let mut reached = Reached::of(catalog, person)?;
    reached.shared = Some(SharedTask::of(catalog, &request_for(0), &reached));
    let rank_one = |role: RoleIdx| -> Result<RoleRank, PlanError> {
        let request = request_for(role);
        let (pathway, _) = plan_from(catalog, &request, None, Some(&reached))?;
        Ok(RoleRank {
            role,
            objective: pathway.value,
            fit: fit(catalog, role, person),
            gap_skills: pathway.gap.len(),
            uncoverable: pathway.uncoverable.len(),
            optimal: pathway.optimal,
        })
    };
    // The first error, by role, if any.
    let mut ranks = in_parallel(catalog.roles.len(), rank_one)
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    ranks.sort_by(|a, b| {
        (a.uncoverable > 0)
            .cmp(&(b.uncoverable > 0))
            .then(a.objective.total_cmp(&b.objective))
            .then(b.fit.total_cmp(&a.fit))
            .then(a.role.cmp(&b.role))
    });
    Ok(ranks)
}

/// What the tests of ranking plan for.
#[cfg(test)]
pub(crate) mod fixtures {
    use crate::catalog::Catalog;
    use crate::catalog::synthetic::{Spec, generate};
    use crate::plan::Person;

    /// A catalog of 600 credentials, and two people: one starting out, and one partway along
    /// its first role.
    pub(crate) fn catalog_and_people() -> (Catalog, [Person; 2]) {
        let catalog = generate(&Spec::sized(600, 3, 6, 7));
        let partway = Person {
            skills: catalog.roles[0]
                .requires
                .iter()
                .take(3)
                .map(|q| (q.skill, 1))
                .collect(),
            ..Person::default()
        };
        (catalog, [Person::default(), partway])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::plan;

    /// Ranking cuts each role's task from one task of every role's goals; each role's objective must still
    /// be the optimum that planning that role alone proves, for the cost objective and a
    /// person partway along too.
    #[test]
    fn each_rank_is_the_optimum_of_planning_that_role_alone() {
        let (catalog, people) = fixtures::catalog_and_people();
        // Excluding credentials leaves some without the credentials that dominate them.
        let excluding = Constraints {
            exclude: (0..catalog.credentials.len()).step_by(3).collect(),
            ..Constraints::default()
        };
        for (person, constraints) in people
            .iter()
            .flat_map(|p| [(p, Constraints::default()), (p, excluding.clone())])
        {
            for objective in [Objective::Hours, Objective::Cost] {
                let limit = Duration::from_secs(10);
                let ranks =
                    rank_roles(&catalog, person, objective, &constraints, limit).expect("ranks");
                assert_eq!(ranks.len(), catalog.roles.len());
                for rank in ranks {
                    let request = PlanRequest {
                        objective,
                        constraints: constraints.clone(),
                        time_limit: limit,
                        ..PlanRequest::new(rank.role, person.clone())
                    };
                    let alone = plan(&catalog, &request).expect("plan");
                    assert!(rank.optimal && alone.optimal);
                    assert_eq!(rank.uncoverable, alone.uncoverable.len());
                    assert!(
                        (rank.objective - alone.value).abs() < 1e-6,
                        "role {}: ranked {} but planned {}",
                        rank.role,
                        rank.objective,
                        alone.value
                    );
                }
            }
        }
    }
}
