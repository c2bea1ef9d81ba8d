//! The handover report on a catalog whose answers are known: every format carries the goal,
//! the assumptions, the dated pathway, the totals, the alternatives and what expires; JSON
//! parses; HTML is one self-contained, escaped page.

use std::path::Path;

use serde_json::Value;
use skillpath::catalog::Catalog;
use skillpath::catalog::load::load_path;
use skillpath::plan::{Person, PlanRequest, parse_iso_date};
use skillpath::report::Report;

fn catalog() -> Catalog {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/advisor");
    load_path(&path).catalog.expect("fixture loads")
}

/// Analyst from sql 1, at `pace` hours a week, from Monday 2 March 2026.
fn report<'c>(catalog: &'c Catalog, pace: f64) -> Report<'c> {
    let person = Person {
        skills: vec![(catalog.skill("sql").expect("sql"), 1)],
        ..Person::default()
    };
    let request = PlanRequest {
        hours_per_week: pace,
        ..PlanRequest::new(catalog.role("analyst").expect("analyst"), person)
    };
    let date = parse_iso_date("2026-03-02").expect("date");
    Report::build(catalog, &request, "Ana Lima", date).expect("builds")
}

#[test]
fn the_pathway_is_dated_from_the_report_day_at_the_persons_pace() {
    let catalog = catalog();
    let report = report(&catalog, 5.0);
    let dates: Vec<(String, String)> = report
        .dates
        .iter()
        .map(|d| (d.start.to_string(), d.end.to_string()))
        .collect();
    // 4 h, 8 h, 6 h at 5 h/week: hours 0-4 on days 0-5, 4-12 on days 5-16, 12-18 on 16-25.
    assert_eq!(
        dates,
        [
            ("2026-03-02".into(), "2026-03-07".into()),
            ("2026-03-07".into(), "2026-03-18".into()),
            ("2026-03-18".into(), "2026-03-27".into()),
        ]
    );
    assert_eq!(report.finish.to_string(), "2026-03-27");
    assert!(report.expiring.is_empty(), "a year is longer than 4 weeks");
}

#[test]
fn markdown_carries_goal_assumptions_dates_totals_reasons_and_alternatives() {
    let catalog = catalog();
    let text = report(&catalog, 5.0).markdown();
    for expected in [
        "# Pathway to Analyst",
        "Prepared for Ana Lima on 2026-03-02.",
        "Analyst (`analyst`): Answers questions with data.",
        "- Study pace: 5 hours per week, from 2026-03-02",
        "- Planned for: the fewest hours (proven optimal)",
        "- Budget: none",
        "- Catalog: Advisor fixture, version 3, figures as of 2026-02, costs in USD",
        "| Statistics         |    0 |    2 |          5 |",
        "| SQL Bootcamp            | Fast Track Academy | 2026-03-02 | 2026-03-07 |     4 | $250.00 |",
        "**Total:** 3 credentials, 18 h, $600.00, 4 weeks at 5 h/week. Expected finish: 2026-03-27.",
        "2. **Statistics Fast Track** (`stats-fast`): closes Statistics (level 2); needed first \
         for Charts \\<& Dashboards\\>.",
        "- Without SQL Bootcamp, the best plan takes SQL Intro instead: 24 h (+6 h), $350.00 \
         (−$250.00), 3 credentials.",
        "it leaves Data visualization open.",
        "## Credentials that expire before you finish",
        "as of 2026-02",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    for (at, _) in text.match_indices('<') {
        assert!(
            text[..at].ends_with('\\') || text[at..].starts_with("<https://"),
            "catalog text cannot open an HTML tag in Markdown: {}",
            &text[at..text.len().min(at + 30)]
        );
    }
}

#[test]
fn a_credential_that_lapses_before_the_finish_is_flagged_in_every_format() {
    let catalog = catalog();
    // At 0.1 h/week the 18 hours take 180 weeks; Statistics Fast Track (valid 1 year) ends in
    // 2028 and lapses more than a year before the last step ends in 2029.
    let report = report(&catalog, 0.1);
    assert_eq!(report.expiring.len(), 1);
    let expiry = report.expiring[0];
    assert_eq!(catalog.credentials[expiry.credential].id, "stats-fast");
    assert_eq!(expiry.expires.to_string(), "2029-06-18");
    assert_eq!(report.finish.to_string(), "2029-08-12");

    let sentence = "lapses on 2029-06-18, before the expected finish on 2029-08-12";
    assert!(report.markdown().contains(sentence));
    assert!(report.html().contains(sentence));
    let json: Value = serde_json::from_str(&report.json()).expect("JSON parses");
    assert_eq!(json["expiring"][0]["id"], "stats-fast");
    assert_eq!(json["expiring"][0]["expires"], "2029-06-18");
}

#[test]
fn json_parses_and_holds_what_tools_need() {
    let catalog = catalog();
    let json: Value = serde_json::from_str(&report(&catalog, 5.0).json()).expect("JSON parses");
    assert_eq!(json["date"], "2026-03-02");
    assert_eq!(json["client"], "Ana Lima");
    assert_eq!(json["goal"]["role"], "analyst");
    let assumptions = &json["assumptions"];
    assert_eq!(assumptions["hours_per_week"], 5.0);
    assert_eq!(assumptions["objective"], "hours");
    assert_eq!(assumptions["catalog"]["name"], "Advisor fixture");
    assert_eq!(assumptions["catalog"]["version"], "3");
    assert_eq!(assumptions["catalog"]["as_of"], "2026-02");
    assert_eq!(json["total"]["hours"], 18.0);
    assert_eq!(json["total"]["cost"], 600.0);
    assert_eq!(json["total"]["finish_date"], "2026-03-27");
    let steps = json["pathway"].as_array().expect("pathway");
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1]["id"], "stats-fast");
    assert_eq!(steps[1]["start_date"], "2026-03-07");
    assert_eq!(steps[1]["why"]["closes"][0], "statistics");
    assert_eq!(steps[1]["why"]["enables"][0], "viz-101");
    let alternatives = json["alternatives"].as_array().expect("alternatives");
    assert_eq!(alternatives.len(), 3);
    assert_eq!(alternatives[0]["avoids"], "sql-bootcamp");
    assert_eq!(alternatives[0]["added"][0], "sql-intro");
    assert_eq!(alternatives[0]["extra"], 6.0);
    assert_eq!(alternatives[2]["left_open"][0], "visualization");
    assert!(
        json.get("stats").is_none(),
        "no timings: the same inputs give the same report"
    );
}

