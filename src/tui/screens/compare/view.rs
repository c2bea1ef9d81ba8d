//! Drawing the Compare screen: one column per role (or per objective), a row per figure, the
//! gap skills or steps beneath, and the credentials the pathways share.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, Table, Widget, Wrap};

use crate::plan::{Plan, RoleComparison, Tradeoff, finish_date};
use crate::tui::format;
use crate::tui::picker::PickerPopup;
use crate::tui::screens::compare::{CompareView, Mode, Slot};
use crate::tui::widgets::{Notice, panel};

/// Gap skills or steps listed per column before "+N more".
const LISTED: usize = 6;
const LABEL_WIDTH: u16 = 13;

impl Widget for &CompareView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        if self.ctx.analysis.role().is_none() {
            Notice {
                title: "No target role yet",
                lines: vec![Line::from(
                    "Choose a target on Roles (1); then compare it here with up to two other roles, or see its fastest, cheapest and fewest-credentials pathways.",
                )],
                error: false,
                theme,
            }
            .render(area, buf);
            return;
        }
        match self.mode {
            Mode::Roles => match &self.roles {
                Slot::Ready(Ok(comparison)) => render_roles(self, comparison, area, buf),
                slot => render_waiting(self, slot_error(slot), area, buf),
            },
            Mode::Objectives => match &self.tradeoff {
                Slot::Ready(Ok(tradeoff)) => render_tradeoff(self, tradeoff, area, buf),
                slot => render_waiting(self, slot_error(slot), area, buf),
            },
        }
        if let Some(picker) = &self.picker {
            PickerPopup { picker, theme }.render(area, buf);
        }
    }
}

fn slot_error<T>(slot: &Slot<T>) -> Option<&str> {
    match slot {
        Slot::Ready(Err(error)) => Some(error),
        _ => None,
    }
}

fn render_waiting(view: &CompareView, error: Option<&str>, area: Rect, buf: &mut Buffer) {
    let theme = &view.ctx.theme;
    let notice = match error {
        Some(error) => Notice {
            title: "Could not compare",
            lines: vec![Line::styled(error.to_string(), theme.error)],
            error: true,
            theme,
        },
        None => Notice {
            title: "Comparing…",
            lines: vec![Line::styled(
                "Planning each option for you; it appears here in a few seconds. Keys keep working meanwhile.",
                theme.dim,
            )],
            error: false,
            theme,
        },
    };
    notice.render(area, buf);
}

/// A figure per column, as a table row.
fn figure_row<'a>(label: &'a str, values: Vec<String>, style: Style) -> Row<'a> {
    let mut cells = vec![Cell::from(label)];
    cells.extend(values.into_iter().map(|v| Cell::from(v).style(style)));
    Row::new(cells)
}

/// The figures every plan has: hours, cost, credentials, weeks, finish, proof.
fn plan_rows<'a>(view: &CompareView, plans: &[&Plan], style: Style) -> Vec<Row<'a>> {
    let ctx = &view.ctx;
    let currency = &ctx.catalog.meta.currency;
    let pace = ctx.analysis.profile.hours_per_week;
    let each = |f: &dyn Fn(&Plan) -> String| plans.iter().map(|p| f(p)).collect::<Vec<_>>();
    vec![
        figure_row("Hours", each(&|p| format::hours(p.totals.hours)), style),
        figure_row(
            "Cost",
            each(&|p| format::money(p.totals.cost, currency)),
            style,
        ),
        figure_row(
            "Credentials",
            each(&|p| p.totals.credentials.to_string()),
            style,
        ),
        figure_row(
            "Weeks",
            each(&|p| format!("{} at {}/wk", p.totals.weeks, format::hours(pace))),
            style,
        ),
        figure_row(
            "Finish",
            each(&|p| format::date_label(finish_date(ctx.today, p.totals.hours, pace), ctx.today)),
            style,
        ),
        figure_row(
            "Proven",
            each(&|p| {
                if p.optimal {
                    "optimal".to_string()
                } else {
                    format!("best found, bound {:.0}", p.lower_bound)
                }
            }),
            style,
        ),
    ]
}

/// Rows listing, per column, the items of `lists` one per row, then "+N more".
fn list_rows<'a>(title: &'a str, lists: &[Vec<String>], style: Style) -> Vec<Row<'a>> {
    let longest = lists.iter().map(Vec::len).max().unwrap_or(0);
    let shown = longest.min(LISTED);
    let mut rows = Vec::new();
    for i in 0..shown.max(1) {
        let values = lists
            .iter()
            .map(|list| match list.get(i) {
                Some(_) if i + 1 == shown && list.len() > shown => {
                    format!("+{} more", list.len() - i)
                }
                Some(item) => item.clone(),
                None if i == 0 => "none".to_string(),
                None => String::new(),
            })
            .collect();
        rows.push(figure_row(if i == 0 { title } else { "" }, values, style));
    }
    rows
}

fn widths(columns: usize) -> Vec<Constraint> {
    let mut widths = vec![Constraint::Length(LABEL_WIDTH)];
    widths.extend(std::iter::repeat_n(Constraint::Fill(1), columns));
    widths
}

