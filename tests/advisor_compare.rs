//! Compare and alternatives on catalogs whose answers are known: roles side by side, the
//! trade-off between objectives against a brute-force Pareto set, and alternatives that are
//! distinct and each optimal under its restriction.

use std::collections::BTreeSet;
use std::path::Path;

use skillpath::catalog::Catalog;
use skillpath::catalog::load::{load_bundled, load_path, load_sources};
use skillpath::catalog::source::SourceFile;
use skillpath::plan::{
    MAX_ALTERNATIVES, Objective, PARETO_LIMIT, Person, Plan, PlanRequest, alternatives,
    compare_objectives, compare_roles, covered_weight, iso_date, parse_iso_date, plan,
};

fn fixture(name: &str) -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    load_path(&path).catalog.expect("fixture loads")
}

fn inline(text: &str) -> Catalog {
    let loaded = load_sources(&[SourceFile::new("inline.toml", text.to_string())]);
    let errors: Vec<String> = loaded.errors().map(|d| d.render(false)).collect();
    loaded
        .catalog
        .unwrap_or_else(|| panic!("inline catalog loads: {errors:?}"))
}

fn request(catalog: &Catalog, role: &str) -> PlanRequest {
    PlanRequest::new(catalog.role(role).expect("known role"), Person::default())
}

fn ids(catalog: &Catalog, plan: &Plan) -> Vec<String> {
    plan.steps
        .iter()
        .map(|s| catalog.credentials[s.credential].id.clone())
        .collect()
}

fn point(plan: &Plan) -> (f64, f64) {
    (plan.totals.hours, plan.totals.cost)
}

#[test]
fn roles_side_by_side_show_fit_gap_figures_finish_and_shared_credentials() {
    let catalog = fixture("advisor");
    let roles: Vec<usize> = ["analyst", "reporter", "scientist"]
        .iter()
        .map(|id| catalog.role(id).expect("role"))
        .collect();
    let mut base = request(&catalog, "analyst");
    base.person.skills = vec![(catalog.skill("sql").expect("sql"), 1)];
    let start = parse_iso_date("2026-03-02").expect("date");
    let comparison = compare_roles(&catalog, &base, &roles, start).expect("compares");

    assert_eq!(
        comparison
            .options
            .iter()
            .map(|o| o.role)
            .collect::<Vec<_>>(),
        roles,
        "columns keep the order asked for"
    );
    let analyst = &comparison.options[0];
    assert_eq!(
        ids(&catalog, &analyst.plan)
            .into_iter()
            .collect::<BTreeSet<_>>(),
        BTreeSet::from(["sql-bootcamp".into(), "stats-fast".into(), "viz-101".into()])
    );
    assert_eq!(point(&analyst.plan), (18.0, 600.0));
    // 18 h at 5 h/week: day 25.2, so the last day is the 26th.
    assert_eq!(iso_date(analyst.finish), "2026-03-27");
    // sql 1 of 2 at importance 3, nothing else: fit is half of 3 over 3 + 5 + 3.
    assert!((analyst.fit - 1.5 / 11.0).abs() < 1e-9, "{}", analyst.fit);
    let gap_order: Vec<&str> = analyst
        .gap
        .iter()
        .map(|g| catalog.skills[g.skill].id.as_str())
        .collect();
    assert_eq!(
        gap_order,
        ["statistics", "visualization", "sql"],
        "importance 5 first, then the larger shortfall"
    );

    let shared: Vec<(&str, usize)> = comparison
        .shared
        .iter()
        .map(|s| (catalog.credentials[s.credential].id.as_str(), s.roles.len()))
        .collect();
    assert_eq!(
        shared,
        [("stats-fast", 3), ("sql-bootcamp", 2), ("viz-101", 2)],
        "on most pathways first (the reporter needs statistics 1 for viz-101)"
    );
    let viz = &comparison.shared[2];
    assert_eq!(viz.roles, [roles[0], roles[1]]);
}

#[test]
fn the_tradeoff_lists_the_exact_pareto_set_and_its_corners() {
    let catalog = fixture("advisor");
    let tradeoff = compare_objectives(&catalog, &request(&catalog, "analyst")).expect("solves");
    let frontier = tradeoff.frontier.as_ref().expect("three points is small");
    assert_eq!(
        frontier.iter().map(point).collect::<Vec<_>>(),
        [(18.0, 600.0), (24.0, 350.0), (36.0, 150.0)]
    );
    assert_eq!(point(&tradeoff.fastest), (18.0, 600.0));
    assert_eq!(point(&tradeoff.cheapest), (36.0, 150.0));
    assert_eq!(tradeoff.fewest.totals.credentials, 3);
    assert!(tradeoff.proven);
}

