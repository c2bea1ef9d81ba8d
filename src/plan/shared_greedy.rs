//! The greedy plan of every role a ranking plans, from best supporters found once.
//!
//! Best supporters (a Dijkstra over candidates, see [`Supporters`]) depend on the person, the
//! objective and the constraints, not on the role: a credential's cheapest way in is the same
//! whichever role it serves. Ranking plans every role with one person, objective and set of
//! constraints, and the Dijkstra over each role's task was a fifth of ranking 1,000 roles on
//! 20,000 credentials. So it runs once, over the task of every role's goals together, and each
//! role's greedy plan is read from it.
//!
//! A role's candidates are among that task's (what is relevant to the role is relevant to some
//! role), and so are the supports that matter: whatever can meet a need of a relevant credential
//! is relevant too. Where a role's task still differs (a credential one of its own dominates
//! there), the plan read off may lead outside it, and the role's own Dijkstra is run instead.

use std::collections::BTreeSet;

use crate::catalog::{Catalog, Level, SkillIdx};
use crate::plan::PlanRequest;
use crate::plan::gap;
use crate::plan::relaxed::Supporters;
use crate::plan::solve::{Reached, coverable_goals};
use crate::plan::task::Task;

pub(crate) struct SharedGreedy {
    /// The task of every role's coverable goals, each skill at each level some role lacks.
    task: Task,
    supporters: Supporters,
}

impl SharedGreedy {
    /// For the requests of every role of `catalog` that differ from `request` only in role.
    pub fn of(catalog: &Catalog, request: &PlanRequest, reached: &Reached) -> Self {
        let mut wanted: BTreeSet<(SkillIdx, Level)> = BTreeSet::new();
        for role in 0..catalog.roles.len() {
            let gap = gap(catalog, role, &request.person);
            let goals = coverable_goals(&gap, &reached.everything);
            wanted.extend(goals.into_iter().map(|(skill, need, _)| (skill, need)));
        }
        let wanted: Vec<(SkillIdx, Level, f64)> = wanted
            .into_iter()
            .map(|(skill, need)| (skill, need, 1.0))
            .collect();
        let task = Task::build(catalog, request, &wanted, reached);
        let supporters = Supporters::compute(&task);
        SharedGreedy { task, supporters }
    }

    /// The greedy plan of `role_task` reaching its `goals`: for each, its achiever of least
    /// cost with that achiever's best supporters, as the role's own Dijkstra would choose them
    /// (ties aside). `None` when the plan takes a credential `role_task` does not have.
    pub fn selection(&self, role_task: &Task, goals: &[usize]) -> Option<Vec<bool>> {
        let shared_index = |k: usize| self.task.candidates.binary_search(&role_task.candidates[k]);
        let mut taken = vec![false; self.task.len()];
        for &g in goals {
            let achievers = role_task.goals[g].achievers.iter();
            let shared = achievers.filter_map(|&k| shared_index(k).ok());
            if let Some(s) = self.supporters.cheapest(shared) {
                self.supporters
                    .select_with_supports(&self.task, s, &mut taken);
            }
        }
        let mut selection = vec![false; role_task.len()];
        for (s, _) in taken.iter().enumerate().filter(|(_, on)| **on) {
            let credential = self.task.candidates[s];
            let k = role_task.candidates.binary_search(&credential).ok()?;
            selection[k] = true;
        }
        Some(selection)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::dominance::Dominators;
    use crate::plan::milp::Aim;
    use crate::plan::rank::fixtures::catalog_and_people;
    use crate::plan::solve::incumbent_of;

    /// Every role's plan read off the shared supporters stays inside the role's own task, can
    /// be scheduled and reaches every goal: ranking never needs the role's own Dijkstra on a
    /// catalog without exclusions, whoever the person is.
    #[test]
    fn each_role_s_greedy_plan_is_read_off_the_shared_supporters() {
        let (catalog, people) = catalog_and_people();
        for person in people {
            let request = PlanRequest::new(0, person.clone());
            let mut reached = Reached::of(&catalog, &person).expect("a person of this catalog");
            reached.dominators = Some(Dominators::of_all(&catalog, &request, &reached.start));
            let shared = SharedGreedy::of(&catalog, &request, &reached);
            for role in 0..catalog.roles.len() {
                let request = PlanRequest::new(role, person.clone());
                let gap = gap(&catalog, role, &person);
                let wanted = coverable_goals(&gap, &reached.everything);
                let task = Task::build(&catalog, &request, &wanted, &reached);
                let goals: Vec<usize> = (0..task.goals.len()).collect();
                let selection = shared.selection(&task, &goals);
                let selection = selection.unwrap_or_else(|| panic!("role {role} left the task"));
                let found = incumbent_of(&task, Aim::AllGoals, &selection);
                assert!(found.value.is_finite(), "role {role}: no plan");
            }
        }
    }
}