fn render_roles(view: &CompareView, comparison: &RoleComparison, area: Rect, buf: &mut Buffer) {
    let ctx = &view.ctx;
    let theme = &ctx.theme;
    let catalog = &ctx.catalog;
    let options = &comparison.options;
    let shared_height = u16::try_from(comparison.shared.len().clamp(1, 4)).unwrap_or(4) + 2;
    let [table_area, shared_area] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(shared_height),
    ]));

    let header = {
        let mut cells = vec![Cell::from("")];
        cells.extend(options.iter().enumerate().map(|(i, option)| {
            let title = &catalog.roles[option.role].title;
            let style = if i == view.selected {
                theme.selected
            } else {
                theme.heading
            };
            let marker = if i == 0 { "★ " } else { "" };
            Cell::from(format!("{marker}{title}")).style(style)
        }));
        Row::new(cells)
    };
    let mut rows = vec![figure_row(
        "Fit now",
        options.iter().map(|o| format::percent(o.fit)).collect(),
        theme.text,
    )];
    let plans: Vec<&Plan> = options.iter().map(|o| &o.plan).collect();
    rows.extend(plan_rows(view, &plans, theme.text));
    rows.push(Row::new(vec![Cell::from("")]));
    let gaps: Vec<Vec<String>> = options
        .iter()
        .map(|option| {
            option
                .gap
                .iter()
                .map(|item| {
                    let name = catalog
                        .skills
                        .get(item.skill)
                        .map_or("?", |s| s.name.as_str());
                    format!("{name} {}→{}", item.have, item.need)
                })
                .collect()
        })
        .collect();
    rows.extend(list_rows("Gap skills", &gaps, theme.text));

    let title = if options.len() == 1 {
        " Compare roles · press a to add a role beside your target ".to_string()
    } else {
        format!(
            " Compare {} roles for {} ",
            options.len(),
            ctx.analysis.profile.name
        )
    };
    Table::new(rows, widths(options.len()))
        .header(header)
        .column_spacing(2)
        .block(panel(title, true, theme))
        .render(table_area, buf);

    let mut lines = Vec::new();
    if comparison.shared.is_empty() {
        let text = if options.len() > 1 {
            "The pathways share no credential."
        } else {
            "Add a role (a) to see the credentials both pathways share."
        };
        lines.push(Line::styled(text, theme.dim));
    }
    for shared in &comparison.shared {
        let credential = catalog
            .credentials
            .get(shared.credential)
            .map_or("?", |c| c.title.as_str());
        let roles: Vec<&str> = shared
            .roles
            .iter()
            .map(|&r| catalog.roles[r].title.as_str())
            .collect();
        lines.push(Line::from(vec![
            Span::styled(credential.to_string(), theme.text),
            Span::styled(format!("  on {}", roles.join(", ")), theme.dim),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .block(panel(" Credentials the pathways share ", false, theme))
        .render(shared_area, buf);
}

fn render_tradeoff(view: &CompareView, tradeoff: &Tradeoff, area: Rect, buf: &mut Buffer) {
    let ctx = &view.ctx;
    let theme = &ctx.theme;
    let catalog = &ctx.catalog;
    let currency = &catalog.meta.currency;
    // Two rows: six points of "388 h · $2,087" fit in two lines of a narrow terminal.
    let frontier_height = if tradeoff.frontier.as_ref().is_some_and(|f| f.len() > 1) {
        4
    } else {
        0
    };
    let [table_area, frontier_area] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(frontier_height),
    ]));
    let columns = [
        ("Fastest", &tradeoff.fastest),
        ("Cheapest", &tradeoff.cheapest),
        ("Fewest credentials", &tradeoff.fewest),
    ];
    let mut header = vec![Cell::from("")];
    header.extend(
        columns
            .iter()
            .map(|(name, _)| Cell::from(*name).style(theme.heading)),
    );
    let plans: Vec<&Plan> = columns.iter().map(|(_, plan)| *plan).collect();
    let mut rows = plan_rows(view, &plans, theme.text);
    rows.push(Row::new(vec![Cell::from("")]));
    let steps: Vec<Vec<String>> = plans
        .iter()
        .map(|plan| {
            plan.steps
                .iter()
                .map(|step| {
                    catalog
                        .credentials
                        .get(step.credential)
                        .map_or("?".to_string(), |c| c.title.clone())
                })
                .collect()
        })
        .collect();
    rows.extend(list_rows("Steps", &steps, theme.text));
    let role = ctx
        .analysis
        .role()
        .map_or("", |r| catalog.roles[r].title.as_str());
    Table::new(rows, widths(columns.len()))
        .header(Row::new(header))
        .column_spacing(2)
        .block(panel(
            format!(" {role}: fastest, cheapest, fewest credentials "),
            true,
            theme,
        ))
        .render(table_area, buf);

    if let Some(frontier) = tradeoff.frontier.as_ref().filter(|f| f.len() > 1) {
        let points: Vec<String> = frontier
            .iter()
            .map(|p| {
                format!(
                    "{} · {}",
                    format::hours(p.totals.hours),
                    format::money(p.totals.cost, currency)
                )
            })
            .collect();
        Paragraph::new(Line::styled(points.join("   │   "), theme.text))
            .wrap(Wrap { trim: true })
            .block(panel(
                " Every trade-off of hours against cost (no plan beats one on both) ",
                false,
                theme,
            ))
            .render(frontier_area, buf);
    }
}
