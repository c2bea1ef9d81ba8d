//! Sentences every format shares, in plain text; each renderer escapes them for its syntax.

use crate::catalog::Catalog;
use crate::cli::output::{count, hours, money, number};
use crate::plan::{Alternative, Objective, Plan, covered_weight, iso_date};
use crate::report::{Expiry, Report};

/// "fewest hours", as in "the plan with the fewest hours".
pub fn objective_phrase(objective: Objective) -> &'static str {
    match objective {
        Objective::Hours => "fewest hours",
        Objective::Cost => "lowest cost",
        Objective::Count => "fewest credentials",
    }
}

/// The assumptions behind the report, as (label, value) lines.
pub fn assumptions(report: &Report) -> Vec<(&'static str, String)> {
    let catalog = report.catalog;
    let request = &report.request;
    let currency = catalog.meta.currency.as_str();
    let constraints = &request.constraints;
    let mut lines = vec![
        (
            "Study pace",
            format!(
                "{} hours per week, from {}",
                number(request.hours_per_week),
                iso_date(report.date)
            ),
        ),
        (
            "Planned for",
            format!(
                "the {} ({})",
                objective_phrase(request.objective),
                if report.plan.optimal {
                    "proven optimal"
                } else {
                    "best found within the time limit, not proven optimal"
                }
            ),
        ),
    ];
    let budget = match (constraints.budget_cost, constraints.budget_hours) {
        (None, None) => "none".to_string(),
        (Some(cost), None) => format!("at most {}", money(cost, currency)),
        (None, Some(h)) => format!("at most {}", hours(h)),
        (Some(cost), Some(h)) => format!("at most {} and {}", money(cost, currency), hours(h)),
    };
    lines.push(("Budget", budget));
    if !request.person.done.is_empty() {
        lines.push((
            "Already completed",
            titles(catalog, request.person.done.iter().copied()),
        ));
    }
    if !constraints.exclude.is_empty() {
        lines.push((
            "Ruled out",
            titles(catalog, constraints.exclude.iter().copied()),
        ));
    }
    if !constraints.exclude_providers.is_empty() {
        let providers: Vec<&str> = constraints
            .exclude_providers
            .iter()
            .map(String::as_str)
            .collect();
        lines.push(("Providers ruled out", providers.join(", ")));
    }
    lines.push(("Catalog", catalog_line(catalog)));
    lines
}

/// "Test catalog, version 2, figures as of 2026-01, costs in USD".
fn catalog_line(catalog: &Catalog) -> String {
    let meta = &catalog.meta;
    let mut line = if meta.name.is_empty() {
        "unnamed".to_string()
    } else {
        meta.name.clone()
    };
    if let Some(version) = &meta.version {
        line.push_str(&format!(", version {version}"));
    }
    if let Some(as_of) = &meta.as_of {
        line.push_str(&format!(", figures as of {as_of}"));
    }
    if !meta.currency.is_empty() {
        line.push_str(&format!(", costs in {}", meta.currency));
    }
    line
}

fn titles(catalog: &Catalog, credentials: impl Iterator<Item = usize>) -> String {
    let titles: Vec<&str> = credentials
        .filter_map(|c| catalog.credentials.get(c).map(|c| c.title.as_str()))
        .collect();
    titles.join(", ")
}

/// "3 credentials, 18 h, $600.00, 4 weeks at 5 h/week".
pub fn totals(catalog: &Catalog, plan: &Plan, hours_per_week: f64) -> String {
    let t = &plan.totals;
    format!(
        "{}, {}, {}, {} at {} h/week",
        count(t.credentials, "credential"),
        hours(t.hours),
        money(t.cost, &catalog.meta.currency),
        count(t.weeks as usize, "week"),
        number(hours_per_week)
    )
}

/// "Without SQL Bootcamp, the best plan takes SQL Intro instead: 24 h (+6 h), $350.00
/// (−$250.00), 3 credentials."
pub fn alternative(catalog: &Catalog, best: &Plan, alternative: &Alternative) -> String {
    let currency = catalog.meta.currency.as_str();
    let plan = &alternative.plan;
    let closes_less = covered_weight(plan) < covered_weight(best) - 1e-9;
    let head = if plan.optimal {
        "the best plan"
    } else {
        "the best plan found within the time limit"
    };
    let replacement = match (alternative.added.is_empty(), closes_less) {
        (false, _) => format!(
            "{head} takes {} instead",
            titles(catalog, alternative.added.iter().copied())
        ),
        (true, true) => "no other credential takes its place".to_string(),
        (true, false) => "the rest of the plan still does".to_string(),
    };
    let figures = format!(
        "{} ({}), {} ({}), {}",
        hours(plan.totals.hours),
        signed(plan.totals.hours - best.totals.hours, hours),
        money(plan.totals.cost, currency),
        signed(plan.totals.cost - best.totals.cost, |v| money(v, currency)),
        count(plan.totals.credentials, "credential"),
    );
    let open = if closes_less {
        let skills: Vec<&str> = plan
            .left_open
            .iter()
            .map(|l| catalog.skills[l.skill].name.as_str())
            .collect();
        format!("; it leaves {} open", skills.join(", "))
    } else {
        String::new()
    };
    format!(
        "Without {}, {replacement}: {figures}{open}.",
        catalog.credentials[alternative.avoids].title
    )
}

pub const NOTHING_EXPIRES: &str =
    "None: every credential on this pathway is still valid at the expected finish.";

/// "Statistics Fast Track: valid 1 year, so it lapses on 2029-06-18, before the expected
/// finish on 2029-08-12; plan to renew it."
pub fn expiry(report: &Report, expiry: &Expiry) -> String {
    let years = if expiry.valid_years == 1 {
        "year"
    } else {
        "years"
    };
    format!(
        "{}: valid {} {years}, so it lapses on {}, before the expected finish on {}; plan to \
         renew it.",
        report.catalog.credentials[expiry.credential].title,
        expiry.valid_years,
        iso_date(expiry.expires),
        iso_date(report.finish)
    )
}

/// Why there are no alternatives.
pub fn no_alternatives(best: &Plan) -> &'static str {
    if best.steps.is_empty() {
        "None: there is nothing to take."
    } else {
        "None: no other set of credentials closes the gap within these constraints."
    }
}

/// The closing line of every format.
pub fn disclaimer(catalog: &Catalog) -> String {
    match &catalog.meta.as_of {
        Some(as_of) => format!(
            "Hours and costs are indicative (as of {as_of}); check them with the providers \
             before enrolling. Dates assume steady study at the pace above."
        ),
        None => "Hours and costs are indicative; check them with the providers before \
                 enrolling. Dates assume steady study at the pace above."
            .to_string(),
    }
}

/// Only web links become links; anything else in a catalog's `url` stays out of the report.
pub fn is_web_link(url: &str) -> bool {
    (url.starts_with("https://") || url.starts_with("http://"))
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c == '<' || c == '>')
}

/// "+6 h", "−$250.00", "same".
fn signed(delta: f64, unit: impl Fn(f64) -> String) -> String {
    if delta.abs() < 1e-9 {
        "same".to_string()
    } else if delta > 0.0 {
        format!("+{}", unit(delta))
    } else {
        format!("−{}", unit(-delta))
    }
}
