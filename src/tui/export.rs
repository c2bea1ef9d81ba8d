//! The current plan as a Markdown report and as JSON, in the same formats as
//! `skillpath plan --format markdown|json`, and the client's handover report as
//! `skillpath report` writes it, so what the TUI writes and what a script writes agree. Both
//! are built from the plan and the person's settings, never from the profile itself, so an
//! advisor's notes cannot reach them.

use time::Date;

use crate::catalog::Catalog;
use crate::cli::output::{PlanView, json, markdown};
use crate::plan::{Alternative, Plan, PlanRequest};
use crate::report::Report;
use crate::tui::analysis::{Analysis, Outcome};
use crate::tui::format;
use crate::tui::msg::{Export, ReportFiles};

/// The export of the analysed plan, or why there is nothing to export.
pub fn plan(catalog: &Catalog, analysis: &Analysis, today: Date) -> Result<Export, String> {
    let (role, plan) = match (&analysis.outcome, analysis.role()) {
        (Outcome::Planned(plan), Some(role)) => (role, plan),
        (Outcome::Failed(error), _) => return Err(format!("Nothing to export: {error}")),
        (Outcome::Planning, _) => {
            return Err("Nothing to export yet: the plan is still being worked out.".into());
        }
        _ => return Err("Nothing to export yet: choose a target role first (1).".into()),
    };
    let view = PlanView {
        catalog,
        role,
        plan,
        hours_per_week: analysis.profile.hours_per_week,
    };
    let mut report = Vec::new();
    markdown::plan(&mut report, &view).map_err(|e| format!("Could not write the report: {e}"))?;
    let mut body = Vec::new();
    json::plan(&mut body, &view).map_err(|e| format!("Could not write the JSON: {e}"))?;

    let mut markdown = String::from_utf8_lossy(&report).into_owned();
    markdown.push_str(&format!(
        "\nPrepared {} for {}; week 1 starts {}, the last week ends {}.\n",
        format::iso_date(today),
        if analysis.profile.name.is_empty() {
            "you"
        } else {
            &analysis.profile.name
        },
        format::iso_date(today),
        format::iso_date(format::week_start(today, plan.totals.weeks.max(1) + 1)),
    ));
    let name = if analysis.profile.name.is_empty() {
        "plan"
    } else {
        &analysis.profile.name
    };
    Ok(Export {
        stem: format!("skillpath-{name}-{}", catalog.roles[role].id),
        markdown,
        json: String::from_utf8_lossy(&body).into_owned(),
    })
}

/// The handover report of `best` for `client`, dated `today`.
pub fn report(
    catalog: &Catalog,
    request: &PlanRequest,
    best: Plan,
    alternatives: Vec<Alternative>,
    client: &str,
    today: Date,
) -> ReportFiles {
    let report = Report::from_plan(catalog, request, best, alternatives, client, today);
    let name = if client.is_empty() { "client" } else { client };
    ReportFiles {
        stem: format!("skillpath-report-{name}-{}", catalog.roles[request.role].id),
        markdown: report.markdown(),
        html: report.html(),
    }
}
