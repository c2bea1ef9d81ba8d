//! Output on a hand-built catalog and plan: what a reader of each format relies on.

use super::*;
use crate::catalog::{
    CatalogMeta, Credential, CredentialKind, DeliveryFormat, Requirement, Role, Skill,
    SkillCategory,
};
use crate::plan::{GapItem, LeftOpen, SolveStats, Step, Totals, Uncoverable};

fn skill(id: &str, name: &str) -> Skill {
    Skill {
        id: id.into(),
        name: name.into(),
        category: SkillCategory::Technical,
        aliases: Vec::new(),
        description: String::new(),
        parent: None,
        codes: Vec::new(),
    }
}

fn credential(
    id: &str,
    title: &str,
    hours: f64,
    cost: f64,
    grants: Vec<(usize, u8)>,
) -> Credential {
    Credential {
        id: id.into(),
        title: title.into(),
        provider: "Example | Uni".into(),
        kind: CredentialKind::Course,
        hours,
        cost,
        format: DeliveryFormat::Online,
        url: None,
        grants,
        requires: Vec::new(),
        requires_any: Vec::new(),
        requires_skills: Vec::new(),
        parts: Vec::new(),
        valid_years: None,
    }
}

fn catalog() -> Catalog {
    let requirement = |skill, level| Requirement {
        skill,
        level,
        importance: 3,
    };
    Catalog::new(
        CatalogMeta {
            name: "Test".into(),
            currency: "EUR".into(),
            as_of: Some("2026-11".into()),
            version: None,
        },
        vec![
            skill("sql", "SQL"),
            skill("stats", "Statistics"),
            skill("quantum", "Quantum"),
        ],
        vec![
            credential("sql-basics", "SQL Basics", 20.0, 49.0, vec![(0, 2)]),
            credential("sql-deep", "SQL in Depth", 12.5, 100.0, vec![(0, 3)]),
        ],
        vec![Role {
            id: "analyst".into(),
            title: "Analyst".into(),
            description: String::new(),
            requires: vec![requirement(0, 3), requirement(1, 2), requirement(2, 4)],
            optional: Vec::new(),
            codes: Vec::new(),
        }],
    )
}

fn plan(optimal: bool) -> Plan {
    Plan {
        objective: Objective::Hours,
        value: 32.5,
        optimal,
        lower_bound: if optimal { 32.5 } else { 30.0 },
        steps: vec![
            Step {
                credential: 0,
                start_week: 1,
                end_week: 4,
                closes: Vec::new(),
                enables: vec![1],
            },
            Step {
                credential: 1,
                start_week: 5,
                end_week: 7,
                closes: vec![0],
                enables: Vec::new(),
            },
        ],
        totals: Totals {
            hours: 32.5,
            cost: 149.0,
            credentials: 2,
            weeks: 7,
        },
        gap: vec![
            GapItem {
                skill: 0,
                have: 1,
                need: 3,
                importance: 3,
            },
            GapItem {
                skill: 1,
                have: 0,
                need: 2,
                importance: 3,
            },
            GapItem {
                skill: 2,
                have: 0,
                need: 4,
                importance: 3,
            },
        ],
        uncoverable: vec![Uncoverable {
            skill: 2,
            need: 4,
            best_available: 0,
        }],
        left_open: vec![LeftOpen {
            skill: 1,
            need: 2,
            reached: 0,
        }],
        stats: SolveStats::default(),
    }
}

