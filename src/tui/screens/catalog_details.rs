//! The Catalog screen's details of one credential: provider, effort, what it grants and
//! needs, what it leads to, which roles it helps.

use ratatui::text::{Line, Span};

use crate::catalog::CredIdx;
use crate::tui::context::Context;
use crate::tui::format;

pub(super) fn lines(ctx: &Context, index: CredIdx) -> Vec<Line<'static>> {
    let theme = &ctx.theme;
    let catalog = &ctx.catalog;
    let c = &catalog.credentials[index];
    let skill = |s: usize| {
        catalog
            .skills
            .get(s)
            .map_or("?", |s| s.name.as_str())
            .to_string()
    };
    let title = |i: CredIdx| {
        catalog
            .credentials
            .get(i)
            .map_or("?", |c| c.title.as_str())
            .to_string()
    };
    let field = |name: &str, value: String| {
        Line::from(vec![
            Span::styled(format!("{name:<10}"), theme.dim),
            Span::styled(value, theme.text),
        ])
    };
    let mut lines = vec![
        Line::styled(c.title.clone(), theme.heading),
        Line::styled(
            format!("{} · {:?} · {:?}", c.id, c.kind, c.format).to_lowercase(),
            theme.dim,
        ),
    ];
    let person = &ctx.analysis.resolved;
    if person.person.done.contains(&index) {
        lines.push(Line::styled("✓ you hold this", theme.ok));
    }
    if person.constraints.exclude.contains(&index) {
        lines.push(Line::styled("excluded from your plans", theme.warning));
    }
    lines.push(field("Provider", c.provider.clone()));
    lines.push(field(
        "Effort",
        format!(
            "{} · {}",
            format::hours(c.hours),
            format::money(c.cost, &catalog.meta.currency)
        ),
    ));
    let grants: Vec<String> = c
        .grants
        .iter()
        .map(|&(s, l)| format!("{} {l}", skill(s)))
        .collect();
    if !grants.is_empty() {
        lines.push(field("Grants", grants.join(", ")));
    }
    let mut needs: Vec<String> = c.requires.iter().map(|&r| title(r)).collect();
    needs.extend(c.requires_any.iter().map(|group| {
        let options: Vec<String> = group.iter().map(|&r| title(r)).collect();
        format!("one of ({})", options.join(" | "))
    }));
    needs.extend(
        c.requires_skills
            .iter()
            .map(|&(s, l)| format!("{} {l}", skill(s))),
    );
    lines.push(field(
        "Needs",
        if needs.is_empty() {
            "nothing first".into()
        } else {
            needs.join(", ")
        },
    ));
    if !c.parts.is_empty() {
        let parts: Vec<String> = c.parts.iter().map(|&p| title(p)).collect();
        lines.push(field("Stack of", parts.join(", ")));
    }
    let leads_to: Vec<String> = catalog
        .credentials
        .iter()
        .filter(|other| {
            other.hard_prerequisites().any(|p| p == index)
                || other.requires_any.iter().flatten().any(|&p| p == index)
        })
        .map(|other| other.title.clone())
        .collect();
    if !leads_to.is_empty() {
        lines.push(field("Leads to", leads_to.join(", ")));
    }
    let helps: Vec<String> = catalog
        .roles
        .iter()
        .filter(|role| role.requires.iter().any(|r| c.grant_of(r.skill) > 0))
        .map(|role| role.title.clone())
        .collect();
    if !helps.is_empty() {
        lines.push(field("Helps", helps.join(", ")));
    }
    if let Some(url) = &c.url {
        lines.push(field("URL", url.clone()));
    }
    lines
}
