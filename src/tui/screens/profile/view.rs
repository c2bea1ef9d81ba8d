//! Drawing the Profile screen: the rows panel, the "your plan now" panel and the input box.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Widget, Wrap};

use crate::catalog::MAX_LEVEL;
use crate::plan::Objective;
use crate::tui::analysis::Outcome;
use crate::tui::format;
use crate::tui::list::scroll_offset;
use crate::tui::msg::InputKind;
use crate::tui::picker::PickerPopup;
use crate::tui::screens::profile::{InputBox, Modal, NOTES_SECTION, ProfileEditor, Row, rows};
use crate::tui::widgets::{level_bar, panel};

/// One drawn line of the rows panel: a section heading, a row, or a placeholder.
pub(super) struct RowLine {
    pub(super) line: Line<'static>,
    pub(super) row: Option<usize>,
}

impl ProfileEditor {
    pub(super) fn selected_line(&self, lines: &[RowLine]) -> usize {
        lines
            .iter()
            .position(|l| l.row == Some(self.selected))
            .unwrap_or(0)
    }
}

/// The catalog's words for levels 1..=5.
pub fn level_name(level: u8) -> &'static str {
    match level {
        1 => "awareness",
        2 => "foundational",
        3 => "intermediate",
        4 => "advanced",
        5 => "expert",
        _ => "",
    }
}

pub(super) fn row_lines(editor: &ProfileEditor) -> Vec<RowLine> {
    let theme = &editor.ctx.theme;
    let catalog = &editor.ctx.catalog;
    let profile = editor.profile();
    let currency = &catalog.meta.currency;
    let heading = |text: &'static str, hint: &'static str| RowLine {
        line: Line::from(vec![
            Span::styled(text, theme.heading),
            Span::styled(hint, theme.dim),
        ]),
        row: None,
    };
    let no_exclusions = profile.exclude.is_empty() && profile.exclude_providers.is_empty();
    // Shown in place of the empty section, before the notes that follow it.
    let never_plan_placeholder = || {
        [
            heading("Never plan", ""),
            RowLine {
                line: Line::styled("  none (x credential · X provider)", theme.dim),
                row: None,
            },
        ]
    };
    let mut lines = Vec::new();
    let all = rows(profile);
    if profile.skills.is_empty() {
        lines.push(heading("Your skills", ""));
        lines.push(RowLine {
            line: Line::styled("  none yet: press a to add a skill you have", theme.accent),
            row: None,
        });
    }
    for (index, (section, row)) in all.iter().enumerate() {
        if let Some(section) = section {
            let hint = match *section {
                "Your skills" => "  (a add · +/- level · d remove)",
                "Credentials you hold" => "  (c add · d remove)",
                "How you plan" => "  (+/- or Enter to change)",
                NOTES_SECTION => "  (n add · d delete)",
                _ => "  (d to plan them again)",
            };
            if *section == NOTES_SECTION && no_exclusions {
                lines.extend(never_plan_placeholder());
            }
            if *section == "How you plan" && profile.done.is_empty() {
                lines.push(heading("Credentials you hold", ""));
                lines.push(RowLine {
                    line: Line::styled("  none: press c to add one you have completed", theme.dim),
                    row: None,
                });
            }
            lines.push(heading(section, hint));
        }
        let (label, value): (String, Vec<Span<'static>>) = match row {
            Row::Skill(id) => {
                let name = catalog
                    .skill(id)
                    .map_or(id.as_str(), |s| catalog.skills[s].name.as_str());
                let level = profile.skills.get(id).copied().unwrap_or(0);
                let mut value = level_bar(level, level, MAX_LEVEL, theme);
                value.push(Span::raw(format!(" {level} {}", level_name(level))));
                (name.to_string(), value)
            }
            Row::Held(id) => {
                let title = catalog
                    .credential(id)
                    .map_or(id.as_str(), |c| catalog.credentials[c].title.as_str());
                (title.to_string(), vec![])
            }
            Row::HoursPerWeek => (
                "Hours per week".into(),
                vec![Span::raw(format::hours(profile.hours_per_week))],
            ),
            Row::Objective => (
                "Minimise".into(),
                vec![Span::raw(
                    match profile.objective {
                        Objective::Hours => "hours",
                        Objective::Cost => "cost",
                        Objective::Count => "number of credentials",
                    }
                    .to_string(),
                )],
            ),
            Row::BudgetCost => (
                "Budget (money)".into(),
                vec![Span::raw(
                    profile
                        .budget_cost
                        .map_or("none".into(), |b| format::money(b, currency)),
                )],
            ),
            Row::BudgetHours => (
                "Budget (hours)".into(),
                vec![Span::raw(
                    profile.budget_hours.map_or("none".into(), format::hours),
                )],
            ),
            Row::Excluded(id) => {
                let title = catalog
                    .credential(id)
                    .map_or(id.as_str(), |c| catalog.credentials[c].title.as_str());
                (format!("credential: {title}"), vec![])
            }
            Row::ExcludedProvider(p) => (format!("provider: {p}"), vec![]),
            Row::Note(index) => {
                let note = profile.notes.get(*index);
                (
                    note.map_or(String::new(), |n| n.date.clone()),
                    vec![Span::styled(
                        note.map_or(String::new(), |n| first_line(&n.text)),
                        theme.text,
                    )],
                )
            }
        };
        let selected = index == editor.selected && editor.modal.is_none();
        let style = if selected { theme.selected } else { theme.text };
        let mut spans = vec![Span::styled(
            format!("  {:<24} ", format::truncate(&label, 24)),
            style,
        )];
        spans.extend(value);
        lines.push(RowLine {
            line: Line::from(spans),
            row: Some(index),
        });
    }
    if no_exclusions && profile.notes.is_empty() {
        lines.extend(never_plan_placeholder());
    }
    if profile.notes.is_empty() {
        lines.push(heading(NOTES_SECTION, ""));
        lines.push(RowLine {
            line: Line::styled("  none (n adds one; never exported)", theme.dim),
            row: None,
        });
    }
    lines
}