fn render(
    write: fn(&mut dyn std::io::Write, &PlanView) -> std::io::Result<()>,
    plan: &Plan,
) -> String {
    let catalog = catalog();
    let view = PlanView {
        catalog: &catalog,
        role: 0,
        plan,
        hours_per_week: 5.0,
    };
    let mut out = Vec::new();
    write(&mut out, &view).expect("writes to memory");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn text_aligns_steps_and_totals_in_the_catalog_currency() {
    let text = render(text::plan, &plan(true));
    assert!(text.contains("proven optimal"), "{text}");
    let rows: Vec<&str> = text
        .lines()
        .filter(|l| l.contains("sql-basics  ") || l.contains("sql-deep  "))
        .collect();
    assert_eq!(rows.len(), 2, "{text}");
    // Right-aligned numbers end in the same column.
    let end_of = |row: &str, cell: &str| row.find(cell).map(|i| i + cell.len());
    assert_eq!(
        end_of(rows[0], "€49.00"),
        end_of(rows[1], "€100.00"),
        "{text}"
    );
    assert!(text.contains("Total: 2 credentials, 32.5 h, €149.00, 7 weeks at 5 h/week"));
    assert!(text.contains("enables sql-deep"));
    assert!(text.contains("quantum needs 4, the catalog reaches 0"));
    assert!(text.contains("stats needs 2, this plan reaches 0"));
    assert!(text.contains("as of 2026-11"));
}

#[test]
fn text_says_plainly_when_a_plan_is_not_proven_optimal() {
    let text = render(text::plan, &plan(false));
    assert!(text.contains("not proven optimal"), "{text}");
    assert!(text.contains("30 h"), "the lower bound is shown: {text}");
}

#[test]
fn markdown_has_heading_table_totals_and_open_items_with_pipes_escaped() {
    let markdown = render(markdown::plan, &plan(true));
    assert!(markdown.starts_with("# Pathway to Analyst\n"), "{markdown}");
    assert!(
        markdown.contains("| 1 | SQL Basics (`sql-basics`) | Example \\| Uni |"),
        "{markdown}"
    );
    assert!(markdown.contains("**Total:** 2 credentials, 32.5 h, €149.00, 7 weeks."));
    assert!(markdown.contains("## Gap"));
    assert!(markdown.contains("Quantum (`quantum`): needs level 4"));
    // Every table row has as many cells as its header.
    let step_rows: Vec<&str> = markdown.lines().filter(|l| l.starts_with("| ")).collect();
    assert!(step_rows.iter().all(|row| row.matches(" | ").count() >= 3));
}

#[test]
fn json_follows_the_contract_names() {
    let json: serde_json::Value =
        serde_json::from_str(&render(json::plan, &plan(true))).expect("valid JSON");
    assert_eq!(json["role"], "analyst");
    assert_eq!(json["objective"], "hours");
    assert_eq!(json["steps"][1]["closes"][0], "sql");
    assert_eq!(json["steps"][0]["enables"][0], "sql-deep");
    assert_eq!(json["total"]["weeks"], 7);
    assert_eq!(json["uncoverable"][0]["best_available"], 0);
    assert_eq!(json["left_open"][0]["reached"], 0);
    assert_eq!(json["gap"][0]["have"], 1);
}

#[test]
fn the_gap_table_marks_met_gap_and_uncoverable_skills() {
    let catalog = catalog();
    let report = GapReport {
        role: 0,
        fit: 0.5,
        rows: vec![
            GapRow {
                skill: 0,
                have: 3,
                need: 3,
                importance: 3,
                best_available: 3,
            },
            GapRow {
                skill: 2,
                have: 1,
                need: 4,
                importance: 5,
                best_available: 2,
            },
        ],
    };
    let mut out = Vec::new();
    text::gap(&mut out, &catalog, &report).expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    assert!(
        text.contains("1 of 2 required skills below level"),
        "{text}"
    );
    assert!(text.contains("■■■") && text.contains("■□□□"), "{text}");
    assert!(
        text.contains("gap, uncoverable (catalog reaches 2)"),
        "{text}"
    );
    assert!(text.contains("50%"), "{text}");
}

#[test]
fn money_uses_the_catalog_currency() {
    assert_eq!(money(49.0, "USD"), "$49.00");
    assert_eq!(money(12.5, "EUR"), "€12.50");
    assert_eq!(money(12.5, "CHF"), "12.50 CHF");
    assert_eq!(money(10.0, "AUD"), "10.00 AUD");
}

#[test]
fn numbers_drop_needless_fractions() {
    assert_eq!(hours(20.0), "20 h");
    assert_eq!(hours(12.5), "12.5 h");
    assert_eq!(number(0.333), "0.33");
}

#[test]
fn tables_align_columns() {
    let mut table = Table::new(&[("Id", Align::Left), ("Hours", Align::Right)]);
    table.row(vec!["sql-basics".into(), "20".into()]);
    table.row(vec!["x".into(), "5".into()]);
    assert_eq!(
        table.render(""),
        "Id          Hours\nsql-basics     20\nx               5\n"
    );
}

#[test]
fn long_lists_wrap_between_items() {
    let items: Vec<String> = (0..30).map(|n| format!("skill-{n} 0→3")).collect();
    let mut out = Vec::new();
    text::write_list(&mut out, "Gap (have→need):", &items, ",").expect("writes");
    let text = String::from_utf8(out).expect("UTF-8");
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.len() > 1, "{text}");
    assert!(lines.iter().all(|l| l.chars().count() <= 96), "{text}");
    assert!(
        lines[1..].iter().all(|l| l.starts_with("  skill-")),
        "{text}"
    );
    assert_eq!(text.matches("skill-").count(), 30);
}
