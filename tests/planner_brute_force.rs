//! The planner against exhaustive enumeration on small random catalogs with any-of groups,
//! skill prerequisites and cyclic support: same optimum, and every plan replays step by step.

use std::collections::BTreeSet;

use proptest::prelude::*;
use skillpath::catalog::reach::Reach;
use skillpath::catalog::synthetic::Rng;
use skillpath::catalog::{Catalog, CatalogMeta, Credential, Level, Requirement, Role, Skill};
use skillpath::plan::{
    Constraints, Objective, Person, Plan, PlanError, PlanRequest, Replanner, plan,
};

fn random_catalog(seed: u64, credentials: usize, skills: usize) -> Catalog {
    let mut rng = Rng::new(seed);
    let skill_list = (0..skills)
        .map(|i| Skill::new(format!("s{i}"), format!("S{i}")))
        .collect();
    let creds = (0..credentials)
        .map(|i| {
            let mut grants: Vec<(usize, Level)> = (0..1 + rng.below(2))
                .map(|_| (rng.below(skills), 1 + rng.below(3) as Level))
                .collect();
            grants.sort_unstable();
            grants.dedup_by_key(|(s, _)| *s);
            let mut c = Credential {
                id: format!("c{i}"),
                title: format!("C{i}"),
                provider: format!("p{}", rng.below(3)),
                kind: Default::default(),
                hours: (1 + rng.below(20)) as f64,
                cost: (rng.below(5) * 25) as f64,
                format: Default::default(),
                url: None,
                grants,
                requires: vec![],
                requires_any: vec![],
                requires_skills: vec![],
                parts: vec![],
                valid_years: None,
            };
            // Credential prerequisites point at earlier credentials, so they never form a cycle;
            // skill prerequisites point anywhere, so support can loop.
            if i > 0 && rng.chance(30) {
                c.requires.push(rng.below(i));
            }
            if i > 1 && rng.chance(25) {
                let mut group = vec![rng.below(i), rng.below(i)];
                group.sort_unstable();
                group.dedup();
                c.requires_any.push(group);
            }
            if rng.chance(35) {
                c.requires_skills
                    .push((rng.below(skills), 1 + rng.below(2) as Level));
            }
            c
        })
        .collect();
    let mut requires: Vec<Requirement> = (0..2 + rng.below(3))
        .map(|_| Requirement {
            skill: rng.below(skills),
            level: 1 + rng.below(3) as Level,
            importance: 1 + rng.below(5) as u8,
        })
        .collect();
    requires.sort_by_key(|r| r.skill);
    requires.dedup_by_key(|r| r.skill);
    let role = Role {
        id: "r".into(),
        title: "R".into(),
        description: String::new(),
        requires,
        optional: vec![],
        codes: vec![],
    };
    Catalog::new(CatalogMeta::default(), skill_list, creds, vec![role])
}

fn random_person(seed: u64, catalog: &Catalog) -> Person {
    let mut rng = Rng::new(seed ^ 77);
    let mut person = Person::default();
    if rng.chance(50) {
        person
            .skills
            .push((rng.below(catalog.skills.len()), 1 + rng.below(2) as Level));
    }
    if rng.chance(30) {
        person.done.insert(rng.below(catalog.credentials.len()));
    }
    person
}

