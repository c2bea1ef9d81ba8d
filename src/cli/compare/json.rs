//! Comparisons as JSON for other tools: ids for joining with the catalog, dates as YYYY-MM-DD.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::compare::{RolesView, TradeoffView};
use crate::plan::{PARETO_LIMIT, Plan, iso_date};

#[derive(Serialize)]
struct RolesJson<'a> {
    objective: &'static str,
    hours_per_week: f64,
    start_date: String,
    currency: &'a str,
    roles: Vec<RoleJson<'a>>,
    shared: Vec<SharedJson<'a>>,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    title: &'a str,
    fit: f64,
    /// Essential first.
    gap: Vec<GapJson<'a>>,
    #[serde(flatten)]
    plan: PlanJson<'a>,
}

#[derive(Serialize)]
struct GapJson<'a> {
    skill: &'a str,
    have: u8,
    need: u8,
    importance: u8,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    hours: f64,
    cost: f64,
    credentials: usize,
    weeks: u32,
    finish_date: String,
    optimal: bool,
    steps: Vec<&'a str>,
    uncoverable: Vec<&'a str>,
    left_open: Vec<&'a str>,
}

#[derive(Serialize)]
struct SharedJson<'a> {
    id: &'a str,
    roles: Vec<&'a str>,
}

pub fn roles(out: &mut dyn Write, view: &RolesView) -> io::Result<()> {
    let catalog = view.catalog;
    let json = RolesJson {
        objective: view.subject.objective.name(),
        hours_per_week: view.subject.hours_per_week,
        start_date: iso_date(view.start),
        currency: &catalog.meta.currency,
        roles: view
            .comparison
            .options
            .iter()
            .map(|o| {
                let role = &catalog.roles[o.role];
                RoleJson {
                    id: &role.id,
                    title: &role.title,
                    fit: o.fit,
                    gap: o
                        .gap
                        .iter()
                        .map(|g| GapJson {
                            skill: &catalog.skills[g.skill].id,
                            have: g.have,
                            need: g.need,
                            importance: g.importance,
                        })
                        .collect(),
                    plan: plan_json(catalog, &o.plan, iso_date(o.finish)),
                }
            })
            .collect(),
        shared: view
            .comparison
            .shared
            .iter()
            .map(|s| SharedJson {
                id: &catalog.credentials[s.credential].id,
                roles: s
                    .roles
                    .iter()
                    .map(|&r| catalog.roles[r].id.as_str())
                    .collect(),
            })
            .collect(),
    };
    write(out, &json)
}

#[derive(Serialize)]
struct TradeoffJson<'a> {
    role: &'a str,
    title: &'a str,
    hours_per_week: f64,
    start_date: String,
    currency: &'a str,
    fastest: PlanJson<'a>,
    cheapest: PlanJson<'a>,
    fewest: PlanJson<'a>,
    /// Every plan no other beats on both hours and cost, fastest first; null past the limit.
    frontier: Option<Vec<PlanJson<'a>>>,
    frontier_limit: usize,
    proven: bool,
}

pub fn tradeoff(out: &mut dyn Write, view: &TradeoffView) -> io::Result<()> {
    let catalog = view.catalog;
    let role = &catalog.roles[view.role];
    let tradeoff = view.tradeoff;
    let plan = |p: &Plan| plan_json(catalog, p, iso_date(view.finish(p)));
    let json = TradeoffJson {
        role: &role.id,
        title: &role.title,
        hours_per_week: view.subject.hours_per_week,
        start_date: iso_date(view.start),
        currency: &catalog.meta.currency,
        fastest: plan(&tradeoff.fastest),
        cheapest: plan(&tradeoff.cheapest),
        fewest: plan(&tradeoff.fewest),
        frontier: tradeoff
            .frontier
            .as_ref()
            .map(|points| points.iter().map(plan).collect()),
        frontier_limit: PARETO_LIMIT,
        proven: tradeoff.proven,
    };
    write(out, &json)
}

fn plan_json<'a>(catalog: &'a Catalog, plan: &Plan, finish_date: String) -> PlanJson<'a> {
    PlanJson {
        hours: plan.totals.hours,
        cost: plan.totals.cost,
        credentials: plan.totals.credentials,
        weeks: plan.totals.weeks,
        finish_date,
        optimal: plan.optimal,
        steps: plan
            .steps
            .iter()
            .map(|s| catalog.credentials[s.credential].id.as_str())
            .collect(),
        uncoverable: plan
            .uncoverable
            .iter()
            .map(|u| catalog.skills[u.skill].id.as_str())
            .collect(),
        left_open: plan
            .left_open
            .iter()
            .map(|l| catalog.skills[l.skill].id.as_str())
            .collect(),
    }
}

fn write(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}
