//! Planning semantics case by case, on catalogs small enough to check by hand.

use std::collections::BTreeSet;

use skillpath::catalog::Catalog;
use skillpath::catalog::load::load_sources;
use skillpath::catalog::source::SourceFile;
use skillpath::catalog::synthetic::{Spec, generate};
use skillpath::plan::{Constraints, Objective, Person, Plan, PlanRequest, plan};

const SKILLS: &str = r#"
[[skill]]
id = "sql"
name = "SQL"
[[skill]]
id = "python"
name = "Python"
[[skill]]
id = "stats"
name = "Statistics"
[[skill]]
id = "quantum"
name = "Quantum chemistry"
"#;

fn catalog(credentials: &str, role: &str) -> Catalog {
    let text = format!("{SKILLS}\n{credentials}\n{role}");
    let loaded = load_sources(&[SourceFile::new("case.toml", text)]);
    let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
    loaded
        .catalog
        .unwrap_or_else(|| panic!("fixture must load: {errors:?}"))
}

fn ids(catalog: &Catalog, plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .map(|s| catalog.credentials[s.credential].id.clone())
        .collect()
}

fn solve(catalog: &Catalog, person: Person, tune: impl FnOnce(&mut PlanRequest)) -> Plan {
    let mut request = PlanRequest::new(0, person);
    tune(&mut request);
    plan(catalog, &request).expect("plans")
}

fn with_skill(catalog: &Catalog, id: &str, level: u8) -> Person {
    Person {
        skills: vec![(catalog.skill(id).expect("known skill"), level)],
        ..Person::default()
    }
}

/// A needs Python 2, which only B grants; B requires A. Closing the loop is impossible, so the
/// cheap pair is no plan and the planner must pay for the long way round.
#[test]
fn cyclic_support_is_never_scheduled() {
    let catalog = catalog(
        r#"
[[credential]]
id = "a"
title = "A"
provider = "P"
hours = 10
cost = 0
grants = { sql = 3 }
requires_skills = { python = 2 }
[[credential]]
id = "b"
title = "B"
provider = "P"
hours = 10
cost = 0
grants = { python = 2 }
requires = ["a"]
[[credential]]
id = "long-sql"
title = "Long SQL"
provider = "Q"
hours = 50
cost = 0
grants = { sql = 3 }
"#,
        r#"
[[role]]
id = "analyst"
title = "Analyst"
requires = { sql = 3 }
"#,
    );
    let result = solve(&catalog, Person::default(), |_| {});
    assert_eq!(ids(&catalog, &result), ["long-sql"]);
    assert!(result.optimal);
    assert_eq!(result.lower_bound, 50.0);
}

const LADDER: &str = r#"
[[credential]]
id = "intro"
title = "Intro to Data"
provider = "Free U"
hours = 10
cost = 0
grants = { sql = 1 }
[[credential]]
id = "sql-course"
title = "SQL Course"
provider = "Paid U"
hours = 20
cost = 100
grants = { sql = 3 }
requires = ["intro"]
[[credential]]
id = "py-a"
title = "Python A"
provider = "Paid U"
hours = 30
cost = 50
grants = { python = 2 }
[[credential]]
id = "py-b"
title = "Python B"
provider = "Other U"
hours = 40
cost = 10
grants = { python = 2 }
[[credential]]
id = "stats-course"
title = "Statistics"
provider = "Free U"
hours = 15
cost = 0
grants = { stats = 2 }
requires_any = [["py-a", "py-b"]]
[[credential]]
id = "chem"
title = "Chemistry"
provider = "Free U"
hours = 5
cost = 0
grants = { quantum = 2 }
"#;

const ANALYST: &str = r#"
[[role]]
id = "analyst"
title = "Analyst"
requires = { sql = 3, stats = { level = 2, importance = 5 }, quantum = { level = 4, importance = 1 } }
"#;

#[test]
fn pathway_orders_prerequisites_and_explains_each_step() {
    let catalog = catalog(LADDER, ANALYST);
    let result = solve(&catalog, Person::default(), |_| {});
    assert_eq!(
        ids(&catalog, &result),
        ["intro", "py-a", "sql-course", "stats-course"]
    );
    assert!(result.optimal);
    assert_eq!(result.value, 75.0);
    let step = |id: &str| {
        result
            .steps
            .iter()
            .find(|s| catalog.credentials[s.credential].id == id)
            .expect("in plan")
    };
    let sql_course = catalog.credential("sql-course").unwrap();
    let stats_course = catalog.credential("stats-course").unwrap();
    assert_eq!(step("intro").enables, [sql_course]);
    assert_eq!(step("py-a").enables, [stats_course]);
    assert_eq!(step("sql-course").closes, [catalog.skill("sql").unwrap()]);
    // At 5 hours a week: intro weeks 1-2, py-a 3-8, sql-course 9-12, stats 13-15.
    let weeks: Vec<(u32, u32)> = result
        .steps
        .iter()
        .map(|s| (s.start_week, s.end_week))
        .collect();
    assert_eq!(weeks, [(1, 2), (3, 8), (9, 12), (13, 15)]);
    assert_eq!(result.totals.weeks, 15);
    assert_eq!(result.totals.cost, 150.0);
}