#[test]
fn html_is_one_self_contained_escaped_page() {
    let catalog = catalog();
    let html = report(&catalog, 5.0).html();
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<style>") && html.contains("@media print"));
    assert!(!html.contains("<script"), "no scripts at all");
    assert!(!html.contains("<link"), "no stylesheets to fetch");
    assert!(!html.contains("<img"), "no images to fetch");
    assert!(!html.contains("@import") && !html.contains("url("));
    // The only web references are the credentials' own pages, as links.
    let urls: Vec<&str> = catalog
        .credentials
        .iter()
        .filter_map(|c| c.url.as_deref())
        .collect();
    for (at, _) in html.match_indices("http") {
        let rest = &html[at..];
        assert!(
            urls.iter()
                .any(|u| rest.starts_with(&u.replace('&', "&amp;"))),
            "unexpected reference at {}",
            &rest[..rest.len().min(60)]
        );
        assert!(html[..at].ends_with("<a href=\""), "references are links");
    }
    assert!(html.contains("<a href=\"https://example.org/viz\">"));
    assert!(
        html.contains("Charts &lt;&amp; Dashboards&gt;"),
        "catalog text is escaped"
    );
    assert!(!html.contains("<& Dashboards>"));
    for expected in [
        "Prepared for Ana Lima on 2026-03-02.",
        "<dt>Study pace</dt><dd>5 hours per week, from 2026-03-02</dd>",
        "<dt>Catalog</dt><dd>Advisor fixture, version 3, figures as of 2026-02, costs in USD</dd>",
        "<td class=\"date\">2026-03-07</td>",
        "Total: 3 credentials, 18 h, $600.00, 4 weeks at 5 h/week. Expected finish: 2026-03-27.",
        "Without SQL Bootcamp, the best plan takes SQL Intro instead",
    ] {
        assert!(html.contains(expected), "missing {expected:?}");
    }
    // Balanced structure: every section and table that opens, closes.
    for tag in ["section", "table", "ul", "dl", "main", "body", "html"] {
        assert_eq!(
            html.matches(&format!("<{tag}")).count(),
            html.matches(&format!("</{tag}>")).count(),
            "<{tag}> is balanced"
        );
    }
}

#[test]
fn a_client_name_with_markup_stays_text() {
    let catalog = catalog();
    let request = PlanRequest::new(catalog.role("analyst").expect("role"), Person::default());
    let date = parse_iso_date("2026-03-02").expect("date");
    let report = Report::build(&catalog, &request, "<b>Bo</b> & *Co*", date).expect("builds");
    assert!(
        report
            .html()
            .contains("Prepared for &lt;b&gt;Bo&lt;/b&gt; &amp; *Co* on")
    );
    assert!(
        report
            .markdown()
            .contains("Prepared for \\<b\\>Bo\\</b\\> & \\*Co\\* on")
    );
    let json: Value = serde_json::from_str(&report.json()).expect("parses");
    assert_eq!(json["client"], "<b>Bo</b> & *Co*");
}

#[test]
fn a_person_who_meets_the_role_gets_a_short_clear_report() {
    let catalog = catalog();
    let person = Person {
        skills: ["sql", "statistics", "visualization"]
            .iter()
            .map(|s| (catalog.skill(s).expect("skill"), 3))
            .collect(),
        ..Person::default()
    };
    let request = PlanRequest::new(catalog.role("analyst").expect("role"), person);
    let date = parse_iso_date("2026-03-02").expect("date");
    let report = Report::build(&catalog, &request, "", date).expect("builds");
    let text = report.markdown();
    assert!(text.contains("Prepared on 2026-03-02."));
    assert!(text.contains("None: every required skill is already at its level."));
    assert!(text.contains("No credential to take."));
    assert!(text.contains("None: there is nothing to take."));
    assert_eq!(report.finish.to_string(), "2026-03-02");
    assert!(report.html().contains("No credential to take."));
}
