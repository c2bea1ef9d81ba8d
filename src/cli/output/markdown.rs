//! Markdown for reports an advisor hands to a client: a heading, the steps as a table, totals,
//! the gap, and what stays open.

use std::io::{self, Write};

use crate::cli::output::text::objective_value;
use crate::cli::output::{PlanView, count, hours, money, number, week_span};

pub fn plan(out: &mut dyn Write, view: &PlanView) -> io::Result<()> {
    let PlanView {
        catalog,
        role,
        plan,
        hours_per_week,
    } = *view;
    let role = &catalog.roles[role];
    let currency = catalog.meta.currency.as_str();
    let skill = |s: usize| {
        format!(
            "{} (`{}`)",
            cell(&catalog.skills[s].name),
            catalog.skills[s].id
        )
    };

    writeln!(out, "# Pathway to {}", cell(&role.title))?;
    writeln!(out)?;
    let proof = if plan.optimal {
        "proven optimal".to_string()
    } else {
        format!(
            "best found within the time limit; no plan can be below {}",
            objective_value(plan.objective, plan.lower_bound, currency)
        )
    };
    writeln!(
        out,
        "Minimising {}: {} ({proof}). Schedule at {} hours per week.",
        plan.objective.name(),
        objective_value(plan.objective, plan.value, currency),
        number(hours_per_week)
    )?;
    writeln!(out)?;

    writeln!(out, "## Steps")?;
    writeln!(out)?;
    if plan.steps.is_empty() {
        writeln!(out, "No credential to take.")?;
    } else {
        writeln!(
            out,
            "| # | Credential | Provider | Hours | Cost | Weeks | Closes | Enables |"
        )?;
        writeln!(out, "|--:|---|---|--:|--:|---|---|---|")?;
        for (n, step) in plan.steps.iter().enumerate() {
            let credential = &catalog.credentials[step.credential];
            let title = match &credential.url {
                Some(url) => format!("[{}]({url})", cell(&credential.title)),
                None => cell(&credential.title),
            };
            let closes: Vec<String> = step.closes.iter().map(|&s| skill(s)).collect();
            let enables: Vec<String> = step
                .enables
                .iter()
                .map(|&c| format!("`{}`", catalog.credentials[c].id))
                .collect();
            writeln!(
                out,
                "| {} | {title} (`{}`) | {} | {} | {} | {} | {} | {} |",
                n + 1,
                credential.id,
                cell(&credential.provider),
                number(credential.hours),
                money(credential.cost, currency),
                week_span(step.start_week, step.end_week),
                closes.join(", "),
                enables.join(", "),
            )?;
        }
    }
    writeln!(out)?;
    let totals = &plan.totals;
    writeln!(
        out,
        "**Total:** {}, {}, {}, {}.",
        count(totals.credentials, "credential"),
        hours(totals.hours),
        money(totals.cost, currency),
        count(totals.weeks as usize, "week")
    )?;
    writeln!(out)?;

    writeln!(out, "## Gap")?;
    writeln!(out)?;
    if plan.gap.is_empty() {
        writeln!(out, "Every required skill is already at its level.")?;
    } else {
        writeln!(out, "| Skill | Have | Need | Importance |")?;
        writeln!(out, "|---|--:|--:|--:|")?;
        for g in &plan.gap {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                skill(g.skill),
                g.have,
                g.need,
                g.importance
            )?;
        }
    }
    writeln!(out)?;

    writeln!(out, "## What stays open")?;
    writeln!(out)?;
    if plan.uncoverable.is_empty() && plan.left_open.is_empty() {
        writeln!(out, "Nothing: this pathway closes the whole gap.")?;
    }
    for u in &plan.uncoverable {
        writeln!(
            out,
            "- {}: needs level {}; no credential in the catalog goes beyond {}.",
            skill(u.skill),
            u.need,
            u.best_available
        )?;
    }
    for l in &plan.left_open {
        writeln!(
            out,
            "- {}: needs level {}; this plan reaches {} within the budget and exclusions.",
            skill(l.skill),
            l.need,
            l.reached
        )?;
    }
    writeln!(out)?;
    let as_of = catalog
        .meta
        .as_of
        .as_deref()
        .map_or(String::new(), |d| format!(" (as of {d})"));
    writeln!(
        out,
        "*Hours and costs are indicative{as_of}; check them with the providers.*"
    )
}

/// Text safe inside a table cell: pipes escaped, line breaks flattened.
fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
}
