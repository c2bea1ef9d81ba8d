//! JSON output. Field names follow cli.md exactly (scripts depend on them); extra fields are
//! additions, never renames.

use std::io::{self, Write};

use serde::Serialize;

use crate::catalog::Catalog;
use crate::cli::output::{GapReport, PlanView, RolesView};

#[derive(Serialize)]
struct PlanJson<'a> {
    role: &'a str,
    role_title: &'a str,
    objective: &'static str,
    /// The objective value of the plan.
    value: f64,
    optimal: bool,
    lower_bound: f64,
    currency: &'a str,
    hours_per_week: f64,
    steps: Vec<StepJson<'a>>,
    total: TotalJson,
    gap: Vec<GapJson<'a>>,
    uncoverable: Vec<UncoverableJson<'a>>,
    left_open: Vec<LeftOpenJson<'a>>,
    stats: StatsJson,
}

#[derive(Serialize)]
struct StepJson<'a> {
    id: &'a str,
    title: &'a str,
    provider: &'a str,
    hours: f64,
    cost: f64,
    start_week: u32,
    end_week: u32,
    closes: Vec<&'a str>,
    enables: Vec<&'a str>,
    url: Option<&'a str>,
}

#[derive(Serialize)]
struct TotalJson {
    hours: f64,
    cost: f64,
    credentials: usize,
    weeks: u32,
}

#[derive(Serialize)]
struct GapJson<'a> {
    skill: &'a str,
    have: u8,
    need: u8,
    importance: u8,
}

#[derive(Serialize)]
struct UncoverableJson<'a> {
    skill: &'a str,
    need: u8,
    best_available: u8,
}

#[derive(Serialize)]
struct LeftOpenJson<'a> {
    skill: &'a str,
    need: u8,
    reached: u8,
}

#[derive(Serialize)]
struct StatsJson {
    solve_ms: f64,
    nodes: u64,
    rounds: u32,
    candidates: usize,
}

pub fn plan(out: &mut dyn Write, view: &PlanView) -> io::Result<()> {
    let PlanView {
        catalog,
        role,
        plan,
        hours_per_week,
    } = *view;
    let role = &catalog.roles[role];
    let json = PlanJson {
        role: &role.id,
        role_title: &role.title,
        objective: plan.objective.name(),
        value: plan.value,
        optimal: plan.optimal,
        lower_bound: plan.lower_bound,
        currency: &catalog.meta.currency,
        hours_per_week,
        steps: plan
            .steps
            .iter()
            .map(|step| {
                let credential = &catalog.credentials[step.credential];
                StepJson {
                    id: &credential.id,
                    title: &credential.title,
                    provider: &credential.provider,
                    hours: credential.hours,
                    cost: credential.cost,
                    start_week: step.start_week,
                    end_week: step.end_week,
                    closes: step.closes.iter().map(|&s| skill_id(catalog, s)).collect(),
                    enables: step
                        .enables
                        .iter()
                        .map(|&c| catalog.credentials[c].id.as_str())
                        .collect(),
                    url: credential.url.as_deref(),
                }
            })
            .collect(),
        total: TotalJson {
            hours: plan.totals.hours,
            cost: plan.totals.cost,
            credentials: plan.totals.credentials,
            weeks: plan.totals.weeks,
        },
        gap: plan
            .gap
            .iter()
            .map(|g| GapJson {
                skill: skill_id(catalog, g.skill),
                have: g.have,
                need: g.need,
                importance: g.importance,
            })
            .collect(),
        uncoverable: plan
            .uncoverable
            .iter()
            .map(|u| UncoverableJson {
                skill: skill_id(catalog, u.skill),
                need: u.need,
                best_available: u.best_available,
            })
            .collect(),
        left_open: plan
            .left_open
            .iter()
            .map(|l| LeftOpenJson {
                skill: skill_id(catalog, l.skill),
                need: l.need,
                reached: l.reached,
            })
            .collect(),
        stats: StatsJson {
            solve_ms: plan.stats.solve_ms,
            nodes: plan.stats.nodes,
            rounds: plan.stats.rounds,
            candidates: plan.stats.candidates,
        },
    };
    write(out, &json)
}

#[derive(Serialize)]
struct GapReportJson<'a> {
    role: &'a str,
    role_title: &'a str,
    fit: f64,
    /// Required skills below their level.
    gap: Vec<GapRowJson<'a>>,
    /// Required skills already at their level.
    met: Vec<GapRowJson<'a>>,
}

#[derive(Serialize)]
struct GapRowJson<'a> {
    skill: &'a str,
    name: &'a str,
    have: u8,
    need: u8,
    importance: u8,
    best_available: u8,
    coverable: bool,
}

pub fn gap(out: &mut dyn Write, catalog: &Catalog, report: &GapReport) -> io::Result<()> {
    let role = &catalog.roles[report.role];
    let row = |r: &crate::cli::output::GapRow| {
        let skill = &catalog.skills[r.skill];
        GapRowJson {
            skill: &skill.id,
            name: &skill.name,
            have: r.have,
            need: r.need,
            importance: r.importance,
            best_available: r.best_available,
            coverable: r.is_coverable(),
        }
    };
    let json = GapReportJson {
        role: &role.id,
        role_title: &role.title,
        fit: report.fit,
        gap: report.rows.iter().filter(|r| r.is_gap()).map(row).collect(),
        met: report
            .rows
            .iter()
            .filter(|r| !r.is_gap())
            .map(row)
            .collect(),
    };
    write(out, &json)
}

#[derive(Serialize)]
struct RolesJson<'a> {
    objective: &'static str,
    roles: Vec<RoleJson<'a>>,
}

#[derive(Serialize)]
struct RoleJson<'a> {
    id: &'a str,
    title: &'a str,
    objective: f64,
    fit: f64,
    gap_skills: usize,
    uncoverable: usize,
    optimal: bool,
}

pub fn roles(out: &mut dyn Write, view: &RolesView) -> io::Result<()> {
    let json = RolesJson {
        objective: view.objective.name(),
        roles: view
            .ranks
            .iter()
            .map(|rank| {
                let role = &view.catalog.roles[rank.role];
                RoleJson {
                    id: &role.id,
                    title: &role.title,
                    objective: rank.objective,
                    fit: rank.fit,
                    gap_skills: rank.gap_skills,
                    uncoverable: rank.uncoverable,
                    optimal: rank.optimal,
                }
            })
            .collect(),
    };
    write(out, &json)
}

fn skill_id(catalog: &Catalog, skill: usize) -> &str {
    &catalog.skills[skill].id
}

fn write(out: &mut dyn Write, value: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value).map_err(io::Error::from)?;
    writeln!(out)
}
