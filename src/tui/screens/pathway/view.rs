//! Drawing the Pathway screen: summary, steps, why the selected step is there, timeline.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use crate::plan::Plan;
use crate::tui::analysis::{Outcome, Progress};
use crate::tui::format;
use crate::tui::list::scroll_offset;
use crate::tui::screens::pathway::{PathwayView, credential_title, skill_name, why};
use crate::tui::theme::Theme;
use crate::tui::timeline::{Bar, Timeline};
use crate::tui::widgets::{Notice, panel};

impl Widget for &PathwayView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let analysis = &self.ctx.analysis;
        let catalog = &self.ctx.catalog;
        let plan = match &analysis.outcome {
            Outcome::NoTarget => {
                Notice::no_target(theme).render(area, buf);
                return;
            }
            Outcome::Failed(error) => {
                let role = analysis
                    .role()
                    .map_or("the target role", |r| catalog.roles[r].title.as_str());
                Notice {
                    title: "No plan",
                    lines: vec![
                        Line::from(format!("skillpath could not plan a pathway to {role}:")),
                        Line::styled(error.clone(), theme.error),
                        Line::default(),
                        Line::styled(
                            "Your profile is saved; the Gap screen (3) still shows what is missing.",
                            theme.dim,
                        ),
                    ],
                    error: true,
                    theme,
                }
                .render(area, buf);
                return;
            }
            Outcome::Planning => {
                Notice {
                    title: "Planning…",
                    lines: vec![Line::styled(
                        "Working out the pathway; it appears here in a moment.",
                        theme.dim,
                    )],
                    error: false,
                    theme,
                }
                .render(area, buf);
                return;
            }
            Outcome::Planned(plan) => plan,
        };
        let role = analysis
            .role()
            .map_or("", |r| catalog.roles[r].title.as_str());
        if plan.steps.is_empty() && plan.uncoverable.is_empty() && plan.left_open.is_empty() {
            Notice {
                title: "Nothing to take",
                lines: vec![Line::styled(
                    format!("You already meet every requirement of {role}."),
                    theme.ok,
                )],
                error: false,
                theme,
            }
            .render(area, buf);
            return;
        }
        let [summary_area, steps_area, why_area, timeline_area] = self.areas(area);
        render_summary(self, plan, role, summary_area, buf);
        render_steps(self, plan, steps_area, buf);
        render_why(self, why_area, buf);

        let bars: Vec<Bar> = plan
            .steps
            .iter()
            .enumerate()
            .map(|(i, step)| Bar {
                label: format!(
                    "{} {}",
                    i + 1,
                    catalog
                        .credentials
                        .get(step.credential)
                        .map_or("?", |c| c.title.as_str())
                ),
                start_week: step.start_week,
                end_week: step.end_week,
            })
            .collect();
        let block = panel(
            format!(
                " Timeline at {} h/week ",
                format::hours(analysis.profile.hours_per_week).trim_end_matches(" h")
            ),
            false,
            theme,
        );
        let inner = block.inner(timeline_area);
        block.render(timeline_area, buf);
        let rows = usize::from(inner.height.saturating_sub(1));
        Timeline {
            bars: &bars,
            weeks: plan.totals.weeks,
            today: self.ctx.today,
            selected: Some(self.selected),
            offset: scroll_offset(self.selected, bars.len(), rows),
            theme,
        }
        .render(inner, buf);
    }
}

fn render_summary(view: &PathwayView, plan: &Plan, role: &str, area: Rect, buf: &mut Buffer) {
    let theme = &view.ctx.theme;
    let analysis = &view.ctx.analysis;
    let catalog = &view.ctx.catalog;
    let currency = &catalog.meta.currency;
    let totals = &plan.totals;
    // The same finish date as Compare and the report: the day the last hour of study falls.
    let end = skillpath_finish(view, totals.hours);
    let mut first = vec![Span::styled(
        format!(
            "{} step{} · {} · {} · {} week{} (until {}) · ",
            totals.credentials,
            if totals.credentials == 1 { "" } else { "s" },
            format::hours(totals.hours),
            format::money(totals.cost, currency),
            totals.weeks,
            if totals.weeks == 1 { "" } else { "s" },
            format::date_label(end, view.ctx.today),
        ),
        theme.text,
    )];
    first.push(proof_span(plan, analysis.progress, theme));
    let heading = Line::from(vec![
        Span::styled(format!(" Pathway to {role}"), theme.heading),
        Span::styled(
            format!(" · least {}", objective_noun(analysis.profile.objective)),
            theme.dim,
        ),
    ]);
    first.insert(0, Span::raw(" "));
    let mut lines = vec![heading, Line::from(first)];
    if !plan.uncoverable.is_empty() {
        let names: Vec<String> = plan
            .uncoverable
            .iter()
            .map(|u| {
                format!(
                    "{} (needs {}, best {})",
                    skill_name(catalog, u.skill),
                    u.need,
                    u.best_available
                )
            })
            .collect();
        lines.push(Line::styled(
            format!("No credential closes: {}", names.join(", ")),
            theme.error,
        ));
    }
    if !plan.left_open.is_empty() {
        let names: Vec<String> = plan
            .left_open
            .iter()
            .map(|l| {
                format!(
                    "{} (reaches {} of {})",
                    skill_name(catalog, l.skill),
                    l.reached,
                    l.need
                )
            })
            .collect();
        lines.push(Line::styled(
            format!(
                "Left open by your budget or exclusions: {}",
                names.join(", ")
            ),
            theme.warning,
        ));
    }
    Paragraph::new(lines).render(area, buf);
}