#[test]
fn uncoverable_skills_are_reported_with_the_best_level_and_the_rest_is_planned() {
    let catalog = catalog(LADDER, ANALYST);
    let result = solve(&catalog, Person::default(), |_| {});
    let quantum = catalog.skill("quantum").unwrap();
    assert_eq!(result.uncoverable.len(), 1);
    assert_eq!(
        (
            result.uncoverable[0].skill,
            result.uncoverable[0].best_available
        ),
        (quantum, 2)
    );
    assert!(
        !ids(&catalog, &result).contains(&"chem".to_string()),
        "a step that closes nothing is not taken"
    );
}

#[test]
fn objective_changes_the_choice_inside_an_any_of_group() {
    let catalog = catalog(LADDER, ANALYST);
    let by_cost = solve(&catalog, Person::default(), |r| {
        r.objective = Objective::Cost
    });
    assert!(ids(&catalog, &by_cost).contains(&"py-b".to_string()));
    assert_eq!(by_cost.value, 110.0);
    let by_count = solve(&catalog, Person::default(), |r| {
        r.objective = Objective::Count
    });
    assert_eq!(by_count.value, 4.0);
}

#[test]
fn what_the_person_holds_is_built_on() {
    let catalog = catalog(LADDER, ANALYST);
    let mut person = with_skill(&catalog, "python", 2);
    person.done.insert(catalog.credential("intro").unwrap());
    let result = solve(&catalog, person, |_| {});
    assert_eq!(
        ids(&catalog, &result),
        ["sql-course", "py-a", "stats-course"]
    );
    // The any-of group is met by py-a: held skills do not complete a credential.
    let sql_only = solve(&catalog, with_skill(&catalog, "stats", 2), |_| {});
    assert_eq!(ids(&catalog, &sql_only), ["intro", "sql-course"]);
}

#[test]
fn exclusions_move_the_plan_or_leave_skills_open() {
    let catalog = catalog(LADDER, ANALYST);
    let no_paid_u = solve(&catalog, Person::default(), |r| {
        r.constraints.exclude_providers = BTreeSet::from(["Paid U".to_string()]);
    });
    assert_eq!(ids(&catalog, &no_paid_u), ["py-b", "stats-course"]);
    let sql = catalog.skill("sql").unwrap();
    assert_eq!(
        no_paid_u
            .left_open
            .iter()
            .map(|l| (l.skill, l.reached))
            .collect::<Vec<_>>(),
        [(sql, 0)]
    );
    assert!(no_paid_u.optimal);
}

#[test]
fn a_tight_budget_closes_the_most_important_share() {
    let catalog = catalog(LADDER, ANALYST);
    let result = solve(&catalog, Person::default(), |r| {
        r.constraints = Constraints {
            budget_cost: Some(60.0),
            ..Constraints::default()
        };
    });
    // 60 pays for statistics (importance 5) through py-a or py-b, not also for SQL (100).
    assert_eq!(ids(&catalog, &result), ["py-a", "stats-course"]);
    assert!(result.totals.cost <= 60.0);
    assert_eq!(result.left_open.len(), 1);
    assert!(result.optimal);
}

#[test]
fn the_same_request_gives_the_same_plan() {
    let catalog = catalog(LADDER, ANALYST);
    let first = solve(&catalog, Person::default(), |_| {});
    for _ in 0..5 {
        let again = solve(&catalog, Person::default(), |_| {});
        assert_eq!(ids(&catalog, &again), ids(&catalog, &first));
        assert_eq!(again.steps, first.steps);
    }
}

/// A large generated task whose exact search runs over several independent parts, searched
/// side by side: which thread finishes first must not change the plan.
#[test]
fn a_plan_searched_in_parts_side_by_side_is_the_same_every_time() {
    let catalog = generate(&Spec::sized(5_000, 6, 40, 0));
    let request = PlanRequest::new(9, Person::default());
    let first = plan(&catalog, &request).expect("plans");
    assert!(
        first.stats.rounds >= 2,
        "the exact search should take several parts here, took {} rounds",
        first.stats.rounds
    );
    assert!(first.optimal);
    for _ in 0..4 {
        let again = plan(&catalog, &request).expect("plans");
        assert_eq!(again.steps, first.steps);
        assert_eq!(again.value, first.value);
        assert_eq!(again.stats.rounds, first.stats.rounds);
    }
}

#[test]
fn nothing_to_close_is_an_empty_optimal_plan() {
    let catalog = catalog(LADDER, ANALYST);
    let mut person = with_skill(&catalog, "sql", 5);
    person.skills.push((catalog.skill("stats").unwrap(), 3));
    person.skills.push((catalog.skill("quantum").unwrap(), 4));
    let result = solve(&catalog, person, |_| {});
    assert!(result.steps.is_empty() && result.gap.is_empty() && result.optimal);
    assert_eq!(result.totals.weeks, 0);
}
