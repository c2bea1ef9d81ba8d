//! Gap: every skill the target role requires, the person's level against the needed level as
//! a bar, its importance, and whether any pathway can close it.

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Cell, Paragraph, Row, StatefulWidget, Table, TableState, Widget};

use crate::catalog::{MAX_LEVEL, Requirement};
use crate::tui::analysis::Analysis;
use crate::tui::context::Context;
use crate::tui::format;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup};
use crate::tui::list::{item_at, scroll_offset};
use crate::tui::msg::Msg;
use crate::tui::screens::{NAV_KEYS, ScreenLogic, navigate};
use crate::tui::widgets::{Notice, importance, level_bar, panel, share_bar};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Raise,
    Lower,
}

const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('+'), Key::char('=')],
        action: Action::Raise,
        description: "you know more of the selected skill: raise your level by one",
        hint: Some("my level"),
    },
    Binding {
        keys: &[Key::char('-')],
        action: Action::Lower,
        description: "lower your level of the selected skill by one",
        hint: Some("my level"),
    },
];

#[derive(Debug, Clone)]
pub struct GapView {
    ctx: Context,
    selected: usize,
}

/// Where a required skill stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    Met,
    /// Below the level; a pathway closes it.
    Open,
    /// Below the level and the person's limits (budget, exclusions) keep the plan from it.
    LeftOpen {
        reached: u8,
    },
    /// No credential in the catalog reaches the level.
    Uncoverable {
        best: u8,
    },
}

/// Where `requirement` stands for the analysed profile.
pub fn standing(analysis: &Analysis, requirement: &Requirement) -> Standing {
    let skill = requirement.skill;
    if analysis.level(skill) >= requirement.level {
        return Standing::Met;
    }
    match analysis.plan() {
        Some(plan) => {
            if let Some(u) = plan.uncoverable.iter().find(|u| u.skill == skill) {
                Standing::Uncoverable {
                    best: u.best_available,
                }
            } else if let Some(l) = plan.left_open.iter().find(|l| l.skill == skill) {
                Standing::LeftOpen { reached: l.reached }
            } else {
                Standing::Open
            }
        }
        None if analysis.reachable(skill) < requirement.level => Standing::Uncoverable {
            best: analysis.reachable(skill),
        },
        None => Standing::Open,
    }
}

impl GapView {
    pub fn new(ctx: Context) -> Self {
        Self { ctx, selected: 0 }
    }

    fn requirement_count(&self) -> usize {
        self.ctx
            .analysis
            .role()
            .map_or(0, |r| self.ctx.catalog.roles[r].requires.len())
    }

    fn areas(area: Rect) -> [Rect; 2] {
        area.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Fill(1),
        ]))
    }

    /// Table rows inside the panel: below the border and the header row.
    fn rows_area(table_area: Rect) -> Rect {
        let inner = table_area.inner(ratatui::layout::Margin::new(1, 1));
        Rect {
            y: inner.y.saturating_add(1),
            height: inner.height.saturating_sub(1),
            ..inner
        }
    }
}

impl ScreenLogic for GapView {
    fn handle_key(&self, key: &KeyEvent) -> Option<Msg> {
        let Some(action) = lookup(KEYS, key) else {
            return lookup(NAV_KEYS, key);
        };
        let role = self.ctx.analysis.role()?;
        let requirement = self.ctx.catalog.roles[role].requires.get(self.selected)?;
        let skill = self.ctx.catalog.skills.get(requirement.skill)?.id.clone();
        // The level the person stated, not one lifted by a credential they hold.
        let stated = self
            .ctx
            .analysis
            .profile
            .skills
            .get(&skill)
            .copied()
            .unwrap_or(0);
        match action {
            Action::Raise if stated < MAX_LEVEL => Some(Msg::SetSkillLevel {
                skill,
                level: stated + 1,
            }),
            Action::Lower if stated > 1 => Some(Msg::SetSkillLevel {
                skill,
                level: stated - 1,
            }),
            Action::Lower if stated == 1 => Some(Msg::RemoveSkill(skill)),
            _ => None,
        }
    }

    fn update(&mut self, msg: &Msg) {
        if let Some(selected) = navigate(msg, self.selected, self.requirement_count(), 10) {
            self.selected = selected;
        }
    }

    fn set_context(&mut self, context: Context) {
        self.ctx = context;
        self.selected = self
            .selected
            .min(self.requirement_count().saturating_sub(1));
    }