/// Every minimal set of credentials that closes the gap is the optimal plan when only its
/// members are allowed, and Pareto points are minimal sets: so the non-dominated points of
/// those restricted plans are the exact Pareto set.
fn brute_force_frontier(catalog: &Catalog, base: &PlanRequest) -> Vec<(f64, f64)> {
    let n = catalog.credentials.len();
    assert!(n <= 12, "brute force is for small catalogs");
    let full = covered_weight(&plan(catalog, base).expect("plans"));
    let mut points = Vec::new();
    for mask in 0u32..(1 << n) {
        let mut restricted = base.clone();
        restricted.constraints.exclude = (0..n).filter(|c| mask & (1 << c) == 0).collect();
        let candidate = plan(catalog, &restricted).expect("plans");
        if covered_weight(&candidate) >= full - 1e-9 {
            points.push(point(&candidate));
        }
    }
    let mut frontier: Vec<(f64, f64)> = points
        .iter()
        .copied()
        .filter(|&(h, c)| {
            !points
                .iter()
                .any(|&(h2, c2)| h2 <= h && c2 <= c && (h2 < h || c2 < c))
        })
        .collect();
    frontier.sort_by(|a, b| a.0.total_cmp(&b.0));
    frontier.dedup();
    frontier
}

/// Skill levels a person starts with.
type Held<'a> = &'a [(&'a str, u8)];

#[test]
fn the_frontier_matches_brute_force_for_every_role_and_starting_point() {
    let catalog = fixture("advisor");
    let ok = fixture("ok");
    let cases: [(&Catalog, &str, Held); 6] = [
        (&catalog, "analyst", &[]),
        (&catalog, "reporter", &[]),
        (&catalog, "scientist", &[("python", 2)]),
        (&ok, "data-analyst", &[]),
        (&ok, "data-analyst", &[("statistics", 2)]),
        (&ok, "reporting-analyst", &[]),
    ];
    for (catalog, role, skills) in cases {
        let mut base = request(catalog, role);
        base.person.skills = skills
            .iter()
            .map(|&(s, l)| (catalog.skill(s).expect("skill"), l))
            .collect();
        let expected = brute_force_frontier(catalog, &base);
        let tradeoff = compare_objectives(catalog, &base).expect("solves");
        let frontier: Vec<(f64, f64)> = tradeoff
            .frontier
            .as_ref()
            .expect("small frontier")
            .iter()
            .map(point)
            .collect();
        assert_eq!(frontier, expected, "{role} from {skills:?}");
        assert_eq!(Some(&point(&tradeoff.fastest)), expected.first());
        assert_eq!(Some(&point(&tradeoff.cheapest)), expected.last());
    }
}

/// One skill, `n` ways to it, each an hour slower and $10 cheaper than the last.
fn ladder(n: usize) -> Catalog {
    let mut text = String::from("[[skill]]\nid = \"sql\"\nname = \"SQL\"\n");
    for k in 1..=n {
        text.push_str(&format!(
            "[[credential]]\nid = \"way-{k}\"\ntitle = \"Way {k}\"\nprovider = \"P\"\n\
             hours = {k}\ncost = {}\ngrants = {{ sql = 2 }}\n",
            10 * (n + 1 - k)
        ));
    }
    text.push_str("[[role]]\nid = \"r\"\ntitle = \"R\"\nrequires = { sql = 2 }\n");
    inline(&text)
}

#[test]
fn a_large_frontier_is_not_listed_but_its_corners_are() {
    let small = ladder(PARETO_LIMIT);
    let tradeoff = compare_objectives(&small, &request(&small, "r")).expect("solves");
    assert_eq!(
        tradeoff.frontier.as_ref().map(Vec::len),
        Some(PARETO_LIMIT),
        "exactly the limit is still listed"
    );

    let large = ladder(PARETO_LIMIT + 1);
    let tradeoff = compare_objectives(&large, &request(&large, "r")).expect("solves");
    assert_eq!(tradeoff.frontier, None);
    assert_eq!(point(&tradeoff.fastest), (1.0, 70.0));
    assert_eq!(point(&tradeoff.cheapest), (7.0, 10.0));
    assert_eq!(tradeoff.fewest.totals.credentials, 1);
}

#[test]
fn the_tradeoff_keeps_the_persons_own_budget() {
    let catalog = fixture("advisor");
    let mut base = request(&catalog, "analyst");
    base.constraints.budget_cost = Some(400.0);
    let tradeoff = compare_objectives(&catalog, &base).expect("solves");
    let frontier: Vec<(f64, f64)> = tradeoff
        .frontier
        .as_ref()
        .expect("small")
        .iter()
        .map(point)
        .collect();
    assert_eq!(frontier, [(24.0, 350.0), (36.0, 150.0)]);
}

/// Checks what `alternatives` promises, against the planner itself.
fn check_alternatives(catalog: &Catalog, request: &PlanRequest) -> usize {
    let best = plan(catalog, request).expect("plans");
    let found = alternatives(catalog, request, &best, MAX_ALTERNATIVES).expect("alternatives");
    assert!(found.len() <= MAX_ALTERNATIVES);
    let best_steps: Vec<usize> = best.steps.iter().map(|s| s.credential).collect();
    let mut sets = vec![best_steps.iter().copied().collect::<BTreeSet<_>>()];
    for alternative in &found {
        assert!(best_steps.contains(&alternative.avoids));
        let steps: Vec<usize> = alternative
            .plan
            .steps
            .iter()
            .map(|s| s.credential)
            .collect();
        assert!(
            !steps.contains(&alternative.avoids),
            "it avoids what it says"
        );
        let set: BTreeSet<usize> = steps.iter().copied().collect();
        assert!(!sets.contains(&set), "alternatives are distinct");
        sets.push(set);

        let mut restricted = request.clone();
        restricted.constraints.exclude.insert(alternative.avoids);
        let direct = plan(catalog, &restricted).expect("plans");
        assert!(alternative.plan.optimal);
        assert_eq!(
            alternative.plan.value, direct.value,
            "optimal under its restriction"
        );
        assert_eq!(
            covered_weight(&alternative.plan),
            covered_weight(&direct),
            "closes as much as the restricted optimum"
        );
        assert!(
            alternative.extra >= -1e-9 || covered_weight(&alternative.plan) < covered_weight(&best),
            "nothing closing as much beats the best"
        );
        assert_eq!(alternative.extra, alternative.plan.value - best.value);
        for dropped in &alternative.dropped {
            assert!(best_steps.contains(dropped) && !steps.contains(dropped));
        }
        for added in &alternative.added {
            assert!(!best_steps.contains(added) && steps.contains(added));
        }
    }
    for pair in found.windows(2) {
        let (a, b) = (&pair[0].plan, &pair[1].plan);
        let (wa, wb) = (covered_weight(a), covered_weight(b));
        assert!(
            wa > wb + 1e-9 || (wa - wb).abs() < 1e-9 && a.value <= b.value,
            "sorted: closes more first, then by objective"
        );
    }
    found.len()
}

#[test]
fn alternatives_are_distinct_sorted_and_each_optimal_under_its_restriction() {
    let catalog = fixture("advisor");
    let analyst = request(&catalog, "analyst");
    let best = plan(&catalog, &analyst).expect("plans");
    let found = alternatives(&catalog, &analyst, &best, MAX_ALTERNATIVES).expect("found");
    let summary: Vec<(String, f64, usize)> = found
        .iter()
        .map(|a| {
            (
                catalog.credentials[a.avoids].id.clone(),
                a.extra,
                a.plan.left_open.len(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("sql-bootcamp".to_string(), 6.0, 0),
            ("stats-fast".to_string(), 12.0, 0),
            ("viz-101".to_string(), -6.0, 1),
        ],
        "plans that close the whole gap first; without viz-101 visualization stays open"
    );
    assert_eq!(check_alternatives(&catalog, &analyst), 3);

    let ok = fixture("ok");
    for objective in Objective::ALL {
        for role in ["data-analyst", "reporting-analyst"] {
            let mut req = request(&ok, role);
            req.objective = objective;
            check_alternatives(&ok, &req);
        }
    }
}

#[test]
fn alternatives_on_the_bundled_catalog_hold_their_promises() {
    let catalog = load_bundled().catalog.expect("bundled catalog loads");
    let mut req = request(&catalog, "data-analyst");
    req.person.skills = vec![(catalog.skill("sql").expect("sql"), 2)];
    for objective in Objective::ALL {
        req.objective = objective;
        assert!(check_alternatives(&catalog, &req) > 0, "{objective:?}");
    }
}

#[test]
fn a_plan_with_nothing_to_take_has_no_alternatives() {
    let catalog = fixture("advisor");
    let mut req = request(&catalog, "reporter");
    req.person.skills = ["visualization", "communication", "sql"]
        .iter()
        .map(|s| (catalog.skill(s).expect("skill"), 2))
        .collect();
    let best = plan(&catalog, &req).expect("plans");
    assert!(best.steps.is_empty());
    assert!(
        alternatives(&catalog, &req, &best, MAX_ALTERNATIVES)
            .expect("none")
            .is_empty()
    );
}
