//! The report as Markdown that reads as well in a plain-text viewer as rendered: short
//! sections, tables padded into aligned columns, lists rather than long table cells.

use crate::catalog::Catalog;
use crate::cli::output::{money, number};
use crate::plan::{Alternative, Plan, iso_date};
use crate::report::md::{Align, escape as md, table};
use crate::report::{Report, phrases};

pub fn render(report: &Report) -> String {
    let mut out = String::new();
    let catalog = report.catalog;
    let role = report.role();
    let plan = &report.plan;
    let currency = catalog.meta.currency.as_str();

    line(&mut out, &format!("# Pathway to {}", md(&role.title)));
    out.push('\n');
    let client = if report.client.is_empty() {
        String::new()
    } else {
        format!(" for {}", md(&report.client))
    };
    line(
        &mut out,
        &format!("Prepared{client} on {}.", iso_date(report.date)),
    );
    out.push('\n');

    line(&mut out, "## Goal");
    out.push('\n');
    let mut goal = format!("{} (`{}`)", md(&role.title), role.id);
    if !role.description.trim().is_empty() {
        goal.push_str(&format!(": {}", md(role.description.trim())));
    }
    line(&mut out, &goal);
    out.push('\n');

    line(&mut out, "## Assumptions");
    out.push('\n');
    for (label, value) in phrases::assumptions(report) {
        line(&mut out, &format!("- {label}: {}", md(&value)));
    }
    out.push('\n');

    write_gap(&mut out, catalog, plan);

    line(&mut out, "## Pathway");
    out.push('\n');
    if plan.steps.is_empty() {
        line(&mut out, "No credential to take.");
    } else {
        let mut rows = Vec::new();
        for (n, (step, dates)) in plan.steps.iter().zip(&report.dates).enumerate() {
            let credential = &catalog.credentials[step.credential];
            rows.push(vec![
                (n + 1).to_string(),
                md(&credential.title),
                md(&credential.provider),
                iso_date(dates.start),
                iso_date(dates.end),
                number(credential.hours),
                money(credential.cost, currency),
            ]);
        }
        out.push_str(&table(
            &[
                ("#", Align::Right),
                ("Credential", Align::Left),
                ("Provider", Align::Left),
                ("Start", Align::Left),
                ("End", Align::Left),
                ("Hours", Align::Right),
                ("Cost", Align::Right),
            ],
            &rows,
        ));
        out.push('\n');
        line(
            &mut out,
            &format!(
                "**Total:** {}. Expected finish: {}.",
                md(&phrases::totals(
                    catalog,
                    plan,
                    report.request.hours_per_week
                )),
                iso_date(report.finish)
            ),
        );
        out.push('\n');

        line(&mut out, "## Why each credential");
        out.push('\n');
        for (n, step) in plan.steps.iter().enumerate() {
            let credential = &catalog.credentials[step.credential];
            let mut item = format!(
                "{}. **{}** (`{}`): {}.",
                n + 1,
                md(&credential.title),
                credential.id,
                md(&report.why(n).sentence(catalog))
            );
            if let Some(url) = credential
                .url
                .as_deref()
                .filter(|u| phrases::is_web_link(u))
            {
                item.push_str(&format!(" <{url}>"));
            }
            line(&mut out, &item);
        }
        out.push('\n');
    }

    line(&mut out, "## Alternatives");
    out.push('\n');
    out.push_str(&alternatives_markdown(catalog, plan, &report.alternatives));
    out.push('\n');

    line(&mut out, "## Credentials that expire before you finish");
    out.push('\n');
    if report.expiring.is_empty() {
        line(&mut out, phrases::NOTHING_EXPIRES);
    }
    for expiry in &report.expiring {
        line(
            &mut out,
            &format!("- {}", md(&phrases::expiry(report, expiry))),
        );
    }
    out.push('\n');

    write_open(&mut out, catalog, plan);
    line(
        &mut out,
        &format!("*{}*", md(&phrases::disclaimer(catalog))),
    );
    out
}

/// The alternatives as a Markdown list, or a sentence saying there are none (shared with
/// `skillpath plan --alternatives --format markdown`).
pub fn alternatives_markdown(
    catalog: &Catalog,
    best: &Plan,
    alternatives: &[Alternative],
) -> String {
    let mut out = String::new();
    if alternatives.is_empty() {
        line(&mut out, phrases::no_alternatives(best));
    }
    for alternative in alternatives {
        line(
            &mut out,
            &format!(
                "- {}",
                md(&phrases::alternative(catalog, best, alternative))
            ),
        );
    }
    out
}

fn write_gap(out: &mut String, catalog: &Catalog, plan: &Plan) {
    line(out, "## Gap");
    out.push('\n');
    if plan.gap.is_empty() {
        line(out, "None: every required skill is already at its level.");
        out.push('\n');
        return;
    }
    let rows: Vec<Vec<String>> = plan
        .gap
        .iter()
        .map(|g| {
            vec![
                md(&catalog.skills[g.skill].name),
                g.have.to_string(),
                g.need.to_string(),
                g.importance.to_string(),
            ]
        })
        .collect();
    out.push_str(&table(
        &[
            ("Skill", Align::Left),
            ("Have", Align::Right),
            ("Need", Align::Right),
            ("Importance", Align::Right),
        ],
        &rows,
    ));
    out.push('\n');
    line(
        out,
        "Levels: 1 awareness, 2 foundational, 3 intermediate, 4 advanced, 5 expert. \
         Importance: 1 to 5.",
    );
    out.push('\n');
}

fn write_open(out: &mut String, catalog: &Catalog, plan: &Plan) {
    if plan.uncoverable.is_empty() && plan.left_open.is_empty() {
        return;
    }
    line(out, "## What stays open");
    out.push('\n');
    for u in &plan.uncoverable {
        line(
            out,
            &format!(
                "- {}: needs level {}; no credential in the catalog goes beyond {}.",
                md(&catalog.skills[u.skill].name),
                u.need,
                u.best_available
            ),
        );
    }
    for l in &plan.left_open {
        line(
            out,
            &format!(
                "- {}: needs level {}; this pathway reaches {} within the budget and \
                 exclusions.",
                md(&catalog.skills[l.skill].name),
                l.need,
                l.reached
            ),
        );
    }
    out.push('\n');
}

fn line(out: &mut String, text: &str) {
    out.push_str(text);
    out.push('\n');
}
