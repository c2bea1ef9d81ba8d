//! Comparisons as text: one column per role (or per objective), one row per figure, then the
//! lists that do not fit a cell.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::cli::compare::{RolesView, TradeoffView, difference, percent};
use crate::cli::output::{Align, Table, hours, money, number};
use crate::plan::{PARETO_LIMIT, Plan, iso_date};

/// Width at which lists wrap.
const LINE_WIDTH: usize = 96;

pub fn roles(out: &mut dyn Write, view: &RolesView) -> io::Result<()> {
    let RolesView {
        catalog,
        comparison,
        subject,
        start,
    } = *view;
    let currency = catalog.meta.currency.as_str();
    writeln!(
        out,
        "{} roles side by side{}, minimising {}, at {} h/week from {}",
        comparison.options.len(),
        for_whom(&subject.name),
        subject.objective.name(),
        number(subject.hours_per_week),
        iso_date(start)
    )?;
    writeln!(out)?;

    let mut header = vec![("", Align::Left)];
    header.extend(
        comparison
            .options
            .iter()
            .map(|o| (catalog.roles[o.role].id.as_str(), Align::Right)),
    );
    let mut table = Table::new(&header);
    let mut row = |label: &str, cell: &dyn Fn(&crate::plan::RoleOption) -> String| {
        let mut cells = vec![label.to_string()];
        cells.extend(comparison.options.iter().map(cell));
        table.row(cells);
    };
    row("Fit now", &|o| percent(o.fit));
    row("Gap skills", &|o| o.gap.len().to_string());
    row("Hours", &|o| hours(o.plan.totals.hours));
    row("Cost", &|o| money(o.plan.totals.cost, currency));
    row("Credentials", &|o| o.plan.totals.credentials.to_string());
    row("Weeks", &|o| o.plan.totals.weeks.to_string());
    row("Finish", &|o| iso_date(o.finish));
    row("Proven optimal", &|o| yes_no(o.plan.optimal));
    row("Uncoverable", &|o| o.plan.uncoverable.len().to_string());
    write!(out, "{}", table.render("  "))?;
    writeln!(out)?;

    writeln!(out, "Gap, essential first (have→need, importance):")?;
    for option in &comparison.options {
        let items: Vec<String> = option
            .gap
            .iter()
            .map(|g| {
                format!(
                    "{} {}→{} ({})",
                    catalog.skills[g.skill].id, g.have, g.need, g.importance
                )
            })
            .collect();
        let items = if items.is_empty() {
            vec!["none".to_string()]
        } else {
            items
        };
        write_wrapped(
            out,
            &format!("  {}:", catalog.roles[option.role].id),
            &items,
        )?;
    }
    writeln!(out)?;
    if comparison.shared.is_empty() {
        writeln!(
            out,
            "Shared credentials: none; the pathways have nothing in common."
        )?;
    } else {
        writeln!(
            out,
            "Shared credentials (taking one counts towards each role):"
        )?;
        for shared in &comparison.shared {
            let roles: Vec<String> = shared
                .roles
                .iter()
                .map(|&r| catalog.roles[r].id.clone())
                .collect();
            write_wrapped(
                out,
                &format!("  {}:", catalog.credentials[shared.credential].id),
                &roles,
            )?;
        }
    }
    writeln!(out)?;
    writeln!(
        out,
        "Fit: share of the weighted requirement met now. Finish: last day of study at your pace."
    )
}