/// Best (covered weight, objective) over every subset that can be scheduled.
fn brute_force(catalog: &Catalog, request: &PlanRequest) -> (f64, f64) {
    let person = &request.person;
    let start = Reach::start(catalog, &person.skills, person.done.iter().copied());
    let free: Vec<usize> = (0..catalog.credentials.len())
        .filter(|c| !person.done.contains(c))
        .collect();
    let mut everything = start.clone();
    everything.saturate(catalog, &free);
    let goals: Vec<&Requirement> = catalog.roles[request.role]
        .requires
        .iter()
        .filter(|r| start.levels[r.skill] < r.level && everything.levels[r.skill] >= r.level)
        .collect();
    let weight = |c: usize| match request.objective {
        Objective::Hours => catalog.credentials[c].hours,
        Objective::Cost => catalog.credentials[c].cost,
        Objective::Count => 1.0,
    };
    let limits = &request.constraints;
    let mut best = (f64::NEG_INFINITY, f64::INFINITY);
    for mask in 0u32..(1 << free.len()) {
        let subset: Vec<usize> = (0..free.len())
            .filter(|i| mask >> i & 1 == 1)
            .map(|i| free[i])
            .collect();
        if subset.iter().any(|c| limits.exclude.contains(c)) {
            continue;
        }
        let cost: f64 = subset.iter().map(|&c| catalog.credentials[c].cost).sum();
        let hours: f64 = subset.iter().map(|&c| catalog.credentials[c].hours).sum();
        if limits.budget_cost.is_some_and(|b| cost > b)
            || limits.budget_hours.is_some_and(|b| hours > b)
        {
            continue;
        }
        let mut state = start.clone();
        if !state.saturate(catalog, &subset).is_empty() {
            continue;
        }
        let covered: f64 = goals
            .iter()
            .filter(|g| state.levels[g.skill] >= g.level)
            .map(|g| f64::from(g.importance))
            .sum();
        let value: f64 = subset.iter().map(|&c| weight(c)).sum();
        if covered > best.0 + 1e-9 || (covered > best.0 - 1e-9 && value < best.1) {
            best = (covered, value);
        }
    }
    best
}

/// The highest level of `skill` any plan reaches for `request`'s person, ignoring its
/// constraints (as "uncoverable" does).
fn brute_force_best_level(catalog: &Catalog, request: &PlanRequest, skill: usize) -> Level {
    let person = &request.person;
    let mut state = Reach::start(catalog, &person.skills, person.done.iter().copied());
    let all: Vec<usize> = (0..catalog.credentials.len()).collect();
    state.saturate(catalog, &all);
    state.levels[skill]
}

/// Replays the plan from the person's state: each step allowed where it stands.
fn replay(catalog: &Catalog, request: &PlanRequest, plan: &Plan) -> (f64, Reach) {
    let person = &request.person;
    let mut state = Reach::start(catalog, &person.skills, person.done.iter().copied());
    for step in &plan.steps {
        assert!(!state.done[step.credential], "a step is taken twice");
        assert!(
            state.allows(catalog, step.credential),
            "step {} is not allowed at its position",
            catalog.credentials[step.credential].id
        );
        state.take(catalog, step.credential);
    }
    let covered = catalog.roles[request.role]
        .requires
        .iter()
        .filter(|r| {
            plan.gap.iter().any(|g| g.skill == r.skill)
                && plan.uncoverable.iter().all(|u| u.skill != r.skill)
        })
        .filter(|r| state.levels[r.skill] >= r.level)
        .map(|r| f64::from(r.importance))
        .sum();
    (covered, state)
}

fn check_optimum(
    seed: u64,
    n: usize,
    skills: usize,
    objective: usize,
) -> Result<(), TestCaseError> {
    check_optimum_with(seed, n, skills, objective, plan)
}

