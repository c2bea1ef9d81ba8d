//! Text output for people: aligned columns, totals, a short legend.

use std::io::{self, Write};

use crate::catalog::Catalog;
use crate::cli::output::{
    Align, GapReport, PlanView, RolesView, Table, count, credential_ids, hours, money, number,
    skill_ids, week_span,
};
use crate::plan::{Objective, Plan};

pub fn plan(out: &mut dyn Write, view: &PlanView) -> io::Result<()> {
    let PlanView {
        catalog,
        role,
        plan,
        hours_per_week,
    } = *view;
    let role = &catalog.roles[role];
    let currency = catalog.meta.currency.as_str();
    writeln!(out, "Pathway to {} ({})", role.title, role.id)?;
    writeln!(out, "{}", verdict(plan, currency))?;
    writeln!(out)?;

    if plan.steps.is_empty() {
        let reason = if plan.gap.is_empty() {
            "Nothing to take: you already meet every requirement of this role."
        } else {
            "Nothing to take: no allowed credential closes any of the remaining gap."
        };
        writeln!(out, "{reason}")?;
    } else {
        write_steps(out, catalog, plan)?;
        let totals = &plan.totals;
        writeln!(
            out,
            "Total: {}, {}, {}, {} at {} h/week",
            count(totals.credentials, "credential"),
            hours(totals.hours),
            money(totals.cost, currency),
            count(totals.weeks as usize, "week"),
            number(hours_per_week),
        )?;
    }
    write_open_ends(out, catalog, plan)?;
    writeln!(out)?;
    writeln!(
        out,
        "Weeks: when each step runs at {} h/week. Closes: gap skills the step brings to level.",
        number(hours_per_week)
    )?;
    disclaimer(out, catalog)
}

/// "Minimises hours: proven optimal" or the plain truth about an early stop.
fn verdict(plan: &Plan, currency: &str) -> String {
    let value = objective_value(plan.objective, plan.value, currency);
    if plan.optimal {
        format!(
            "Minimises {}: {value}, proven optimal",
            plan.objective.name()
        )
    } else {
        format!(
            "Minimises {}: {value}, best found within the time limit (not proven optimal; \
             no plan can be below {})",
            plan.objective.name(),
            objective_value(plan.objective, plan.lower_bound, currency)
        )
    }
}

pub fn objective_value(objective: Objective, value: f64, currency: &str) -> String {
    match objective {
        Objective::Hours => hours(value),
        Objective::Cost => money(value, currency),
        Objective::Count => format!("{} credentials", number(value)),
    }
}

fn write_steps(out: &mut dyn Write, catalog: &Catalog, plan: &Plan) -> io::Result<()> {
    let currency = catalog.meta.currency.as_str();
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("Credential", Align::Left),
        ("Hours", Align::Right),
        ("Cost", Align::Right),
        ("Weeks", Align::Left),
        ("Closes", Align::Left),
    ]);
    for (n, step) in plan.steps.iter().enumerate() {
        let credential = &catalog.credentials[step.credential];
        table.row(vec![
            (n + 1).to_string(),
            credential.id.clone(),
            number(credential.hours),
            money(credential.cost, currency),
            week_span(step.start_week, step.end_week),
            skill_ids(catalog, &step.closes),
        ]);
    }
    let rendered = table.render("  ");
    let mut lines = rendered.lines();
    if let Some(header) = lines.next() {
        writeln!(out, "{header}")?;
    }
    // Under each step, its title and provider, and what it opens the way to, indented to the
    // Credential column so the table stays readable with long titles.
    let detail_indent = " ".repeat(2 + plan.steps.len().to_string().len() + 2);
    for (line, step) in lines.zip(&plan.steps) {
        let credential = &catalog.credentials[step.credential];
        writeln!(out, "{line}")?;
        writeln!(
            out,
            "{detail_indent}{}, {}",
            credential.title, credential.provider
        )?;
        if !step.enables.is_empty() {
            writeln!(
                out,
                "{detail_indent}enables {}",
                credential_ids(catalog, &step.enables)
            )?;
        }
    }
    writeln!(out)
}

fn write_open_ends(out: &mut dyn Write, catalog: &Catalog, plan: &Plan) -> io::Result<()> {
    if !plan.gap.is_empty() {
        let items: Vec<String> = plan
            .gap
            .iter()
            .map(|g| format!("{} {}→{}", catalog.skills[g.skill].id, g.have, g.need))
            .collect();
        write_list(out, "Gap (have→need):", &items, ",")?;
    }
    if !plan.uncoverable.is_empty() {
        let items: Vec<String> = plan
            .uncoverable
            .iter()
            .map(|u| {
                format!(
                    "{} needs {}, the catalog reaches {}",
                    catalog.skills[u.skill].id, u.need, u.best_available
                )
            })
            .collect();
        write_list(
            out,
            "Uncoverable (no credential in the catalog gets there):",
            &items,
            ";",
        )?;
    }
    if !plan.left_open.is_empty() {
        let items: Vec<String> = plan
            .left_open
            .iter()
            .map(|l| {
                format!(
                    "{} needs {}, this plan reaches {}",
                    catalog.skills[l.skill].id, l.need, l.reached
                )
            })
            .collect();
        write_list(out, "Left open by your budget or exclusions:", &items, ";")?;
    }
    Ok(())
}

