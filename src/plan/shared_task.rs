//! The task of every role a ranking plans, built once: each role's task is cut from it, and
//! each role's greedy plan read off best supporters found once over it.
//!
//! Ranking plans every role with one person, objective and set of constraints. Building each
//! role's task from the catalog walked 20,000 credentials per role (relevance, dominance, the
//! candidates' preconditions), a third of ranking 1,000 roles; and the best-supporter Dijkstra
//! over each role's task was a fifth. Neither depends much on the role:
//! - A credential relevant to a role is relevant to some role, and whatever can meet a need of
//!   a relevant credential is relevant too; so a role's task is the shared task's achievers of
//!   the role's goals, closed backwards under supports.
//! - A credential dominated in the shared task is dominated for the role too: it is relevant to
//!   the role for a skill level it grants (one named as a prerequisite is never swapped out),
//!   and its dominator grants that level too, so it is relevant to the role as well.
//! - A credential's cheapest way in is the same whichever role it serves.

use std::collections::BTreeSet;

use crate::catalog::{Catalog, Level, SkillIdx};
use crate::plan::PlanRequest;
use crate::plan::gap;
use crate::plan::relaxed::Supporters;
use crate::plan::solve::{Reached, coverable_goals};
use crate::plan::task::Task;

pub(crate) struct SharedTask {
    /// Every (skill, level) some role's coverable gap asks for, ascending.
    wanted: Vec<(SkillIdx, Level)>,
    /// The task of all of them: its goals are those of `wanted` that some plan within the
    /// constraints can reach, in the same order.
    task: Task,
    supporters: Supporters,
}

impl SharedTask {
    /// For the requests of every role of `catalog` that differ from `request` only in role.
    pub fn of(catalog: &Catalog, request: &PlanRequest, reached: &Reached) -> Self {
        let mut wanted: BTreeSet<(SkillIdx, Level)> = BTreeSet::new();
        for role in 0..catalog.roles.len() {
            let gap = gap(catalog, role, &request.person);
            let goals = coverable_goals(&gap, &reached.everything);
            wanted.extend(goals.into_iter().map(|(skill, need, _)| (skill, need)));
        }
        let wanted: Vec<(SkillIdx, Level)> = wanted.into_iter().collect();
        let weighted: Vec<(SkillIdx, Level, f64)> = wanted
            .iter()
            .map(|&(skill, need)| (skill, need, 1.0))
            .collect();
        let task = Task::build(catalog, request, &weighted, reached);
        let supporters = Supporters::compute(&task);
        SharedTask {
            wanted,
            task,
            supporters,
        }
    }

    /// The task of the goals `wanted` (skill, need, weight), with each of its candidates'
    /// index in the shared task; `None` when some goal is not one the shared task was built
    /// for.
    pub fn task_for(&self, wanted: &[(SkillIdx, Level, f64)]) -> Option<(Task, Vec<usize>)> {
        let mut goals = Vec::with_capacity(wanted.len());
        let mut weights = Vec::with_capacity(wanted.len());
        for &(skill, need, weight) in wanted {
            self.wanted.binary_search(&(skill, need)).ok()?;
            // A goal no plan within the constraints can reach is not set, as building the
            // role's own task would not set it.
            let goal = self
                .task
                .goals
                .binary_search_by(|g| (g.skill, g.need).cmp(&(skill, need)));
            if let Ok(g) = goal {
                goals.push(g);
                weights.push(weight);
            }
        }
        let (mut task, in_shared) = self.task.for_goals(&goals);
        for (goal, weight) in task.goals.iter_mut().zip(weights) {
            goal.weight = weight;
        }
        Some((task, in_shared))
    }

    /// The greedy plan of `role_task` (from [`SharedTask::task_for`], with `in_shared`)
    /// reaching its `goals`: for each, its achiever of least cost with that achiever's best
    /// supporters, as the role's own Dijkstra would choose them (ties aside).
    pub fn selection(&self, role_task: &Task, in_shared: &[usize], goals: &[usize]) -> Vec<bool> {
        let mut taken = vec![false; self.task.len()];
        for &g in goals {
            let achievers = role_task.goals[g].achievers.iter().map(|&k| in_shared[k]);
            if let Some(s) = self.supporters.cheapest(achievers) {
                self.supporters
                    .select_with_supports(&self.task, s, &mut taken);
            }
        }
        in_shared.iter().map(|&s| taken[s]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::milp::Aim;
    use crate::plan::rank::fixtures::catalog_and_people;
    use crate::plan::solve::incumbent_of;

    /// Every role's task cut from the shared task sets the goals the role's own task sets,
    /// with their weights, and the greedy plan read off the shared supporters can be scheduled
    /// and reaches each of them, whoever the person is.
    #[test]
    fn each_role_s_task_and_greedy_plan_come_from_the_shared_task() {
        let (catalog, people) = catalog_and_people();
        for person in people {
            let request = PlanRequest::new(0, person.clone());
            let reached = Reached::of(&catalog, &person).expect("a person of this catalog");
            let shared = SharedTask::of(&catalog, &request, &reached);
            for role in 0..catalog.roles.len() {
                let request = PlanRequest::new(role, person.clone());
                let gap = gap(&catalog, role, &person);
                let wanted = coverable_goals(&gap, &reached.everything);
                let own = Task::build(&catalog, &request, &wanted, &reached);
                let (task, in_shared) = shared.task_for(&wanted).expect("a goal of some role");
                let goals_of = |task: &Task| -> Vec<(SkillIdx, Level, f64)> {
                    let goals = task.goals.iter();
                    goals.map(|g| (g.skill, g.need, g.weight)).collect()
                };
                assert_eq!(goals_of(&task), goals_of(&own), "role {role}");
                let goals: Vec<usize> = (0..task.goals.len()).collect();
                let selection = shared.selection(&task, &in_shared, &goals);
                let found = incumbent_of(&task, Aim::AllGoals, &selection);
                assert!(found.value.is_finite(), "role {role}: no plan");
            }
        }
    }
}
