//! `skillpath plan`: the optimal pathway for a role, as text, JSON or Markdown, and with
//! `--alternatives` the next-best plans without each of its steps.

use std::io::Write;
use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use crate::cli::CliError;
use crate::cli::args::{Format, PersonArgs, PlanArgs, PlanOptions};
use crate::cli::output::{
    Align, PlanView, Table, credential_ids, hours, json, markdown, money, skill_ids, text,
};
use crate::cli::person::{self, Subject};
use crate::plan::{Alternative, MAX_ALTERNATIVES, Plan, PlanRequest, alternatives};
use crate::report::{alternatives_json, alternatives_markdown};

pub fn run(catalog: &Catalog, args: &PlanArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let (role, subject, plan) = solve(catalog, args.role.as_deref(), &args.person, &args.options)?;
    let view = PlanView {
        catalog,
        role,
        plan: &plan,
        hours_per_week: subject.hours_per_week,
    };
    let others = if args.alternatives {
        let request = request(role, &subject, &args.options);
        Some(alternatives(catalog, &request, &plan, MAX_ALTERNATIVES)?)
    } else {
        None
    };
    match (args.format, &others) {
        (Format::Text, others) => {
            text::plan(out, &view)?;
            if let Some(others) = others {
                write_alternatives(out, catalog, &plan, others)?;
            }
        }
        (Format::Json, None) => json::plan(out, &view)?,
        (Format::Json, Some(others)) => {
            // The plan's JSON is defined once, in output::json; the alternatives are one more
            // field beside its others.
            let mut body = Vec::new();
            json::plan(&mut body, &view)?;
            let mut value: serde_json::Value =
                serde_json::from_slice(&body).map_err(std::io::Error::from)?;
            if let Some(object) = value.as_object_mut() {
                object.insert(
                    "alternatives".into(),
                    alternatives_json(catalog, &plan, others),
                );
            }
            serde_json::to_writer_pretty(&mut *out, &value).map_err(std::io::Error::from)?;
            writeln!(out)?;
        }
        (Format::Markdown, others) => {
            markdown::plan(out, &view)?;
            if let Some(others) = others {
                writeln!(out)?;
                writeln!(out, "## Alternatives")?;
                writeln!(out)?;
                write!(out, "{}", alternatives_markdown(catalog, &plan, others))?;
            }
        }
    }
    Ok(())
}

/// Resolves the person and the role and runs the exact planner (shared with `graph`).
pub fn solve(
    catalog: &Catalog,
    role: Option<&str>,
    person_args: &PersonArgs,
    options: &PlanOptions,
) -> Result<(RoleIdx, Subject, Plan), CliError> {
    let subject = person::resolve(catalog, person_args, Some(options))?;
    let role = person::role(catalog, role, &subject)?;
    let plan = crate::plan::plan(catalog, &request(role, &subject, options))?;
    Ok((role, subject, plan))
}

/// The planner's request for `role` from a resolved person and the plan options.
pub fn request(role: RoleIdx, subject: &Subject, options: &PlanOptions) -> PlanRequest {
    PlanRequest {
        objective: subject.objective,
        constraints: subject.constraints.clone(),
        hours_per_week: subject.hours_per_week,
        time_limit: Duration::from_millis(options.time_limit_ms),
        ..PlanRequest::new(role, subject.person.clone())
    }
}

/// The alternatives as a table under the plan: what each avoids, its totals against the
/// best, and what it takes instead.
fn write_alternatives(
    out: &mut dyn Write,
    catalog: &Catalog,
    best: &Plan,
    others: &[Alternative],
) -> std::io::Result<()> {
    writeln!(out)?;
    if others.is_empty() {
        writeln!(
            out,
            "Alternatives: none; no other set of credentials closes the gap within these \
             constraints."
        )?;
        return Ok(());
    }
    writeln!(
        out,
        "Alternatives: the best plan without each step (each proven optimal unless marked *)"
    )?;
    let currency = catalog.meta.currency.as_str();
    let mut table = Table::new(&[
        ("Without", Align::Left),
        ("Hours", Align::Right),
        ("", Align::Right),
        ("Cost", Align::Right),
        ("", Align::Right),
        ("Steps", Align::Right),
        ("Takes instead", Align::Left),
    ]);
    for alternative in others {
        let plan = &alternative.plan;
        let mut instead = credential_ids(catalog, &alternative.added);
        if !plan.left_open.is_empty() {
            let open: Vec<usize> = plan.left_open.iter().map(|l| l.skill).collect();
            let open = skill_ids(catalog, &open);
            instead = if instead.is_empty() {
                format!("leaves {open} open")
            } else {
                format!("{instead}; leaves {open} open")
            };
        }
        let mut avoided = catalog.credentials[alternative.avoids].id.clone();
        if !plan.optimal {
            avoided.push('*');
        }
        table.row(vec![
            avoided,
            hours(plan.totals.hours),
            signed(plan.totals.hours - best.totals.hours, hours),
            money(plan.totals.cost, currency),
            signed(plan.totals.cost - best.totals.cost, |v| money(v, currency)),
            plan.totals.credentials.to_string(),
            instead,
        ]);
    }
    write!(out, "{}", table.render("  "))
}

/// "(+6 h)", "(−$250.00)", or nothing when equal.
fn signed(delta: f64, unit: impl Fn(f64) -> String) -> String {
    if delta.abs() < 1e-9 {
        String::new()
    } else if delta > 0.0 {
        format!("(+{})", unit(delta))
    } else {
        format!("(−{})", unit(-delta))
    }
}