/// Plans a random request (excluding `excluded_before`, if any) with a replanner, applies
/// `edit` to it (0: the first step held, 1: every step held, 2: the last step held,
/// 3: credential `excluded` excluded, 4: skill `excluded` one level up, 5: that and the first
/// step held), and checks the replanner's answer to the edited request against brute force.
fn check_edit_after_proven_plan(
    seed: u64,
    n: usize,
    objective: usize,
    edit: usize,
    excluded: usize,
    excluded_before: Option<usize>,
) -> Result<(), TestCaseError> {
    let catalog = random_catalog(seed, n, 4);
    let mut request = PlanRequest::new(0, random_person(seed, &catalog));
    request.objective = Objective::ALL[objective];
    request
        .constraints
        .exclude
        .extend(excluded_before.map(|c| c % n));
    let mut replanner = Replanner::new();
    let before = replanner.plan(&catalog, &request).expect("plans");
    let steps: Vec<usize> = before.steps.iter().map(|s| s.credential).collect();
    match edit {
        0 => request.person.done.extend(steps.first()),
        1 => request.person.done.extend(&steps),
        2 => request.person.done.extend(steps.last()),
        3 => {
            request.constraints.exclude.insert(excluded % n);
        }
        _ => {
            let skill = excluded % catalog.skills.len();
            let person = &mut request.person;
            let level = person
                .skills
                .iter()
                .filter(|(s, _)| *s == skill)
                .map(|(_, l)| *l)
                .max();
            person.skills.push((skill, level.unwrap_or(0) + 1));
            if edit == 5 {
                person.done.extend(steps.first());
            }
        }
    }
    let after = replanner.plan(&catalog, &request).expect("plans");
    let (covered, _) = replay(&catalog, &request, &after);
    let (best_covered, best_value) = brute_force(&catalog, &request);
    prop_assert!(after.optimal);
    prop_assert!(
        (covered - best_covered).abs() < 1e-9,
        "covers {covered}, brute force {best_covered}"
    );
    prop_assert!(
        (after.value - best_value).abs() < 1e-6,
        "value {} vs brute force {best_value} after edit {edit}",
        after.value
    );
    // An exclusion can leave a skill open that the catalog could otherwise close.
    prop_assert!(edit == 3 || excluded_before.is_some() || after.left_open.is_empty());
    for u in &after.uncoverable {
        let best = brute_force_best_level(&catalog, &request, u.skill);
        prop_assert_eq!(u.best_available, best, "best level of an uncoverable skill");
    }
    Ok(())
}

/// As [`check_optimum`] on a catalog whose hours are multiples of `unit`.
fn check_optimum_in_units(seed: u64, n: usize, unit: f64) -> Result<(), TestCaseError> {
    let mut catalog = random_catalog(seed, n, 4);
    for credential in &mut catalog.credentials {
        credential.hours *= unit;
    }
    let request = PlanRequest::new(0, random_person(seed, &catalog));
    let result = plan(&catalog, &request).expect("plans");
    let (_, best_value) = brute_force(&catalog, &request);
    prop_assert!(result.optimal);
    prop_assert!(
        (result.value - best_value).abs() < 1e-6,
        "value {} vs brute force {best_value} in units of {unit}",
        result.value
    );
    Ok(())
}

/// As [`check_optimum`], with the plan from `solve`.
fn check_optimum_with(
    seed: u64,
    n: usize,
    skills: usize,
    objective: usize,
    solve: impl FnOnce(&Catalog, &PlanRequest) -> Result<Plan, PlanError>,
) -> Result<(), TestCaseError> {
    let catalog = random_catalog(seed, n, skills);
    let mut request = PlanRequest::new(0, random_person(seed, &catalog));
    request.objective = Objective::ALL[objective];
    let result = solve(&catalog, &request).expect("plans");
    let (covered, state) = replay(&catalog, &request, &result);
    let (best_covered, best_value) = brute_force(&catalog, &request);
    prop_assert!(result.optimal);
    prop_assert!(
        (covered - best_covered).abs() < 1e-9,
        "covers {covered}, brute force {best_covered}"
    );
    prop_assert!(
        (result.value - best_value).abs() < 1e-6,
        "value {} vs brute force {best_value}",
        result.value
    );
    prop_assert!(result.lower_bound <= result.value + 1e-9);
    prop_assert!(result.left_open.is_empty());
    for u in &result.uncoverable {
        prop_assert!(state.levels[u.skill] < u.need);
    }
    Ok(())
}