/// Width at which lists wrap, so they read well in an ordinary terminal.
const LINE_WIDTH: usize = 96;

/// `label item, item, ...` wrapped at [`LINE_WIDTH`], continuation lines indented; an item is
/// never split.
pub(super) fn write_list(
    out: &mut dyn Write,
    label: &str,
    items: &[String],
    separator: &str,
) -> io::Result<()> {
    let mut line = label.to_string();
    for (n, item) in items.iter().enumerate() {
        let piece = if n + 1 < items.len() {
            format!("{item}{separator}")
        } else {
            item.clone()
        };
        let too_long = line.chars().count() + 1 + piece.chars().count() > LINE_WIDTH;
        // The first item stays beside the label however long it is.
        if too_long && n > 0 {
            writeln!(out, "{line}")?;
            line = format!("  {piece}");
        } else {
            line.push(' ');
            line.push_str(&piece);
        }
    }
    writeln!(out, "{line}")
}

fn disclaimer(out: &mut dyn Write, catalog: &Catalog) -> io::Result<()> {
    match &catalog.meta.as_of {
        Some(as_of) => writeln!(
            out,
            "Hours and costs are indicative (as of {as_of}); check them with the providers."
        ),
        None => writeln!(
            out,
            "Hours and costs are indicative; check them with the providers."
        ),
    }
}

pub fn gap(out: &mut dyn Write, catalog: &Catalog, report: &GapReport) -> io::Result<()> {
    let role = &catalog.roles[report.role];
    let gaps = report.rows.iter().filter(|r| r.is_gap()).count();
    writeln!(out, "Gap for {} ({})", role.title, role.id)?;
    writeln!(
        out,
        "{gaps} of {} below level; you meet {:.0}% of the weighted requirement",
        count(report.rows.len(), "required skill"),
        report.fit * 100.0
    )?;
    writeln!(out)?;
    let mut table = Table::new(&[
        ("Skill", Align::Left),
        ("Have", Align::Right),
        ("Need", Align::Right),
        ("Level", Align::Left),
        ("Importance", Align::Right),
        ("Status", Align::Left),
    ]);
    for row in &report.rows {
        let status = if !row.is_gap() {
            "met".to_string()
        } else if row.is_coverable() {
            "gap".to_string()
        } else {
            format!("gap, uncoverable (catalog reaches {})", row.best_available)
        };
        table.row(vec![
            catalog.skills[row.skill].id.clone(),
            row.have.to_string(),
            row.need.to_string(),
            level_bar(row.have, row.need),
            row.importance.to_string(),
            status,
        ]);
    }
    write!(out, "{}", table.render("  "))?;
    writeln!(out)?;
    writeln!(
        out,
        "Level: ■ held, □ missing up to the need. Importance 1-5. Levels: 1 awareness, \
         2 foundational, 3 intermediate, 4 advanced, 5 expert."
    )
}

/// Held levels up to the need as ■, the missing ones as □, levels above the need as ■ too.
fn level_bar(have: u8, need: u8) -> String {
    let held = usize::from(have);
    let missing = usize::from(need.saturating_sub(have));
    format!("{}{}", "■".repeat(held), "□".repeat(missing))
}

pub fn roles(out: &mut dyn Write, view: &RolesView) -> io::Result<()> {
    let RolesView {
        catalog,
        ranks,
        objective,
    } = *view;
    let currency = catalog.meta.currency.as_str();
    writeln!(
        out,
        "Roles nearest first, by the {} to close each gap",
        objective.name()
    )?;
    writeln!(out)?;
    let mut table = Table::new(&[
        ("#", Align::Right),
        ("Role", Align::Left),
        ("Title", Align::Left),
        (objective_header(objective), Align::Right),
        ("Fit", Align::Right),
        ("Gap", Align::Right),
        ("Uncoverable", Align::Right),
    ]);
    for (n, rank) in ranks.iter().enumerate() {
        let role = &catalog.roles[rank.role];
        let mut value = objective_value(objective, rank.objective, currency);
        if objective == Objective::Count {
            value = number(rank.objective);
        }
        if !rank.optimal {
            value.push('*');
        }
        table.row(vec![
            (n + 1).to_string(),
            role.id.clone(),
            shorten(&role.title, TITLE_WIDTH),
            value,
            format!("{:.0}%", rank.fit * 100.0),
            rank.gap_skills.to_string(),
            rank.uncoverable.to_string(),
        ]);
    }
    write!(out, "{}", table.render("  "))?;
    writeln!(out)?;
    let mut legend = String::from(
        "Fit: share of the weighted requirement you already meet. Gap: skills below level. \
         Uncoverable: gap skills no credential in the catalog closes.",
    );
    if ranks.iter().any(|r| !r.optimal) {
        legend.push_str(" *: best found within the time limit, not proven optimal.");
    }
    writeln!(out, "{legend}")
}

fn objective_header(objective: Objective) -> &'static str {
    match objective {
        Objective::Hours => "Hours",
        Objective::Cost => "Cost",
        Objective::Count => "Credentials",
    }
}

/// Long titles would push the numbers off narrow terminals; the id beside them is the key.
const TITLE_WIDTH: usize = 36;

fn shorten(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        return text.to_string();
    }
    let kept: String = text.chars().take(width.saturating_sub(1)).collect();
    format!("{}…", kept.trim_end())
}