pub fn tradeoff(out: &mut dyn Write, view: &TradeoffView) -> io::Result<()> {
    let catalog = view.catalog;
    let role = &catalog.roles[view.role];
    let tradeoff = view.tradeoff;
    writeln!(
        out,
        "Trade-off for {} ({}){}, at {} h/week from {}",
        role.title,
        role.id,
        for_whom(&view.subject.name),
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
    let mut table = Table::new(&header);
    for (label, cell) in figures(view) {
        let mut cells = vec![label.to_string()];
        cells.extend(corners.iter().map(|(_, plan)| cell(plan)));
        table.row(cells);
    }
    write!(out, "{}", table.render("  "))?;
    writeln!(out)?;
    write_wrapped(out, "Fastest:", &steps(catalog, &tradeoff.fastest))?;
    for (name, plan) in &corners[1..] {
        writeln!(
            out,
            "{name}: {}",
            difference(
                catalog,
                "the fastest",
                &tradeoff.fastest,
                plan,
                str::to_string
            )
        )?;
    }
    writeln!(out)?;

    match &tradeoff.frontier {
        Some(frontier) => {
            writeln!(
                out,
                "Every plan that no other beats on both hours and cost ({}, fastest first; 1 is \
                 the fastest):",
                frontier.len()
            )?;
            let mut table = Table::new(&[
                ("#", Align::Right),
                ("Hours", Align::Right),
                ("Cost", Align::Right),
                ("Credentials", Align::Right),
                ("Weeks", Align::Right),
                ("Finish", Align::Left),
            ]);
            for (n, plan) in frontier.iter().enumerate() {
                let mut cells = vec![(n + 1).to_string()];
                cells.extend(figures(view).iter().take(5).map(|(_, cell)| cell(plan)));
                table.row(cells);
            }
            write!(out, "{}", table.render("  "))?;
            for (n, pair) in frontier.windows(2).enumerate() {
                writeln!(
                    out,
                    "  {}: {}",
                    n + 2,
                    difference(
                        catalog,
                        &format!("plan {}", n + 1),
                        &pair[0],
                        &pair[1],
                        str::to_string
                    )
                )?;
            }
        }
        None => writeln!(
            out,
            "More than {PARETO_LIMIT} plans trade hours against cost; the fastest and the \
             cheapest above are its two ends."
        )?,
    }
    if !tradeoff.proven {
        writeln!(
            out,
            "Some plans were cut short by the time limit: they are the best found, not proven \
             optimal (raise --time-limit-ms)."
        )?;
    }
    Ok(())
}

type Figure<'v> = (&'static str, Box<dyn Fn(&Plan) -> String + 'v>);

/// The rows shown for each plan of a trade-off, in order.
fn figures<'v>(view: &'v TradeoffView) -> Vec<Figure<'v>> {
    let currency = view.catalog.meta.currency.as_str();
    vec![
        ("Hours", Box::new(|p: &Plan| hours(p.totals.hours))),
        (
            "Cost",
            Box::new(move |p: &Plan| money(p.totals.cost, currency)),
        ),
        (
            "Credentials",
            Box::new(|p: &Plan| p.totals.credentials.to_string()),
        ),
        ("Weeks", Box::new(|p: &Plan| p.totals.weeks.to_string())),
        ("Finish", Box::new(move |p: &Plan| iso_date(view.finish(p)))),
        ("Proven optimal", Box::new(|p: &Plan| yes_no(p.optimal))),
    ]
}

fn steps(catalog: &Catalog, plan: &Plan) -> Vec<String> {
    if plan.steps.is_empty() {
        return vec!["nothing to take".to_string()];
    }
    plan.steps
        .iter()
        .map(|s| catalog.credentials[s.credential].id.clone())
        .collect()
}

fn for_whom(name: &str) -> String {
    if name.is_empty() {
        String::new()
    } else {
        format!(" for {name}")
    }
}

fn yes_no(flag: bool) -> String {
    if flag { "yes" } else { "no" }.to_string()
}

/// `label item, item, ...` wrapped at [`LINE_WIDTH`], continuation lines indented under the
/// first item; an item is never split.
fn write_wrapped(out: &mut dyn Write, label: &str, items: &[String]) -> io::Result<()> {
    let indent = " ".repeat(label.chars().count() + 1);
    let mut line = label.to_string();
    for (n, item) in items.iter().enumerate() {
        let piece = if n + 1 < items.len() {
            format!("{item},")
        } else {
            item.clone()
        };
        if n > 0 && line.chars().count() + 1 + piece.chars().count() > LINE_WIDTH {
            writeln!(out, "{line}")?;
            line = format!("{indent}{piece}");
        } else {
            line.push(' ');
            line.push_str(&piece);
        }
    }
    writeln!(out, "{line}")
}