    fn hints(&self) -> Vec<KeyHelp> {
        [describe(NAV_KEYS), describe(KEYS)].concat()
    }

    fn help(&self) -> Vec<HelpSection> {
        vec![HelpSection::new("Gap", KEYS)]
    }

    fn click(&self, area: Rect, _column: u16, row: u16) -> Option<Msg> {
        let [_, table_area] = Self::areas(area);
        item_at(
            Self::rows_area(table_area),
            self.selected,
            self.requirement_count(),
            row,
        )
        .map(Msg::Select)
    }
}

impl Widget for &GapView {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = &self.ctx.theme;
        let analysis = &self.ctx.analysis;
        let Some(role_idx) = analysis.role() else {
            Notice::no_target(theme).render(area, buf);
            return;
        };
        let role = &self.ctx.catalog.roles[role_idx];
        let standings: Vec<Standing> = role
            .requires
            .iter()
            .map(|r| standing(analysis, r))
            .collect();
        let [summary_area, table_area] = GapView::areas(area);

        let open = standings.iter().filter(|s| **s != Standing::Met).count();
        let uncoverable = standings
            .iter()
            .filter(|s| matches!(s, Standing::Uncoverable { .. }))
            .count();
        let mut summary = vec![Span::styled("Fit ", theme.dim)];
        summary.extend(share_bar(analysis.fit.unwrap_or(0.0), 16, theme));
        summary.push(Span::styled(
            format!("   {open} of {} skills to close", role.requires.len()),
            theme.text,
        ));
        if uncoverable > 0 {
            summary.push(Span::styled(
                format!(" · {uncoverable} no credential can close"),
                theme.error,
            ));
        }
        let block = panel(format!(" Gap for {} ", role.title), false, theme);
        let legend = Line::from(vec![
            Span::styled(crate::tui::theme::glyph::HAVE, theme.bar_have),
            Span::styled(" have  ", theme.dim),
            Span::styled(crate::tui::theme::glyph::MISSING, theme.bar_missing),
            Span::styled(" missing  ", theme.dim),
            Span::styled(crate::tui::theme::glyph::REST, theme.bar_rest),
            Span::styled(" beyond the need", theme.dim),
        ]);
        Paragraph::new(Line::from(summary))
            .block(block)
            .render(summary_area, buf);

        let rows: Vec<Row> = role
            .requires
            .iter()
            .zip(&standings)
            .map(|(requirement, standing)| {
                let name = self
                    .ctx
                    .catalog
                    .skills
                    .get(requirement.skill)
                    .map_or("?", |s| s.name.as_str());
                let have = analysis.level(requirement.skill);
                let (status, style) = match standing {
                    Standing::Met => ("✓ met".to_string(), theme.ok),
                    Standing::Open => (
                        format!(
                            "{} level(s) to go",
                            requirement.level - have.min(requirement.level)
                        ),
                        theme.accent,
                    ),
                    Standing::LeftOpen { reached } => (
                        format!("left open by your limits (reaches {reached})"),
                        theme.warning,
                    ),
                    Standing::Uncoverable { best } => {
                        (format!("✗ uncoverable (best {best})"), theme.error)
                    }
                };
                Row::new(vec![
                    Cell::from(format::truncate(name, 28)),
                    Cell::from(Line::from(level_bar(
                        have,
                        requirement.level,
                        MAX_LEVEL,
                        theme,
                    ))),
                    Cell::from(format!("{have} / {}", requirement.level)),
                    Cell::from(Span::styled(importance(requirement.importance), theme.dim)),
                    Cell::from(Span::styled(status, style)),
                ])
            })
            .collect();
        let header =
            Row::new(["Skill", "Level", "Have/need", "Importance", "Status"]).style(theme.heading);
        let table = Table::new(
            rows,
            [
                Constraint::Max(22),
                Constraint::Length(6),
                Constraint::Length(9),
                Constraint::Length(10),
                Constraint::Fill(3),
            ],
        )
        .header(header)
        .row_highlight_style(theme.cursor_row)
        .highlight_symbol("▶ ")
        .block(panel(" Required skills ", false, theme).title_bottom(legend));
        let visible = usize::from(GapView::rows_area(table_area).height);
        let mut state = TableState::default()
            .with_selected(Some(self.selected))
            .with_offset(scroll_offset(self.selected, role.requires.len(), visible));
        StatefulWidget::render(table, table_area, buf, &mut state);
    }
}
