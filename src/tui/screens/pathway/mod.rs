//! Pathway: the ordered steps that close the gap, why each is there, totals, and a Gantt
//! timeline at the person's hours per week. Marking a step done, or excluding a step's
//! credential or provider, re-plans at once.

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::catalog::Catalog;
use crate::plan::{Plan, Step};
use crate::tui::context::Context;
use crate::tui::keymap::{Binding, HelpSection, Key, KeyHelp, describe, lookup};
use crate::tui::list::item_at;
use crate::tui::msg::Msg;
use crate::tui::screens::{NAV_KEYS, ScreenLogic, navigate};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    Done,
    Exclude,
    ExcludeProvider,
    CycleObjective,
    Export,
    Report,
}

const KEYS: &[Binding<Action>] = &[
    Binding {
        keys: &[Key::char('h')],
        action: Action::Done,
        description: "I hold this step's credential now: it leaves the pathway (undo on Profile)",
        hint: Some("done"),
    },
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
    Binding {
        keys: &[Key::char('r')],
        action: Action::Report,
        description: "write the client's handover report (HTML and Markdown)",
        hint: Some("report"),
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
            Some(Action::Done) => credential.map(|c| Msg::AddHeld(c.id.clone())),
            Some(Action::Exclude) => credential.map(|c| Msg::Exclude(c.id.clone())),
            Some(Action::ExcludeProvider) => {
                credential.map(|c| Msg::ExcludeProvider(c.provider.clone()))
            }
            Some(Action::CycleObjective) => Some(Msg::CycleObjective),
            Some(Action::Export) => Some(Msg::ExportPlan),
            Some(Action::Report) => Some(Msg::WriteReport),
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

mod view;