/// A note's first line, marked when more follows.
fn first_line(text: &str) -> String {
    let mut lines = text.lines();
    let first = lines.next().unwrap_or_default().to_string();
    if lines.next().is_some() {
        format!("{first} …")
    } else {
        first
    }
}

impl Widget for &ProfileEditor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let [rows_area, side_area] = ProfileEditor::areas(area);
        let profile = self.profile();
        let block = panel(
            format!(" Profile: {} ", profile.name),
            self.modal.is_none(),
            theme,
        );
        let inner = block.inner(rows_area);
        block.render(rows_area, buf);
        let lines = row_lines(self);
        let offset = scroll_offset(
            self.selected_line(&lines),
            lines.len(),
            usize::from(inner.height),
        );
        let visible: Vec<Line> = lines.into_iter().skip(offset).map(|l| l.line).collect();
        Paragraph::new(visible).render(inner, buf);

        Paragraph::new(side_lines(self))
            .wrap(Wrap { trim: false })
            .block(panel(" Your plan now ", false, theme))
            .render(side_area, buf);

        match &self.modal {
            Some(Modal::Picker(picker)) => PickerPopup { picker, theme }.render(area, buf),
            Some(Modal::Input(input)) => render_input(self, input, area, buf),
            None => {}
        }
    }
}