/// Cases that once broke the planner, kept as they were found.
#[test]
fn known_hard_cases() {
    // A forced credential with a high reduced cost was pruned by the Lagrangian bound.
    check_optimum(18172024581867097747, 10, 4, 0).unwrap();
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn optimum_equals_brute_force(seed in any::<u64>(), n in 3usize..=11, skills in 3usize..=5, objective in 0usize..3) {
        check_optimum(seed, n, skills, objective)?;
    }

    /// Bounds are rounded up to the step hours come in; halves, tenths and thirds (no step
    /// at all) must all keep the optimum.
    #[test]
    fn hours_in_fractions_match_brute_force(seed in any::<u64>(), n in 3usize..=11, unit in prop::sample::select(vec![0.5, 0.1, 1.0 / 3.0])) {
        check_optimum_in_units(seed, n, unit)?;
    }

    /// A replanner's hints come from another person's solve, which is what a person editing
    /// their profile gives it; they must never change the optimum.
    #[test]
    fn a_replanner_primed_by_another_request_matches_brute_force(seed in any::<u64>(), n in 3usize..=11, skills in 3usize..=5, objective in 0usize..3) {
        check_optimum_with(seed, n, skills, objective, |catalog, request| {
            let mut replanner = Replanner::new();
            let other = PlanRequest::new(0, random_person(seed ^ 1, catalog));
            replanner.plan(catalog, &other)?;
            replanner.plan(catalog, request)
        })?;
    }

    /// After a proven plan, a replanner answers some edits with no search at all: steps of
    /// the plan marked as held, credentials outside it excluded. Held steps that were not
    /// open from the start, and exclusions that hit the plan, need a search. Every answer
    /// must be brute force's.
    #[test]
    fn a_replanner_after_an_edit_to_a_proven_plan_matches_brute_force(seed in any::<u64>(), n in 3usize..=11, objective in 0usize..3, edit in 0usize..6, excluded in 0usize..11, excluded_before in prop::option::of(0usize..11)) {
        check_edit_after_proven_plan(seed, n, objective, edit, excluded, excluded_before)?;
    }

    #[test]
    fn budgets_and_exclusions_match_brute_force(seed in any::<u64>(), n in 3usize..=10, budget in 0usize..120, excluded in 0usize..10) {
        let catalog = random_catalog(seed, n, 4);
        let mut request = PlanRequest::new(0, random_person(seed, &catalog));
        request.constraints = Constraints {
            budget_cost: (budget % 3 != 0).then_some(budget as f64),
            budget_hours: (budget % 3 == 0).then_some((budget / 3) as f64),
            exclude: BTreeSet::from([excluded % n]),
            ..Constraints::default()
        };
        let result = plan(&catalog, &request).expect("plans");
        let (covered, _) = replay(&catalog, &request, &result);
        let (best_covered, best_value) = brute_force(&catalog, &request);
        prop_assert!(result.optimal);
        prop_assert!(result.totals.cost <= request.constraints.budget_cost.unwrap_or(f64::INFINITY) + 1e-9);
        prop_assert!(result.totals.hours <= request.constraints.budget_hours.unwrap_or(f64::INFINITY) + 1e-9);
        prop_assert!(result.steps.iter().all(|s| !request.constraints.exclude.contains(&s.credential)));
        prop_assert!((covered - best_covered).abs() < 1e-9, "covers {covered}, brute force {best_covered}");
        prop_assert!((result.value - best_value).abs() < 1e-6, "value {} vs brute force {best_value}", result.value);
    }
}

/// A walk of edits on a generated catalog large enough for the ascent to narrow the task:
/// each edit planned by one replanner (which starts from the solve before) and from scratch
/// reaches the same proven optimum. The walk ends on another catalog, whose hints are wrong.
#[test]
fn replanning_a_walk_of_edits_reaches_the_optimum_of_planning_from_scratch() {
    use skillpath::catalog::synthetic::{Spec, generate};
    let catalog = generate(&Spec::sized(2_000, 4, 20, 7));
    let other = generate(&Spec::sized(2_000, 4, 20, 8));
    let mut replanner = Replanner::new();
    let mut request = PlanRequest::new(0, Person::default());
    for edit in 0..12 {
        let catalog = if edit == 11 { &other } else { &catalog };
        let fresh = plan(catalog, &request).expect("plans");
        let reused = replanner.plan(catalog, &request).expect("plans");
        assert!(fresh.optimal && reused.optimal, "edit {edit}: unproven");
        assert!(
            (fresh.value - reused.value).abs() < 1e-6,
            "edit {edit}: {} from scratch, {} reusing",
            fresh.value,
            reused.value
        );
        match (edit % 4, fresh.steps.first(), fresh.gap.first()) {
            (0, _, Some(gap)) => request.person.skills.push((gap.skill, gap.have + 1)),
            (1, Some(step), _) => {
                request.person.done.insert(step.credential);
            }
            (2, Some(step), _) => {
                request.constraints.exclude.insert(step.credential);
            }
            _ => request.role = (request.role + 1) % catalog.roles.len(),
        }
    }
}

