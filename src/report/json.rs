//! The report as JSON for other tools: ids for joining with the catalog, titles for showing,
//! dates as `YYYY-MM-DD`. Nothing that changes between runs (no solve timings), so the same
//! inputs give the same bytes.

use serde::Serialize;
use serde_json::Value;

use crate::catalog::{Catalog, CredIdx, SkillIdx};
use crate::plan::{Alternative, Plan, iso_date};
use crate::report::{Report, phrases};

#[derive(Serialize)]
struct ReportJson<'a> {
    date: String,
    client: &'a str,
    goal: GoalJson<'a>,
    assumptions: AssumptionsJson<'a>,
    gap: Vec<GapJson<'a>>,
    uncoverable: Vec<OpenJson<'a>>,
    left_open: Vec<OpenJson<'a>>,
    objective: &'static str,
    optimal: bool,
    lower_bound: f64,
    pathway: Vec<StepJson<'a>>,
    total: TotalJson,
    alternatives: Value,
    expiring: Vec<ExpiryJson<'a>>,
    disclaimer: String,
}

#[derive(Serialize)]
struct GoalJson<'a> {
    role: &'a str,
    title: &'a str,
    description: &'a str,
}

#[derive(Serialize)]
struct AssumptionsJson<'a> {
    hours_per_week: f64,
    start_date: String,
    objective: &'static str,
    budget_cost: Option<f64>,
    budget_hours: Option<f64>,
    done: Vec<&'a str>,
    exclude: Vec<&'a str>,
    exclude_providers: Vec<&'a str>,
    catalog: CatalogJson<'a>,
}

#[derive(Serialize)]
struct CatalogJson<'a> {
    name: &'a str,
    version: Option<&'a str>,
    as_of: Option<&'a str>,
    currency: &'a str,
}

#[derive(Serialize)]
struct GapJson<'a> {
    skill: &'a str,
    name: &'a str,
    have: u8,
    need: u8,
    importance: u8,
}

#[derive(Serialize)]
struct OpenJson<'a> {
    skill: &'a str,
    name: &'a str,
    need: u8,
    /// The best level any plan reaches (uncoverable), or this plan reaches (left open).
    reached: u8,
}

#[derive(Serialize)]
struct StepJson<'a> {
    id: &'a str,
    title: &'a str,
    provider: &'a str,
    url: Option<&'a str>,
    hours: f64,
    cost: f64,
    start_week: u32,
    end_week: u32,
    start_date: String,
    end_date: String,
    valid_years: Option<u32>,
    why: WhyJson<'a>,
}

#[derive(Serialize)]
struct WhyJson<'a> {
    closes: Vec<&'a str>,
    raises: Vec<RaiseJson<'a>>,
    enables: Vec<&'a str>,
    text: String,
}

#[derive(Serialize)]
struct RaiseJson<'a> {
    skill: &'a str,
    to: u8,
}

#[derive(Serialize)]
struct TotalJson {
    hours: f64,
    cost: f64,
    credentials: usize,
    weeks: u32,
    finish_date: String,
}

#[derive(Serialize)]
struct AlternativeJson<'a> {
    avoids: &'a str,
    objective: &'static str,
    value: f64,
    /// Objective above the best plan's.
    extra: f64,
    optimal: bool,
    steps: Vec<&'a str>,
    dropped: Vec<&'a str>,
    added: Vec<&'a str>,
    hours: f64,
    cost: f64,
    credentials: usize,
    weeks: u32,
    left_open: Vec<&'a str>,
    summary: String,
}

#[derive(Serialize)]
struct ExpiryJson<'a> {
    id: &'a str,
    title: &'a str,
    valid_years: u32,
    expires: String,
}

