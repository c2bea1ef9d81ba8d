use std::collections::BTreeSet;

use microlp::{ComparisonOp, OptimizationDirection, Problem, SolveOutcome};

use super::*;
use crate::catalog::load::load_sources;
use crate::catalog::source::SourceFile;
use crate::catalog::synthetic::{Spec, generate};
use crate::plan::{Objective, Person, plan};

fn catalog(text: &str) -> Catalog {
    let loaded = load_sources(&[SourceFile::new("case.toml", text.to_string())]);
    let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
    loaded
        .catalog
        .unwrap_or_else(|| panic!("fixture must load: {errors:?}"))
}

/// The model's optimum by microlp, with the solution checked against the model's own rows.
fn optimum(model: &ExactModel) -> f64 {
    let mut problem = Problem::new(OptimizationDirection::Minimize);
    let vars: Vec<_> = model
        .columns
        .iter()
        .map(|c| {
            if c.integer {
                problem.add_integer_var(c.objective, (c.lower as i32, c.upper as i32))
            } else {
                problem.add_var(c.objective, (c.lower, c.upper))
            }
        })
        .collect();
    for row in &model.rows {
        let terms: Vec<_> = row.terms.iter().map(|&(j, a)| (vars[j], a)).collect();
        let op = match row.sense {
            Sense::AtMost => ComparisonOp::Le,
            Sense::AtLeast => ComparisonOp::Ge,
        };
        problem.add_constraint(terms.as_slice(), op, row.rhs);
    }
    let Ok(SolveOutcome::Solution(solution)) = problem.solve() else {
        panic!("the exact model is feasible and microlp solves it in full");
    };
    let values: Vec<f64> = vars.iter().map(|&v| solution.var_value(v)).collect();
    assert!(model.is_feasible(&values, 1e-6), "microlp broke a row");
    solution.objective()
}

fn without_ordering(model: &ExactModel) -> ExactModel {
    ExactModel {
        rows: model
            .rows
            .iter()
            .filter(|r| !r.name.starts_with('o'))
            .cloned()
            .collect(),
        ..model.clone()
    }
}

fn assert_same_optimum(catalog: &Catalog, request: &PlanRequest) -> ExactModel {
    let planned = plan(catalog, request).expect("plans");
    assert!(planned.optimal);
    let model = exact_model(catalog, request).expect("builds");
    let value = optimum(&model);
    assert!(
        (value - planned.value).abs() <= 1e-6 * planned.value.max(1.0),
        "role {}: exact model {value}, planner {}",
        request.role,
        planned.value
    );
    // The planner's own plan is a point of the model: its credentials are all columns.
    let columns: BTreeSet<CredIdx> = model.credentials.iter().copied().collect();
    assert!(
        planned
            .steps
            .iter()
            .all(|s| columns.contains(&s.credential))
    );
    model
}

/// c1 needs t, which c2 grants cheaply but only after s, which c1 itself grants: the loop is no
/// plan, so c1 must come after the long c3.
const LOOP: &str = r#"
[[skill]]
id = "g"
name = "Goal"
[[skill]]
id = "s"
name = "S"
[[skill]]
id = "t"
name = "T"
[[credential]]
id = "c1"
title = "C1"
provider = "P"
hours = 1
cost = 5
grants = { g = 1, s = 2 }
requires_skills = { t = 1 }
[[credential]]
id = "c2"
title = "C2"
provider = "P"
hours = 1
cost = 5
grants = { t = 1 }
requires_skills = { s = 1 }
[[credential]]
id = "c3"
title = "C3"
provider = "Q"
hours = 10
cost = 1
grants = { t = 1 }
[[role]]
id = "r"
title = "R"
requires = { g = 1 }
"#;

#[test]
fn ordering_makes_cyclic_support_exact() {
    let catalog = catalog(LOOP);
    let request = PlanRequest::new(0, Person::default());
    let model = assert_same_optimum(&catalog, &request);
    assert_eq!(optimum(&model), 11.0);
    // Without positions the loop c1 <-> c2 passes for a plan of 2 hours.
    assert_eq!(optimum(&without_ordering(&model)), 2.0);
}

