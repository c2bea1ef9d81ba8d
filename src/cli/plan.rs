//! `skillpath plan`: the optimal pathway for a role, as text, JSON or Markdown.

use std::io::Write;
use std::time::Duration;

use crate::catalog::{Catalog, RoleIdx};
use crate::cli::CliError;
use crate::cli::args::{Format, PersonArgs, PlanArgs, PlanOptions};
use crate::cli::output::{PlanView, json, markdown, text};
use crate::cli::person::{self, Subject};
use crate::plan::{Plan, PlanRequest};

pub fn run(catalog: &Catalog, args: &PlanArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let (role, subject, plan) = solve(catalog, args.role.as_deref(), &args.person, &args.options)?;
    let view = PlanView {
        catalog,
        role,
        plan: &plan,
        hours_per_week: subject.hours_per_week,
    };
    match args.format {
        Format::Text => text::plan(out, &view)?,
        Format::Json => json::plan(out, &view)?,
        Format::Markdown => markdown::plan(out, &view)?,
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
    let request = PlanRequest {
        objective: subject.objective,
        constraints: subject.constraints.clone(),
        hours_per_week: subject.hours_per_week,
        time_limit: Duration::from_millis(options.time_limit_ms),
        ..PlanRequest::new(role, subject.person.clone())
    };
    let plan = crate::plan::plan(catalog, &request)?;
    Ok((role, subject, plan))
}
