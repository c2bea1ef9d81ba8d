//! Answers that follow from a proven plan without a search. A person who marks the first
//! steps of a proven pathway as done, excludes credentials it does not take, or raises a skill
//! past no level anything asks for, asks a question whose answer is already known: the rest of
//! that pathway, still optimal.
//!
//! Why it is optimal. Let D be the credentials newly held, steps of the earlier plan that can
//! be taken one after another from the earlier start. Any plan P for the new request is, after
//! D, a plan for the earlier one: a credential held counts as taken, and new exclusions only take credentials away. So
//! the earlier optimum is at most w(D) + w(P). The earlier plan without D is a plan for the new
//! request (each step keeps its prerequisites, now met sooner, and no new exclusion touches
//! it) of exactly the earlier optimum less w(D): nothing beats it. A gap skill the earlier
//! constraints left open stays open, since D was within reach before and exclusions only
//! narrow what is. With a budget the question is lexicographic (coverage first) and none of
//! this holds, so budgets never settle.
//!
//! A skill level raised changes nothing a plan answers to when no credential asks for a level
//! it passes and the role needs that skill at a level already held before or still above the
//! new one: every step is allowed exactly where it was and every goal stands, so the plans and
//! their values are the same, and the argument above starts from there.

use std::collections::BTreeMap;
use std::time::Instant;

use crate::catalog::reach::Reach;
use crate::catalog::{Catalog, CredIdx, Level, RoleIdx, SkillIdx};
use crate::plan::pathway::Pathway;
use crate::plan::{Person, Plan, PlanRequest, SolveStats, Uncoverable, gap, schedule};

/// A proven optimal plan, and the request and catalog it answered.
#[derive(Debug, Clone)]
pub(crate) struct Settled {
    catalog: u64,
    request: PlanRequest,
    /// The plan's credentials.
    chosen: Vec<CredIdx>,
    uncoverable: Vec<Uncoverable>,
    /// Gap skills the constraints left open: they stay open after the edits this settles.
    left_open: Vec<SkillIdx>,
}

impl Settled {
    /// What `plan` (of the credentials `chosen`, for `request`) settles: nothing unless it is
    /// proven optimal and has no budget.
    pub fn of(
        catalog: &Catalog,
        request: &PlanRequest,
        plan: &Plan,
        chosen: &[CredIdx],
    ) -> Option<Self> {
        let constraints = &request.constraints;
        let budgeted = constraints.budget_cost.is_some() || constraints.budget_hours.is_some();
        (plan.optimal && !budgeted).then(|| Settled {
            catalog: catalog.generation(),
            request: request.clone(),
            chosen: chosen.to_vec(),
            uncoverable: plan.uncoverable.clone(),
            left_open: plan.left_open.iter().map(|open| open.skill).collect(),
        })
    }

    /// The proven plan for `request` (checked against `catalog`) and its credentials, when it
    /// follows from this one; None when it does not, or when the pathway fails its replay,
    /// and a search must answer.
    pub fn follow(
        &self,
        catalog: &Catalog,
        request: &PlanRequest,
        started: Instant,
    ) -> Option<(Plan, Vec<CredIdx>)> {
        let (earlier, now) = (&self.request, &request.person);
        let same_question = catalog.generation() == self.catalog
            && request.role == earlier.role
            && request.objective == earlier.objective
            && request.constraints.budget_cost.is_none()
            && request.constraints.budget_hours.is_none();
        let only_narrowed = earlier.person.done.is_subset(&now.done)
            && earlier
                .constraints
                .exclude
                .is_subset(&request.constraints.exclude)
            && (earlier.constraints.exclude_providers)
                .is_subset(&request.constraints.exclude_providers);
        if !same_question || !only_narrowed {
            return None;
        }
        let newly_held: Vec<CredIdx> = now.done.difference(&earlier.person.done).copied().collect();
        let held_from_the_start = newly_held.iter().all(|c| self.chosen.contains(c))
            && (newly_held.is_empty() || taken_in_turn(catalog, &earlier.person, &newly_held));
        let chosen: Vec<CredIdx> = self
            .chosen
            .iter()
            .copied()
            .filter(|c| !now.done.contains(c))
            .collect();
        let untouched = chosen.iter().all(|&c| {
            !request.constraints.exclude.contains(&c)
                && !(request.constraints.exclude_providers)
                    .contains(&catalog.credentials[c].provider)
        });
        if !held_from_the_start || !untouched {
            return None;
        }
        // Last, as it may read every credential's prerequisites.
        let raised = inert_raises(catalog, request.role, &earlier.person.skills, &now.skills)?;

        let start = Reach::start(catalog, &now.skills, now.done.iter().copied());
        let gap = gap(catalog, request.role, now);
        // A raised level may now be the best any plan reaches.
        let uncoverable: Vec<Uncoverable> = self
            .uncoverable
            .iter()
            .filter(|u| gap.iter().any(|g| g.skill == u.skill))
            .map(|&u| Uncoverable {
                best_available: u
                    .best_available
                    .max(raised.get(&u.skill).copied().unwrap_or(0)),
                ..u
            })
            .collect();
        let closing: Vec<_> = gap
            .iter()
            .copied()
            .filter(|g| !uncoverable.iter().any(|u| u.skill == g.skill))
            .filter(|g| !self.left_open.contains(&g.skill))
            .collect();
        let pathway = Pathway::of(
            catalog,
            request,
            &start,
            &chosen,
            &gap,
            &closing,
            &uncoverable,
        )
        .ok()?;
        let value = pathway.value;
        let stats = SolveStats {
            solve_ms: started.elapsed().as_secs_f64() * 1e3,
            nodes: 0,
            rounds: 0,
            candidates: 0,
        };
        let plan = pathway.into_plan(request, gap, uncoverable, true, value, stats);
        Some((plan, chosen))
    }
}