pub fn render(report: &Report) -> String {
    let catalog = report.catalog;
    let request = &report.request;
    let role = report.role();
    let plan = &report.plan;
    let constraints = &request.constraints;
    let json = ReportJson {
        date: iso_date(report.date),
        client: &report.client,
        goal: GoalJson {
            role: &role.id,
            title: &role.title,
            description: role.description.trim(),
        },
        assumptions: AssumptionsJson {
            hours_per_week: request.hours_per_week,
            start_date: iso_date(report.date),
            objective: request.objective.name(),
            budget_cost: constraints.budget_cost,
            budget_hours: constraints.budget_hours,
            done: credential_ids(catalog, request.person.done.iter().copied()),
            exclude: credential_ids(catalog, constraints.exclude.iter().copied()),
            exclude_providers: constraints
                .exclude_providers
                .iter()
                .map(String::as_str)
                .collect(),
            catalog: CatalogJson {
                name: &catalog.meta.name,
                version: catalog.meta.version.as_deref(),
                as_of: catalog.meta.as_of.as_deref(),
                currency: &catalog.meta.currency,
            },
        },
        gap: plan
            .gap
            .iter()
            .map(|g| GapJson {
                skill: skill_id(catalog, g.skill),
                name: &catalog.skills[g.skill].name,
                have: g.have,
                need: g.need,
                importance: g.importance,
            })
            .collect(),
        uncoverable: plan
            .uncoverable
            .iter()
            .map(|u| OpenJson {
                skill: skill_id(catalog, u.skill),
                name: &catalog.skills[u.skill].name,
                need: u.need,
                reached: u.best_available,
            })
            .collect(),
        left_open: plan
            .left_open
            .iter()
            .map(|l| OpenJson {
                skill: skill_id(catalog, l.skill),
                name: &catalog.skills[l.skill].name,
                need: l.need,
                reached: l.reached,
            })
            .collect(),
        objective: plan.objective.name(),
        optimal: plan.optimal,
        lower_bound: plan.lower_bound,
        pathway: plan
            .steps
            .iter()
            .zip(&report.dates)
            .enumerate()
            .map(|(n, (step, dates))| {
                let credential = &catalog.credentials[step.credential];
                let why = report.why(n);
                StepJson {
                    id: &credential.id,
                    title: &credential.title,
                    provider: &credential.provider,
                    url: credential.url.as_deref(),
                    hours: credential.hours,
                    cost: credential.cost,
                    start_week: step.start_week,
                    end_week: step.end_week,
                    start_date: iso_date(dates.start),
                    end_date: iso_date(dates.end),
                    valid_years: credential.valid_years,
                    why: WhyJson {
                        closes: why
                            .closes
                            .iter()
                            .map(|&(s, _)| skill_id(catalog, s))
                            .collect(),
                        raises: why
                            .raises
                            .iter()
                            .map(|&(s, to)| RaiseJson {
                                skill: skill_id(catalog, s),
                                to,
                            })
                            .collect(),
                        enables: credential_ids(catalog, why.enables.iter().copied()),
                        text: why.sentence(catalog),
                    },
                }
            })
            .collect(),
        total: TotalJson {
            hours: plan.totals.hours,
            cost: plan.totals.cost,
            credentials: plan.totals.credentials,
            weeks: plan.totals.weeks,
            finish_date: iso_date(report.finish),
        },
        alternatives: alternatives_json(catalog, plan, &report.alternatives),
        expiring: report
            .expiring
            .iter()
            .map(|e| {
                let credential = &catalog.credentials[e.credential];
                ExpiryJson {
                    id: &credential.id,
                    title: &credential.title,
                    valid_years: e.valid_years,
                    expires: iso_date(e.expires),
                }
            })
            .collect(),
        disclaimer: phrases::disclaimer(catalog),
    };
    to_string(&json)
}

/// The alternatives as a JSON array (shared with `skillpath plan --alternatives --format
/// json`, which adds it to the plan as `alternatives`).
pub fn alternatives_json(catalog: &Catalog, best: &Plan, alternatives: &[Alternative]) -> Value {
    let items: Vec<AlternativeJson> = alternatives
        .iter()
        .map(|a| {
            let plan = &a.plan;
            AlternativeJson {
                avoids: &catalog.credentials[a.avoids].id,
                objective: plan.objective.name(),
                value: plan.value,
                extra: a.extra,
                optimal: plan.optimal,
                steps: credential_ids(catalog, plan.steps.iter().map(|s| s.credential)),
                dropped: credential_ids(catalog, a.dropped.iter().copied()),
                added: credential_ids(catalog, a.added.iter().copied()),
                hours: plan.totals.hours,
                cost: plan.totals.cost,
                credentials: plan.totals.credentials,
                weeks: plan.totals.weeks,
                left_open: plan
                    .left_open
                    .iter()
                    .map(|l| skill_id(catalog, l.skill))
                    .collect(),
                summary: phrases::alternative(catalog, best, a),
            }
        })
        .collect();
    serde_json::to_value(items).unwrap_or(Value::Null)
}

fn skill_id(catalog: &Catalog, skill: SkillIdx) -> &str {
    &catalog.skills[skill].id
}

fn credential_ids(catalog: &Catalog, credentials: impl Iterator<Item = CredIdx>) -> Vec<&str> {
    credentials
        .filter_map(|c| catalog.credentials.get(c).map(|c| c.id.as_str()))
        .collect()
}

fn to_string(value: &impl Serialize) -> String {
    // Serialising plain structs of strings and finite numbers cannot fail; a NaN would become
    // null rather than an error.
    let mut text = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
    text.push('\n');
    text
}
