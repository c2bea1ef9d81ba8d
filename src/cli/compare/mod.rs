//! `skillpath compare`: two or three roles side by side for one person (`--roles`), or one
//! role's fastest, cheapest and fewest-credentials pathways and its hours-against-cost
//! trade-off (`--objectives`), as text, JSON or Markdown.

mod json;
mod markdown;
mod text;

use std::io::Write;

use time::Date;

use crate::catalog::{Catalog, RoleIdx};
use crate::cli::args::{CompareArgs, Format};
use crate::cli::person::{self, Subject};
use crate::cli::{CliError, plan, report};
use crate::plan::{Plan, RoleComparison, Tradeoff, compare_objectives, compare_roles, finish_date};

/// Roles side by side, and what they need to be shown.
pub(crate) struct RolesView<'a> {
    pub catalog: &'a Catalog,
    pub comparison: &'a RoleComparison,
    pub subject: &'a Subject,
    pub start: Date,
}

/// One role under each objective.
pub(crate) struct TradeoffView<'a> {
    pub catalog: &'a Catalog,
    pub role: RoleIdx,
    pub tradeoff: &'a Tradeoff,
    pub subject: &'a Subject,
    pub start: Date,
}

impl TradeoffView<'_> {
    /// The last day of study of `plan` at the person's pace.
    pub fn finish(&self, plan: &Plan) -> Date {
        finish_date(self.start, plan.totals.hours, self.subject.hours_per_week)
    }
}

pub fn run(catalog: &Catalog, args: &CompareArgs, out: &mut dyn Write) -> Result<(), CliError> {
    let subject = person::resolve(catalog, &args.person, Some(&args.options))?;
    let start = args.date.unwrap_or_else(report::today);
    if args.objectives {
        let role = person::role(catalog, args.role.as_deref(), &subject)?;
        let request = plan::request(role, &subject, &args.options);
        let tradeoff = compare_objectives(catalog, &request)?;
        let view = TradeoffView {
            catalog,
            role,
            tradeoff: &tradeoff,
            subject: &subject,
            start,
        };
        match args.format {
            Format::Text => text::tradeoff(out, &view)?,
            Format::Json => json::tradeoff(out, &view)?,
            Format::Markdown => markdown::tradeoff(out, &view)?,
        }
    } else {
        let roles = roles(catalog, &args.roles)?;
        let base = plan::request(roles[0], &subject, &args.options);
        let comparison = compare_roles(catalog, &base, &roles, start)?;
        let view = RolesView {
            catalog,
            comparison: &comparison,
            subject: &subject,
            start,
        };
        match args.format {
            Format::Text => text::roles(out, &view)?,
            Format::Json => json::roles(out, &view)?,
            Format::Markdown => markdown::roles(out, &view)?,
        }
    }
    Ok(())
}

/// The roles to compare: two or three distinct, known ids.
fn roles(catalog: &Catalog, ids: &[String]) -> Result<Vec<RoleIdx>, CliError> {
    if !(2..=3).contains(&ids.len()) {
        return Err(CliError::Usage(format!(
            "compare takes two or three roles (--roles A,B[,C]), not {}; for one role's \
             trade-off between objectives use --objectives --role ROLE",
            ids.len()
        )));
    }
    let mut roles = Vec::new();
    for id in ids {
        let role = catalog
            .role(id)
            .ok_or_else(|| CliError::unknown_role(id, catalog))?;
        if roles.contains(&role) {
            return Err(CliError::Usage(format!("role `{id}` is given twice")));
        }
        roles.push(role);
    }
    Ok(roles)
}

/// How `plan` differs from `base` (called `name`), for plans that share most of their steps:
/// "the same as the fastest", or "the fastest without a, b; with c", each id written by `id`.
fn difference(
    catalog: &Catalog,
    name: &str,
    base: &Plan,
    plan: &Plan,
    id: impl Fn(&str) -> String,
) -> String {
    let ids = |from: &Plan, not_in: &Plan| -> String {
        let ids: Vec<String> = from
            .steps
            .iter()
            .filter(|s| !not_in.steps.iter().any(|t| t.credential == s.credential))
            .map(|s| id(&catalog.credentials[s.credential].id))
            .collect();
        ids.join(", ")
    };
    let (without, with) = (ids(base, plan), ids(plan, base));
    match (without.is_empty(), with.is_empty()) {
        (true, true) => format!("the same as {name}"),
        (false, true) => format!("{name} without {without}"),
        (true, false) => format!("{name} with {with} too"),
        (false, false) => format!("{name} without {without}; with {with}"),
    }
}

/// "14%".
fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}