/// Whether the plan shown is proven optimal, still being worked on, or the best found.
fn proof_span(plan: &Plan, progress: Progress, theme: &Theme) -> Span<'static> {
    match progress {
        Progress::Replanning => Span::styled("re-planning…", theme.dim),
        _ if plan.optimal => Span::styled("optimal (proven)", theme.ok),
        Progress::Proving => Span::styled(
            format!("best so far, bound {:.1} · proving…", plan.lower_bound),
            theme.warning,
        ),
        Progress::Settled => Span::styled(
            format!("best found, bound {:.1} (not proven)", plan.lower_bound),
            theme.warning,
        ),
    }
}

fn objective_noun(objective: crate::plan::Objective) -> &'static str {
    match objective {
        crate::plan::Objective::Hours => "hours",
        crate::plan::Objective::Cost => "cost",
        crate::plan::Objective::Count => "credentials",
    }
}

fn render_steps(view: &PathwayView, plan: &Plan, area: Rect, buf: &mut Buffer) {
    let theme = &view.ctx.theme;
    let catalog = &view.ctx.catalog;
    let currency = &catalog.meta.currency;
    let rows: Vec<Row> = plan
        .steps
        .iter()
        .enumerate()
        .map(|(i, step)| {
            let credential = catalog.credentials.get(step.credential);
            let weeks = if step.start_week == step.end_week {
                format!("{}", step.start_week)
            } else {
                format!("{}-{}", step.start_week, step.end_week)
            };
            Row::new(vec![
                Cell::from(format!("{}", i + 1)),
                Cell::from(credential.map_or("?", |c| c.title.as_str()).to_string()),
                Cell::from(Span::styled(
                    credential.map_or("?", |c| c.provider.as_str()).to_string(),
                    theme.dim,
                )),
                Cell::from(
                    Line::from(format::hours(credential.map_or(0.0, |c| c.hours))).right_aligned(),
                ),
                Cell::from(
                    Line::from(format::money(credential.map_or(0.0, |c| c.cost), currency))
                        .right_aligned(),
                ),
                Cell::from(weeks),
                Cell::from(Span::styled(why(catalog, step), theme.dim)),
            ])
        })
        .collect();
    let header = Row::new([
        "#",
        "Credential",
        "Provider",
        "Hours",
        "Cost",
        "Weeks",
        "Why",
    ])
    .style(theme.heading);
    let table = Table::new(
        rows,
        [
            Constraint::Length(2),
            Constraint::Fill(3),
            Constraint::Fill(2),
            Constraint::Length(6),
            Constraint::Length(7),
            Constraint::Length(7),
            Constraint::Fill(3),
        ],
    )
    .header(header)
    .row_highlight_style(theme.selected)
    .block(panel(" Steps, in order ", false, theme));
    let visible = usize::from(area.height.saturating_sub(3));
    let mut state = TableState::default()
        .with_selected(Some(view.selected))
        .with_offset(scroll_offset(view.selected, plan.steps.len(), visible));
    StatefulWidget::render(table, area, buf, &mut state);
}

fn render_why(view: &PathwayView, area: Rect, buf: &mut Buffer) {
    let theme = &view.ctx.theme;
    let catalog = &view.ctx.catalog;
    let Some(step) = view.selected_step() else {
        return;
    };
    let title = credential_title(catalog, step.credential);
    Line::from(vec![
        Span::styled(format!(" {} ", view.selected + 1), theme.key),
        Span::styled(format!("{title}: "), theme.text),
        Span::styled(why(catalog, step), theme.accent),
    ])
    .render(area, buf);
}

fn skillpath_finish(view: &PathwayView, hours: f64) -> time::Date {
    crate::plan::finish_date(
        view.ctx.today,
        hours,
        view.ctx.analysis.profile.hours_per_week,
    )
}
