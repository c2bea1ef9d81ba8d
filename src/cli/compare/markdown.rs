//! Comparisons as Markdown for a session's notes or a client: a figures table with one column
//! per role (or objective), then lists.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::cli::compare::{RolesView, TradeoffView, difference, percent};
use crate::cli::output::{hours, money, number};
use crate::plan::{PARETO_LIMIT, Plan, iso_date};
use crate::report::md::{Align, escape, table};

pub fn roles(out: &mut dyn Write, view: &RolesView) -> io::Result<()> {
    let RolesView {
        catalog,
        comparison,
        subject,
        start,
    } = *view;
    let currency = catalog.meta.currency.as_str();
    let titles: Vec<String> = comparison
        .options
        .iter()
        .map(|o| escape(&catalog.roles[o.role].title))
        .collect();
    writeln!(out, "# {}", titles.join(" vs "))?;
    writeln!(out)?;
    writeln!(
        out,
        "Minimising {}, at {} hours per week from {}.",
        subject.objective.name(),
        number(subject.hours_per_week),
        iso_date(start)
    )?;
    writeln!(out)?;

    let mut header = vec![("", Align::Left)];
    header.extend(titles.iter().map(|t| (t.as_str(), Align::Right)));
    let options = &comparison.options;
    let row = |label: &str, cell: &dyn Fn(&crate::plan::RoleOption) -> String| {
        let mut cells = vec![label.to_string()];
        cells.extend(options.iter().map(cell));
        cells
    };
    let rows = vec![
        row("Fit now", &|o| percent(o.fit)),
        row("Gap skills", &|o| o.gap.len().to_string()),
        row("Hours", &|o| hours(o.plan.totals.hours)),
        row("Cost", &|o| money(o.plan.totals.cost, currency)),
        row("Credentials", &|o| o.plan.totals.credentials.to_string()),
        row("Weeks", &|o| o.plan.totals.weeks.to_string()),
        row("Finish", &|o| iso_date(o.finish)),
        row("Proven optimal", &|o| yes_no(o.plan.optimal)),
    ];
    write!(out, "{}", table(&header, &rows))?;
    writeln!(out)?;

    writeln!(out, "## Gap, essential first")?;
    writeln!(out)?;
    for option in options {
        let items: Vec<String> = option
            .gap
            .iter()
            .map(|g| {
                format!(
                    "{} {}→{} (importance {})",
                    escape(&catalog.skills[g.skill].name),
                    g.have,
                    g.need,
                    g.importance
                )
            })
            .collect();
        let items = if items.is_empty() {
            "none".to_string()
        } else {
            items.join(", ")
        };
        writeln!(
            out,
            "- **{}**: {items}",
            escape(&catalog.roles[option.role].title)
        )?;
    }
    writeln!(out)?;

    writeln!(out, "## Shared credentials")?;
    writeln!(out)?;
    if comparison.shared.is_empty() {
        writeln!(out, "None: the pathways have nothing in common.")?;
    }
    for shared in &comparison.shared {
        let roles: Vec<String> = shared
            .roles
            .iter()
            .map(|&r| escape(&catalog.roles[r].title))
            .collect();
        writeln!(
            out,
            "- {} (`{}`): {}",
            escape(&catalog.credentials[shared.credential].title),
            catalog.credentials[shared.credential].id,
            roles.join(", ")
        )?;
    }
    Ok(())
}

pub fn tradeoff(out: &mut dyn Write, view: &TradeoffView) -> io::Result<()> {
    let catalog = view.catalog;
    let role = &catalog.roles[view.role];
    let tradeoff = view.tradeoff;
    writeln!(out, "# Trade-off for {}", escape(&role.title))?;
    writeln!(out)?;
    writeln!(
        out,
        "At {} hours per week from {}.",
        number(view.subject.hours_per_week),
        iso_date(view.start)
    )?;
    writeln!(out)?;
    let corners = [
        ("Fastest", &tradeoff.fastest),
        ("Cheapest", &tradeoff.cheapest),
        ("Fewest credentials", &tradeoff.fewest),
    ];
    let mut header = vec![("", Align::Left)];
    header.extend(corners.iter().map(|(name, _)| (*name, Align::Right)));
    let labels = ["Hours", "Cost", "Credentials", "Weeks", "Finish"];
    let rows: Vec<Vec<String>> = labels
        .iter()
        .enumerate()
        .map(|(k, label)| {
            let mut cells = vec![label.to_string()];
            cells.extend(
                corners
                    .iter()
                    .map(|(_, plan)| figures(view, plan)[k].clone()),
            );
            cells
        })
        .collect();
    write!(out, "{}", table(&header, &rows))?;
    writeln!(out)?;
    writeln!(out, "- Fastest: {}", steps(catalog, &tradeoff.fastest))?;
    for (name, plan) in &corners[1..] {
        writeln!(
            out,
            "- {name}: {}",
            difference(catalog, "the fastest", &tradeoff.fastest, plan, code)
        )?;
    }
    writeln!(out)?;

    writeln!(out, "## Hours against cost")?;
    writeln!(out)?;
    match &tradeoff.frontier {
        Some(frontier) => {
            writeln!(
                out,
                "Every plan that no other beats on both hours and cost, fastest first:"
            )?;
            writeln!(out)?;
            let rows: Vec<Vec<String>> = frontier
                .iter()
                .enumerate()
                .map(|(n, plan)| {
                    let mut cells = vec![(n + 1).to_string()];
                    cells.extend(figures(view, plan));
                    cells.push(match n {
                        0 => "the fastest (above)".to_string(),
                        _ => {
                            difference(catalog, &format!("plan {n}"), &frontier[n - 1], plan, code)
                        }
                    });
                    cells
                })
                .collect();
            let header = [
                ("#", Align::Right),
                ("Hours", Align::Right),
                ("Cost", Align::Right),
                ("Credentials", Align::Right),
                ("Weeks", Align::Right),
                ("Finish", Align::Left),
                ("Taken", Align::Left),
            ];
            write!(out, "{}", table(&header, &rows))?;
        }
        None => writeln!(
            out,
            "More than {PARETO_LIMIT} plans trade hours against cost; the fastest and the \
             cheapest above are its two ends."
        )?,
    }
    if !tradeoff.proven {
        writeln!(out)?;
        writeln!(
            out,
            "*Some plans were cut short by the time limit: they are the best found, not proven \
             optimal.*"
        )?;
    }
    Ok(())
}

/// Hours, cost, credentials, weeks and finish of a plan.
fn figures(view: &TradeoffView, plan: &Plan) -> Vec<String> {
    vec![
        hours(plan.totals.hours),
        money(plan.totals.cost, &view.catalog.meta.currency),
        plan.totals.credentials.to_string(),
        plan.totals.weeks.to_string(),
        iso_date(view.finish(plan)),
    ]
}

fn steps(catalog: &Catalog, plan: &Plan) -> String {
    if plan.steps.is_empty() {
        return "nothing to take".to_string();
    }
    let ids: Vec<String> = plan
        .steps
        .iter()
        .map(|s| code(&catalog.credentials[s.credential].id))
        .collect();
    ids.join(", ")
}

fn code(id: &str) -> String {
    format!("`{id}`")
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_string()
}
