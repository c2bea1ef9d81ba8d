//! Pathway: the ordered steps that close the gap, why each is there, totals, and a Gantt
//! timeline at the person's hours per week. Excluding a step's credential or provider
//! re-plans at once.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use crate::catalog::Catalog;
use crate::plan::{Plan, Step};
use crate::tui::analysis::Outcome;
use crate::tui::context::Context;
use crate::tui::format;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup};
use crate::tui::list::{item_at, scroll_offset};
use crate::tui::msg::Msg;
use crate::tui::screens::{NAV_KEYS, ScreenLogic, navigate};
use crate::tui::timeline::{Bar, Timeline};
use crate::tui::widgets::{Notice, panel};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Exclude,
    ExcludeProvider,
    CycleObjective,
    Export,
}

const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('x')],
        action: Action::Exclude,
        description: "exclude the selected credential and re-plan (undo on Profile)",
        hint: Some("exclude"),
    },
    Binding {
        keys: &[Key::char('X')],
        action: Action::ExcludeProvider,
        description: "exclude the selected step's provider and re-plan",
        hint: Some("provider"),
    },
    Binding {
        keys: &[Key::char('o')],
        action: Action::CycleObjective,
        description: "minimise hours, cost or number of credentials",
        hint: Some("objective"),
    },
    Binding {
        keys: &[Key::char('e')],
        action: Action::Export,
        description: "export this plan as Markdown and JSON",
        hint: Some("export"),
    },
];

#[derive(Debug, Clone)]
pub struct PathwayView {
    ctx: Context,
    selected: usize,
}

impl PathwayView {
    pub fn new(ctx: Context) -> Self {
        Self { ctx, selected: 0 }
    }

    fn steps(&self) -> &[Step] {
        self.ctx.analysis.plan().map_or(&[], |p| p.steps.as_slice())
    }

    pub fn selected_step(&self) -> Option<&Step> {
        self.steps().get(self.selected)
    }

    fn summary_height(plan: &Plan) -> u16 {
        let extra = u16::from(!plan.uncoverable.is_empty()) + u16::from(!plan.left_open.is_empty());
        2 + extra
    }

    fn areas(&self, area: Rect) -> [Rect; 4] {
        let (summary, steps) = match self.ctx.analysis.plan() {
            Some(plan) => (Self::summary_height(plan), plan.steps.len()),
            None => (2, 0),
        };
        let steps_height = u16::try_from(steps.min(10)).unwrap_or(10) + 3;
        area.layout(&Layout::vertical([
            Constraint::Length(summary),
            Constraint::Length(steps_height),
            Constraint::Length(1),
            Constraint::Min(4),
        ]))
    }
}

impl ScreenLogic for PathwayView {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        let catalog = &self.ctx.catalog;
        let credential = self
            .selected_step()
            .and_then(|s| catalog.credentials.get(s.credential));
        match lookup(KEYS, key) {
            Some(Action::Exclude) => credential.map(|c| Msg::Exclude(c.id.clone())),
            Some(Action::ExcludeProvider) => {
                credential.map(|c| Msg::ExcludeProvider(c.provider.clone()))
            }
            Some(Action::CycleObjective) => Some(Msg::CycleObjective),
            Some(Action::Export) => Some(Msg::ExportPlan),
            None => lookup(NAV_KEYS, key),
        }
    }

    fn update(&mut self, msg: &Msg) {
        if let Some(selected) = navigate(msg, self.selected, self.steps().len(), 10) {
            self.selected = selected;
        }
    }

    fn set_context(&mut self, context: Context) {
        self.ctx = context;
        self.selected = self.selected.min(self.steps().len().saturating_sub(1));
    }

    fn hints(&self) -> Vec<KeyHelp> {
        [describe(NAV_KEYS), describe(KEYS)].concat()
    }

    fn help(&self) -> Vec<HelpSection> {
        vec![HelpSection::new("Pathway", KEYS)]
    }

    fn click(&self, area: Rect, _column: u16, row: u16) -> Option<Msg> {
        let [_, steps_area, _, _] = self.areas(area);
        let rows = steps_area.inner(Margin::new(1, 1));
        let rows = Rect {
            y: rows.y.saturating_add(1),
            height: rows.height.saturating_sub(1),
            ..rows
        };
        item_at(rows, self.selected, self.steps().len(), row).map(Msg::Select)
    }
}

impl Widget for &PathwayView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let analysis = &self.ctx.analysis;
        let catalog = &self.ctx.catalog;
        let plan = match &analysis.outcome {
            Outcome::NoTarget => {
                Notice {
                    title: "No target role yet",
                    lines: vec![Line::from(
                        "Press 1 for Roles, type part of a role's name, and press Enter to choose it.",
                    )],
                    error: false,
                    theme,
                }
                .render(area, buf);
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
    let end = format::week_start(view.ctx.today, totals.weeks.max(1) + 1);
    let mut first = vec![Span::styled(
        format!(
            "{} step{} · {} · {} · {} week{} (until {}) · ",
            totals.credentials,
            if totals.credentials == 1 { "" } else { "s" },
            format::hours(totals.hours),
            format::money(totals.cost, currency),
            totals.weeks,
            if totals.weeks == 1 { "" } else { "s" },
            format::short_date(end),
        ),
        theme.text,
    )];
    if plan.optimal {
        first.push(Span::styled("optimal (proven)", theme.ok));
    } else {
        first.push(Span::styled(
            format!("best so far, lower bound {:.1}", plan.lower_bound),
            theme.warning,
        ));
    }
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

fn objective_noun(objective: crate::plan::Objective) -> &'static str {
    match objective {
        crate::plan::Objective::Hours => "hours",
        crate::plan::Objective::Cost => "cost",
        crate::plan::Objective::Count => "credentials",
    }
}

fn skill_name(catalog: &Catalog, skill: usize) -> &str {
    catalog.skills.get(skill).map_or("?", |s| s.name.as_str())
}

fn credential_title(catalog: &Catalog, credential: usize) -> &str {
    catalog
        .credentials
        .get(credential)
        .map_or("?", |c| c.title.as_str())
}

/// Why a step is in the plan: the gap skills it closes and the later steps that need it.
pub fn why(catalog: &Catalog, step: &Step) -> String {
    let mut parts = Vec::new();
    if !step.closes.is_empty() {
        let skills: Vec<&str> = step
            .closes
            .iter()
            .map(|&s| skill_name(catalog, s))
            .collect();
        parts.push(format!("closes {}", skills.join(", ")));
    }
    if !step.enables.is_empty() {
        let later: Vec<&str> = step
            .enables
            .iter()
            .map(|&c| credential_title(catalog, c))
            .collect();
        parts.push(format!("needed for {}", later.join(", ")));
    }
    if parts.is_empty() {
        "raises a skill toward its level".into()
    } else {
        parts.join("; ")
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
            Constraint::Length(5),
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