/// Whether `credentials` can be taken one after another from `person`'s start.
fn taken_in_turn(catalog: &Catalog, person: &Person, credentials: &[CredIdx]) -> bool {
    let start = Reach::start(catalog, &person.skills, person.done.iter().copied());
    schedule::order(catalog, &start, credentials).is_ok()
}

/// The skills raised from `earlier` to `now`, with their new levels, when none of the raises
/// changes what a plan for `role` answers to (see the module doc); None when one does, or when
/// a level is lowered.
fn inert_raises(
    catalog: &Catalog,
    role: RoleIdx,
    earlier: &[(SkillIdx, Level)],
    now: &[(SkillIdx, Level)],
) -> Option<BTreeMap<SkillIdx, Level>> {
    let levels = |skills: &[(SkillIdx, Level)]| {
        let mut held: BTreeMap<SkillIdx, Level> = BTreeMap::new();
        for &(skill, level) in skills {
            let entry = held.entry(skill).or_default();
            *entry = (*entry).max(level);
        }
        held
    };
    let (before, after) = (levels(earlier), levels(now));
    if before
        .iter()
        .any(|(skill, &level)| after.get(skill).copied().unwrap_or(0) < level)
    {
        return None;
    }
    let raised: BTreeMap<SkillIdx, Level> = after
        .into_iter()
        .filter(|(skill, level)| before.get(skill).copied().unwrap_or(0) < *level)
        .collect();
    if raised.is_empty() {
        return Some(raised);
    }
    // Each raise as (skill, from, to): a few at most, where the levels asked are thousands.
    let raises: Vec<(SkillIdx, Level, Level)> = raised
        .iter()
        .map(|(&skill, &to)| (skill, before.get(&skill).copied().unwrap_or(0), to))
        .collect();
    let passes = |skill: SkillIdx, level: Level| {
        raises
            .iter()
            .any(|&(raised, from, to)| raised == skill && from < level && level <= to)
    };
    let asked_for = catalog.roles[role]
        .requires
        .iter()
        .any(|q| passes(q.skill, q.level));
    let a_prerequisite = catalog
        .needs()
        .skill_levels()
        .any(|(skill, level)| passes(skill, level));
    (!asked_for && !a_prerequisite).then_some(raised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::synthetic::{Spec, generate};
    use crate::plan::solve::plan;

    /// A proven plan for the first role of a small generated catalog, with what it settles.
    fn proven(catalog: &Catalog) -> (PlanRequest, Plan, Settled) {
        let request = PlanRequest::new(0, Person::default());
        let plan = plan(catalog, &request).expect("plans");
        assert!(plan.optimal && plan.steps.len() >= 2);
        let chosen: Vec<CredIdx> = plan.steps.iter().map(|s| s.credential).collect();
        let settled = Settled::of(catalog, &request, &plan, &chosen).expect("settles");
        (request, plan, settled)
    }

    #[test]
    fn the_first_step_held_leaves_the_rest_of_the_plan() {
        let catalog = generate(&Spec::sized(300, 3, 6, 1));
        let (mut request, before, settled) = proven(&catalog);
        let first = before.steps[0].credential;
        request.person.done.insert(first);
        let (after, chosen) = settled
            .follow(&catalog, &request, Instant::now())
            .expect("settled");
        assert!(!chosen.contains(&first));
        assert_eq!(after.steps.len(), before.steps.len() - 1);
        assert_eq!(after.value, before.value - catalog.credentials[first].hours);
        assert!(after.optimal && after.lower_bound == after.value);
    }

    /// Level 1 of a skill that no credential asks for at level 1, and that the role needs
    /// higher or not at all, changes no plan; level 1 of one a credential asks for may.
    #[test]
    fn a_skill_raised_past_no_prerequisite_leaves_the_plan() {
        let catalog = generate(&Spec::sized(300, 3, 6, 1));
        let (request, before, settled) = proven(&catalog);
        let asked_at_1 = |skill: SkillIdx| {
            let by_credential = catalog
                .credentials
                .iter()
                .any(|c| c.requires_skills.contains(&(skill, 1)));
            let by_role = catalog.roles[request.role]
                .requires
                .iter()
                .any(|q| q.skill == skill && q.level == 1);
            by_credential || by_role
        };
        let raised_to_1 = |skill: SkillIdx| {
            let mut raised = request.clone();
            raised.person.skills.push((skill, 1));
            raised
        };
        let inert = (0..catalog.skills.len())
            .find(|&s| !asked_at_1(s))
            .expect("a skill nothing asks for at level 1");
        let (after, chosen) = settled
            .follow(&catalog, &raised_to_1(inert), Instant::now())
            .expect("settled");
        assert_eq!(after.value, before.value);
        assert_eq!(chosen.len(), before.steps.len());
        let fresh = plan(&catalog, &raised_to_1(inert)).expect("plans");
        assert_eq!(after.value, fresh.value);

        let asked = (0..catalog.skills.len())
            .find(|&s| asked_at_1(s))
            .expect("a skill asked for at level 1");
        assert!(
            settled
                .follow(&catalog, &raised_to_1(asked), Instant::now())
                .is_none()
        );
    }

    #[test]
    fn a_level_lowered_or_passing_what_the_role_needs_is_not_inert() {
        let catalog = generate(&Spec::sized(300, 3, 6, 1));
        let need = catalog.roles[0].requires[0];
        let (skill, level) = (need.skill, need.level);
        assert!(inert_raises(&catalog, 0, &[(skill, 1)], &[]).is_none());
        assert!(inert_raises(&catalog, 0, &[], &[(skill, level)]).is_none());
        // Held twice at different levels counts as the higher.
        let same = inert_raises(
            &catalog,
            0,
            &[(skill, 1), (skill, level)],
            &[(skill, level)],
        );
        assert_eq!(same, Some(BTreeMap::new()));
    }

    #[test]
    fn settles_nothing_that_widens_the_question_or_comes_from_elsewhere() {
        let catalog = generate(&Spec::sized(300, 3, 6, 1));
        let (request, before, settled) = proven(&catalog);
        let follows = |edited: &PlanRequest, catalog: &Catalog| {
            settled.follow(catalog, edited, Instant::now()).is_some()
        };
        assert!(follows(&request, &catalog), "the same request");
        assert!(!follows(&request, &catalog.clone()), "another catalog");

        let mut budgeted = request.clone();
        budgeted.constraints.budget_hours = Some(before.value * 2.0);
        assert!(!follows(&budgeted, &catalog), "a budget");

        let mut other_role = request.clone();
        other_role.role = 1;
        assert!(!follows(&other_role, &catalog), "another role");

        let first = before.gap[0];
        let mut skilled = request.clone();
        skilled.person.skills.push((first.skill, first.need));
        assert!(
            !follows(&skilled, &catalog),
            "a skill raised to the level the role needs"
        );

        let mut excluded = request.clone();
        excluded
            .constraints
            .exclude
            .insert(before.steps[0].credential);
        assert!(!follows(&excluded, &catalog), "a step excluded");

        let outside = (0..catalog.credentials.len())
            .find(|c| before.steps.iter().all(|s| s.credential != *c))
            .expect("a credential outside the plan");
        let mut held_outside = request.clone();
        held_outside.person.done.insert(outside);
        assert!(
            !follows(&held_outside, &catalog),
            "a credential the plan does not take held"
        );
    }
}