const STACKS: &str = r#"
[[skill]]
id = "sql"
name = "SQL"
[[skill]]
id = "py"
name = "Python"
[[skill]]
id = "ml"
name = "ML"
[[credential]]
id = "intro"
title = "Intro"
provider = "P"
hours = 4
cost = 10
grants = { sql = 1 }
[[credential]]
id = "sql2"
title = "SQL 2"
provider = "P"
hours = 6
cost = 30
grants = { sql = 3 }
requires = ["intro"]
[[credential]]
id = "py-a"
title = "Py A"
provider = "P"
hours = 8
cost = 50
grants = { py = 2 }
requires_skills = { ml = 1 }
[[credential]]
id = "py-b"
title = "Py B"
provider = "Q"
hours = 20
cost = 5
grants = { py = 2 }
[[credential]]
id = "ml-1"
title = "ML 1"
provider = "Q"
hours = 3
cost = 40
grants = { ml = 1 }
requires_skills = { py = 2 }
[[credential]]
id = "ml-2"
title = "ML 2"
provider = "Q"
hours = 12
cost = 20
grants = { ml = 3 }
requires_any = [["py-a", "py-b"]]
[[credential]]
id = "track"
title = "Data track"
provider = "R"
kind = "stack"
hours = 1
cost = 0
grants = { ml = 4, sql = 3 }
parts = ["sql2", "ml-2"]
[[role]]
id = "analyst"
title = "Analyst"
requires = { sql = 3, py = 2, ml = 3 }
[[role]]
id = "lead"
title = "Lead"
requires = { ml = 4 }
"#;

#[test]
fn all_of_any_of_stacks_and_held_credentials_match_the_planner() {
    let catalog = catalog(STACKS);
    let intro = catalog.credential("intro").expect("intro");
    let ml = catalog.skill("ml").expect("ml");
    let people = [
        Person::default(),
        Person {
            done: BTreeSet::from([intro]),
            ..Person::default()
        },
        Person {
            skills: vec![(ml, 1)],
            ..Person::default()
        },
    ];
    for role in 0..catalog.roles.len() {
        for person in &people {
            for objective in Objective::ALL {
                let request = PlanRequest {
                    objective,
                    ..PlanRequest::new(role, person.clone())
                };
                assert_same_optimum(&catalog, &request);
            }
        }
    }
}

#[test]
fn generated_catalogs_with_cyclic_support_match_the_planner() {
    let mut ordered = 0;
    for seed in 0..3 {
        let catalog = generate(&Spec::sized(150, 3, 4, seed));
        for role in 0..catalog.roles.len() {
            let model = assert_same_optimum(&catalog, &PlanRequest::new(role, Person::default()));
            ordered += usize::from(model.columns.iter().any(|c| c.name.starts_with('p')));
        }
    }
    // Otherwise this test would not reach the case ordering is for.
    assert!(ordered > 0, "no generated instance has a support loop");
}

#[test]
fn a_budget_is_refused_rather_than_modelled_wrongly() {
    let catalog = catalog(LOOP);
    let mut request = PlanRequest::new(0, Person::default());
    request.constraints.budget_hours = Some(5.0);
    assert!(matches!(
        exact_model(&catalog, &request),
        Err(PlanError::Request(_))
    ));
}

#[test]
fn lp_text_states_every_column_and_row() {
    let catalog = catalog(LOOP);
    let model = exact_model(&catalog, &PlanRequest::new(0, Person::default())).expect("builds");
    let lp = model.to_lp();
    assert!(lp.starts_with("\\ skillpath exact planning model\nMinimize\n obj: + 1 x0"));
    assert!(lp.ends_with("End\n"));
    for row in &model.rows {
        assert!(
            lp.contains(&format!(" {}:", row.name)),
            "row {} missing",
            row.name
        );
    }
    for column in &model.columns {
        let declared = if column.integer {
            lp.split("Binaries\n")
                .nth(1)
                .is_some_and(|b| b.split_whitespace().any(|name| name == column.name))
        } else {
            lp.contains(&format!("<= {} <=", column.name))
        };
        assert!(declared, "column {} undeclared", column.name);
    }
}