fn side_lines(editor: &ProfileEditor) -> Vec<Line<'static>> {
    let theme = &editor.ctx.theme;
    let analysis = &editor.ctx.analysis;
    let catalog = &editor.ctx.catalog;
    let currency = &catalog.meta.currency;
    let field = |name: &str, value: String, style| {
        Line::from(vec![
            Span::styled(format!("{name:<8}"), theme.dim),
            Span::styled(value, style),
        ])
    };
    let mut lines = Vec::new();
    if let Some(note) = editor.selected_note() {
        lines.push(Line::styled(
            format!("Note of {} (private)", note.date),
            theme.heading,
        ));
        lines.extend(
            note.text
                .lines()
                .map(|l| Line::styled(l.to_string(), theme.text)),
        );
        lines.push(Line::styled("d deletes it", theme.dim));
        lines.push(Line::default());
    }
    if let Some(problem) = &editor.save_problem {
        lines.push(Line::styled("Changes are not being saved:", theme.error));
        lines.push(Line::styled(problem.clone(), theme.error));
        lines.push(Line::styled(
            "Press N to start a new profile, or p to switch.",
            theme.dim,
        ));
        lines.push(Line::default());
    }
    let target = analysis
        .role()
        .map_or("none yet (press 1 to choose)".to_string(), |r| {
            catalog.roles[r].title.clone()
        });
    lines.push(field("Target", target, theme.accent));
    if let Some(fit) = analysis.fit {
        lines.push(field("Fit", format::percent(fit), theme.text));
    }
    match &analysis.outcome {
        Outcome::Planned(plan) => {
            let t = &plan.totals;
            lines.push(field(
                "Plan",
                format!(
                    "{} steps · {} · {} · {} weeks",
                    t.credentials,
                    format::hours(t.hours),
                    format::money(t.cost, currency),
                    t.weeks
                ),
                theme.text,
            ));
            if !plan.left_open.is_empty() {
                lines.push(field(
                    "",
                    format!("{} skills left open by your limits", plan.left_open.len()),
                    theme.warning,
                ));
            }
        }
        Outcome::Failed(error) => lines.push(field("Plan", format!("none: {error}"), theme.error)),
        Outcome::Planning => lines.push(field("Plan", "planning…".into(), theme.dim)),
        Outcome::NoTarget => {}
    }
    lines.push(Line::default());
    lines.push(Line::styled(
        "Every change re-plans and is saved at once.",
        theme.dim,
    ));
    lines.push(Line::from(vec![
        Span::styled("p", theme.key),
        Span::styled(
            format!(" switch profile ({} saved) · ", editor.profile_names.len()),
            theme.dim,
        ),
        Span::styled("N", theme.key),
        Span::styled(" new profile", theme.dim),
    ]));
    for issue in &analysis.resolved.issues {
        lines.push(Line::styled(issue.clone(), theme.warning));
    }
    lines
}

fn render_input(editor: &ProfileEditor, input: &InputBox, area: Rect, buf: &mut Buffer) {
    let theme = &editor.ctx.theme;
    let profile = editor.profile();
    let currency = &editor.ctx.catalog.meta.currency;
    let now = match input.kind {
        InputKind::HoursPerWeek => format!("now {}", format::hours(profile.hours_per_week)),
        InputKind::BudgetCost => format!(
            "now {}",
            profile
                .budget_cost
                .map_or("none".into(), |b| format::money(b, currency))
        ),
        InputKind::BudgetHours => format!(
            "now {}",
            profile.budget_hours.map_or("none".into(), format::hours)
        ),
        InputKind::NewProfile => format!("{} saved profiles", editor.profile_names.len()),
        InputKind::Note => format!("dated {}", format::iso_date(editor.ctx.today)),
    };
    let title = match input.kind {
        InputKind::HoursPerWeek => "Hours per week you can study",
        InputKind::BudgetCost => "Budget in money (empty for none)",
        InputKind::BudgetHours => "Budget in hours (empty for none)",
        InputKind::NewProfile => "Name of the new profile (letters, digits, - and _)",
        InputKind::Note => "Advisor note (private: never exported)",
    };
    let popup = area.centered(Constraint::Percentage(70), Constraint::Length(5));
    Clear.render(popup, buf);
    let mut lines = vec![Line::from(vec![
        Span::styled(input.text.clone(), theme.input),
        Span::styled(crate::tui::theme::glyph::CURSOR, theme.input),
    ])];
    match &input.error {
        Some(error) => lines.push(Line::styled(error.clone(), theme.error)),
        None => lines.push(Line::styled(
            format!("{now} · Enter to save · Esc to cancel"),
            theme.dim,
        )),
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(panel(format!(" {title} "), true, theme))
        .render(popup, buf);
}