/// What a person does most while following a pathway: marks its first step done, or rules
/// out a credential it does not take. A replanner answers both from the proven plan before,
/// with no model built (no candidates), and the answer is the optimum planning from scratch
/// finds. A held step that needed earlier steps, and the same edit on another copy of the
/// catalog, are searched.
#[test]
fn edits_a_proven_plan_settles_are_answered_without_a_search() {
    use skillpath::catalog::synthetic::{Spec, generate};
    let catalog = generate(&Spec::sized(2_000, 4, 20, 7));
    let copy = catalog.clone();
    let mut settled = 0;
    for role in 0..catalog.roles.len() {
        let base = PlanRequest::new(role, Person::default());
        let mut replanner = Replanner::new();
        let first = replanner.plan(&catalog, &base).expect("plans");
        let (Some(step), true) = (first.steps.first(), first.optimal) else {
            continue;
        };
        let mut held = base.clone();
        held.person.done.insert(step.credential);
        let mut on_copy = Replanner::new();
        on_copy.plan(&catalog, &base).expect("plans");
        let searched = on_copy.plan(&copy, &held).expect("plans");
        assert!(
            searched.stats.candidates > 0,
            "role {role}: another catalog's plan was trusted"
        );
        let reused = replanner.plan(&catalog, &held).expect("plans");
        let fresh = plan(&catalog, &held).expect("plans");
        assert_eq!(reused.stats.candidates, 0, "role {role}: searched");
        assert!(reused.optimal && fresh.optimal, "role {role}: unproven");
        assert!((reused.value - fresh.value).abs() < 1e-6, "role {role}");
        assert!(
            (reused.value - (first.value - catalog.credentials[step.credential].hours)).abs()
                < 1e-6
        );
        assert!(reused.steps.iter().all(|s| s.credential != step.credential));

        let taken = |c: usize| reused.steps.iter().any(|s| s.credential == c);
        let outside = (0..catalog.credentials.len())
            .find(|&c| !taken(c) && !held.person.done.contains(&c))
            .expect("a credential outside the plan");
        held.constraints.exclude.insert(outside);
        let excluded = replanner.plan(&catalog, &held).expect("plans");
        assert_eq!(excluded.stats.candidates, 0, "role {role}: searched");
        assert_eq!(excluded.value, reused.value, "role {role}");

        settled += 1;
    }
    assert!(
        settled >= 10,
        "only {settled} roles had a proven plan to edit"
    );

    // Every step held at once: they can be taken in turn, so the empty pathway is settled.
    let base = PlanRequest::new(0, Person::default());
    let mut replanner = Replanner::new();
    let first = replanner.plan(&catalog, &base).expect("plans");
    let mut all_held = base.clone();
    all_held
        .person
        .done
        .extend(first.steps.iter().map(|s| s.credential));
    let finished = replanner.plan(&catalog, &all_held).expect("plans");
    assert_eq!(
        finished.stats.candidates, 0,
        "holding every step was searched"
    );
    assert!(finished.steps.is_empty() && finished.optimal && finished.left_open.is_empty());

    // A last step needs earlier ones, so holding it alone settles nothing.
    let base = PlanRequest::new(0, Person::default());
    let mut replanner = Replanner::new();
    let first = replanner.plan(&catalog, &base).expect("plans");
    let last = first.steps.last().expect("a plan with steps").credential;
    let start = Reach::start(&catalog, &[], []);
    assert!(
        !start.allows(&catalog, last),
        "the last step is open from the start"
    );
    let mut held = base.clone();
    held.person.done.insert(last);
    let reused = replanner.plan(&catalog, &held).expect("plans");
    let fresh = plan(&catalog, &held).expect("plans");
    assert!(
        reused.stats.candidates > 0,
        "a held step that needed others was settled"
    );
    assert!((reused.value - fresh.value).abs() < 1e-6);
}
