//! Drawing the Roles screen: the searchable list and the selected role's details.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use crate::catalog::{MAX_LEVEL, Requirement, RoleIdx};
use crate::tui::format;
use crate::tui::list::scroll_offset;
use crate::tui::screens::roles::RolePicker;
use crate::tui::screens::roles::preview::Preview;
use crate::tui::widgets::{level_bar, panel, search_line, share_bar};

impl Widget for &RolePicker {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let [list_area, detail_area] = RolePicker::areas(area);
        render_list(self, list_area, buf);
        render_detail(self, detail_area, buf);
    }
}

fn render_list(picker: &RolePicker, area: Rect, buf: &mut Buffer) {
    let theme = &picker.ctx.theme;
    let catalog = &picker.ctx.catalog;
    let title = match (&picker.ranking, picker.nearest) {
        (_, true) if !picker.ranking_current => " Roles · ranking… ".to_string(),
        (Some(Ok(_)), true) => format!(" Roles · nearest first ({}) ", picker.visible.len()),
        (_, true) => " Roles · could not rank ".to_string(),
        _ => format!(" Roles ({}/{}) ", picker.visible.len(), catalog.roles.len()),
    };
    let block = panel(title, picker.search.typing, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let [search_area, _, rows_area] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    search_line(&picker.search, "/ then type", theme).render(search_area, buf);

    if picker.visible.is_empty() {
        Line::styled("No role matches. Backspace to widen.", theme.dim).render(rows_area, buf);
        return;
    }
    let height = usize::from(rows_area.height);
    let offset = scroll_offset(picker.selected, picker.visible.len(), height);
    let target = picker.ctx.analysis.role();
    let width = usize::from(rows_area.width);
    let lines: Vec<Line> = picker
        .visible
        .iter()
        .enumerate()
        .skip(offset)
        .take(height)
        .map(|(position, &role)| {
            let marker = if Some(role) == target { "★ " } else { "  " };
            let right = match (&picker.ranking, picker.nearest) {
                (Some(Ok(ranked)), true) => ranked
                    .iter()
                    .find(|n| n.role == role)
                    .filter(|n| n.objective.is_finite())
                    .map(|n| objective_label(n.objective, picker))
                    .unwrap_or_default(),
                _ => format::percent(picker.fits.get(role).copied().unwrap_or(0.0)),
            };
            let room = width.saturating_sub(marker.chars().count() + right.chars().count() + 1);
            let title = format::truncate(&catalog.roles[role].title, room);
            let pad = room.saturating_sub(title.chars().count());
            let text = format!("{marker}{title}{} {right}", " ".repeat(pad));
            let style = if position == picker.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::styled(text, style)
        })
        .collect();
    Paragraph::new(lines).render(rows_area, buf);
}

fn objective_label(value: f64, picker: &RolePicker) -> String {
    use crate::plan::Objective;
    match picker.ctx.analysis.profile.objective {
        Objective::Hours => format::hours(value),
        Objective::Cost => format::money(value, &picker.ctx.catalog.meta.currency),
        Objective::Count => format!("{value:.0} cred."),
    }
}

fn render_detail(picker: &RolePicker, area: Rect, buf: &mut Buffer) {
    let theme = &picker.ctx.theme;
    let catalog = &picker.ctx.catalog;
    let Some(role_idx) = picker.selected_role() else {
        panel(" Role ", false, theme).render(area, buf);
        return;
    };
    let role = &catalog.roles[role_idx];
    let block = panel(format!(" {} ", role.title), false, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let width = usize::from(inner.width);

    let mut lines = Vec::new();
    let is_target = picker.ctx.analysis.role() == Some(role_idx);
    let mut id_line = vec![Span::styled(format!("{} ", role.id), theme.dim)];
    if is_target {
        id_line.push(Span::styled("★ your target", theme.accent));
    }
    lines.push(Line::from(id_line));
    if !role.description.is_empty() {
        lines.push(Line::styled(
            format::truncate(&role.description, width),
            theme.text,
        ));
    }
    lines.push(Line::default());

    let fit = picker.fits.get(role_idx).copied().unwrap_or(0.0);
    let mut fit_line = vec![Span::styled("Your fit   ", theme.dim)];
    fit_line.extend(share_bar(fit, 12, theme));
    lines.push(Line::from(fit_line));
    lines.extend(preview_lines(picker, role_idx));
    lines.push(Line::default());

    let label_width = width.saturating_sub(22).max(8);
    lines.push(Line::styled(
        format!(
            "{:<label_width$} {:<9}  importance",
            "Required skill", "you/need"
        ),
        theme.heading,
    ));
    for requirement in &role.requires {
        lines.push(requirement_line(picker, requirement, label_width, true));
    }
    if !role.optional.is_empty() {
        lines.push(Line::styled("Nice to have", theme.heading));
        for requirement in &role.optional {
            lines.push(requirement_line(picker, requirement, label_width, false));
        }
    }
    Paragraph::new(lines).render(inner, buf);
}

/// "To close" and the plan's size; on a second line whether it is proven optimal.
fn preview_lines(picker: &RolePicker, role: RoleIdx) -> Vec<Line<'static>> {
    let theme = &picker.ctx.theme;
    let currency = &picker.ctx.catalog.meta.currency;
    let label = Span::styled("To close   ", theme.dim);
    let indent = Span::raw(" ".repeat(11));
    match picker.preview(role).as_ref() {
        None => vec![Line::from(vec![
            label,
            Span::styled("planning…", theme.dim),
        ])],
        Some(Preview::Failed(error)) => vec![Line::from(vec![
            label,
            Span::styled(format!("no plan: {error}"), theme.error),
        ])],
        Some(Preview::Plan { gap: 0, .. }) => vec![Line::from(vec![
            label,
            Span::styled("nothing: you meet every requirement", theme.ok),
        ])],
        Some(&Preview::Plan {
            hours,
            cost,
            credentials,
            optimal,
            lower_bound,
            uncoverable,
            ..
        }) => {
            let size = Span::styled(
                format!(
                    "{} · {} · {credentials} credential{}",
                    format::hours(hours),
                    format::money(cost, currency),
                    if credentials == 1 { "" } else { "s" }
                ),
                theme.accent,
            );
            let mut proof = vec![indent];
            if optimal {
                proof.push(Span::styled("optimal (proven)", theme.ok));
            } else {
                proof.push(Span::styled(
                    format!("best found; bound {lower_bound:.0}"),
                    theme.warning,
                ));
            }
            if uncoverable > 0 {
                proof.push(Span::styled(
                    format!(
                        " · {uncoverable} skill{} no credential closes",
                        if uncoverable == 1 { "" } else { "s" }
                    ),
                    theme.error,
                ));
            }
            vec![Line::from(vec![label, size]), Line::from(proof)]
        }
    }
}

fn requirement_line(
    picker: &RolePicker,
    requirement: &Requirement,
    label_width: usize,
    required: bool,
) -> Line<'static> {
    let theme = &picker.ctx.theme;
    let name = picker
        .ctx
        .catalog
        .skills
        .get(requirement.skill)
        .map_or("?", |s| s.name.as_str());
    let have = picker.ctx.analysis.level(requirement.skill);
    let mut spans = vec![Span::styled(
        format!("{:<label_width$} ", format::truncate(name, label_width)),
        theme.text,
    )];
    spans.extend(level_bar(have, requirement.level, MAX_LEVEL, theme));
    spans.push(Span::styled(
        format!(" {have}/{}", requirement.level),
        theme.text,
    ));
    if required {
        spans.push(Span::styled(
            format!(
                "  {}",
                crate::tui::widgets::importance(requirement.importance)
            ),
            theme.dim,
        ));
    }
    Line::from(spans)
}
