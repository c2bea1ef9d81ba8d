//! The report as one self-contained HTML page: inline CSS with a print stylesheet, no scripts,
//! no fonts or images to fetch, every piece of catalog text escaped. The only references out
//! are the credentials' own web pages, as links.

use std::fmt::Write;

use crate::catalog::Catalog;
use crate::cli::output::{money, number};
use crate::plan::{Plan, iso_date};
use crate::report::{Report, phrases};

const STYLE: &str = r#"
:root { color-scheme: light; --ink: #1d2330; --muted: #5a6272; --rule: #d8dce3; --accent: #2a5db0; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 3rem; }
h1 { font-size: 1.7rem; margin: 0 0 .25rem; }
h2 { font-size: 1.15rem; margin: 2rem 0 .6rem; padding-bottom: .2rem; border-bottom: 1px solid var(--rule); }
.meta, .note, footer { color: var(--muted); }
footer { margin-top: 2.5rem; font-size: .85rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1.25rem; margin: 0; }
dt { font-weight: 600; }
dd { margin: 0; }
table { border-collapse: collapse; width: 100%; margin: .25rem 0 .75rem; }
th, td { text-align: left; vertical-align: top; padding: .35rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-size: .85rem; color: var(--muted); font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.date { white-space: nowrap; font-variant-numeric: tabular-nums; }
td .why { display: block; color: var(--muted); font-size: .9rem; }
a { color: var(--accent); }
.total { font-weight: 600; }
ul { padding-left: 1.25rem; }
li { margin: .25rem 0; }
@media print {
  @page { margin: 16mm 14mm; }
  body { font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  a[href]::after { content: " (" attr(href) ")"; font-size: .8em; color: var(--muted); word-break: break-all; }
  h2 { break-after: avoid; }
  tr, li, dl { break-inside: avoid; }
  thead { display: table-header-group; }
}
"#;

pub fn render(report: &Report) -> String {
    let catalog = report.catalog;
    let role = report.role();
    let plan = &report.plan;
    let mut out = String::new();
    let title = if report.client.is_empty() {
        format!("Pathway to {}", role.title)
    } else {
        format!("Pathway to {} for {}", role.title, report.client)
    };
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(&title));
    let _ = writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>\n<main>");

    let _ = writeln!(out, "<header>\n<h1>Pathway to {}</h1>", esc(&role.title));
    let client = if report.client.is_empty() {
        String::new()
    } else {
        format!(" for {}", esc(&report.client))
    };
    let _ = writeln!(
        out,
        "<p class=\"meta\">Prepared{client} on {}.</p>\n</header>",
        iso_date(report.date)
    );

    section(&mut out, "Goal");
    let mut goal = format!("<strong>{}</strong> ({})", esc(&role.title), esc(&role.id));
    if !role.description.trim().is_empty() {
        goal.push_str(&format!(": {}", esc(role.description.trim())));
    }
    let _ = writeln!(out, "<p>{goal}</p>\n</section>");

    section(&mut out, "Assumptions");
    out.push_str("<dl>\n");
    for (label, value) in phrases::assumptions(report) {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(label), esc(&value));
    }
    out.push_str("</dl>\n</section>\n");

    write_gap(&mut out, catalog, plan);
    write_pathway(&mut out, report);

    section(&mut out, "Alternatives");
    if report.alternatives.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(phrases::no_alternatives(plan)));
    } else {
        out.push_str("<ul>\n");
        for alternative in &report.alternatives {
            let _ = writeln!(
                out,
                "<li>{}</li>",
                esc(&phrases::alternative(catalog, plan, alternative))
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    section(&mut out, "Credentials that expire before you finish");
    if report.expiring.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(phrases::NOTHING_EXPIRES));
    } else {
        out.push_str("<ul>\n");
        for expiry in &report.expiring {
            let _ = writeln!(out, "<li>{}</li>", esc(&phrases::expiry(report, expiry)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</section>\n");

    write_open(&mut out, catalog, plan);
    let _ = writeln!(
        out,
        "<footer>{}</footer>\n</main>\n</body>\n</html>",
        esc(&phrases::disclaimer(catalog))
    );
    out
}

fn write_gap(out: &mut String, catalog: &Catalog, plan: &Plan) {
    section(out, "Gap");
    if plan.gap.is_empty() {
        out.push_str("<p>None: every required skill is already at its level.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>Skill</th><th class=\"num\">Have</th><th class=\"num\">Need\
         </th><th class=\"num\">Importance</th></tr></thead>\n<tbody>\n",
    );
    for g in &plan.gap {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
             <td class=\"num\">{}</td></tr>",
            esc(&catalog.skills[g.skill].name),
            g.have,
            g.need,
            g.importance
        );
    }
    out.push_str(
        "</tbody>\n</table>\n<p class=\"note\">Levels: 1 awareness, 2 foundational, \
         3 intermediate, 4 advanced, 5 expert. Importance: 1 to 5.</p>\n</section>\n",
    );
}

fn write_pathway(out: &mut String, report: &Report) {
    let catalog = report.catalog;
    let plan = &report.plan;
    let currency = catalog.meta.currency.as_str();
    section(out, "Pathway");
    if plan.steps.is_empty() {
        out.push_str("<p>No credential to take.</p>\n</section>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th class=\"num\">#</th><th>Credential, and why it is here</th>\
         <th>Provider</th><th>Start</th><th>End</th><th class=\"num\">Hours</th>\
         <th class=\"num\">Cost</th></tr></thead>\n<tbody>\n",
    );
    for (n, (step, dates)) in plan.steps.iter().zip(&report.dates).enumerate() {
        let credential = &catalog.credentials[step.credential];
        let title = match credential
            .url
            .as_deref()
            .filter(|u| phrases::is_web_link(u))
        {
            Some(url) => format!("<a href=\"{}\">{}</a>", esc(url), esc(&credential.title)),
            None => esc(&credential.title),
        };
        let _ = writeln!(
            out,
            "<tr><td class=\"num\">{}</td><td>{title}<span class=\"why\">{}</span></td>\
             <td>{}</td><td class=\"date\">{}</td><td class=\"date\">{}</td>\
             <td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            n + 1,
            esc(&capitalised(&report.why(n).sentence(catalog))),
            esc(&credential.provider),
            iso_date(dates.start),
            iso_date(dates.end),
            number(credential.hours),
            esc(&money(credential.cost, currency)),
        );
    }
    out.push_str("</tbody>\n</table>\n");
    let _ = writeln!(
        out,
        "<p class=\"total\">Total: {}. Expected finish: {}.</p>\n</section>",
        esc(&phrases::totals(
            catalog,
            plan,
            report.request.hours_per_week
        )),
        iso_date(report.finish)
    );
}

fn write_open(out: &mut String, catalog: &Catalog, plan: &Plan) {
    if plan.uncoverable.is_empty() && plan.left_open.is_empty() {
        return;
    }
    section(out, "What stays open");
    out.push_str("<ul>\n");
    for u in &plan.uncoverable {
        let _ = writeln!(
            out,
            "<li>{}: needs level {}; no credential in the catalog goes beyond {}.</li>",
            esc(&catalog.skills[u.skill].name),
            u.need,
            u.best_available
        );
    }
    for l in &plan.left_open {
        let _ = writeln!(
            out,
            "<li>{}: needs level {}; this pathway reaches {} within the budget and \
             exclusions.</li>",
            esc(&catalog.skills[l.skill].name),
            l.need,
            l.reached
        );
    }
    out.push_str("</ul>\n</section>\n");
}

fn section(out: &mut String, heading: &str) {
    let _ = writeln!(out, "<section>\n<h2>{}</h2>", esc(heading));
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Text made literal in HTML, in element content and in quoted attribute values alike.
fn esc(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => escaped.push_str("&amp;"),
            '<' => escaped.push_str("&lt;"),
            '>' => escaped.push_str("&gt;"),
            '"' => escaped.push_str("&quot;"),
            '\'' => escaped.push_str("&#39;"),
            _ => escaped.push(c),
        }
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attribute_values_are_escaped() {
        assert_eq!(
            esc(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
